// Uploading a photo from inside the image dialog: a file, its alt text and caption, sent to the
// media library's upload route as JSON-answering multipart; the new image goes straight into the
// article. The CSRF token travels first, as the upload route requires.
import type { Labels } from './labels.ts';
import type { PickerItem } from './media-picker.ts';

const UPLOAD_URL = '/newsroom/media';

function field(labelText: string, input: HTMLInputElement): HTMLParagraphElement {
  const p = document.createElement('p');
  const label = document.createElement('label');
  label.textContent = labelText;
  label.htmlFor = input.id;
  p.append(label, input);
  return p;
}

/** JPEG, PNG, GIF, WebP or AVIF, by the file's first bytes (its name and type can say anything). */
async function looksLikeImage(file: Blob): Promise<boolean> {
  const b = new Uint8Array(await file.slice(0, 16).arrayBuffer());
  const at = (offset: number, ...bytes: number[]) => bytes.every((x, i) => b[offset + i] === x);
  const ascii = (offset: number, text: string) => at(offset, ...Array.from(text, (ch) => ch.charCodeAt(0)));
  return (
    at(0, 0xff, 0xd8, 0xff) ||
    at(0, 0x89, 0x50, 0x4e, 0x47) ||
    ascii(0, 'GIF8') ||
    (ascii(0, 'RIFF') && ascii(8, 'WEBP')) ||
    (ascii(4, 'ftyp') && (ascii(8, 'avif') || ascii(8, 'avis')))
  );
}

function isUploaded(v: unknown): v is { item: PickerItem } {
  return (
    typeof v === 'object' && v !== null && typeof (v as { item?: { id?: unknown } }).item?.id === 'number'
  );
}

function errorMessage(v: unknown): string | null {
  const message = (v as { error?: { message?: unknown } } | null)?.error?.message;
  return typeof message === 'string' ? message : null;
}

/** The form inside the dialog; `onUploaded` receives the stored image, ready to insert. */
export function uploadSection(labels: Labels, onUploaded: (item: PickerItem) => void): HTMLElement {
  const csrf = document.querySelector<HTMLInputElement>('input[name="_csrf"]')?.value ?? '';
  const details = document.createElement('details');
  details.className = 'nr-picker-upload';
  const summary = document.createElement('summary');
  summary.textContent = labels.mediaUpload;
  const file = document.createElement('input');
  file.type = 'file';
  file.id = 'nr-picker-file';
  file.accept = 'image/jpeg,image/png,image/webp,image/avif,image/gif';
  const alt = document.createElement('input');
  alt.id = 'nr-picker-alt';
  // Every picture in an article is described for readers who cannot see it.
  alt.required = true;
  alt.dir = 'auto';
  alt.maxLength = 500;
  const caption = document.createElement('input');
  caption.id = 'nr-picker-caption';
  caption.dir = 'auto';
  caption.maxLength = 2000;
  const send = document.createElement('button');
  send.type = 'button';
  send.textContent = labels.mediaUploadSend;
  const status = document.createElement('p');
  status.className = 'nr-picker-status';
  status.setAttribute('role', 'status');
  const drop = document.createElement('p');
  drop.className = 'nr-picker-drop';
  drop.textContent = labels.mediaDrop;
  details.append(
    summary,
    drop,
    field(labels.mediaFile, file),
    field(labels.mediaAlt, alt),
    field(labels.mediaCaption, caption),
    send,
    status,
  );

  send.addEventListener('click', async () => {
    const chosen = file.files?.[0];
    if (!chosen) {
      status.textContent = labels.mediaFile;
      file.focus();
      return;
    }
    // The library also takes PDFs, sound and video; this dialog places pictures, so anything
    // else is refused here, before sending, with the reason. A file that only looks like a
    // picture is still read by the server, whose refusal is shown below.
    if (!(await looksLikeImage(chosen))) {
      status.textContent = labels.mediaNotImage;
      file.setAttribute('aria-invalid', 'true');
      file.focus();
      return;
    }
    file.removeAttribute('aria-invalid');
    if (alt.value.trim() === '') {
      status.textContent = labels.mediaAltRequired;
      alt.setAttribute('aria-invalid', 'true');
      alt.focus();
      return;
    }
    alt.removeAttribute('aria-invalid');
    const form = new FormData();
    form.append('_csrf', csrf);
    form.append('alt', alt.value.trim());
    form.append('caption', caption.value.trim());
    form.append('file', chosen, chosen.name);
    send.disabled = true;
    status.textContent = labels.mediaUploading;
    try {
      const res = await fetch(UPLOAD_URL, {
        method: 'POST',
        body: form,
        headers: { accept: 'application/json' },
        credentials: 'same-origin',
      });
      const body: unknown = await res.json().catch(() => null);
      if (res.ok && isUploaded(body)) {
        status.textContent = '';
        onUploaded(body.item);
        return;
      }
      status.textContent = errorMessage(body) ?? labels.mediaUploadFailed;
    } catch {
      status.textContent = labels.mediaUploadFailed;
    } finally {
      send.disabled = false;
    }
  });
  return details;
}

/**
 * A file dropped on the dialog or pasted into it goes into the upload form, which opens and asks
 * for the alt text; sending it is still the writer's press of the button. The server decides
 * whether it is an image (it reads the bytes), and its refusal is shown in the form's status line.
 */
export function acceptDroppedImages(dialog: HTMLElement, upload: HTMLElement, labels: Labels): void {
  const take = (files: FileList | null | undefined) => {
    const chosen = files?.[0];
    const input = upload.querySelector<HTMLInputElement>('input[type="file"]');
    if (!chosen || !input) return false;
    const transfer = new DataTransfer();
    transfer.items.add(chosen);
    input.files = transfer.files;
    if (upload instanceof HTMLDetailsElement) upload.open = true;
    const status = upload.querySelector<HTMLElement>('.nr-picker-status');
    if (status) status.textContent = `${chosen.name} — ${labels.mediaAlt}`;
    upload.querySelector<HTMLInputElement>('#nr-picker-alt')?.focus();
    return true;
  };
  dialog.addEventListener('dragover', (event) => {
    if (!event.dataTransfer?.types.includes('Files')) return;
    event.preventDefault();
    dialog.classList.add('is-dropping');
  });
  dialog.addEventListener('dragleave', () => dialog.classList.remove('is-dropping'));
  dialog.addEventListener('drop', (event) => {
    dialog.classList.remove('is-dropping');
    if (take(event.dataTransfer?.files)) event.preventDefault();
  });
  dialog.addEventListener('paste', (event) => {
    if (event.clipboardData?.files.length && take(event.clipboardData.files)) event.preventDefault();
  });
}
