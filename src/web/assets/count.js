// Midad readership: tells the site, once, that this page was seen: the article (or kind of page),
// its language and the referring site's name. No cookie, no storage, nothing about the reader.
(() => {
  const d = document.currentScript?.dataset;
  if (!d) return;
  let sent = false;
  const send = () => {
    // Pages opened in the background or prerendered count once they are actually shown.
    if (sent || document.visibilityState !== 'visible') return;
    sent = true;
    let r = '';
    try {
      const u = new URL(document.referrer);
      if (u.host !== location.host) r = u.hostname;
    } catch {}
    const body = JSON.stringify(d.a ? { a: +d.a, l: d.l, r } : { p: d.p, l: d.l, r });
    if (!navigator.sendBeacon?.('/hit', body)) {
      fetch('/hit', { method: 'POST', body, keepalive: true, credentials: 'omit' }).catch(() => {});
    }
  };
  send();
  if (!sent) document.addEventListener('visibilitychange', send);
})();
