// Midad data saver. Cached pages are the same HTML for everyone, so the reader's choice
// (localStorage, no cookie) is applied here: this script runs in <head>, before the body is
// parsed, and takes the address off every lazy image of <main> as the parser adds it. Lazy
// images are never fetched by the preload scanner and wait for layout, so nothing is requested
// until the reader taps the image. The footer button switches the setting.
(() => {
  const KEY = 'midad-data-saver';
  const script = document.currentScript;
  const tap = script?.getAttribute('data-tap') || '';
  let on = false;
  try {
    on = localStorage.getItem(KEY) === '1';
  } catch {
    // Storage refused (private mode, blocked): the setting is simply off.
  }
  const move = (el, from, to) => {
    const value = el.getAttribute(from);
    if (value === null) return;
    el.setAttribute(to, value);
    el.removeAttribute(from);
  };
  const hold = (el) => {
    if (!el.closest('main') || el.hasAttribute('data-held')) return;
    if (el.nodeName === 'SOURCE') {
      move(el, 'srcset', 'data-srcset');
      el.setAttribute('data-held', '');
      return;
    }
    // An eager image may already be on its way; only lazy ones can be stopped.
    if (el.getAttribute('loading') !== 'lazy' || (el.complete && el.naturalWidth > 0)) return;
    move(el, 'srcset', 'data-srcset');
    move(el, 'src', 'data-src');
    el.setAttribute('data-held', el.getAttribute('alt') || '');
    el.setAttribute('alt', el.alt ? `${tap}: ${el.alt}` : tap);
    // Without a picture the box would shrink to its text: keep the image's shape (CSSOM, not an
    // inline style attribute, which the CSP forbids).
    const width = Number(el.getAttribute('width'));
    const height = Number(el.getAttribute('height'));
    if (width > 0 && height > 0) el.style.aspectRatio = `${width} / ${height}`;
    el.setAttribute('role', 'button');
    el.setAttribute('tabindex', '0');
  };
  const release = (img) => {
    const picture = img.parentElement && img.parentElement.nodeName === 'PICTURE' ? img.parentElement : null;
    for (const source of picture ? picture.querySelectorAll('source[data-held]') : []) {
      move(source, 'data-srcset', 'srcset');
      source.removeAttribute('data-held');
    }
    img.setAttribute('alt', img.getAttribute('data-held') || '');
    img.removeAttribute('data-held');
    img.style.removeProperty('aspect-ratio');
    img.removeAttribute('role');
    img.removeAttribute('tabindex');
    move(img, 'data-srcset', 'srcset');
    move(img, 'data-src', 'src');
  };
  const holdAll = () => {
    for (const el of document.querySelectorAll('main img, main source')) hold(el);
  };
  if (on) {
    const observer = new MutationObserver((records) => {
      for (const record of records)
        for (const node of record.addedNodes)
          if (node.nodeName === 'IMG' || node.nodeName === 'SOURCE') hold(node);
    });
    observer.observe(document.documentElement, { childList: true, subtree: true });
    document.addEventListener('DOMContentLoaded', () => {
      observer.disconnect();
      holdAll();
    });
  }
  const held = (event) => event.target instanceof Element && event.target.closest('img[data-held]');
  document.addEventListener('click', (event) => {
    const img = held(event);
    if (!img) return;
    // A held image inside a link loads on the first tap instead of following the link.
    event.preventDefault();
    release(img);
  });
  document.addEventListener('keydown', (event) => {
    const img = (event.key === 'Enter' || event.key === ' ') && held(event);
    if (!img) return;
    event.preventDefault();
    release(img);
  });
  document.addEventListener('DOMContentLoaded', () => {
    const button = document.querySelector('button.data-saver');
    if (!button) return;
    const show = () => {
      button.setAttribute('aria-pressed', on ? 'true' : 'false');
      button.textContent = button.getAttribute(on ? 'data-on' : 'data-off');
    };
    show();
    button.hidden = false;
    button.addEventListener('click', () => {
      on = !on;
      try {
        if (on) localStorage.setItem(KEY, '1');
        else localStorage.removeItem(KEY);
      } catch {
        // Not remembered, but the page still follows the switch.
      }
      if (on) holdAll();
      else for (const img of document.querySelectorAll('img[data-held]')) release(img);
      show();
    });
  });
})();
