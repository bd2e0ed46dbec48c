// WordPress dates: "2024-03-10 08:30:00" in GMT (post_date_gmt) or site time (post_date), and
// "0000-00-00 00:00:00" for a draft never scheduled. The GMT one is preferred; site time is
// read as UTC when it is all there is.

function parse(text: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?/.exec(text.trim());
  if (!m || m[1] === '0000') return null;
  const date = new Date(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6] ?? '00'}Z`);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** The first readable date among GMT, site time and an RSS pubDate. */
export function wpDate(gmt: string, local: string, pubDate: string): string | null {
  const fromRss = pubDate.trim() === '' ? null : new Date(pubDate);
  return (
    parse(gmt) ?? parse(local) ?? (fromRss && !Number.isNaN(fromRss.getTime()) ? fromRss.toISOString() : null)
  );
}
