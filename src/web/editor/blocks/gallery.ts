// Gallery blocks built from library images. In the document a gallery is one node whose
// attributes are its images (in order, each with its caption) and its own caption; it is
// written out as exactly the stored format of core/story-blocks/gallery.ts. In the editor it
// shows as a panel: a thumbnail per image with its caption field, buttons to move an image
// earlier or later or to remove it, the gallery's caption, and a button to add more images.
import { type Editor, Node } from '@tiptap/core';
import { type Labels, readLabels } from '../labels.ts';
import { escapeText, type GalleryItem, pickGalleryImages } from './gallery-picker.ts';
import type { StoryBlock } from './story-block.ts';

const GALLERY_ICON = 'svg:M3 6h12v12H3zM3 14l4-4 3 3 2-2 3 3M18 8h3v12H9v-2';

interface GalleryAttrs {
  images: GalleryItem[];
  caption: string;
}

const dimension = (v: string | null) => (v && /^\d{1,5}$/.test(v) ? Number(v) : null);

function readImages(element: HTMLElement): GalleryItem[] {
  return Array.from(element.querySelectorAll(':scope > ul > li')).flatMap((li) => {
    const img = li.querySelector('img');
    const src = img?.getAttribute('src');
    if (!img || !src) return [];
    return [
      {
        src,
        srcset: img.getAttribute('srcset') ?? '',
        alt: img.getAttribute('alt') ?? '',
        width: dimension(img.getAttribute('width')),
        height: dimension(img.getAttribute('height')),
        caption: li.querySelector('figcaption')?.innerHTML.trim() ?? '',
      },
    ];
  });
}

/** Caption HTML into an element; a <template> parses it inert (no script runs, no image loads). */
function captionElement(html: string): HTMLElement {
  const figcaption = document.createElement('figcaption');
  const template = document.createElement('template');
  template.innerHTML = html;
  figcaption.append(template.content);
  return figcaption;
}

/** The stored format, element by element (the attribute order matches the importer's). */
export function galleryElement(attrs: GalleryAttrs): HTMLElement {
  const figure = document.createElement('figure');
  figure.setAttribute('data-block', 'gallery');
  const list = document.createElement('ul');
  for (const image of attrs.images) {
    const item = document.createElement('li');
    const inner = document.createElement('figure');
    const img = document.createElement('img');
    img.setAttribute('src', image.src);
    if (image.srcset) img.setAttribute('srcset', image.srcset);
    img.setAttribute('alt', image.alt);
    if (image.width && image.height) {
      img.setAttribute('width', String(image.width));
      img.setAttribute('height', String(image.height));
    }
    inner.append(img);
    if (image.caption.trim()) inner.append(captionElement(image.caption));
    item.append(inner);
    list.append(item);
  }
  figure.append(list);
  if (attrs.caption.trim()) figure.append(captionElement(attrs.caption));
  return figure;
}

/** The text a caption field shows: the caption's text, markup left aside. */
function plainText(html: string): string {
  const template = document.createElement('template');
  template.innerHTML = html;
  return template.content.textContent ?? '';
}

function smallest(image: GalleryItem): string {
  const first = image.srcset.split(',')[0]?.trim().split(/\s+/)[0];
  return first || image.src;
}

function labelled(text: string, field: HTMLInputElement): HTMLLabelElement {
  const label = document.createElement('label');
  const span = document.createElement('span');
  span.textContent = text;
  label.append(span, field);
  return label;
}

function actionButton(text: string, glyph: string, run: () => void): HTMLButtonElement {
  const b = document.createElement('button');
  b.type = 'button';
  b.className = 'nr-secondary nr-gallery-action';
  b.setAttribute('aria-label', text);
  b.title = text;
  b.textContent = glyph;
  b.addEventListener('click', run);
  return b;
}

/** A caption field: shows the text; a change stores the new text, escaped, in place of the HTML. */
function captionField(text: string, value: string, onChange: (html: string) => void): HTMLLabelElement {
  const input = document.createElement('input');
  input.type = 'text';
  input.dir = 'auto';
  input.value = plainText(value);
  input.addEventListener('change', () => onChange(escapeText(input.value.trim())));
  // The editor sits in the article form: Enter keeps the caption instead of submitting it.
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      input.dispatchEvent(new Event('change'));
    }
  });
  return labelled(text, input);
}

function galleryView(labels: Labels, attrs: () => GalleryAttrs, set: (next: GalleryAttrs) => void) {
  const dom = document.createElement('div');
  dom.className = 'nr-gallery';
  dom.contentEditable = 'false';
  // Every change reads the gallery as it is now: a caption typed in a moment ago keeps its
  // field (no redraw while it has the focus), so the buttons must not act on an older copy.
  const change = (edit: (now: GalleryAttrs) => GalleryAttrs) => set(edit(attrs()));
  const render = () => {
    const { images, caption } = attrs();
    const heading = document.createElement('p');
    heading.className = 'nr-gallery-heading';
    heading.textContent = `${labels.gallery} (${images.length})`;
    const list = document.createElement('ol');
    list.className = 'nr-gallery-items';
    images.forEach((image, index) => {
      const move = (to: number) =>
        change((now) => {
          const next = [...now.images];
          const [moved] = next.splice(index, 1);
          if (moved) next.splice(to, 0, moved);
          return { ...now, images: next };
        });
      const li = document.createElement('li');
      const thumb = document.createElement('img');
      thumb.src = smallest(image);
      thumb.alt = image.alt;
      const field = captionField(
        labels.galleryImageCaption.replace('{n}', String(index + 1)),
        image.caption,
        (html) =>
          change((now) => ({
            ...now,
            images: now.images.map((im, i) => (i === index ? { ...im, caption: html } : im)),
          })),
      );
      const actions = document.createElement('p');
      actions.className = 'nr-gallery-actions';
      if (index > 0) actions.append(actionButton(labels.galleryEarlier, '↑', () => move(index - 1)));
      if (index < images.length - 1)
        actions.append(actionButton(labels.galleryLater, '↓', () => move(index + 1)));
      actions.append(
        actionButton(labels.galleryRemove, '×', () =>
          change((now) => ({ ...now, images: now.images.filter((_im, i) => i !== index) })),
        ),
      );
      li.append(thumb, field, actions);
      list.append(li);
    });
    const own = captionField(labels.galleryCaption, caption, (html) =>
      change((now) => ({ ...now, caption: html })),
    );
    const add = document.createElement('button');
    add.type = 'button';
    add.className = 'nr-secondary';
    add.textContent = labels.galleryAdd;
    add.addEventListener('click', () =>
      pickGalleryImages(
        labels,
        (more) => {
          if (more.length > 0) change((now) => ({ ...now, images: [...now.images, ...more] }));
        },
        add,
      ),
    );
    dom.replaceChildren(heading, list, own, add);
  };
  render();
  return { dom, render };
}

export const GalleryNode = Node.create({
  name: 'gallery',
  group: 'block',
  atom: true,
  draggable: true,
  selectable: true,
  addAttributes() {
    return {
      images: { default: [], rendered: false, parseHTML: (element) => readImages(element) },
      caption: {
        default: '',
        rendered: false,
        parseHTML: (element) => element.querySelector(':scope > figcaption')?.innerHTML.trim() ?? '',
      },
    };
  },
  // Before the plain figure (image with caption), which would otherwise take it.
  parseHTML: () => [{ tag: 'figure[data-block="gallery"]', priority: 100 }],
  renderHTML: ({ node }) => galleryElement(node.attrs as GalleryAttrs),
  addNodeView() {
    return ({ node, getPos, editor }) => {
      const labels = readLabels(document.querySelector('[data-editor]') ?? document.body);
      let current = node;
      const set = (next: GalleryAttrs) => {
        const pos = typeof getPos === 'function' ? getPos() : undefined;
        if (typeof pos !== 'number') return;
        // An emptied gallery goes away rather than leaving an empty frame in the text.
        if (next.images.length === 0) {
          editor
            .chain()
            .focus()
            .deleteRange({ from: pos, to: pos + current.nodeSize })
            .run();
          return;
        }
        editor.view.dispatch(editor.state.tr.setNodeMarkup(pos, undefined, next));
      };
      const view = galleryView(labels, () => current.attrs as GalleryAttrs, set);
      return {
        dom: view.dom,
        update: (updated) => {
          if (updated.type !== current.type) return false;
          const focused = view.dom.contains(document.activeElement) ? document.activeElement : null;
          const orderChanged =
            JSON.stringify((updated.attrs as GalleryAttrs).images.map((i) => i.src)) !==
            JSON.stringify((current.attrs as GalleryAttrs).images.map((i) => i.src));
          current = updated;
          // A caption typed in keeps its field (and the focus); a new order redraws the panel.
          if (orderChanged || !(focused instanceof HTMLInputElement)) view.render();
          return true;
        },
        // The panel's own fields and buttons handle their events; the editor leaves them alone.
        stopEvent: (event) =>
          event.target instanceof HTMLElement && event.target.closest('input, button') !== null,
        ignoreMutation: () => true,
      };
    };
  },
});

function insertGallery(editor: Editor, labels: Labels): void {
  const opener = document.activeElement instanceof HTMLElement ? document.activeElement : undefined;
  pickGalleryImages(
    labels,
    (images) => {
      if (images.length === 0) return;
      editor
        .chain()
        .focus()
        .insertContent({ type: 'gallery', attrs: { images, caption: '' } })
        .run();
    },
    opener,
  );
}

export const galleryBlock: StoryBlock = {
  extensions: [GalleryNode],
  tools: [{ key: 'gallery', glyph: GALLERY_ICON, run: insertGallery }],
};
