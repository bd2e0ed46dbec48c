// Every story form's share of the article HTML allowlist, in one list.
import { calloutPolicy } from './callout.ts';
import { embedPolicy } from './embed.ts';
import { galleryPolicy } from './gallery.ts';
import { mediaPolicy } from './media.ts';
import { mergeFragments } from './policy-fragment.ts';

export const storyBlocksPolicy = mergeFragments([embedPolicy, mediaPolicy, galleryPolicy, calloutPolicy]);
