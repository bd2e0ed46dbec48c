// What the embed registry knows about one provider, and what it recognises in one address.
//
// Storage format (the article body, the feeds and the API all carry it as written):
//
//   <figure data-embed="youtube" data-embed-id="dQw4w9WgXcQ">
//     <a href="https://www.youtube.com/watch?v=dQw4w9WgXcQ">Title, or the address when none is known</a>
//     <img src="/media/…" alt="">              optional: a thumbnail already in the media library
//     <figcaption>…</figcaption>               optional
//   </figure>
//
// It passes the article allowlist, holds no frame and degrades to a working link in any reader,
// feed or API client. The canonical address in href is the truth: the reader page recognises it
// again with this registry to build the facade and the player address, so an address whose
// provider is no longer registered shows as the plain link it always was. data-embed and
// data-embed-id are there for API clients and the editor; they are never trusted for the player.
// A local thumbnail is only kept when its src is a path on this site (nothing loads from outside).

export type EmbedKind = 'video' | 'audio' | 'post' | 'map';

export type ProviderName =
  | 'youtube'
  | 'vimeo'
  | 'x'
  | 'facebook'
  | 'instagram'
  | 'tiktok'
  | 'telegram'
  | 'soundcloud'
  | 'dailymotion'
  | 'googlemaps';

/** What a provider recognises in an address: its own id and the one address to store. */
export interface ProviderMatch {
  id: string;
  /** The canonical address of the original, stored in href and linked from the facade. */
  url: string;
  /** Seconds into a video to start at (a shared timestamp), when the address said so. */
  start?: number;
}

export interface EmbedMatch extends ProviderMatch {
  provider: ProviderName;
}

export interface EmbedProvider {
  name: ProviderName;
  /** The provider's own name, shown as a Latin fragment in every language. */
  label: string;
  kind: EmbedKind;
  /** Origins the player is served from: exactly what the CSP frame-src allows. */
  playerOrigins: string[];
  /** Null when the address is not one of this provider's embeddable pages. */
  match(url: URL): ProviderMatch | null;
  /** The privacy-enhanced player address, loaded only once the reader presses play. */
  player(match: ProviderMatch): string;
  /** The iframe's allow attribute (permissions policy), as short as the player tolerates. */
  allow: string;
  /** The iframe's sandbox tokens, or null where the player breaks inside a sandbox. */
  sandbox: string | null;
}
