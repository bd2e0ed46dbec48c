// Audio and video blocks from the media library. In the document a player is one node whose
// attributes are the file, its poster, size, playing time, caption tracks and caption; it is
// written out as exactly the stored format of core/story-blocks/media.ts. In the editor it
// shows as the player itself (nothing loads until pressed) with its caption field and a remove
// button. The toolbar button opens a dialog listing the library's audio and video (radio
// buttons), fetched from /newsroom/media.json?kind=av.
import { type Editor, Node } from '@tiptap/core';
import { openDialog } from '../dialog.ts';
import { type Labels, readLabels } from '../labels.ts';
import { escapeText } from './gallery-picker.ts';
import type { StoryBlock } from './story-block.ts';

const PLAYER_ICON = 'svg:M4 5h12v14H4zM16 10l5-3v10l-5-3M8 9v6l5-3z';
const LIST_URL = '/newsroom/media.json?kind=av';

interface Track {
  src: string;
  lang: string;
  label: string;
  kind: 'captions' | 'subtitles';
}

interface PlayerAttrs {
  kind: 'audio' | 'video';
  src: string;
  poster: string | null;
  width: number | null;
  height: number | null;
  duration: number | null;
  tracks: Track[];
  caption: string;
}

interface LibraryItem extends Omit<PlayerAttrs, 'duration' | 'caption'> {
  id: number;
  name: string;
  durationText: string | null;
  durationSeconds: number | null;
  caption: string;
}

const int = (v: string | null) => (v && /^\d{1,6}$/.test(v) ? Number(v) : null);
const str = (v: unknown): v is string => typeof v === 'string';
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

function readAttrs(figure: HTMLElement): PlayerAttrs {
  const player = figure.querySelector<HTMLElement>(':scope > audio, :scope > video');
  const kind = player?.tagName.toLowerCase() === 'video' ? 'video' : 'audio';
  return {
    kind,
    src: player?.getAttribute('src') ?? '',
    poster: player?.getAttribute('poster') ?? null,
    width: int(player?.getAttribute('width') ?? null),
    height: int(player?.getAttribute('height') ?? null),
    duration: int(player?.getAttribute('data-duration') ?? null),
    tracks: Array.from(player?.querySelectorAll('track') ?? []).flatMap((t) => {
      const src = t.getAttribute('src');
      if (!src) return [];
      return [
        {
          src,
          lang: t.getAttribute('srclang') ?? '',
          label: t.getAttribute('label') ?? '',
          kind: t.getAttribute('kind') === 'subtitles' ? ('subtitles' as const) : ('captions' as const),
        },
      ];
    }),
    caption: figure.querySelector(':scope > figcaption')?.innerHTML.trim() ?? '',
  };
}

/** The stored format, element by element (the attribute order matches the importer's). */
function playerElement(attrs: PlayerAttrs, forEditor = false): HTMLElement {
  const figure = document.createElement('figure');
  figure.setAttribute('data-block', attrs.kind);
  const player = document.createElement(attrs.kind);
  player.setAttribute('src', attrs.src);
  if (attrs.kind === 'video' && attrs.poster) player.setAttribute('poster', attrs.poster);
  if (attrs.kind === 'video' && attrs.width && attrs.height) {
    player.setAttribute('width', String(attrs.width));
    player.setAttribute('height', String(attrs.height));
  }
  if (attrs.duration) player.setAttribute('data-duration', String(attrs.duration));
  if (forEditor) {
    player.setAttribute('controls', '');
    player.setAttribute('preload', 'none');
  }
  for (const t of attrs.tracks) {
    const track = document.createElement('track');
    track.setAttribute('kind', t.kind);
    track.setAttribute('src', t.src);
    track.setAttribute('srclang', t.lang);
    track.setAttribute('label', t.label);
    player.append(track);
  }
  figure.append(player);
  if (attrs.caption.trim() && !forEditor) {
    const figcaption = document.createElement('figcaption');
    const template = document.createElement('template');
    template.innerHTML = attrs.caption;
    figcaption.append(template.content);
    figure.append(figcaption);
  }
  return figure;
}

function plainText(html: string): string {
  const template = document.createElement('template');
  template.innerHTML = html;
  return template.content.textContent ?? '';
}

function playerView(labels: Labels, attrs: () => PlayerAttrs, set: (next: PlayerAttrs | null) => void) {
  const dom = document.createElement('div');
  dom.className = 'nr-player';
  dom.contentEditable = 'false';
  const render = () => {
    const now = attrs();
    const preview = playerElement(now, true);
    const input = document.createElement('input');
    input.type = 'text';
    input.dir = 'auto';
    input.value = plainText(now.caption);
    input.addEventListener('change', () => set({ ...attrs(), caption: escapeText(input.value.trim()) }));
    // The editor sits in the article form: Enter keeps the caption instead of submitting it.
    input.addEventListener('keydown', (event) => {
      if (event.key === 'Enter') {
        event.preventDefault();
        input.dispatchEvent(new Event('change'));
      }
    });
    const label = document.createElement('label');
    const span = document.createElement('span');
    span.textContent = labels.playerCaption;
    label.append(span, input);
    const remove = document.createElement('button');
    remove.type = 'button';
    remove.className = 'nr-secondary';
    remove.textContent = labels.playerRemove;
    remove.addEventListener('click', () => set(null));
    dom.replaceChildren(preview, label, remove);
  };
  render();
  return { dom, render };
}

export const PlayerNode = Node.create({
  name: 'mediaPlayer',
  group: 'block',
  atom: true,
  draggable: true,
  selectable: true,
  addAttributes() {
    const keep = (key: keyof PlayerAttrs) => ({
      default: null,
      rendered: false,
      parseHTML: (element: HTMLElement) => readAttrs(element)[key],
    });
    return {
      kind: keep('kind'),
      src: keep('src'),
      poster: keep('poster'),
      width: keep('width'),
      height: keep('height'),
      duration: keep('duration'),
      tracks: { ...keep('tracks'), default: [] },
      caption: { ...keep('caption'), default: '' },
    };
  },
  // Before the plain figure (image with caption), which would otherwise take it.
  parseHTML: () => [
    { tag: 'figure[data-block="audio"]', priority: 100 },
    { tag: 'figure[data-block="video"]', priority: 100 },
  ],
  renderHTML: ({ node }) => playerElement(node.attrs as PlayerAttrs),
  addNodeView() {
    return ({ node, getPos, editor }) => {
      const labels = readLabels(document.querySelector('[data-editor]') ?? document.body);
      let current = node;
      const set = (next: PlayerAttrs | null) => {
        const pos = typeof getPos === 'function' ? getPos() : undefined;
        if (typeof pos !== 'number') return;
        if (next === null) {
          editor
            .chain()
            .focus()
            .deleteRange({ from: pos, to: pos + current.nodeSize })
            .run();
          return;
        }
        editor.view.dispatch(editor.state.tr.setNodeMarkup(pos, undefined, next));
      };
      const view = playerView(labels, () => current.attrs as PlayerAttrs, set);
      return {
        dom: view.dom,
        update: (updated) => {
          if (updated.type !== current.type) return false;
          current = updated;
          if (
            !(view.dom.contains(document.activeElement) && document.activeElement instanceof HTMLInputElement)
          )
            view.render();
          return true;
        },
        stopEvent: (event) =>
          event.target instanceof HTMLElement && event.target.closest('input, button, audio, video') !== null,
        ignoreMutation: () => true,
      };
    };
  },
});

/** Outside data is unknown until checked. */
function toItem(v: unknown): LibraryItem | null {
  if (typeof v !== 'object' || v === null) return null;
  const o = v as Record<string, unknown>;
  if (typeof o.id !== 'number' || !str(o.src) || (o.kind !== 'audio' && o.kind !== 'video')) return null;
  const tracks = Array.isArray(o.tracks)
    ? o.tracks.flatMap((t: unknown) => {
        const r = (t ?? {}) as Record<string, unknown>;
        return str(r.src) && str(r.lang) && str(r.label)
          ? [
              {
                src: r.src,
                lang: r.lang,
                label: r.label,
                kind: r.kind === 'subtitles' ? 'subtitles' : 'captions',
              } as Track,
            ]
          : [];
      })
    : [];
  return {
    id: o.id,
    kind: o.kind,
    src: o.src,
    name: str(o.name) ? o.name : `#${o.id}`,
    poster: str(o.poster) ? o.poster : null,
    width: num(o.width),
    height: num(o.height),
    durationSeconds: num(o.durationSeconds),
    durationText: str(o.durationText) ? o.durationText : null,
    tracks,
    caption: str(o.caption) ? o.caption : '',
  };
}

async function libraryItems(): Promise<LibraryItem[]> {
  try {
    const res = await fetch(LIST_URL, {
      headers: { accept: 'application/json' },
      credentials: 'same-origin',
    });
    if (!res.ok) return [];
    const data = (await res.json()) as { items?: unknown };
    return Array.isArray(data.items) ? data.items.flatMap((v) => toItem(v) ?? []) : [];
  } catch {
    return [];
  }
}

async function insertPlayer(editor: Editor, labels: Labels): Promise<void> {
  const items = await libraryItems();
  const list = document.createElement('div');
  list.className = 'nr-player-choices';
  list.setAttribute('role', 'radiogroup');
  list.setAttribute('aria-label', labels.playerPick);
  items.forEach((item, index) => {
    const input = document.createElement('input');
    input.type = 'radio';
    input.name = 'player-choice';
    input.value = String(item.id);
    input.checked = index === 0;
    const label = document.createElement('label');
    label.className = 'nr-check';
    label.append(input, ` ${item.name}${item.durationText ? ` · ${item.durationText}` : ''}`);
    const row = document.createElement('p');
    row.append(label);
    list.append(row);
  });
  const empty = document.createElement('p');
  empty.textContent = labels.playerEmpty;
  const answer = await openDialog({
    title: labels.playerPick,
    body: [items.length > 0 ? list : empty],
    actions: [
      ...(items.length > 0 ? [{ value: 'insert', label: labels.player }] : []),
      { value: 'cancel', label: labels.cancel, kind: 'secondary' as const },
    ],
  });
  if (answer !== 'insert') return;
  const chosen = list.querySelector<HTMLInputElement>('input:checked');
  const item = items.find((i) => String(i.id) === chosen?.value);
  if (!item) return;
  const attrs: PlayerAttrs = {
    kind: item.kind,
    src: item.src,
    poster: item.poster,
    width: item.width,
    height: item.height,
    duration: item.durationSeconds,
    tracks: item.tracks,
    caption: escapeText(item.caption),
  };
  editor.chain().focus().insertContent({ type: 'mediaPlayer', attrs }).run();
}

export const mediaBlock: StoryBlock = {
  extensions: [PlayerNode],
  tools: [{ key: 'player', glyph: PLAYER_ICON, run: (editor, labels) => void insertPlayer(editor, labels) }],
};
