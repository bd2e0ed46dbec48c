// Slugs keep the title's own script: an Arabic title gives an Arabic slug (served
// percent-encoded by the web layer). Lengths are counted in characters, not bytes, so an
// Arabic slug is not cut to a third of a Latin one.
const MARKS = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]/g; // harakat, Quranic marks, tatweel
const INVISIBLE = /[\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF\u00AD]/g;

export const SLUG_MAX_CHARS = 80;

export function slugify(text: string, maxChars = SLUG_MAX_CHARS): string {
  const cleaned = text
    .normalize('NFKC')
    .replace(INVISIBLE, '')
    .replace(MARKS, '')
    .toLowerCase()
    // Latin accents go (é → e) so French slugs stay ASCII; Arabic letters are untouched.
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  return truncateAtWord(cleaned, maxChars);
}

function truncateAtWord(slug: string, maxChars: number): string {
  const chars = Array.from(slug);
  if (chars.length <= maxChars) return slug;
  const cut = chars.slice(0, maxChars).join('');
  const lastHyphen = cut.lastIndexOf('-');
  return (lastHyphen > maxChars / 2 ? cut.slice(0, lastHyphen) : cut).replace(/-+$/, '');
}

/** A stored slug: letters and digits of any script, single hyphens between them. */
export function isValidSlug(slug: string, maxChars = SLUG_MAX_CHARS): boolean {
  return /^[\p{L}\p{N}]+(-[\p{L}\p{N}]+)*$/u.test(slug) && Array.from(slug).length <= maxChars;
}
