/// <reference lib="dom" />
// Adding, changing and removing a link through a dialog: the address, the text shown when
// nothing is selected, and whether it opens in a new tab. A refused address is said inside the
// dialog, next to the field, and the dialog stays open.
import type { Editor } from '@tiptap/core';
import { dialogCheckbox, dialogField, openDialog } from './dialog.ts';
import type { Labels } from './labels.ts';
import { safeLinkUrl } from './urls.ts';

export async function editLinkInDialog(editor: Editor, labels: Labels): Promise<void> {
  const attrs = editor.getAttributes('link');
  const editing = editor.isActive('link');
  const url = document.createElement('input');
  url.type = 'text';
  url.inputMode = 'url';
  url.dir = 'ltr';
  url.autocomplete = 'off';
  url.value = typeof attrs.href === 'string' ? attrs.href : '';
  const error = document.createElement('span');
  error.className = 'nr-error';
  error.id = 'nr-link-error';
  error.hidden = true;
  const newTab = document.createElement('input');
  newTab.checked = attrs.target === '_blank';
  // With nothing selected the link needs words to sit on; the address is used when left empty.
  const needsText = editor.state.selection.empty && !editing;
  const text = document.createElement('input');
  text.dir = 'auto';
  const urlField = dialogField(labels.linkUrl, url);
  urlField.append(error);
  const body = [
    urlField,
    ...(needsText ? [dialogField(labels.linkText, text)] : []),
    dialogCheckbox(labels.linkNewTab, newTab),
  ];
  let href: string | null = null;
  const answer = await openDialog({
    title: labels.linkTitle,
    body,
    initialFocus: url,
    className: 'nr-link-dialog',
    actions: [
      {
        value: 'apply',
        label: labels.linkApply,
        accept: () => {
          href = safeLinkUrl(url.value);
          error.hidden = href !== null;
          error.textContent = href === null ? labels.linkInvalid : '';
          if (href === null) {
            url.setAttribute('aria-invalid', 'true');
            url.setAttribute('aria-describedby', error.id);
            url.focus();
          }
          return href !== null;
        },
      },
      ...(editing ? [{ value: 'remove', label: labels.linkRemove, kind: 'danger' as const }] : []),
      { value: 'cancel', label: labels.cancel, kind: 'secondary' as const },
    ],
  });
  if (answer === 'remove') {
    editor.chain().focus().extendMarkRange('link').unsetLink().run();
    return;
  }
  if (answer !== 'apply' || href === null) {
    editor.commands.focus();
    return;
  }
  const link = newTab.checked
    ? { href, target: '_blank', rel: 'noopener' }
    : { href, target: null, rel: null };
  if (needsText) {
    const words = text.value.trim() || href;
    editor
      .chain()
      .focus()
      .insertContent({ type: 'text', text: words, marks: [{ type: 'link', attrs: link }] })
      .run();
    return;
  }
  editor
    .chain()
    .focus()
    .extendMarkRange('link')
    .setLink(link as { href: string })
    .run();
}
