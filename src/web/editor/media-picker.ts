// Images from the newsroom's media library, chosen in a small dialog and inserted as
// <figure><img srcset…><figcaption>caption — credit</figcaption></figure>, or uploaded from the
// dialog (picker-upload.ts). The library's JSON
// list (GET /newsroom/media.json?q=&page=) is asked first; without it the button stays hidden.
import type { Editor } from '@tiptap/core';
import type { Labels } from './labels.ts';
import { acceptDroppedImages, uploadSection } from './picker-upload.ts';
import { button, IMAGE_ICON } from './toolbar.ts';

const LIST_URL = '/newsroom/media.json';
/** The article column is at most about 45rem wide on the reader page; phones use the full width. */
const SIZES = '(min-width: 48rem) 45rem, 100vw';

export interface PickerItem {
  id: number;
  thumb: string | null;
  src: string;
  srcset: string;
  width: number | null;
  height: number | null;
  alt: string;
  caption: string;
  credit: string;
  focal?: { x: number; y: number } | null;
}

interface Page {
  items: PickerItem[];
  nextPage: number | null;
}

const str = (v: unknown): v is string => typeof v === 'string';
const numOrNull = (v: unknown): v is number | null => v === null || typeof v === 'number';

function isItem(v: unknown): v is PickerItem {
  if (typeof v !== 'object' || v === null) return false;
  const o = v as Record<string, unknown>;
  return (
    typeof o.id === 'number' &&
    (o.thumb === null || str(o.thumb)) &&
    str(o.src) &&
    str(o.srcset) &&
    numOrNull(o.width) &&
    numOrNull(o.height) &&
    str(o.alt) &&
    str(o.caption) &&
    str(o.credit)
  );
}

/** Outside data is unknown until checked; items that are not images (PDFs) are left out. */
function parsePage(v: unknown): Page | null {
  if (typeof v !== 'object' || v === null) return null;
  const o = v as Record<string, unknown>;
  if (!Array.isArray(o.items)) return null;
  return {
    items: o.items.filter(isItem).filter((i) => i.width !== null && i.height !== null),
    nextPage: typeof o.nextPage === 'number' ? o.nextPage : null,
  };
}

async function fetchPage(q: string, page: number): Promise<Page | null> {
  const params = new URLSearchParams({ q, page: String(page) });
  const res = await fetch(`${LIST_URL}?${params}`, {
    headers: { accept: 'application/json' },
    credentials: 'same-origin',
  });
  if (!res.ok || !(res.headers.get('content-type') ?? '').includes('json')) return null;
  return parsePage(await res.json());
}

/** The caption line the reader sees: "caption — credit", either part alone when the other is empty. */
export function captionText(item: Pick<PickerItem, 'caption' | 'credit'>): string {
  return [item.caption.trim(), item.credit.trim()].filter(Boolean).join(' — ');
}

export function insertFigure(editor: Editor, item: PickerItem): void {
  const caption = captionText(item);
  editor
    .chain()
    .focus()
    .insertContent({
      type: 'figure',
      content: [
        {
          type: 'image',
          attrs: {
            src: item.src,
            srcset: item.srcset || null,
            sizes: item.srcset ? SIZES : null,
            width: item.width,
            height: item.height,
            alt: item.alt,
          },
        },
        ...(caption ? [{ type: 'figcaption', content: [{ type: 'text', text: caption }] }] : []),
      ],
    })
    .run();
}

/** Adds the image button once the library answers; returns at once, the button appears later. */
export function addMediaPicker(editor: Editor, labels: Labels, append: (b: HTMLButtonElement) => void): void {
  void fetchPage('', 1)
    .then((first) => {
      if (!first) return;
      const open = button(labels.image, IMAGE_ICON, 'image');
      open.setAttribute('aria-haspopup', 'dialog');
      open.addEventListener('click', () =>
        showPicker(labels, first, open, labels.mediaTitle, (item) => insertFigure(editor, item)),
      );
      append(open);
    })
    .catch(() => undefined);
}

/** Opens the image dialog for another use (the featured image); nothing opens when the library does not answer. */
export async function openImagePicker(
  labels: Labels,
  opener: HTMLElement,
  heading: string,
  onPick: (item: PickerItem) => void,
): Promise<void> {
  const first = await fetchPage('', 1).catch(() => null);
  if (first) showPicker(labels, first, opener, heading, onPick);
}

/** The dialog: thumbnails, a search over alt text and caption, and an upload (drop or paste too). */
function showPicker(
  labels: Labels,
  first: Page,
  opener: HTMLElement,
  heading: string,
  onPick: (item: PickerItem) => void,
): void {
  const dialog = document.createElement('dialog');
  dialog.className = 'nr-picker';
  dialog.setAttribute('aria-labelledby', 'nr-picker-title');
  const title = document.createElement('h2');
  title.id = 'nr-picker-title';
  title.textContent = heading;
  const search = document.createElement('input');
  search.type = 'search';
  search.dir = 'auto';
  search.setAttribute('aria-label', labels.mediaSearch);
  search.placeholder = labels.mediaSearch;
  const grid = document.createElement('ul');
  grid.className = 'nr-picker-grid';
  const more = document.createElement('button');
  more.type = 'button';
  more.className = 'nr-secondary';
  more.textContent = labels.mediaMore;
  const close = document.createElement('button');
  close.type = 'button';
  close.className = 'nr-secondary';
  close.textContent = labels.mediaClose;
  const footer = document.createElement('p');
  footer.className = 'nr-picker-actions';
  footer.append(more, close);
  let picked: PickerItem | null = null;
  const upload = uploadSection(labels, (item) => {
    picked = item;
    dialog.close();
  });
  dialog.append(title, upload, search, grid, footer);
  acceptDroppedImages(dialog, upload, labels);

  let query = '';
  let next: number | null = null;
  const show = (page: Page, replace: boolean) => {
    if (replace) grid.replaceChildren();
    for (const item of page.items) grid.append(tile(item));
    if (grid.childElementCount === 0) {
      const empty = document.createElement('li');
      empty.textContent = labels.mediaEmpty;
      grid.append(empty);
    }
    next = page.nextPage;
    more.hidden = next === null;
  };
  const tile = (item: PickerItem) => {
    const li = document.createElement('li');
    const pick = document.createElement('button');
    pick.type = 'button';
    pick.className = 'nr-picker-item';
    const img = document.createElement('img');
    img.src = item.thumb ?? item.src;
    img.alt = '';
    img.loading = 'lazy';
    const name = document.createElement('span');
    name.dir = 'auto';
    name.textContent = item.alt || item.caption || `#${item.id}`;
    pick.append(img, name);
    pick.addEventListener('click', () => {
      picked = item;
      dialog.close();
    });
    li.append(pick);
    return li;
  };

  let searchTimer: ReturnType<typeof setTimeout> | undefined;
  search.addEventListener('input', () => {
    clearTimeout(searchTimer);
    searchTimer = setTimeout(() => {
      query = search.value.trim();
      void fetchPage(query, 1).then((page) => page && show(page, true));
    }, 300);
  });
  // The search box is inside the article form's page but not the form; Enter must not submit.
  search.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') event.preventDefault();
  });
  more.addEventListener('click', () => {
    if (next !== null) void fetchPage(query, next).then((page) => page && show(page, false));
  });
  close.addEventListener('click', () => dialog.close());
  // The close event comes a moment after close(); inserting here keeps the focus in the text.
  dialog.addEventListener('close', () => {
    dialog.remove();
    if (picked) onPick(picked);
    else opener.focus();
  });
  show(first, true);
  document.body.append(dialog);
  dialog.showModal();
  search.focus();
}
