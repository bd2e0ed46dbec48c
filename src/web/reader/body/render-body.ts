// An article body as readers get it. The stored body is semantic HTML that passed the article
// allowlist (core/html-policy.ts); story forms stored there (an embed's URL, an audio file, a
// gallery) become what the page shows, in the page's language: a facade with a play button, a
// player, a grid. Each form owns one step; a step is a pure function of the HTML and the
// context, so the result can be kept between requests.
import type { PresentContext } from '../presenters.ts';
import { renderCallouts } from './callouts.ts';
import { renderEmbeds } from './embeds.ts';
import { renderGalleries } from './galleries.ts';
import { renderMedia } from './media.ts';
import { renderRemoteImages } from './remote-images.ts';

export type BodyRenderContext = Pick<PresentContext, 'lang' | 't' | 'baseUrl'>;

export type BodyStep = (html: string, ctx: BodyRenderContext) => string;

// Remote images after galleries: a gallery's picture, already a link to its full size, becomes
// one link to the other site rather than being dropped from the grid for having no image.
const STEPS: BodyStep[] = [renderEmbeds, renderMedia, renderGalleries, renderRemoteImages, renderCallouts];

export function renderBody(html: string, ctx: BodyRenderContext): string {
  let out = html;
  for (const step of STEPS) out = step(out, ctx);
  return out;
}
