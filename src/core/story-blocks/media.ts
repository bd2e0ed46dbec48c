// Audio and video from the media library, with poster and WebVTT tracks.
import type { PolicyFragment } from './policy-fragment.ts';

export const mediaPolicy: PolicyFragment = { tags: [], attributes: {} };
