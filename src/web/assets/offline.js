// Midad offline reading: registers the site's service worker (/sw.js, same origin) and runs the
// article's "save for offline" button, which stays hidden without a worker.
(() => {
  const workers = navigator.serviceWorker;
  if (!workers || !window.caches) return;
  workers.register('/sw.js').catch(() => {
    // No worker (storage blocked, a private window): the site works as before.
  });
  const button = document.querySelector('button.save-offline');
  if (!button) return;
  const url = location.pathname;
  const ask = (message) =>
    workers.ready.then(
      (registration) =>
        new Promise((resolve) => {
          const channel = new MessageChannel();
          channel.port1.onmessage = (event) => resolve(event.data || {});
          registration.active.postMessage(message, [channel.port2]);
        }),
    );
  const show = (saved) => {
    button.textContent = button.getAttribute(saved ? 'data-saved' : 'data-save');
    button.setAttribute('aria-pressed', saved ? 'true' : 'false');
  };
  let timer;
  // The layout's role="status" region (#live), emptied again as enhance.js does.
  const announce = (text) => {
    const live = document.getElementById('live');
    if (!live) return;
    live.textContent = text;
    clearTimeout(timer);
    timer = setTimeout(() => {
      live.textContent = '';
    }, 3000);
  };
  ask({ type: 'status', url }).then((answer) => {
    show(answer.saved === true);
    button.hidden = false;
  });
  button.addEventListener('click', () => {
    if (button.getAttribute('aria-pressed') === 'true') return;
    button.disabled = true;
    ask({ type: 'save', url }).then((answer) => {
      button.disabled = false;
      show(answer.saved === true);
      announce(button.getAttribute(answer.saved ? 'data-saved' : 'data-failed'));
    });
  });
})();
