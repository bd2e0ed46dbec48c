/// <reference lib="dom" />
// The featured image in the sidebar: the picture itself instead of a menu of numbers, chosen in
// the image dialog (media-picker.ts), with its focal point set by a click on the preview or by
// the arrow keys on the marker. The focal point belongs to the image (every crop of it uses the
// point), so it is saved on the image at once, not with the article.
import type { Labels } from './labels.ts';
import { openImagePicker, type PickerItem } from './media-picker.ts';
import { setPageRule } from './page-rules.ts';

const STEP = 0.05;

interface Chosen {
  id: number;
  src: string;
  alt: string;
  focal: { x: number; y: number } | null;
}

function readChosen(wrap: HTMLElement): Chosen | null {
  const id = Number(wrap.dataset.mediaId);
  const img = wrap.querySelector<HTMLImageElement>('.nr-featured-preview img');
  if (!Number.isInteger(id) || id <= 0 || !img) return null;
  const x = Number(wrap.dataset.focalX);
  const y = Number(wrap.dataset.focalY);
  const known = wrap.dataset.focalX !== undefined && Number.isFinite(x) && Number.isFinite(y);
  return { id, src: img.getAttribute('src') ?? '', alt: img.alt, focal: known ? { x, y } : null };
}

export function upgradeFeaturedImage(form: HTMLFormElement, labels: Labels): void {
  const wrap = form.querySelector<HTMLElement>('[data-featured]');
  const select = wrap?.querySelector<HTMLSelectElement>('select[name="featured_media_id"]');
  if (!wrap || !select) return;
  const csrf = form.querySelector<HTMLInputElement>('input[name="_csrf"]')?.value ?? '';
  const help = wrap.querySelector<HTMLElement>('.nr-focal-help');
  const value = document.createElement('input');
  value.type = 'hidden';
  value.name = 'featured_media_id';
  value.value = select.value;
  const figure = document.createElement('figure');
  figure.className = 'nr-featured-preview';
  const img = document.createElement('img');
  const marker = document.createElement('button');
  marker.type = 'button';
  marker.className = 'nr-focal-marker';
  if (help) marker.setAttribute('aria-describedby', help.id);
  figure.append(img, marker);
  const choose = document.createElement('button');
  choose.type = 'button';
  choose.className = 'nr-secondary nr-featured-choose';
  choose.setAttribute('aria-haspopup', 'dialog');
  const remove = document.createElement('button');
  remove.type = 'button';
  remove.className = 'nr-link-button nr-featured-remove';
  remove.textContent = labels.removeFeatured;
  const status = document.createElement('p');
  status.className = 'nr-help';
  status.setAttribute('role', 'status');
  const buttons = document.createElement('p');
  buttons.className = 'nr-buttons';
  buttons.append(choose, remove);

  let chosen = readChosen(wrap);
  let timer: ReturnType<typeof setTimeout> | undefined;

  const draw = () => {
    figure.hidden = chosen === null;
    remove.hidden = chosen === null;
    if (help) help.hidden = chosen === null;
    choose.textContent = chosen ? labels.changeFeatured : labels.chooseFeatured;
    value.value = chosen ? String(chosen.id) : '';
    if (!chosen) return;
    img.src = chosen.src;
    img.alt = chosen.alt;
    const focal = chosen.focal ?? { x: 0.5, y: 0.5 };
    // A place in the picture, not in the text: physical left/top in both directions.
    setPageRule('.nr-focal-marker', `left: ${focal.x * 100}%; top: ${focal.y * 100}%;`);
    const percent = (n: number) => `${Math.round(n * 100)}%`;
    marker.setAttribute('aria-label', `${labels.focalPoint}: ${percent(focal.x)} × ${percent(focal.y)}`);
  };

  const saveFocal = () => {
    clearTimeout(timer);
    const target = chosen;
    if (!target?.focal) return;
    timer = setTimeout(async () => {
      try {
        const res = await fetch(`/newsroom/media/${target.id}/focal`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', accept: 'application/json' },
          credentials: 'same-origin',
          body: JSON.stringify({ _csrf: csrf, x: target.focal?.x ?? null, y: target.focal?.y ?? null }),
        });
        status.textContent = res.ok ? labels.focalSaved : labels.focalFailed;
      } catch {
        status.textContent = labels.focalFailed;
      }
    }, 400);
  };

  const setFocal = (x: number, y: number) => {
    if (!chosen) return;
    const clamp = (n: number) => Math.min(1, Math.max(0, Math.round(n * 1000) / 1000));
    chosen.focal = { x: clamp(x), y: clamp(y) };
    draw();
    saveFocal();
  };

  img.addEventListener('click', (event) => {
    const box = img.getBoundingClientRect();
    setFocal((event.clientX - box.left) / box.width, (event.clientY - box.top) / box.height);
    marker.focus();
  });
  marker.addEventListener('keydown', (event) => {
    const focal = chosen?.focal ?? { x: 0.5, y: 0.5 };
    const moves: Record<string, [number, number]> = {
      ArrowLeft: [-STEP, 0],
      ArrowRight: [STEP, 0],
      ArrowUp: [0, -STEP],
      ArrowDown: [0, STEP],
    };
    const move = moves[event.key];
    if (!move) return;
    event.preventDefault();
    setFocal(focal.x + move[0], focal.y + move[1]);
  });
  choose.addEventListener('click', () => {
    void openImagePicker(labels, choose, labels.chooseFeatured, (item: PickerItem) => {
      chosen = { id: item.id, src: item.thumb ?? item.src, alt: item.alt, focal: item.focal ?? null };
      draw();
      form.dispatchEvent(new Event('change', { bubbles: true }));
      marker.focus();
    });
  });
  remove.addEventListener('click', () => {
    chosen = null;
    draw();
    form.dispatchEvent(new Event('change', { bubbles: true }));
    choose.focus();
  });

  wrap.querySelector('.nr-featured-preview')?.remove();
  // The menu's field (label, select, error) gives way to the picture and its buttons.
  const field = select.closest('.nr-field') ?? select;
  const error = field.querySelector('.nr-error');
  field.replaceWith(value, figure, buttons, status, ...(error ? [error] : []));
  draw();
}
