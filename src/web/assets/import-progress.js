// The import progress page without reloads: polls the run's progress.json every two seconds
// and updates the bar and texts in place. Screen readers hear the polite status line, told
// only what changed and at most every fifteen seconds, and at once when the run ends; without
// this script the page offers a refresh link instead.
(() => {
  const card = document.querySelector('[data-import-progress]');
  if (!card || !window.fetch) return;
  const url = card.getAttribute('data-import-progress');
  const bar = card.querySelector('progress');
  const text = card.querySelector('[data-progress-text]');
  const rate = card.querySelector('[data-rate-text]');
  const live = card.querySelector('[data-live]');
  const status = document.querySelector('[data-run-status]');
  const show = (selector, shown) => {
    const el = card.querySelector(selector);
    if (el) el.hidden = !shown;
  };
  show('[data-refresh]', false);
  show('[data-live-note]', true);
  let lastSaid = 0;
  let said = '';
  const say = (message, now) => {
    if (!live || message === said || (!now && Date.now() - lastSaid < 15000)) return;
    live.textContent = message;
    said = message;
    lastSaid = Date.now();
  };
  const poll = async () => {
    let run;
    try {
      const res = await fetch(url, { headers: { accept: 'application/json' }, credentials: 'same-origin' });
      if (!res.ok) throw new Error(String(res.status));
      run = await res.json();
    } catch {
      // A missed answer (server restarting, network) is tried again; the link comes back meanwhile.
      show('[data-refresh]', true);
      setTimeout(poll, 5000);
      return;
    }
    show('[data-refresh]', false);
    if (run.total > 0 && bar) {
      bar.max = run.total;
      bar.value = run.done;
      bar.textContent = run.progressText;
    }
    if (text) text.textContent = run.progressText;
    if (rate) rate.textContent = run.rateText;
    if (status) status.textContent = run.statusText;
    if (!run.active) {
      show('[data-live-note]', false);
      show('[data-summary-link]', true);
      say((card.getAttribute('data-finished') || '').replace('{status}', run.statusText), true);
      return;
    }
    say(run.progressText, false);
    setTimeout(poll, 2000);
  };
  setTimeout(poll, 2000);
})();
