// Feed readers show article HTML away from our site, where root-relative links and images
// (/media/…, /article/…) would point nowhere; this rewrites them against the site's base URL.
// The input is sanitized HTML, whose attributes the sanitizer always writes double-quoted.

const URL_ATTRIBUTE = /\s(src|href|poster)="(\/(?!\/)[^"]*)"/g;
const SRCSET_ATTRIBUTE = /\ssrcset="([^"]*)"/g;

export function absolutizeHtml(html: string, baseUrl: string): string {
  return html
    .replace(URL_ATTRIBUTE, (_m, name: string, path: string) => ` ${name}="${baseUrl}${path}"`)
    .replace(SRCSET_ATTRIBUTE, (_m, list: string) => {
      const candidates = list.split(',').map((candidate) => {
        const trimmed = candidate.trim();
        return trimmed.startsWith('/') && !trimmed.startsWith('//') ? `${baseUrl}${trimmed}` : trimmed;
      });
      return ` srcset="${candidates.join(', ')}"`;
    });
}
