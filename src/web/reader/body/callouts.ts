// Pull quotes and info boxes, as stored.
import type { BodyRenderContext } from './render-body.ts';

export function renderCallouts(html: string, _ctx: BodyRenderContext): string {
  return html;
}
