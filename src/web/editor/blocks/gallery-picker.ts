// The dialog that picks several library images for a gallery, in the order they are pressed.
// It reads the same JSON list as the single-image picker (GET /newsroom/media.json?q=&page=);
// each image is a toggle button (aria-pressed) showing its place in the order, and the insert
// button says how many are chosen.
import type { Labels } from '../labels.ts';

const LIST_URL = '/newsroom/media.json';

/** One library image as the gallery stores it; caption is HTML (escaped text from the library). */
export interface GalleryItem {
  src: string;
  srcset: string;
  alt: string;
  width: number | null;
  height: number | null;
  caption: string;
}

interface LibraryImage extends GalleryItem {
  id: number;
  thumb: string;
  name: string;
}

interface Page {
  items: LibraryImage[];
  nextPage: number | null;
}

const str = (v: unknown): v is string => typeof v === 'string';
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

export function escapeText(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Outside data is unknown until checked; what is not an image with a size (a PDF) is left out. */
function toImage(v: unknown): LibraryImage | null {
  if (typeof v !== 'object' || v === null) return null;
  const o = v as Record<string, unknown>;
  if (typeof o.id !== 'number' || !str(o.src) || num(o.width) === null || num(o.height) === null) return null;
  const caption = [o.caption, o.credit]
    .filter(str)
    .map((s) => s.trim())
    .filter(Boolean)
    .join(' — ');
  return {
    id: o.id,
    src: o.src,
    srcset: str(o.srcset) ? o.srcset : '',
    alt: str(o.alt) ? o.alt : '',
    width: num(o.width),
    height: num(o.height),
    caption: escapeText(caption),
    thumb: str(o.thumb) ? o.thumb : o.src,
    name: (str(o.alt) && o.alt) || (str(o.caption) && o.caption) || `#${o.id}`,
  };
}

async function fetchPage(q: string, page: number): Promise<Page | null> {
  const params = new URLSearchParams({ q, page: String(page) });
  const res = await fetch(`${LIST_URL}?${params}`, {
    headers: { accept: 'application/json' },
    credentials: 'same-origin',
  });
  if (!res.ok || !(res.headers.get('content-type') ?? '').includes('json')) return null;
  const body = (await res.json()) as { items?: unknown; nextPage?: unknown };
  if (!Array.isArray(body.items)) return null;
  return {
    items: body.items.flatMap((i) => toImage(i) ?? []),
    nextPage: typeof body.nextPage === 'number' ? body.nextPage : null,
  };
}

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className = '',
  text = '',
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text) node.textContent = text;
  return node;
}

/** Opens the dialog; `done` gets the chosen images in order, or nothing when it is closed without a choice. */
export function pickGalleryImages(
  labels: Labels,
  done: (items: GalleryItem[]) => void,
  opener?: HTMLElement,
) {
  const dialog = el('dialog', 'nr-picker nr-gallery-picker');
  dialog.setAttribute('aria-labelledby', 'nr-gallery-picker-title');
  const title = el('h2', '', labels.galleryPick);
  title.id = 'nr-gallery-picker-title';
  const search = el('input');
  search.type = 'search';
  search.dir = 'auto';
  search.placeholder = labels.mediaSearch;
  search.setAttribute('aria-label', labels.mediaSearch);
  const grid = el('ul', 'nr-picker-grid');
  const more = el('button', 'nr-secondary', labels.mediaMore);
  more.type = 'button';
  const insert = el('button', 'nr-gallery-insert');
  insert.type = 'button';
  const close = el('button', 'nr-secondary', labels.mediaClose);
  close.type = 'button';
  const footer = el('p', 'nr-picker-actions');
  footer.append(more, close, insert);
  dialog.append(title, search, grid, footer);

  const chosen: LibraryImage[] = [];
  const buttons = new Map<number, HTMLButtonElement>();
  const refresh = () => {
    for (const [id, b] of buttons) {
      const at = chosen.findIndex((c) => c.id === id);
      b.setAttribute('aria-pressed', String(at >= 0));
      const badge = b.querySelector('.nr-gallery-order');
      if (badge) badge.textContent = at >= 0 ? String(at + 1) : '';
    }
    insert.textContent = labels.galleryInsert.replace('{n}', String(chosen.length));
    insert.disabled = chosen.length === 0;
  };
  const tile = (image: LibraryImage) => {
    const li = el('li');
    const b = el('button', 'nr-picker-item');
    b.type = 'button';
    const img = el('img');
    img.src = image.thumb;
    img.alt = '';
    img.loading = 'lazy';
    const name = el('span', '', image.name);
    name.dir = 'auto';
    const order = el('span', 'nr-gallery-order');
    order.setAttribute('aria-hidden', 'true');
    b.append(img, name, order);
    b.addEventListener('click', () => {
      const at = chosen.findIndex((c) => c.id === image.id);
      if (at >= 0) chosen.splice(at, 1);
      else chosen.push(image);
      refresh();
    });
    buttons.set(image.id, b);
    li.append(b);
    return li;
  };
  let query = '';
  let next: number | null = null;
  const show = (page: Page, replace: boolean) => {
    if (replace) {
      grid.replaceChildren();
      buttons.clear();
    }
    for (const image of page.items) grid.append(tile(image));
    if (grid.childElementCount === 0) grid.append(el('li', '', labels.mediaEmpty));
    next = page.nextPage;
    more.hidden = next === null;
    refresh();
  };
  let timer: ReturnType<typeof setTimeout> | undefined;
  search.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      query = search.value.trim();
      void fetchPage(query, 1).then((page) => page && show(page, true));
    }, 300);
  });
  // The dialog sits in the article form's page; Enter in the search must not submit the form.
  search.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') event.preventDefault();
  });
  more.addEventListener('click', () => {
    if (next !== null) void fetchPage(query, next).then((page) => page && show(page, false));
  });
  let result: GalleryItem[] = [];
  insert.addEventListener('click', () => {
    result = chosen.map(({ src, srcset, alt, width, height, caption }) => ({
      src,
      srcset,
      alt,
      width,
      height,
      caption,
    }));
    dialog.close();
  });
  close.addEventListener('click', () => dialog.close());
  dialog.addEventListener('close', () => {
    dialog.remove();
    if (result.length === 0) opener?.focus();
    done(result);
  });
  document.body.append(dialog);
  dialog.showModal();
  search.focus();
  refresh();
  void fetchPage('', 1).then((page) => (page ? show(page, true) : show({ items: [], nextPage: null }, true)));
}
