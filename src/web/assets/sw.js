// Midad service worker. The server puts `self.midad` above this text (reader/pwa/service-worker.ts):
// the version (a hash of the asset names and settings, so a deploy or a settings change installs
// a new worker), the shell to keep, the offline page of each language and how many articles to
// keep. It never touches the newsroom, previews, the API, readership beacons or anything but GET,
// and stores only 200 HTML articles whose answer is shareable: the server marks answers to a
// signed-in request, or that set a cookie, `private, no-store` (a worker sees neither cookies
// nor Set-Cookie, so that header is how it knows).
const config = self.midad;
const SHELL = `midad-shell-${config.version}`;
const ARTICLES = 'midad-articles';
const NETWORK_TIMEOUT_MS = 3000;
const ARTICLE = /^(?:\/(?:fr|en))?\/article\/\d+(?:\/|$)/;
const NEVER = /^\/(?:newsroom|preview|api|hit|sw\.js)(?:\/|$)/;

self.addEventListener('install', (event) => {
  const urls = [...config.shell, ...Object.values(config.offline)];
  event.waitUntil(
    caches
      .open(SHELL)
      .then((cache) => cache.addAll(urls.map((url) => new Request(url, { credentials: 'omit' }))))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) =>
        Promise.all(
          names.filter((n) => n.startsWith('midad-shell-') && n !== SHELL).map((n) => caches.delete(n)),
        ),
      )
      .then(() => self.clients.claim()),
  );
});

// The edition of a path, from the offline pages' addresses: /fa/offline is the Persian edition's,
// so /fa/… is Persian; a path under no edition's prefix is the root edition's (Arabic).
const langOf = (path) => {
  for (const [lang, offline] of Object.entries(config.offline)) {
    const prefix = offline.slice(0, -'/offline'.length);
    if (prefix !== '' && (path === prefix || path.startsWith(`${prefix}/`))) return lang;
  }
  return 'ar';
};

function shareable(response) {
  const control = response.headers.get('cache-control') || '';
  return (
    response.status === 200 &&
    response.type === 'basic' &&
    !response.redirected &&
    !/no-store|private/i.test(control) &&
    (response.headers.get('content-type') || '').startsWith('text/html')
  );
}

async function entries(cache) {
  const requests = await cache.keys();
  const found = await Promise.all(requests.map((r) => cache.match(r)));
  return requests.map((request, i) => ({ request, response: found[i] })).filter((e) => e.response);
}

const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const unescapeHtml = (html) =>
  html.replace(/&(?:#(\d+)|#x([0-9a-f]+)|(\w+));/gi, (whole, dec, hex, name) =>
    dec
      ? String.fromCodePoint(Number(dec))
      : hex
        ? String.fromCodePoint(Number.parseInt(hex, 16))
        : ENTITIES[name] || whole,
  );

/** Keeps an article (pinned when the reader pressed "save"), newest last; trims to the limit. */
async function remember(key, response, pin) {
  const html = await response.text();
  const title = /<h1 class="article-title"[^>]*>([\s\S]*?)<\/h1>/.exec(html);
  const lang = /<html lang="([A-Za-z0-9-]{2,35})"/.exec(html);
  const cache = await caches.open(ARTICLES);
  const before = await cache.match(key);
  const headers = new Headers(response.headers);
  const text = title ? unescapeHtml(title[1].replace(/<[^>]*>/g, '').trim()) : key;
  headers.set('x-midad-title', encodeURIComponent(text));
  headers.set('x-midad-lang', lang ? lang[1] : langOf(new URL(key).pathname));
  if (pin || before?.headers.get('x-midad-pinned')) headers.set('x-midad-pinned', '1');
  // Deleted first so that the fresh copy moves to the end of the cache's insertion order.
  await cache.delete(key);
  await cache.put(key, new Response(html, { status: 200, headers }));
  const all = await entries(cache);
  const loose = all.filter((e) => !e.response.headers.get('x-midad-pinned'));
  const pinned = all.filter((e) => e.response.headers.get('x-midad-pinned'));
  const excess = Math.max(0, all.length - config.keep);
  const drop = [...loose.slice(0, excess), ...pinned.slice(0, Math.max(0, pinned.length - config.keep))];
  await Promise.all(drop.map((e) => cache.delete(e.request)));
}

function articleKey(url) {
  return url.origin + url.pathname;
}

const escapeHtml = (text) => text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

/** The site's offline page in the language of `path`, listing the saved articles, newest first. */
async function offlinePage(path) {
  const lang = langOf(path);
  const url = config.offline[lang] || Object.values(config.offline)[0];
  const page = await caches.match(url, { cacheName: SHELL });
  if (!page) return Response.error();
  const saved = (await entries(await caches.open(ARTICLES))).reverse();
  const items = saved
    .map(({ request, response }) => {
      const href = escapeHtml(new URL(request.url).pathname);
      const title = escapeHtml(decodeURIComponent(response.headers.get('x-midad-title') || ''));
      const itemLang = escapeHtml(response.headers.get('x-midad-lang') || '');
      return `<li><a href="${href}" lang="${itemLang}" dir="auto">${title}</a></li>`;
    })
    .join('');
  let html = await page.text();
  if (items) {
    html = html
      .replace('<ul class="saved-list"></ul>', `<ul class="saved-list">${items}</ul>`)
      .replace('<p class="saved-intro" hidden>', '<p class="saved-intro">')
      .replace('<p class="saved-none">', '<p class="saved-none" hidden>');
  }
  return new Response(html, { status: 503, headers: page.headers });
}

/** Network first; the saved copy after a short wait or when the network fails; else the offline page. */
async function article(event, url) {
  const key = articleKey(url);
  const network = fetch(event.request).then((response) => {
    if (!url.search && shareable(response)) event.waitUntil(remember(key, response.clone(), false));
    return response;
  });
  const saved = () => caches.match(key, { cacheName: ARTICLES });
  try {
    const first = await Promise.race([
      network,
      new Promise((resolve) => setTimeout(resolve, NETWORK_TIMEOUT_MS, null)),
    ]);
    if (first) return first;
    return (await saved()) || (await network);
  } catch {
    return (await saved()) || offlinePage(url.pathname);
  }
}

/** Hashed assets are kept by the shell; an older page asks for older names, so match by base name. */
async function asset(request, url) {
  const cached = await caches.match(request, { cacheName: SHELL });
  if (cached) return cached;
  try {
    return await fetch(request);
  } catch (error) {
    const base = /^(\/assets\/[^/.]+)\.[0-9a-f]+(\.\w+)$/.exec(url.pathname);
    if (!base) throw error;
    const shell = await caches.open(SHELL);
    for (const key of await shell.keys()) {
      const path = new URL(key.url).pathname;
      if (path.startsWith(`${base[1]}.`) && path.endsWith(base[2])) return shell.match(key);
    }
    throw error;
  }
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || NEVER.test(url.pathname)) return;
  if (request.mode === 'navigate') {
    if (ARTICLE.test(url.pathname)) event.respondWith(article(event, url));
    else if (Object.values(config.offline).includes(url.pathname))
      event.respondWith(offlinePage(url.pathname));
    else event.respondWith(fetch(request).catch(() => offlinePage(url.pathname)));
    return;
  }
  if (url.pathname.startsWith('/assets/') || url.pathname.startsWith('/icons/'))
    event.respondWith(asset(request, url));
});

self.addEventListener('message', (event) => {
  const port = event.ports[0];
  const data = event.data || {};
  if (!port || typeof data.url !== 'string') return;
  const url = new URL(data.url, self.location.origin);
  if (url.origin !== self.location.origin || !ARTICLE.test(url.pathname)) {
    port.postMessage({ saved: false });
    return;
  }
  const key = articleKey(url);
  const answer =
    data.type === 'save'
      ? fetch(key, { credentials: 'same-origin' }).then(
          async (response) => {
            if (!shareable(response)) return false;
            await remember(key, response, true);
            return true;
          },
          async () => {
            // Offline: a copy kept from an earlier reading can still be pinned.
            const kept = await caches.match(key, { cacheName: ARTICLES });
            if (!kept) return false;
            await remember(key, kept, true);
            return true;
          },
        )
      : caches
          .match(key, { cacheName: ARTICLES })
          .then((found) => Boolean(found?.headers.get('x-midad-pinned')));
  event.waitUntil(
    answer.then(
      (saved) => port.postMessage({ saved }),
      () => port.postMessage({ saved: false }),
    ),
  );
});
