// Which way each block runs. Paragraphs, headings and captions carry dir="auto": the browser
// reads their first strong letter, so an Arabic paragraph runs right to left and a French one
// left to right in the same article, in the editor and on the reader page alike.
//
// List items and quotations cannot use dir="auto": their text sits in child paragraphs that
// carry their own dir, and dir="auto" skips such children, so they would always resolve to
// left-to-right and put an Arabic list's numbers and a quotation's rule on the wrong side. They
// get an explicit rtl/ltr from their text instead, kept up to date as the writer types.
import { Extension } from '@tiptap/core';
import type { Node as PMNode } from '@tiptap/pm/model';
import { Plugin, PluginKey } from '@tiptap/pm/state';

export const AUTO_BLOCKS = ['paragraph', 'heading', 'figcaption'];
export const CONTAINER_BLOCKS = ['listItem', 'blockquote'];

const RTL_SCRIPT = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]/u;
const LETTER = /\p{L}/u;

/** The direction of a text from its first letter (numbers and punctuation are neutral); null when it has none. */
export function textDirection(text: string): 'rtl' | 'ltr' | null {
  const first = LETTER.exec(text)?.[0];
  if (first === undefined) return null;
  return RTL_SCRIPT.test(first) ? 'rtl' : 'ltr';
}

const DIRECTIONS = new Set(['auto', 'rtl', 'ltr']);
const readDir = (element: HTMLElement): string | null => {
  const dir = element.getAttribute('dir')?.toLowerCase() ?? null;
  return dir && DIRECTIONS.has(dir) ? dir : null;
};

const lang = {
  default: null,
  parseHTML: (element: HTMLElement) => element.getAttribute('lang'),
  renderHTML: (attributes: Record<string, unknown>) =>
    typeof attributes.lang === 'string' ? { lang: attributes.lang } : {},
};

export const BlockDirection = Extension.create({
  name: 'blockDirection',
  addGlobalAttributes() {
    return [
      {
        types: AUTO_BLOCKS,
        attributes: {
          // An explicit rtl/ltr already in stored HTML (imported content) is kept.
          dir: {
            default: 'auto',
            parseHTML: (element) => readDir(element) ?? 'auto',
            renderHTML: (attributes) => ({ dir: attributes.dir ?? 'auto' }),
          },
          lang,
        },
      },
      {
        types: CONTAINER_BLOCKS,
        attributes: {
          dir: {
            default: null,
            parseHTML: (element) => readDir(element),
            renderHTML: (attributes) => (attributes.dir ? { dir: attributes.dir } : {}),
          },
          lang,
        },
      },
    ];
  },
  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: new PluginKey('containerDirection'),
        appendTransaction: (transactions, _old, state) => {
          if (!transactions.some((tr) => tr.docChanged)) return null;
          const tr = state.tr;
          state.doc.descendants((node: PMNode, pos: number) => {
            if (!CONTAINER_BLOCKS.includes(node.type.name)) return true;
            const dir = textDirection(node.textContent);
            if (dir !== null && node.attrs.dir !== dir)
              tr.setNodeMarkup(pos, undefined, { ...node.attrs, dir });
            return true;
          });
          return tr.docChanged ? tr.setMeta('addToHistory', false) : null;
        },
      }),
    ];
  },
});
