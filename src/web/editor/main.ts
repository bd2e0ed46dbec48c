/// <reference lib="dom" />
// The article editor island. The page works without it: the body is a textarea of HTML in a
// plain form. This script hides the textarea, puts a TipTap editor with a toolbar in its place,
// writes the editor's HTML back into the textarea on every change (so the form's own POST and
// autosave both send it), and starts autosave. Built by scripts/build-editor.mjs into one
// same-origin file; it makes no inline styles or scripts, so the strict CSP holds.
import { Editor } from '@tiptap/core';
import { startAutosave } from './autosave.ts';
import { upgradeComboFields } from './combo-fields.ts';
import { upgradeFeaturedImage } from './featured-picker.ts';
import { confirmButtons, saveShortcut, settingsSheet, wordCounter } from './frame.ts';
import { enableCopyButtons } from './copy-text.ts';
import { readLabels } from './labels.ts';
import { addMediaPicker } from './media-picker.ts';
import { articleExtensions } from './schema.ts';
import { buildToolbar } from './toolbar.ts';

const RTL_LANGS = new Set(['ar', 'fa', 'ur', 'he']);

function directionOf(lang: string): 'rtl' | 'ltr' {
  return RTL_LANGS.has(lang.split('-')[0]?.toLowerCase() ?? '') ? 'rtl' : 'ltr';
}

function mount(form: HTMLFormElement): void {
  const labels = readLabels(form.querySelector('[data-editor]') ?? form);
  const autosave = startAutosave(form, labels);
  // The frame comes first: it works whatever happens to the rich-text editor below.
  settingsSheet(form);
  saveShortcut(form, labels);
  upgradeComboFields(form, labels);
  upgradeFeaturedImage(form, labels);
  const counter = wordCounter(form);
  const textarea = form.querySelector<HTMLTextAreaElement>('textarea[data-editor]');
  if (!textarea) return;

  const wrapper = document.createElement('div');
  wrapper.className = 'nr-rte';
  const area = document.createElement('div');
  area.className = 'nr-rte-area';
  textarea.after(wrapper);

  const articleLang = textarea.lang || document.documentElement.lang;
  const labelEl = form.querySelector<HTMLLabelElement>(`label[for="${textarea.id}"]`);
  if (labelEl && !labelEl.id) labelEl.id = `${textarea.id}-label`;
  const editor = new Editor({
    element: area,
    extensions: articleExtensions(),
    content: textarea.value,
    // TipTap would add a <style> element, which the CSP refuses; newsroom.css has the rules.
    injectCSS: false,
    editorProps: {
      attributes: {
        id: `${textarea.id}-editor`,
        class: 'nr-rte-content',
        role: 'textbox',
        'aria-multiline': 'true',
        ...(labelEl ? { 'aria-labelledby': labelEl.id } : {}),
        // Not dir="auto" here: every block inside carries its own dir, and dir="auto" skips
        // those, so the area would resolve to ltr and put an Arabic list's numbers on the
        // wrong side. It takes the article language's direction, as the reader page's <html> does.
        dir: directionOf(articleLang),
        lang: articleLang,
      },
    },
  });
  const toolbar = buildToolbar(editor, labels, `${textarea.id}-editor`);
  wrapper.append(toolbar.element, area);
  addMediaPicker(editor, labels, toolbar.append);

  // The textarea stays in the form, hidden, as the value the server receives.
  textarea.hidden = true;
  const sync = () => {
    textarea.value = editor.isEmpty ? '' : editor.getHTML();
  };
  sync();
  editor.on('update', () => {
    sync();
    counter.update(editor.getText({ blockSeparator: '\n' }));
    autosave.changed();
  });
  // Clicking the field's label should land in the text, as it did on the textarea.
  labelEl?.addEventListener('click', (event) => {
    event.preventDefault();
    editor.commands.focus();
  });
  // The article's language select changes the spell-checker's and the screen reader's language,
  // and the direction lists and figures take.
  form.querySelector<HTMLSelectElement>('select[name="lang"]')?.addEventListener('change', (event) => {
    const lang = (event.target as HTMLSelectElement).value;
    editor.view.dom.setAttribute('lang', lang);
    editor.view.dom.setAttribute('dir', directionOf(lang));
  });
}

const form = document.getElementById('article-form');
if (form instanceof HTMLFormElement) mount(form);
enableCopyButtons();
confirmButtons(readLabels(document.querySelector('[data-editor]') ?? document.body));
