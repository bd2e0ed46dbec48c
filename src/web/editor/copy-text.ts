/// <reference lib="dom" />
// Buttons that copy the text of a field (data-copy-from="<id>"), e.g. the WhatsApp text of a
// published article. They are hidden in the page and shown here: without this script the text
// is still there to select and copy by hand.
export function enableCopyButtons(root: ParentNode = document): void {
  for (const button of root.querySelectorAll<HTMLButtonElement>('button[data-copy-from]')) {
    const field = document.getElementById(button.dataset.copyFrom ?? '');
    if (!(field instanceof HTMLTextAreaElement || field instanceof HTMLInputElement)) continue;
    button.hidden = false;
    const label = button.textContent ?? '';
    button.addEventListener('click', () => {
      const done = () => {
        button.textContent = button.dataset.copied ?? label;
        setTimeout(() => {
          button.textContent = label;
        }, 2000);
      };
      const fallback = () => {
        field.select();
        if (document.execCommand('copy')) done();
      };
      if (navigator.clipboard) navigator.clipboard.writeText(field.value).then(done, fallback);
      else fallback();
    });
  }
}
