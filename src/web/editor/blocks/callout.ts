// Pull quote and info box blocks.
import type { StoryBlock } from './story-block.ts';

export const calloutBlock: StoryBlock = { extensions: [], tools: [] };
