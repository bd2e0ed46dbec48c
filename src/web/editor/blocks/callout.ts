// Pull quote and info box blocks, written out as exactly the stored formats of
// core/story-blocks/callout.ts:
//   pull quote: <figure data-block="pullquote"><blockquote><p>…</p></blockquote><figcaption>…</figcaption></figure>
//   info box:   <aside data-block="infobox"><h3>…</h3><p>…</p>…</aside>
// Both hold ordinary editable text: paragraphs (and lists, in an info box) with their marks.
import { type Editor, Node } from '@tiptap/core';
import type { Labels } from '../labels.ts';
import type { StoryBlock } from './story-block.ts';

/** The quotation itself; only found inside a pull quote, where it outranks the plain blockquote. */
const PullQuoteText = Node.create({
  name: 'pullQuoteText',
  content: 'paragraph+',
  defining: true,
  parseHTML: () => [{ tag: 'blockquote', context: 'pullQuote/', priority: 100 }],
  renderHTML: () => ['blockquote', 0],
});

export const PullQuote = Node.create({
  name: 'pullQuote',
  group: 'block',
  content: 'pullQuoteText figcaption?',
  defining: true,
  isolating: true,
  parseHTML: () => [{ tag: 'figure[data-block="pullquote"]', priority: 100 }],
  renderHTML: () => ['figure', { 'data-block': 'pullquote' }, 0],
});

/** The info box's title: plain text, written as the box's <h3>. */
const InfoBoxTitle = Node.create({
  name: 'infoBoxTitle',
  content: 'text*',
  marks: '',
  defining: true,
  parseHTML: () => ['h2', 'h3', 'h4'].map((tag) => ({ tag, context: 'infoBox/', priority: 100 })),
  renderHTML: () => ['h3', 0],
});

export const InfoBox = Node.create({
  name: 'infoBox',
  group: 'block',
  content: 'infoBoxTitle (paragraph | bulletList | orderedList)+',
  defining: true,
  isolating: true,
  parseHTML: () => [{ tag: 'aside[data-block="infobox"]', priority: 100 }],
  renderHTML: () => ['aside', { 'data-block': 'infobox' }, 0],
});

const text = (value: string) => (value ? [{ type: 'text', text: value }] : []);

/** Where a block goes: after the top-level block holding the cursor (or at the cursor, at the top). */
function afterCurrentBlock(editor: Editor): number {
  const { $to } = editor.state.selection;
  return $to.depth >= 1 ? $to.after(1) : $to.pos;
}

/**
 * A pull quote repeats a sentence of the story: the selected text (if any) is copied into a
 * new quote after its paragraph, which stays as it is; the cursor goes into the quotation.
 */
function insertPullQuote(editor: Editor): void {
  const { from, to } = editor.state.selection;
  const selected = editor.state.doc.textBetween(from, to, ' ').trim();
  const at = afterCurrentBlock(editor);
  editor
    .chain()
    .focus()
    .insertContentAt(at, {
      type: 'pullQuote',
      content: [
        { type: 'pullQuoteText', content: [{ type: 'paragraph', content: text(selected) }] },
        { type: 'figcaption' },
      ],
    })
    // Inside figure, blockquote and paragraph, at the end of the quoted text.
    .setTextSelection(at + 3 + selected.length)
    .run();
}

/** An info box with a title to change; the cursor goes to its first paragraph. */
function insertInfoBox(editor: Editor, labels: Labels): void {
  const at = afterCurrentBlock(editor);
  const title = labels.infoBoxDefaultTitle;
  editor
    .chain()
    .focus()
    .insertContentAt(at, {
      type: 'infoBox',
      content: [{ type: 'infoBoxTitle', content: text(title) }, { type: 'paragraph' }],
    })
    // aside, title, its text, end of title, paragraph.
    .setTextSelection(at + title.length + 4)
    .run();
}

export const calloutBlock: StoryBlock = {
  extensions: [PullQuoteText, PullQuote, InfoBoxTitle, InfoBox],
  tools: [
    {
      key: 'pullQuote',
      glyph: '❞',
      run: insertPullQuote,
      active: (e) => e.isActive('pullQuote'),
    },
    {
      key: 'infoBox',
      glyph: 'svg:M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18zM12 11v6M12 7.5h.01',
      run: insertInfoBox,
      active: (e) => e.isActive('infoBox'),
    },
  ],
};
