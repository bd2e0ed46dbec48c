/// <reference lib="dom" />
// The editor's frame around the text: the settings sidebar as a sheet on narrow screens,
// Ctrl/Cmd+S to save, the live word count and reading time, and confirmations asked in a dialog
// for the buttons that carry one (data-confirm: trash, unpublish, discard).
import { countWords, readingMinutes } from '../../core/reading-time.ts';
import type { Lang } from '../../core/types.ts';
import { confirmDialog } from './dialog.ts';
import type { Labels } from './labels.ts';
import { setPageRule } from './page-rules.ts';

/** Below this width the sidebar is a sheet (the same breakpoint as newsroom.css). */
const SHEET_QUERY = '(max-width: 63.99em)';

export function settingsSheet(form: HTMLFormElement): void {
  const side = form.querySelector<HTMLElement>('#editor-settings');
  const toggle = form.querySelector<HTMLButtonElement>('.nr-settings-toggle');
  const close = side?.querySelector<HTMLButtonElement>('.nr-side-close');
  if (!side || !toggle || !close) return;
  const narrow = window.matchMedia(SHEET_QUERY);
  form.classList.add('has-sheet');
  toggle.hidden = false;
  close.hidden = false;
  const setOpen = (open: boolean, focus = true) => {
    side.classList.toggle('is-open', open);
    toggle.setAttribute('aria-expanded', String(open));
    document.body.classList.toggle('nr-sheet-open', open && narrow.matches);
    if (!focus) return;
    if (open) side.querySelector<HTMLElement>('h2, summary')?.focus();
    else toggle.focus();
  };
  // The heading takes the focus when the sheet opens, so a screen reader starts there.
  side.querySelector('h2')?.setAttribute('tabindex', '-1');
  toggle.addEventListener('click', () => setOpen(!side.classList.contains('is-open')));
  close.addEventListener('click', () => setOpen(false));
  side.addEventListener('keydown', (event) => {
    // A combobox's own Escape closes its list first (it stops nothing, so check it is closed).
    const target = event.target as HTMLElement;
    if (event.key !== 'Escape' || !narrow.matches || target.getAttribute('aria-expanded') === 'true') return;
    if (!side.classList.contains('is-open')) return;
    event.preventDefault();
    setOpen(false);
  });
  narrow.addEventListener('change', () => setOpen(false, false));
  // The formatting toolbar and the sidebar stick just under the save bar: they need its height.
  const bar = form.querySelector<HTMLElement>('.nr-editor-bar');
  if (bar) {
    const selector = form.id ? `#${form.id}` : '.nr-editor-form';
    const measure = () => setPageRule(selector, `--nr-bar-h: ${bar.offsetHeight}px;`);
    new ResizeObserver(measure).observe(bar);
    measure();
  }
  // A field with an error sits in the sidebar: open it so the writer sees why.
  if (narrow.matches && side.querySelector('[aria-invalid="true"], .nr-error')) setOpen(true, false);
}

/** Ctrl+S (Cmd+S on a Mac) presses Save: the same POST as the button, never the browser's "save page". */
export function saveShortcut(form: HTMLFormElement, labels: Labels): void {
  const save = form.querySelector<HTMLButtonElement>('button[name="intent"][value="save"]');
  if (!save) return;
  document.addEventListener('keydown', (event) => {
    if (!(event.ctrlKey || event.metaKey) || event.altKey || event.key.toLowerCase() !== 's') return;
    event.preventDefault();
    if (save.disabled) return;
    const status = form.querySelector<HTMLElement>('.nr-autosave');
    if (status) {
      status.textContent = labels.saving;
      status.dataset.state = 'saving';
    }
    form.requestSubmit(save);
    save.disabled = true;
  });
}

export interface WordCounter {
  update(text: string): void;
}

/** Words and reading minutes of the body as it is typed (same counting as the reader page). */
export function wordCounter(form: HTMLFormElement): WordCounter {
  const box = form.querySelector<HTMLElement>('.nr-wordcount');
  const words = box?.querySelector<HTMLElement>('.nr-words');
  const minutes = box?.querySelector<HTMLElement>('.nr-minutes');
  const lang = () => form.querySelector<HTMLSelectElement>('select[name="lang"]')?.value ?? 'ar';
  return {
    update(text: string) {
      if (!box || !words || !minutes) return;
      const l = lang();
      const m = readingMinutes(text, (l === 'fr' || l === 'en' ? l : 'ar') satisfies Lang);
      words.textContent = (box.dataset.words ?? '{n}').replace('{n}', String(countWords(text)));
      minutes.textContent = (box.dataset.minutes ?? '{n}').replace('{n}', String(m));
    },
  };
}

/** Buttons with data-confirm ask first, in a dialog; confirmed, they do what they did before. */
export function confirmButtons(labels: Labels): void {
  document.addEventListener('click', (event) => {
    const target = event.target instanceof Element ? event.target.closest('button[data-confirm]') : null;
    if (!(target instanceof HTMLButtonElement) || target.dataset.confirmed === '1') return;
    event.preventDefault();
    void confirmDialog(target.dataset.confirm ?? '', labels.confirmYes, labels.cancel).then((yes) => {
      if (!yes) return;
      target.dataset.confirmed = '1';
      target.form?.requestSubmit(target);
    });
  });
}
