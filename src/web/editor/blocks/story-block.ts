// One story form in the editor: the TipTap nodes that hold it and the toolbar buttons that
// insert it. Each form owns one file in this folder; schema.ts and toolbar.ts take them all
// from index.ts, so adding a form never edits the shared lists.
import type { Extensions } from '@tiptap/core';
import type { Tool } from '../toolbar.ts';

export interface StoryBlock {
  extensions: Extensions;
  tools: Tool[];
}
