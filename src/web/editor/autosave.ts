/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// Autosave for the article form: a few seconds after typing stops, and at once when the page is
// hidden (a phone switching apps may never come back). A stale version (someone saved in
// another tab) is never overwritten: saving stops, the text stays in this tab, and the writer is
// told how to compare. While anything is unsaved, leaving the page asks first.
import type { Labels } from './labels.ts';

const DEBOUNCE_MS = 3000;

type Status = 'saving' | 'saved' | 'failed';

export interface Autosave {
  /** Call after any change the form's own input events do not report (toolbar commands). */
  changed(): void;
}

export function startAutosave(form: HTMLFormElement, labels: Labels): Autosave {
  const url = form.dataset.autosave;
  const status = form.querySelector<HTMLElement>('.nr-autosave');
  const version = form.querySelector<HTMLInputElement>('input[name="version"]');
  let timer: ReturnType<typeof setTimeout> | undefined;
  let dirty = false;
  let inFlight = false;
  let stopped = false;
  let submitting = false;

  const say = (key: Status) => {
    if (!status) return;
    status.textContent = status.dataset[key] ?? '';
    status.dataset.state = key;
  };

  const conflict = () => {
    stopped = true;
    clearTimeout(timer);
    if (!status) return;
    // The message names the way out: "Save" posts the form, and the server shows both versions.
    const reload = document.createElement('a');
    reload.href = window.location.href;
    reload.textContent = labels.reload;
    status.replaceChildren(`${labels.conflict} `, reload, '.');
    status.dataset.state = 'conflict';
    status.dataset.conflict = '1';
    status.setAttribute('role', 'alert');
    form.dispatchEvent(new CustomEvent('midad:conflict', { bubbles: true }));
  };

  const save = async (keepalive: boolean) => {
    if (!dirty || stopped || !url || !version) return;
    // One save at a time: the second would carry a version the first is about to change.
    if (inFlight) {
      schedule();
      return;
    }
    dirty = false;
    inFlight = true;
    say('saving');
    try {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify(payload(form)),
        credentials: 'same-origin',
        keepalive,
      });
      if (res.ok) {
        const body: unknown = await res.json();
        if (isSaved(body)) version.value = String(body.version);
        say('saved');
      } else if (res.status === 409) {
        dirty = true;
        conflict();
      } else {
        dirty = true;
        say('failed');
      }
    } catch {
      dirty = true;
      say('failed');
    } finally {
      inFlight = false;
    }
  };

  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(() => void save(false), DEBOUNCE_MS);
  };

  const changed = () => {
    if (stopped) return;
    dirty = true;
    schedule();
  };

  form.addEventListener('input', changed);
  form.addEventListener('change', changed);
  // Posting the form itself saves everything; a pending autosave must not race it.
  form.addEventListener('submit', () => {
    submitting = true;
    stopped = true;
    clearTimeout(timer);
  });
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') void save(true);
  });
  window.addEventListener('beforeunload', (event) => {
    if (submitting || !(dirty || inFlight)) return;
    event.preventDefault();
    // Older Chromium and Safari still want returnValue set to show the question.
    event.returnValue = '';
  });
  return { changed };
}

function isSaved(body: unknown): body is { version: number } {
  return (
    typeof body === 'object' && body !== null && typeof (body as { version?: unknown }).version === 'number'
  );
}

/** The form as the autosave endpoint reads it: repeated names (authors) become arrays. */
function payload(form: HTMLFormElement): Record<string, string | string[]> {
  const data: Record<string, string | string[]> = {};
  for (const [key, value] of new FormData(form)) {
    if (key === 'intent' || typeof value !== 'string') continue;
    const before = data[key];
    data[key] = before === undefined ? value : [...(Array.isArray(before) ? before : [before]), value];
  }
  const authors = data.author_ids;
  data.author_ids = (authors === undefined ? [] : Array.isArray(authors) ? authors : [authors]).filter(
    Boolean,
  );
  return data;
}
