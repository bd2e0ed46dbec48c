/// <reference lib="dom" />
// Turns the sidebar's plain fields into comboboxes (combobox.ts): the section <select>, the tag
// text field and the author <select>s. Each keeps sending what the plain form sends: section_id,
// author_ids in byline order, tag names typed anew in `tags` and picked tags as `tag_ids`.
import { type ComboOption, combobox } from './combobox.ts';
import type { Labels } from './labels.ts';

const TAGS_URL = '/newsroom/tags.json';

function hidden(name: string, value: string): HTMLInputElement {
  const input = document.createElement('input');
  input.type = 'hidden';
  input.name = name;
  input.value = value;
  return input;
}

function optionsOf(select: HTMLSelectElement): ComboOption[] {
  return Array.from(select.options)
    .filter((o) => o.value !== '')
    .map((o) => ({ id: o.value, name: o.text }));
}

/** The form's inputs changed by script send no input event; autosave listens for this one. */
function announce(form: HTMLFormElement): void {
  form.dispatchEvent(new Event('change', { bubbles: true }));
}

function labelFor(form: HTMLFormElement, id: string): HTMLLabelElement | null {
  const label = form.querySelector<HTMLLabelElement>(`label[for="${id}"]`);
  if (label && !label.id) label.id = `${id}-label`;
  return label;
}

function sectionField(form: HTMLFormElement, wrapper: HTMLElement, labels: Labels): void {
  const select = wrapper.querySelector<HTMLSelectElement>('select');
  if (!select) return;
  labelFor(form, select.id);
  const value = hidden(select.name, select.value);
  const options = optionsOf(select);
  const chosen = options.filter((o) => o.id === select.value);
  const box = combobox({
    inputId: select.id,
    describedBy: select.getAttribute('aria-describedby'),
    multiple: false,
    source: options,
    chosen,
    labels,
    onChange: (picked) => {
      value.value = picked[0]?.id ?? '';
      announce(form);
    },
  });
  select.replaceWith(value, box);
}

function tagField(form: HTMLFormElement, wrapper: HTMLElement, labels: Labels): void {
  const text = wrapper.querySelector<HTMLInputElement>('input[name="tags"]');
  if (!text) return;
  labelFor(form, text.id);
  const names = text.value
    .split(/[,،;\n]/)
    .map((t) => t.trim())
    .filter(Boolean);
  const ids = document.createElement('span');
  const inputId = text.id;
  const describedBy = text.getAttribute('aria-describedby');
  // The text field stays, hidden, carrying the names that have no id (typed anew or loaded).
  text.type = 'hidden';
  text.removeAttribute('id');
  text.removeAttribute('aria-describedby');
  const box = combobox({
    inputId,
    describedBy,
    multiple: true,
    create: wrapper.dataset.create === '1',
    source: async (q) => {
      const res = await fetch(`${wrapper.dataset.source ?? TAGS_URL}?${new URLSearchParams({ q })}`, {
        headers: { accept: 'application/json' },
        credentials: 'same-origin',
      });
      if (!res.ok) return [];
      const body = (await res.json()) as { items?: { id?: unknown; name?: unknown }[] };
      return (body.items ?? [])
        .filter((t) => typeof t.id === 'number' && typeof t.name === 'string')
        .map((t) => ({ id: String(t.id), name: String(t.name) }));
    },
    chosen: names.map((name) => ({ id: '', name })),
    labels,
    onChange: (picked) => {
      text.value = picked
        .filter((p) => p.id === '')
        .map((p) => p.name)
        .join('، ');
      ids.replaceChildren(...picked.filter((p) => p.id !== '').map((p) => hidden('tag_ids', p.id)));
      announce(form);
    },
  });
  text.after(ids, box);
  // The plain field's help speaks of commas; the combobox is used otherwise.
  const help = wrapper.querySelector<HTMLElement>('.nr-help');
  if (help && wrapper.dataset.help) help.textContent = wrapper.dataset.help;
}

function authorField(form: HTMLFormElement, fieldset: HTMLElement, labels: Labels): void {
  const selects = Array.from(fieldset.querySelectorAll<HTMLSelectElement>('select[name="author_ids"]'));
  const first = selects[0];
  if (!first) return;
  const options = optionsOf(first);
  const chosen = selects
    .map((s) => options.find((o) => o.id === s.value))
    .filter((o): o is ComboOption => o !== undefined);
  const values = document.createElement('span');
  const write = (picked: ComboOption[]) =>
    values.replaceChildren(...picked.map((p) => hidden('author_ids', p.id)));
  write(chosen);
  const legend = fieldset.querySelector('legend');
  const box = combobox({
    inputId: 'author-search',
    ariaLabel: legend?.textContent ?? '',
    multiple: true,
    ordered: true,
    source: options,
    chosen,
    labels,
    onChange: (picked) => {
      write(picked);
      announce(form);
    },
  });
  for (const s of selects) s.remove();
  (legend ?? fieldset.firstChild)?.after(values, box);
}

export function upgradeComboFields(form: HTMLFormElement, labels: Labels): void {
  for (const wrapper of form.querySelectorAll<HTMLElement>('[data-combobox]')) {
    const kind = wrapper.dataset.combobox;
    if (kind === 'section') sectionField(form, wrapper, labels);
    else if (kind === 'tags') tagField(form, wrapper, labels);
    else if (kind === 'authors') authorField(form, wrapper, labels);
  }
}
