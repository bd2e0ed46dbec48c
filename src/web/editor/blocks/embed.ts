/// <reference lib="dom" />
// Embed blocks: a provider address pasted alone in an empty paragraph, or given in the embed
// dialog, becomes one embed node. The node is written out as exactly the stored format of
// core/embeds (a figure holding the link, an optional local thumbnail and caption), and shows
// in the editor as a card like the reader's facade: provider, title or address, caption. An
// address no registered provider plays is refused in the dialog and stays a link when pasted.
import { type Editor, Node } from '@tiptap/core';
import type { Node as PMNode } from '@tiptap/pm/model';
import { Plugin, PluginKey, TextSelection, type Transaction } from '@tiptap/pm/state';
import { providerOf, recognizeEmbed } from '../../../core/embeds/registry.ts';
import { isLocalPath } from '../../../core/embeds/stored.ts';
import { dialogField, openDialog } from '../dialog.ts';
import { type Labels, readLabels } from '../labels.ts';
import type { StoryBlock } from './story-block.ts';

interface EmbedAttrs {
  url: string;
  provider: string;
  embedId: string;
  title: string;
  caption: string;
  thumbnail: string;
}

const text = (value: unknown) => (typeof value === 'string' ? value : '');

/** The node's attributes for an address, or null when no registered provider plays it. */
export function embedAttrs(address: string, extra: Partial<EmbedAttrs> = {}): EmbedAttrs | null {
  const match = recognizeEmbed(address);
  if (!match) return null;
  const thumbnail = text(extra.thumbnail);
  return {
    url: match.url,
    provider: match.provider,
    embedId: match.id,
    title: text(extra.title).trim(),
    caption: text(extra.caption).trim(),
    thumbnail: isLocalPath(thumbnail) ? thumbnail : '',
  };
}

function readStored(element: HTMLElement): EmbedAttrs | false {
  const link = element.querySelector('a[href]');
  const href = link?.getAttribute('href') ?? '';
  const shown = link?.textContent?.trim() ?? '';
  const attrs = embedAttrs(href, {
    title: shown === href ? '' : shown,
    caption: element.querySelector('figcaption')?.textContent ?? '',
    thumbnail: element.querySelector('img')?.getAttribute('src') ?? '',
  });
  // Not a registered provider's address: left to the other rules (it stays a link).
  return attrs ?? false;
}

function paragraph(className: string, content: string | HTMLElement, dir?: string): HTMLParagraphElement {
  const p = document.createElement('p');
  p.className = className;
  if (dir) p.dir = dir;
  p.append(content);
  return p;
}

function ltr(value: string): HTMLElement {
  const bdi = document.createElement('bdi');
  bdi.dir = 'ltr';
  bdi.textContent = value;
  return bdi;
}

/** The embed dialog: address, title and caption; resolves with the node's attributes, or null. */
export async function askForEmbed(labels: Labels, current?: EmbedAttrs): Promise<EmbedAttrs | null> {
  const field = (value: string, dir: string) => {
    const input = document.createElement('input');
    input.type = 'text';
    input.dir = dir;
    input.autocomplete = 'off';
    input.value = value;
    return input;
  };
  const url = field(current?.url ?? '', 'ltr');
  url.inputMode = 'url';
  const title = field(current?.title ?? '', 'auto');
  const caption = field(current?.caption ?? '', 'auto');
  const error = document.createElement('span');
  error.className = 'nr-error';
  error.id = 'nr-embed-error';
  error.hidden = true;
  const urlField = dialogField(labels.embedPrompt, url);
  urlField.append(error);
  let result: EmbedAttrs | null = null;
  const answer = await openDialog({
    title: labels.embed,
    body: [urlField, dialogField(labels.embedTitle, title), dialogField(labels.embedCaption, caption)],
    initialFocus: url,
    className: 'nr-embed-dialog',
    actions: [
      {
        value: 'insert',
        label: labels.embedInsert,
        accept: () => {
          result = embedAttrs(url.value, {
            title: title.value,
            caption: caption.value,
            thumbnail: current?.thumbnail,
          });
          error.hidden = result !== null;
          error.textContent = result === null ? labels.embedInvalid : '';
          if (result === null) {
            url.setAttribute('aria-invalid', 'true');
            url.setAttribute('aria-describedby', error.id);
            url.focus();
          }
          return result !== null;
        },
      },
      { value: 'cancel', label: labels.cancel, kind: 'secondary' },
    ],
  });
  return answer === 'insert' ? result : null;
}

async function insertEmbed(editor: Editor, labels: Labels): Promise<void> {
  const attrs = await askForEmbed(labels);
  if (!attrs) {
    editor.commands.focus();
    return;
  }
  const type = editor.schema.nodes.embed;
  if (!type) return;
  editor
    .chain()
    .focus()
    .command(({ tr }) => {
      const { $from, empty } = tr.selection;
      if ($from.depth === 0) return false;
      // An empty paragraph is replaced, as with a paste; otherwise the embed goes after the top-level block.
      const emptyParagraph =
        empty &&
        $from.depth === 1 &&
        $from.parent.type.name === 'paragraph' &&
        $from.parent.content.size === 0;
      const from = emptyParagraph ? $from.before(1) : $from.after(1);
      placeEmbed(tr, from, emptyParagraph ? $from.after(1) : from, type.create(attrs));
      return true;
    })
    .run();
}

/**
 * Puts the embed in place of from…to and the cursor in the block after it (a new empty paragraph
 * when the embed is last), so what is typed or pasted next does not replace the embed.
 */
function placeEmbed(tr: Transaction, from: number, to: number, embed: PMNode): Transaction {
  tr.replaceWith(from, to, embed);
  const after = from + embed.nodeSize;
  if (tr.doc.resolve(after).nodeAfter === null) {
    const paragraph = tr.doc.type.schema.nodes.paragraph;
    if (paragraph) tr.insert(after, paragraph.create());
  }
  return tr.setSelection(TextSelection.near(tr.doc.resolve(after + 1))).scrollIntoView();
}

/** A pasted address alone, into an empty paragraph: the moment WordPress would auto-embed it too. */
function pasteAsEmbed(editor: Editor): Plugin {
  return new Plugin({
    key: new PluginKey('embedPaste'),
    props: {
      handlePaste(view, event) {
        const pasted = event.clipboardData?.getData('text/plain')?.trim() ?? '';
        if (pasted === '' || /\s/.test(pasted)) return false;
        const { $from, empty } = view.state.selection;
        const block = $from.parent;
        // Only a paragraph of its own (not one inside a list item or a quotation).
        if (!empty || $from.depth !== 1 || block.type.name !== 'paragraph' || block.content.size > 0)
          return false;
        const attrs = embedAttrs(pasted);
        if (!attrs) return false;
        const type = view.state.schema.nodes.embed;
        if (!type) return false;
        view.dispatch(placeEmbed(view.state.tr, $from.before(), $from.after(), type.create(attrs)));
        editor.commands.focus();
        return true;
      },
    },
  });
}

export const EmbedNode = Node.create({
  name: 'embed',
  group: 'block',
  atom: true,
  draggable: true,
  selectable: true,
  // Before Link's own paste rule, which would make the address a link in the paragraph.
  priority: 1000,
  addAttributes() {
    return {
      url: { default: '' },
      provider: { default: '' },
      embedId: { default: '' },
      title: { default: '' },
      caption: { default: '' },
      thumbnail: { default: '' },
    };
  },
  parseHTML() {
    // Above the plain figure (image and caption), which would otherwise take it.
    return [
      { tag: 'figure[data-embed]', priority: 60, getAttrs: (element) => readStored(element as HTMLElement) },
    ];
  },
  renderHTML({ node }) {
    const a = node.attrs as EmbedAttrs;
    return [
      'figure',
      { 'data-embed': a.provider, 'data-embed-id': a.embedId },
      ['a', { href: a.url }, a.title || a.url],
      ...(a.thumbnail ? [['img', { src: a.thumbnail, alt: '' }]] : []),
      ...(a.caption ? [['figcaption', a.caption]] : []),
    ];
  },
  addProseMirrorPlugins() {
    return [pasteAsEmbed(this.editor)];
  },
  addNodeView() {
    return ({ node, editor, getPos }) => {
      const labels = readLabels(document.querySelector('[data-editor]') ?? document.body);
      const a = node.attrs as EmbedAttrs;
      const provider = providerOf({ provider: a.provider as never });
      const dom = document.createElement('figure');
      dom.className = 'nr-embed';
      dom.contentEditable = 'false';
      dom.setAttribute('data-embed', a.provider);
      const card = document.createElement('div');
      card.className = 'nr-embed-card';
      card.append(paragraph('nr-embed-provider', ltr(provider.label)));
      card.append(
        a.title ? paragraph('nr-embed-title', a.title, 'auto') : paragraph('nr-embed-title', ltr(a.url)),
      );
      const edit = document.createElement('button');
      edit.type = 'button';
      edit.className = 'nr-secondary nr-embed-edit';
      edit.textContent = labels.embedEdit;
      edit.addEventListener('click', async () => {
        const next = await askForEmbed(labels, a);
        const pos = typeof getPos === 'function' ? getPos() : undefined;
        if (!next || typeof pos !== 'number') return;
        editor
          .chain()
          .focus()
          .command(({ tr }) => {
            tr.setNodeMarkup(pos, undefined, next);
            return true;
          })
          .run();
      });
      card.append(edit);
      dom.append(card);
      if (a.caption) {
        const caption = document.createElement('figcaption');
        caption.dir = 'auto';
        caption.textContent = a.caption;
        dom.append(caption);
      }
      return {
        dom,
        // The card's own button is the card's; the editor must not take its clicks as a selection.
        stopEvent: (event: Event) =>
          event.target instanceof Element && event.target.closest('button') !== null,
        ignoreMutation: () => true,
      };
    };
  },
});

const EMBED_ICON = 'svg:M4 6h16v12H4zM10 9.5v5l4.5-2.5z';

export const embedBlock: StoryBlock = {
  extensions: [EmbedNode],
  tools: [{ key: 'embed', glyph: EMBED_ICON, run: (editor, labels) => void insertEmbed(editor, labels) }],
};
