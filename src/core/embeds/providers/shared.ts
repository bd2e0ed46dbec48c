// Small checks every provider shares.

/** Sandbox tokens a player needs to run its own script and open the original in a new tab. */
export const PLAYER_SANDBOX = 'allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox';

/** Permissions a video player needs; nothing else (no camera, no geolocation). */
export const VIDEO_ALLOW = 'autoplay; encrypted-media; fullscreen; picture-in-picture';

/** The host name when it is exactly one of `hosts` (so youtube.com.evil.example is not YouTube). */
export function hostIn(url: URL, hosts: readonly string[]): boolean {
  return hosts.includes(url.hostname.toLowerCase());
}

/** Path segments without empty ones: "/a//b/" → ["a", "b"]. */
export function segments(url: URL): string[] {
  return url.pathname.split('/').filter((s) => s !== '');
}

/** A shared timestamp: "90", "90s", "1m30s", "1h2m3s" → seconds; null when it is none of these. */
export function seconds(value: string | null): number | null {
  if (value === null || value === '') return null;
  if (/^\d{1,6}s?$/.test(value)) return Number.parseInt(value, 10);
  const m = /^(?:(\d{1,3})h)?(?:(\d{1,4})m)?(?:(\d{1,6})s)?$/.exec(value);
  if (!m || (!m[1] && !m[2] && !m[3])) return null;
  return Number(m[1] ?? 0) * 3600 + Number(m[2] ?? 0) * 60 + Number(m[3] ?? 0);
}
