// Which addresses the editor accepts. The server's HTML policy would strip anything else
// anyway; refusing here tells the writer at once instead of silently losing the link.

/** A link target the article may carry: http(s) or mailto only; null when refused. */
export function safeLinkUrl(input: string): string | null {
  const text = input.trim();
  if (text === '') return null;
  // A bare domain ("example.org/page") is what people paste most; it means https.
  const candidate = /^[a-z][a-z0-9+.-]*:/i.test(text) ? text : `https://${text}`;
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return null;
  }
  if (url.protocol === 'mailto:') return /^mailto:[^\s@]+@[^\s@]+$/i.test(candidate) ? candidate : null;
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (!url.hostname.includes('.') && url.hostname !== 'localhost') return null;
  return url.href;
}

const X_HOSTS = new Set(['x.com', 'www.x.com', 'twitter.com', 'www.twitter.com', 'mobile.twitter.com']);
const YOUTUBE_HOSTS = new Set(['youtube.com', 'www.youtube.com', 'm.youtube.com']);

/**
 * An X post or YouTube video address, normalized, or null. Embeds are stored as a plain link
 * paragraph: the reader page loads no third-party script and the link still works anywhere.
 */
export function embedUrl(input: string): string | null {
  const href = safeLinkUrl(input);
  if (!href || href.startsWith('mailto:')) return null;
  const url = new URL(href);
  const host = url.hostname.toLowerCase();
  if (X_HOSTS.has(host)) {
    const m = /^\/([A-Za-z0-9_]{1,15})\/status\/(\d{1,25})\/?$/.exec(url.pathname);
    return m ? `https://x.com/${m[1]}/status/${m[2]}` : null;
  }
  if (host === 'youtu.be') {
    const id = url.pathname.slice(1);
    return /^[\w-]{6,20}$/.test(id) ? `https://www.youtube.com/watch?v=${id}` : null;
  }
  if (YOUTUBE_HOSTS.has(host)) {
    const watch = url.pathname === '/watch' ? url.searchParams.get('v') : null;
    const other = /^\/(?:shorts|embed|live)\/([\w-]{6,20})\/?$/.exec(url.pathname)?.[1] ?? null;
    const id = watch ?? other;
    return id && /^[\w-]{6,20}$/.test(id) ? `https://www.youtube.com/watch?v=${id}` : null;
  }
  return null;
}
