// Every story form the editor knows, in toolbar order.
import { calloutBlock } from './callout.ts';
import { embedBlock } from './embed.ts';
import { galleryBlock } from './gallery.ts';
import { mediaBlock } from './media.ts';
import type { StoryBlock } from './story-block.ts';

export const STORY_BLOCKS: StoryBlock[] = [embedBlock, mediaBlock, galleryBlock, calloutBlock];
