// Google Maps: the "embed a map" address (maps/embed?pb=…), places and coordinates (@lat,lng,zoom)
// and searches (?q=). Short goo.gl/maps links need a request to resolve, so they stay links.
import type { EmbedProvider, ProviderMatch } from '../types.ts';
import { hostIn, PLAYER_SANDBOX, segments } from './shared.ts';

const HOSTS = ['google.com', 'www.google.com', 'maps.google.com'];
const AT = /^@(-?\d{1,3}(?:\.\d+)?),(-?\d{1,3}(?:\.\d+)?)(?:,(\d{1,2}(?:\.\d+)?)z)?/;
const PB = /^[A-Za-z0-9!.\-_%*:+,]{10,2000}$/;

function decoded(segment: string): string | null {
  try {
    return decodeURIComponent(segment.replace(/\+/g, ' '));
  } catch {
    return null;
  }
}

function place(query: string, zoom?: string): ProviderMatch | null {
  const q = query.trim();
  if (q === '' || q.length > 300) return null;
  const z = zoom ? Math.round(Number(zoom)) : null;
  const params = new URLSearchParams({ q });
  if (z !== null && z >= 1 && z <= 21) params.set('z', String(z));
  return { id: params.toString(), url: `https://www.google.com/maps?${params}` };
}

export const googleMaps: EmbedProvider = {
  name: 'googlemaps',
  label: 'Google Maps',
  kind: 'map',
  playerOrigins: ['https://www.google.com'],
  match(url) {
    if (!hostIn(url, HOSTS)) return null;
    const parts = segments(url);
    const mapsPath =
      url.hostname.toLowerCase() === 'maps.google.com' ? parts : parts[0] === 'maps' ? parts.slice(1) : null;
    if (!mapsPath) return null;
    if (mapsPath.length === 1 && mapsPath[0] === 'embed') {
      const pb = url.searchParams.get('pb') ?? '';
      if (PB.test(pb)) return { id: `pb=${pb}`, url: `https://www.google.com/maps/embed?pb=${pb}` };
      const q = url.searchParams.get('q');
      return q ? place(q) : null;
    }
    const q = url.searchParams.get('q') ?? url.searchParams.get('query');
    if (mapsPath.length === 0 || (mapsPath.length === 1 && mapsPath[0] === 'search' && !mapsPath[1])) {
      return q ? place(q, url.searchParams.get('z') ?? undefined) : null;
    }
    // /maps/place/Name/@lat,lng,zoomz/… and /maps/@lat,lng,zoomz
    const at = mapsPath.map((p) => AT.exec(p)).find((m) => m !== null);
    if ((mapsPath[0] === 'place' || mapsPath[0] === 'search') && mapsPath[1]) {
      // Coordinates, when the address has them, pin the map better than the name does.
      const name = decoded(mapsPath[1]);
      return at ? place(`${at[1]},${at[2]}`, at[3]) : name ? place(name) : null;
    }
    if (at && mapsPath.length <= 2) return place(`${at[1]},${at[2]}`, at[3]);
    return null;
  },
  player(m) {
    if (m.id.startsWith('pb=')) return `https://www.google.com/maps/embed?${m.id}`;
    return `https://www.google.com/maps?${m.id}&output=embed`;
  },
  allow: 'fullscreen',
  sandbox: PLAYER_SANDBOX,
};
