// Drag-and-drop for the newsroom media library. The upload form works without this script;
// with it, files dropped on the form are sent one request each (the server takes one file per
// request, so each is checked and size-limited alone) and the library reloads when all are in.
// Texts come from the form's data attributes, in the interface language.
(() => {
  const form = document.querySelector('form.nr-dropzone');
  if (!form || !window.fetch || !window.FormData) return;
  const status = form.querySelector('.nr-drop-status');
  const token = form.querySelector('input[name="_csrf"]');
  const altInput = form.querySelector('input[name="alt"]');
  const text = form.dataset;
  const fill = (template, values) =>
    (template || '').replace(/\{(\w+)\}/g, (whole, key) => (key in values ? String(values[key]) : whole));

  const hint = document.createElement('p');
  hint.className = 'nr-drop-hint';
  hint.textContent = text.dropHint || '';
  form.insertBefore(hint, status);

  const hasFiles = (event) => Array.from(event.dataTransfer?.types || []).includes('Files');
  let depth = 0;
  const leave = () => {
    depth = 0;
    form.classList.remove('nr-dragging');
  };
  // A file dropped beside the zone would make the browser leave the page to open it.
  for (const type of ['dragover', 'drop']) {
    window.addEventListener(type, (event) => {
      if (hasFiles(event) && !form.contains(event.target)) event.preventDefault();
    });
  }
  form.addEventListener('dragenter', (event) => {
    if (!hasFiles(event)) return;
    event.preventDefault();
    depth += 1;
    form.classList.add('nr-dragging');
  });
  form.addEventListener('dragover', (event) => {
    if (!hasFiles(event)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
  });
  form.addEventListener('dragleave', () => {
    depth = Math.max(0, depth - 1);
    if (depth === 0) form.classList.remove('nr-dragging');
  });
  form.addEventListener('drop', (event) => {
    if (!hasFiles(event)) return;
    event.preventDefault();
    leave();
    upload(Array.from(event.dataTransfer.files));
  });

  function show(lines) {
    status.replaceChildren();
    for (const line of lines) {
      const item = document.createElement('span');
      item.className = line.error ? 'nr-error' : '';
      item.textContent = line.text;
      status.append(item, document.createElement('br'));
    }
  }

  async function sendOne(file, alt) {
    if (file.size > Number(text.maxBytes)) return `${file.name}: ${text.tooLarge}`;
    const body = new FormData();
    body.append('_csrf', token ? token.value : ''); // first: checked before the file is read
    if (alt) body.append('alt', alt);
    body.append('file', file, file.name);
    try {
      const response = await fetch(form.action, {
        method: 'POST',
        body,
        headers: { accept: 'application/json' },
        credentials: 'same-origin',
      });
      if (response.ok) return null;
      const data = await response.json().catch(() => null);
      return `${file.name}: ${data?.error?.message || fill(text.failed, { name: file.name })}`;
    } catch {
      return fill(text.failed, { name: file.name });
    }
  }

  async function upload(files) {
    if (files.length === 0) return;
    // The alt text typed in the form describes one picture, never a batch.
    const alt = files.length === 1 && altInput ? altInput.value.trim() : '';
    const errors = [];
    let done = 0;
    for (const file of files) {
      show([{ text: fill(text.uploading, { name: file.name }) }]);
      const error = await sendOne(file, alt);
      if (error) errors.push(error);
      else done += 1;
    }
    if (errors.length === 0) {
      window.location.assign(`/newsroom/media?uploaded=${done}`);
      return;
    }
    show([{ text: fill(text.done, { n: done }) }, ...errors.map((e) => ({ text: e, error: true }))]);
  }
})();
