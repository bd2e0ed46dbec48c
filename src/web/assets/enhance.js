// Midad progressive enhancement: "copy link" links copy the address instead of navigating.
(() => {
  let timer;
  const fallback = (text, link) => {
    const area = document.createElement('textarea');
    area.value = text;
    area.className = 'visually-hidden';
    document.body.appendChild(area);
    area.focus({ preventScroll: true });
    area.select();
    const ok = document.execCommand('copy');
    area.remove();
    link.focus();
    return ok ? Promise.resolve() : Promise.reject();
  };
  document.addEventListener('click', (event) => {
    const link = event.target instanceof Element && event.target.closest('a[data-copy]');
    if (!link) return;
    event.preventDefault();
    const text = link.href;
    const copy = navigator.clipboard
      ? navigator.clipboard.writeText(text).catch(() => fallback(text, link))
      : fallback(text, link);
    copy.then(
      () => {
        // The layout renders an empty role="status" region (#live); announce through it.
        const live = document.getElementById('live');
        if (!live) return;
        live.textContent = link.getAttribute('data-copied') || '';
        clearTimeout(timer);
        timer = setTimeout(() => {
          live.textContent = '';
        }, 3000);
      },
      () => {
        location.href = text;
      },
    );
  });
})();
