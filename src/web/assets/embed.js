// Midad embeds: a facade's button puts the provider's privacy-enhanced player in its place.
// Nothing is requested from the provider before the press. The player address comes from the
// server (data-embed-player), which built it from its list of providers; the CSP frame-src
// allows only those providers' player origins.
(() => {
  // The buttons show only with this script (site.css): without it they could do nothing. A class
  // on the root, not each button, so facades added later (live coverage entries) show theirs too.
  document.documentElement.classList.add('embeds-play');
  document.addEventListener('click', (event) => {
    const button = event.target instanceof Element && event.target.closest('.embed-play');
    const figure = button ? button.closest('figure[data-embed-player]') : null;
    const facade = figure ? figure.querySelector('.embed-facade') : null;
    if (!facade) return;
    const data = figure.dataset;
    const frame = document.createElement('iframe');
    frame.className = 'embed-frame';
    frame.title = data.embedTitle || '';
    if (data.embedAllow) frame.setAttribute('allow', data.embedAllow);
    if (data.embedSandbox) frame.setAttribute('sandbox', data.embedSandbox);
    frame.referrerPolicy = 'strict-origin-when-cross-origin';
    frame.src = data.embedPlayer;
    facade.replaceWith(frame);
    frame.focus();
  });
})();
