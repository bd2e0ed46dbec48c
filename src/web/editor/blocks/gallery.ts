// Gallery blocks built from library images.
import type { StoryBlock } from './story-block.ts';

export const galleryBlock: StoryBlock = { extensions: [], tools: [] };
