// Live coverage: new entries reach an open article page without a reload. They wait behind an
// "N new updates" button (the page never jumps under the reader) and are announced politely.
// Entries come from the event stream, or from polling the cached JSON when the stream cannot
// be held. Without this script a reload shows them.
(() => {
  const root = document.querySelector('section.live[data-live]');
  if (!root) return;
  const feed = root.querySelector('.live-feed');
  const more = root.querySelector('.live-more');
  const button = root.querySelector('.live-show');
  const announcer = root.querySelector('.live-announce');
  const waiting = new Map();
  let latest = Number(root.dataset.latest) || 0;
  let stream = null;
  let pollTimer = 0;
  let announceTimer = 0;
  let done = false;

  const fill = (template, n) => template.replace('{n}', String(n));
  const shown = (id) => feed.querySelector(`[data-entry="${id}"]`) !== null;

  function label() {
    const n = waiting.size;
    return n === 1 ? root.dataset.one : fill(root.dataset.many, n);
  }

  function announce() {
    // Several entries in a burst make one announcement, not one each.
    clearTimeout(announceTimer);
    announceTimer = setTimeout(() => {
      announcer.textContent = fill(root.dataset.announce, waiting.size);
    }, 800);
  }

  function receive(entry) {
    if (entry.id > latest) latest = entry.id;
    if (shown(entry.id) || waiting.has(entry.id)) return;
    waiting.set(entry.id, entry);
    button.textContent = label();
    more.hidden = false;
    announce();
  }

  function change(entry) {
    if (waiting.has(entry.id)) {
      if (entry.deleted) waiting.delete(entry.id);
      else waiting.set(entry.id, entry);
      if (waiting.size === 0) more.hidden = true;
      else button.textContent = label();
      return;
    }
    for (const el of root.querySelectorAll(`[data-entry="${entry.id}"]`)) {
      if (entry.deleted) el.remove();
      else if (el.id) el.outerHTML = entry.html;
    }
  }

  function end(text) {
    done = true;
    if (stream) stream.close();
    clearTimeout(pollTimer);
    const badge = root.querySelector('.live-badge');
    if (badge) badge.remove();
    if (text && !root.querySelector('.live-state')) {
      const p = document.createElement('p');
      p.className = 'live-state';
      p.textContent = text;
      root.querySelector('.live-title').after(p);
    }
  }

  button.addEventListener('click', () => {
    const entries = [...waiting.values()].sort((a, b) => b.id - a.id);
    waiting.clear();
    more.hidden = true;
    const empty = feed.querySelector('.live-empty');
    if (empty) empty.remove();
    feed.insertAdjacentHTML('afterbegin', entries.map((e) => e.html).join(''));
    const first = feed.firstElementChild;
    if (first) {
      // Keyboard and screen-reader users land on the newest entry, not back at the page top.
      first.setAttribute('tabindex', '-1');
      first.focus();
    }
  });

  function poll() {
    if (done) return;
    fetch(`${root.dataset.json}?after=${latest}`, { headers: { accept: 'application/json' } })
      .then((r) => (r.ok ? r.json() : null))
      .then((body) => {
        if (!body) return;
        for (const entry of body.entries) receive(entry);
        if (body.state === 'ended') end(body.endedLabel);
      })
      .catch(() => {})
      .finally(() => {
        if (!done) pollTimer = setTimeout(poll, 15000);
      });
  }

  const parse = (event) => {
    try {
      return JSON.parse(event.data);
    } catch {
      return null;
    }
  };

  if (!('EventSource' in window)) {
    pollTimer = setTimeout(poll, 15000);
    return;
  }
  stream = new EventSource(`${root.dataset.stream}?after=${latest}`);
  stream.addEventListener('entry', (event) => {
    const entry = parse(event);
    if (entry) receive(entry);
  });
  stream.addEventListener('change', (event) => {
    const entry = parse(event);
    if (entry) change(entry);
  });
  stream.addEventListener('state', (event) => {
    const state = parse(event);
    if (state && state.state === 'ended') end(state.label);
  });
  stream.addEventListener('error', () => {
    // A refused stream (this server holds too many) is not retried by the browser: poll instead.
    if (stream.readyState === EventSource.CLOSED && !done) poll();
  });
})();
