// Embed blocks: a pasted provider URL becomes an embed figure.
import type { StoryBlock } from './story-block.ts';

export const embedBlock: StoryBlock = { extensions: [], tools: [] };
