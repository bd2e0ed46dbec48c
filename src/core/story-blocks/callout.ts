// Pull quotes and info boxes.
import type { PolicyFragment } from './policy-fragment.ts';

export const calloutPolicy: PolicyFragment = { tags: [], attributes: {} };
