/// <reference lib="dom" />
// An editable combobox with a list of suggestions, after the WAI-ARIA Authoring Practices
// pattern: the text field is role=combobox (aria-expanded, aria-controls, aria-activedescendant),
// suggestions are role=option in a role=listbox, and focus stays in the field. Down/Up open the
// list and move through it, Enter picks, Escape closes the list (then clears the text), Alt+Down
// opens without moving. Picked entries show as chips before the field; several may be picked
// (tags, authors, with the authors' order changeable) or one (section). Suggestions come from a
// fixed list or a JSON source; a new entry may be created when the field allows it.
import type { Labels } from './labels.ts';

export interface ComboOption {
  /** Empty for a new entry that exists only by its name (a tag typed anew). */
  id: string;
  name: string;
}

export interface ComboConfig {
  /** The id the text field takes, so the field's existing <label for> names it. */
  inputId: string;
  /** Accessible name when no <label for> points at the field. */
  ariaLabel?: string;
  describedBy?: string | null;
  multiple: boolean;
  /** Chips get "earlier"/"later" buttons (authors: the byline's order). */
  ordered?: boolean;
  /** Typed text may become a new entry (tags). */
  create?: boolean;
  /** Fixed suggestions, or a function asking the server. */
  source: ComboOption[] | ((q: string) => Promise<ComboOption[]>);
  chosen: ComboOption[];
  /** Called with the picked entries in order after every change: it writes the form's inputs. */
  onChange(chosen: ComboOption[]): void;
  labels: Labels;
}

let counter = 0;
const MAX_SHOWN = 12;

const fold = (s: string) => s.normalize('NFC').trim().toLocaleLowerCase();
const fill = (template: string, values: Record<string, string>) =>
  template.replace(/\{(\w+)\}/g, (_, k: string) => values[k] ?? '');

export function combobox(config: ComboConfig): HTMLElement {
  const { labels } = config;
  const n = ++counter;
  const root = document.createElement('div');
  root.className = `nr-combo${config.multiple ? ' nr-combo-multi' : ''}`;
  const chips = document.createElement(config.ordered ? 'ol' : 'ul');
  chips.className = 'nr-chips';
  chips.setAttribute('aria-label', labels.comboChosen);
  const box = document.createElement('div');
  box.className = 'nr-combo-box';
  const input = document.createElement('input');
  input.type = 'text';
  input.id = config.inputId;
  input.dir = 'auto';
  input.autocomplete = 'off';
  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-autocomplete', 'list');
  input.setAttribute('aria-expanded', 'false');
  if (config.ariaLabel) input.setAttribute('aria-label', config.ariaLabel);
  if (config.describedBy) input.setAttribute('aria-describedby', config.describedBy);
  const list = document.createElement('ul');
  list.id = `nr-combo-list-${n}`;
  list.className = 'nr-combo-list';
  list.setAttribute('role', 'listbox');
  if (config.ariaLabel) list.setAttribute('aria-label', config.ariaLabel);
  else list.setAttribute('aria-labelledby', `${config.inputId}-label`);
  list.hidden = true;
  input.setAttribute('aria-controls', list.id);
  const live = document.createElement('span');
  live.className = 'nr-visually-hidden';
  live.setAttribute('aria-live', 'polite');
  box.append(input, list);
  root.append(...(config.multiple ? [chips] : []), box, live);

  let chosen = [...config.chosen];
  let shown: ComboOption[] = [];
  let active = -1;
  let asked = 0;

  const same = (a: ComboOption, b: ComboOption) =>
    a.id !== '' && b.id !== '' ? a.id === b.id : fold(a.name) === fold(b.name);

  const changed = () => {
    config.onChange(chosen);
    if (config.multiple) drawChips();
  };

  const chipButton = (text: string, glyph: string, onClick: () => void) => {
    const b = document.createElement('button');
    b.type = 'button';
    b.className = 'nr-chip-button';
    b.setAttribute('aria-label', text);
    b.title = text;
    const face = document.createElement('span');
    face.setAttribute('aria-hidden', 'true');
    face.textContent = glyph;
    b.append(face);
    b.addEventListener('click', onClick);
    return b;
  };

  function drawChips() {
    chips.replaceChildren(
      ...chosen.map((item, i) => {
        const li = document.createElement('li');
        li.className = 'nr-chip';
        const name = document.createElement('bdi');
        name.textContent = item.name;
        li.append(name);
        if (config.ordered && chosen.length > 1) {
          const earlier = chipButton(fill(labels.comboEarlier, { name: item.name }), '↑', () => move(i, -1));
          const later = chipButton(fill(labels.comboLater, { name: item.name }), '↓', () => move(i, 1));
          earlier.disabled = i === 0;
          later.disabled = i === chosen.length - 1;
          li.append(earlier, later);
        }
        li.append(chipButton(fill(labels.comboRemove, { name: item.name }), '×', () => remove(i)));
        return li;
      }),
    );
    chips.hidden = chosen.length === 0;
  }

  function move(i: number, by: number) {
    const j = i + by;
    if (j < 0 || j >= chosen.length) return;
    [chosen[i], chosen[j]] = [chosen[j]!, chosen[i]!];
    changed();
    // Keep the focus on the same button of the moved chip, now at its new place.
    const glyph = by < 0 ? 0 : 1;
    chips.children[j]?.querySelectorAll<HTMLButtonElement>('button')[glyph]?.focus();
  }

  function remove(i: number) {
    chosen.splice(i, 1);
    changed();
    input.focus();
  }

  function close() {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  }

  function highlight(i: number) {
    active = i;
    for (const [k, li] of Array.from(list.children).entries()) {
      li.setAttribute('aria-selected', String(k === i));
    }
    const li = list.children[i] as HTMLElement | undefined;
    if (li?.id) {
      input.setAttribute('aria-activedescendant', li.id);
      li.scrollIntoView({ block: 'nearest' });
    } else input.removeAttribute('aria-activedescendant');
  }

  function draw(options: ComboOption[]) {
    shown = options;
    list.replaceChildren(
      ...options.map((option, i) => {
        const li = document.createElement('li');
        li.id = `${list.id}-${i}`;
        li.setAttribute('role', 'option');
        li.setAttribute('aria-selected', 'false');
        li.dir = 'auto';
        li.textContent = option.id === '' ? fill(labels.comboNew, { name: option.name }) : option.name;
        // Keep the focus in the field while a suggestion is clicked.
        li.addEventListener('mousedown', (event) => event.preventDefault());
        li.addEventListener('click', () => pick(option));
        return li;
      }),
    );
    active = -1;
    input.removeAttribute('aria-activedescendant');
    const open = options.length > 0;
    list.hidden = !open;
    input.setAttribute('aria-expanded', String(open));
    live.textContent = open ? fill(labels.comboCount, { n: String(options.length) }) : labels.comboNone;
  }

  async function suggest(): Promise<void> {
    const q = input.value;
    const ticket = ++asked;
    const found = Array.isArray(config.source)
      ? config.source.filter((o) => fold(o.name).includes(fold(q)))
      : await config.source(q).catch(() => []);
    // An older answer arriving after a newer question is dropped.
    if (ticket !== asked) return;
    const options = found
      .filter((o) => !config.multiple || !chosen.some((c) => same(c, o)))
      .slice(0, MAX_SHOWN);
    const typed = q.normalize('NFC').replace(/\s+/g, ' ').trim();
    if (
      config.create &&
      typed !== '' &&
      !options.some((o) => fold(o.name) === fold(typed)) &&
      !chosen.some((c) => fold(c.name) === fold(typed))
    ) {
      options.push({ id: '', name: typed });
    }
    draw(options);
  }

  function pick(option: ComboOption) {
    if (config.multiple) {
      if (!chosen.some((c) => same(c, option))) chosen.push(option);
      input.value = '';
    } else {
      chosen = option.id === '' && option.name === '' ? [] : [option];
      input.value = option.name;
    }
    close();
    changed();
    input.focus();
  }

  input.addEventListener('input', () => void suggest());
  input.addEventListener('keydown', (event) => {
    const open = !list.hidden;
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        if (!open) {
          void suggest().then(() => {
            if (!event.altKey && shown.length > 0) highlight(0);
          });
          return;
        }
        if (!event.altKey) highlight(shown.length === 0 ? -1 : (active + 1) % shown.length);
        return;
      case 'ArrowUp':
        event.preventDefault();
        if (!open) {
          void suggest().then(() => shown.length > 0 && highlight(shown.length - 1));
          return;
        }
        highlight(active <= 0 ? shown.length - 1 : active - 1);
        return;
      case 'Enter': {
        // Enter in this field never posts the article form.
        event.preventDefault();
        const option = open && active >= 0 ? shown[active] : undefined;
        if (option) pick(option);
        else if (open && shown.length === 1) pick(shown[0]!);
        return;
      }
      case 'Escape':
        if (open) {
          event.preventDefault();
          close();
        } else if (input.value !== '' && config.multiple) {
          event.preventDefault();
          input.value = '';
        }
        return;
      case 'Backspace':
        if (config.multiple && input.value === '' && chosen.length > 0) remove(chosen.length - 1);
        return;
      case 'Tab':
        close();
        return;
      default:
    }
  });
  input.addEventListener('blur', () => {
    close();
    if (config.multiple) return;
    // One choice: an emptied field means none; anything else typed goes back to the choice.
    if (input.value.trim() === '') {
      if (chosen.length > 0) {
        chosen = [];
        changed();
      }
    } else input.value = chosen[0]?.name ?? '';
  });

  if (config.multiple) drawChips();
  else input.value = chosen[0]?.name ?? '';
  return root;
}
