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
import { directionOf } from '../../core/languages/direction.ts';
import { articleExtensions } from './schema.ts';
import { buildToolbar } from './toolbar.ts';

/**
 * The edition select and the "language of the text" select decide the text's language: the
 * text's own when set, else the edition's. The title, dek and editing area follow it (lang, and
 * the direction the server put on the option, from the script as CLDR says); with no language
 * of its own the title and dek keep dir=auto, as the server renders them.
 */
/** The area's direction at first: the text language option's, else from the language. */
function directionOfArea(form: HTMLFormElement, lang: string): 'rtl' | 'ltr' {
  const own =
    form.querySelector<HTMLSelectElement>('select[name="text_lang"]')?.selectedOptions[0]?.dataset.dir;
  return own === 'rtl' || own === 'ltr' ? own : directionOf(lang);
}

function followTextLanguage(form: HTMLFormElement, onArea: (lang: string, dir: 'rtl' | 'ltr') => void): void {
  const edition = form.querySelector<HTMLSelectElement>('select[name="lang"]');
  const text = form.querySelector<HTMLSelectElement>('select[name="text_lang"]');
  const apply = () => {
    const chosen = text?.selectedOptions[0];
    const own = chosen?.value ?? '';
    const lang = own || edition?.value || document.documentElement.lang;
    const dir =
      chosen?.dataset.dir === 'rtl' || chosen?.dataset.dir === 'ltr' ? chosen.dataset.dir : directionOf(lang);
    for (const field of form.querySelectorAll<HTMLElement>('#title, #dek, textarea[data-editor]')) {
      field.lang = lang;
      field.dir = own ? dir : 'auto';
    }
    onArea(lang, own ? dir : directionOf(lang));
  };
  // The edition's own language is "same as the edition" (the empty choice), not a second entry.
  const hideEdition = () => {
    if (!text || !edition) return;
    for (const option of text.options) option.hidden = option.value !== '' && option.value === edition.value;
    if (text.selectedOptions[0]?.hidden) text.value = '';
  };
  edition?.addEventListener('change', () => {
    hideEdition();
    apply();
  });
  text?.addEventListener('change', apply);
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
  // The language selects change the spell-checker's and the screen reader's language, and the
  // direction lists and figures take: on the plain fields at once, on the rich-text area once made.
  // ProseMirror may rewrite the area's attributes from its props: they read this, kept current.
  const areaLanguage = { lang: '', dir: 'ltr' as 'rtl' | 'ltr' };
  let richArea: HTMLElement | null = null;
  followTextLanguage(form, (lang, dir) => {
    Object.assign(areaLanguage, { lang, dir });
    richArea?.setAttribute('lang', lang);
    richArea?.setAttribute('dir', dir);
  });
  const textarea = form.querySelector<HTMLTextAreaElement>('textarea[data-editor]');
  if (!textarea) return;

  const wrapper = document.createElement('div');
  wrapper.className = 'nr-rte';
  const area = document.createElement('div');
  area.className = 'nr-rte-area';
  textarea.after(wrapper);

  const articleLang = textarea.lang || document.documentElement.lang;
  Object.assign(areaLanguage, { lang: articleLang, dir: directionOfArea(form, articleLang) });
  const labelEl = form.querySelector<HTMLLabelElement>(`label[for="${textarea.id}"]`);
  if (labelEl && !labelEl.id) labelEl.id = `${textarea.id}-label`;
  const editor = new Editor({
    element: area,
    extensions: articleExtensions(),
    content: textarea.value,
    // TipTap would add a <style> element, which the CSP refuses; newsroom.css has the rules.
    injectCSS: false,
    editorProps: {
      attributes: () => ({
        id: `${textarea.id}-editor`,
        class: 'nr-rte-content',
        role: 'textbox',
        'aria-multiline': 'true',
        ...(labelEl ? { 'aria-labelledby': labelEl.id } : {}),
        // Not dir="auto" here: every block inside carries its own dir, and dir="auto" skips
        // those, so the area would resolve to ltr and put an Arabic list's numbers on the
        // wrong side. It takes the article language's direction, as the reader page's <html> does.
        dir: areaLanguage.dir,
        lang: areaLanguage.lang,
      }),
    },
  });
  richArea = editor.view.dom;
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
}

const form = document.getElementById('article-form');
if (form instanceof HTMLFormElement) mount(form);
enableCopyButtons();
confirmButtons(readLabels(document.querySelector('[data-editor]') ?? document.body));
