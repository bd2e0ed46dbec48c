// Where a crop keeps a picture visible. Cards cut photos to 16:9 in the browser (object-fit:
// cover); the strict CSP allows no style attribute, so the focal point travels as two classes
// in steps of a tenth ("fx-8 fy-2"), and site.css turns them into the crop's object-position.
import type { FocalPoint } from '../core/types.ts';

/** The classes for a focal point; empty for none (the crop keeps the centre). */
export function focalClass(focal: FocalPoint | null | undefined): string {
  if (!focal) return '';
  const step = (n: number) => Math.min(10, Math.max(0, Math.round(n * 10)));
  return `fx-${step(focal.x)} fy-${step(focal.y)}`;
}
