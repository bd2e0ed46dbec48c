// Galleries: an ordered set of library images with captions.
import type { PolicyFragment } from './policy-fragment.ts';

export const galleryPolicy: PolicyFragment = { tags: [], attributes: {} };
