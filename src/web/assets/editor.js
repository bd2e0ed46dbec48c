// Newsroom editor: autosave a few seconds after typing stops and when the page is hidden.
// A stale version (someone saved in another tab) is never overwritten: the save stops and
// the editor is told to reload and compare.
(() => {
  const form = document.getElementById('article-form');
  if (!form) return;
  const url = form.dataset.autosave;
  const status = form.querySelector('.nr-autosave');
  const version = form.querySelector('input[name="version"]');
  let timer = 0;
  let dirty = false;
  let stopped = false;
  const say = (key) => {
    if (status) status.textContent = status.dataset[key] || '';
  };
  const payload = () => {
    const data = {};
    for (const [key, value] of new FormData(form)) {
      if (key === 'intent') continue;
      if (key in data) data[key] = [].concat(data[key], value);
      else data[key] = value;
    }
    data.author_ids = [].concat(data.author_ids || []).filter(Boolean);
    return data;
  };
  const save = async (keepalive) => {
    if (!dirty || stopped || !url) return;
    dirty = false;
    say('saving');
    try {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify(payload()),
        credentials: 'same-origin',
        keepalive,
      });
      if (res.ok) {
        const body = await res.json();
        version.value = String(body.version);
        say('saved');
      } else if (res.status === 409) {
        stopped = true;
        say('failed');
        form.dispatchEvent(new CustomEvent('midad:conflict', { bubbles: true }));
        if (status) status.dataset.conflict = '1';
      } else {
        dirty = true;
        say('failed');
      }
    } catch {
      dirty = true;
      say('failed');
    }
  };
  const changed = () => {
    dirty = true;
    clearTimeout(timer);
    timer = setTimeout(() => save(false), 3000);
  };
  form.addEventListener('input', changed);
  form.addEventListener('change', changed);
  form.addEventListener('midad:changed', changed);
  // Posting the form itself saves everything; the pending autosave must not race it.
  form.addEventListener('submit', () => {
    stopped = true;
    clearTimeout(timer);
  });
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') save(true);
  });
})();
