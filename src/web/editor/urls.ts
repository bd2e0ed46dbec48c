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
