// The formatting toolbar. Buttons are real <button>s with names in the interface language, so
// Tab reaches them and screen readers announce them; aria-pressed says which marks and blocks
// apply where the cursor is. There are no alignment buttons: each block's direction comes from
// its own text (dir="auto"), and start/end follow from it.
import type { Editor } from '@tiptap/core';
import { STORY_BLOCKS } from './blocks/index.ts';
import type { LabelKey, Labels } from './labels.ts';
import { editLinkInDialog } from './link-dialog.ts';

/**
 * Icons as SVG paths drawn in currentColor (emoji are missing from many phones' and servers'
 * fonts). Viewbox 0 0 24 24, strokes only.
 */
const LINK_ICON =
  'svg:M10 14a4 4 0 0 0 5.7 0l3-3a4 4 0 0 0-5.7-5.7l-1 1M14 10a4 4 0 0 0-5.7 0l-3 3a4 4 0 0 0 5.7 5.7l1-1';
export const IMAGE_ICON = 'svg:M4 5h16v14H4zM4 16l5-5 4 4 2-2 5 5M15.5 9.5h.01';

export interface Tool {
  key: LabelKey;
  /** Short visible text; the accessible name is the full label. */
  glyph: string;
  run(editor: Editor, labels: Labels): void;
  /** When the tool shows as pressed; tools without it are plain actions. */
  active?(editor: Editor): boolean;
}

const TOOLS: Tool[] = [
  {
    key: 'paragraph',
    glyph: '¶',
    run: (e) => e.chain().focus().setParagraph().run(),
    active: (e) => e.isActive('paragraph') && !e.isActive('listItem') && !e.isActive('blockquote'),
  },
  ...([2, 3, 4] as const).map(
    (level): Tool => ({
      key: `h${level}`,
      glyph: `H${level}`,
      run: (e) => e.chain().focus().toggleHeading({ level }).run(),
      active: (e) => e.isActive('heading', { level }),
    }),
  ),
  {
    key: 'bold',
    glyph: 'B',
    run: (e) => e.chain().focus().toggleBold().run(),
    active: (e) => e.isActive('bold'),
  },
  {
    key: 'italic',
    glyph: 'I',
    run: (e) => e.chain().focus().toggleItalic().run(),
    active: (e) => e.isActive('italic'),
  },
  {
    key: 'link',
    glyph: LINK_ICON,
    run: (e, labels) => void editLinkInDialog(e, labels),
    active: (e) => e.isActive('link'),
  },
  {
    key: 'orderedList',
    glyph: '1.',
    run: (e) => e.chain().focus().toggleOrderedList().run(),
    active: (e) => e.isActive('orderedList'),
  },
  {
    key: 'bulletList',
    glyph: '•',
    run: (e) => e.chain().focus().toggleBulletList().run(),
    active: (e) => e.isActive('bulletList'),
  },
  {
    key: 'blockquote',
    glyph: '❝',
    run: (e) => e.chain().focus().toggleBlockquote().run(),
    active: (e) => e.isActive('blockquote'),
  },
  ...STORY_BLOCKS.flatMap((block) => block.tools),
];

export interface Toolbar {
  element: HTMLElement;
  /** Adds a tool that lives elsewhere (the media picker) at the end of the bar. */
  append(button: HTMLButtonElement): void;
}

export function button(label: string, glyph: string, name: string): HTMLButtonElement {
  const b = document.createElement('button');
  b.type = 'button';
  b.className = `nr-rte-button nr-rte-${name}`;
  b.setAttribute('aria-label', label);
  b.title = label;
  b.append(glyph.startsWith('svg:') ? icon(glyph.slice(4)) : text(glyph));
  return b;
}

function text(glyph: string): HTMLElement {
  const face = document.createElement('span');
  face.setAttribute('aria-hidden', 'true');
  // "1." and "H2" are Latin marks; in an Arabic page they would otherwise read ".1".
  face.dir = 'ltr';
  face.textContent = glyph;
  return face;
}

function icon(path: string): SVGSVGElement {
  const NS = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(NS, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('class', 'nr-rte-icon');
  const p = document.createElementNS(NS, 'path');
  p.setAttribute('d', path);
  svg.append(p);
  return svg;
}

/**
 * One Tab stop for the whole toolbar (the ARIA toolbar pattern): Tab enters it and leaves it,
 * arrow keys move between buttons. Arrows follow the page direction, so in Arabic the
 * right arrow goes back towards the first button, the way the row reads.
 */
function rovingFocus(bar: HTMLElement): void {
  const buttons = () => Array.from(bar.querySelectorAll<HTMLButtonElement>('button:not([hidden])'));
  const settle = (current: HTMLButtonElement) => {
    for (const b of buttons()) b.tabIndex = b === current ? 0 : -1;
  };
  bar.addEventListener('focusin', (event) => {
    if (event.target instanceof HTMLButtonElement) settle(event.target);
  });
  bar.addEventListener('keydown', (event) => {
    const list = buttons();
    const at = list.indexOf(document.activeElement as HTMLButtonElement);
    if (at < 0) return;
    const rtl = getComputedStyle(bar).direction === 'rtl';
    const step: Record<string, number> = {
      ArrowRight: rtl ? -1 : 1,
      ArrowLeft: rtl ? 1 : -1,
      Home: -at,
      End: list.length - 1 - at,
    };
    const move = step[event.key];
    if (move === undefined) return;
    event.preventDefault();
    const next = list[(at + move + list.length) % list.length];
    next?.focus();
  });
  // Buttons added later (the media picker) join the roving set.
  new MutationObserver(() => {
    const list = buttons();
    const current = list.find((b) => b.tabIndex === 0) ?? list[0];
    if (current) settle(current);
  }).observe(bar, { childList: true });
  const first = buttons()[0];
  if (first) settle(first);
}

export function buildToolbar(editor: Editor, labels: Labels, controls: string): Toolbar {
  const bar = document.createElement('div');
  bar.className = 'nr-rte-toolbar';
  bar.setAttribute('role', 'toolbar');
  bar.setAttribute('aria-label', labels.toolbar);
  bar.setAttribute('aria-controls', controls);
  const stateful: [HTMLButtonElement, Tool][] = [];
  for (const tool of TOOLS) {
    const b = button(labels[tool.key], tool.glyph, tool.key.toLowerCase());
    // Keep the selection in the document: a pressed button must not steal it first.
    b.addEventListener('mousedown', (event) => event.preventDefault());
    b.addEventListener('click', () => tool.run(editor, labels));
    if (tool.active) {
      b.setAttribute('aria-pressed', 'false');
      stateful.push([b, tool]);
    }
    bar.append(b);
  }
  rovingFocus(bar);
  const refresh = () => {
    for (const [b, tool] of stateful) b.setAttribute('aria-pressed', String(tool.active?.(editor) ?? false));
  };
  editor.on('transaction', refresh);
  refresh();
  return { element: bar, append: (b) => bar.append(b) };
}
