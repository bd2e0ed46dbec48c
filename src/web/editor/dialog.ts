/// <reference lib="dom" />
// Accessible modal dialogs for the newsroom's scripts, instead of prompt() and confirm(): a
// native <dialog> (focus kept inside, Escape closes, the page behind made inert), named by its
// heading, in the newsroom's language, and focus given back to what opened it. Any script may use
// `openDialog` for its own content, or `confirmDialog` for a yes/no question.

export interface DialogAction {
  /** The value the dialog resolves with when this button is pressed. */
  value: string;
  label: string;
  kind?: 'primary' | 'secondary' | 'danger';
  /** Checked before closing; returning false keeps the dialog open (e.g. a field is wrong). */
  accept?: () => boolean;
}

export interface DialogOptions {
  title: string;
  /** Content between the heading and the buttons. */
  body?: Node[];
  actions: DialogAction[];
  /** The element to focus first; the first field or button otherwise. */
  initialFocus?: HTMLElement;
  className?: string;
}

let counter = 0;

/** Shows the dialog; resolves with the pressed action's value, or null when dismissed. */
export function openDialog(options: DialogOptions): Promise<string | null> {
  const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  const dialog = document.createElement('dialog');
  dialog.className = `nr-dialog ${options.className ?? ''}`.trim();
  const titleId = `nr-dialog-title-${++counter}`;
  dialog.setAttribute('aria-labelledby', titleId);
  const title = document.createElement('h2');
  title.id = titleId;
  title.textContent = options.title;
  // A form with method=dialog: Enter in a field presses the first (default) button, and the
  // form is not the article's, so nothing is posted.
  const form = document.createElement('form');
  form.method = 'dialog';
  form.className = 'nr-dialog-form';
  const buttons = document.createElement('p');
  buttons.className = 'nr-dialog-actions';
  let result: string | null = null;
  for (const action of options.actions) {
    const b = document.createElement('button');
    b.type = 'submit';
    b.value = action.value;
    b.textContent = action.label;
    if (action.kind === 'secondary') b.className = 'nr-secondary';
    if (action.kind === 'danger') b.className = 'nr-danger';
    b.addEventListener('click', (event) => {
      event.preventDefault();
      if (action.accept && !action.accept()) return;
      result = action.value;
      dialog.close();
    });
    buttons.append(b);
  }
  form.append(...(options.body ?? []), buttons);
  // Enter in a text field "clicks" the first button (handled above); nothing else submits.
  form.addEventListener('submit', (event) => event.preventDefault());
  dialog.append(title, form);
  document.body.append(dialog);
  return new Promise((resolve) => {
    dialog.addEventListener('close', () => {
      dialog.remove();
      if (opener?.isConnected) opener.focus();
      resolve(result);
    });
    dialog.showModal();
    const first =
      options.initialFocus ??
      form.querySelector<HTMLElement>('input, textarea, select') ??
      buttons.querySelector<HTMLElement>('button');
    first?.focus();
  });
}

/** A yes/no question; resolves true when confirmed. */
export async function confirmDialog(question: string, yes: string, no: string): Promise<boolean> {
  const answer = await openDialog({
    title: question,
    actions: [
      { value: 'yes', label: yes, kind: 'danger' },
      { value: 'no', label: no, kind: 'secondary' },
    ],
    className: 'nr-dialog-confirm',
  });
  return answer === 'yes';
}

/** A labelled field for a dialog's body: <p><label/><input/></p>. */
export function dialogField(label: string, input: HTMLInputElement | HTMLTextAreaElement): HTMLElement {
  const p = document.createElement('p');
  const l = document.createElement('label');
  if (!input.id) input.id = `nr-dialog-field-${++counter}`;
  l.htmlFor = input.id;
  l.textContent = label;
  p.append(l, input);
  return p;
}

/** A checkbox with its label after it, for a dialog's body. */
export function dialogCheckbox(label: string, input: HTMLInputElement): HTMLElement {
  input.type = 'checkbox';
  const l = document.createElement('label');
  l.className = 'nr-check';
  l.append(input, ` ${label}`);
  const p = document.createElement('p');
  p.append(l);
  return p;
}
