// Audio and video blocks from the media library.
import type { StoryBlock } from './story-block.ts';

export const mediaBlock: StoryBlock = { extensions: [], tools: [] };
