import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { messages } from '../../../core/i18n.ts';
import type { ArticlePageView } from '../view-models.ts';
import { renderArticlePage, renderErrorPage, renderHomePage, renderListingPage } from './render.ts';
import { sampleArticle, sampleCard, sampleHead, sampleImage, sampleSite } from './samples.ts';

const ar = messages('ar');
const fr = messages('fr');

/** assert.match without dumping a whole HTML document on failure. */
function has(html: string, pattern: RegExp): void {
  assert.ok(pattern.test(html), `expected the HTML to match ${pattern}`);
}

function hasNot(html: string, pattern: RegExp): void {
  assert.ok(!pattern.test(html), `expected the HTML not to match ${pattern}`);
}

function count(html: string, pattern: RegExp): number {
  return html.match(new RegExp(pattern.source, 'g'))?.length ?? 0;
}

function ids(html: string): string[] {
  return [...html.matchAll(/\sid="([^"]*)"/g)].map((m) => m[1] ?? '');
}

function article(overrides: Partial<ArticlePageView> = {}, copyProtection = false): string {
  const page = sampleArticle(overrides);
  return renderArticlePage(
    sampleSite('ar', copyProtection),
    sampleHead(page.title, '/ar/society/42/x'),
    page,
  );
}

describe('renderArticlePage (Arabic)', () => {
  const html = article();

  it('is a complete right-to-left Arabic document', () => {
    assert.ok(html.startsWith('<!DOCTYPE html><html lang="ar" dir="rtl">'));
    has(html, /<head><meta charset="utf-8"\/?>/);
    has(html, /<meta name="viewport" content="width=device-width, initial-scale=1"\/?>/);
    has(html, /<link rel="canonical" href="https:\/\/midad\.example\/ar\/society\/42\/x"\/?>/);
    has(html, /<link rel="stylesheet" href="\/assets\/site\.css"\/?>/);
    has(html, /<script src="\/assets\/enhance\.js" defer><\/script>/);
    hasNot(html, /name="robots"/);
  });

  it('has one h1, landmarks, and no duplicate ids', () => {
    assert.equal(count(html, /<h1[\s>]/), 1);
    for (const tag of ['<header', '<nav', '<main', '<footer']) assert.ok(html.includes(tag), tag);
    const all = ids(html);
    assert.deepEqual(
      all.filter((id, i) => all.indexOf(id) !== i),
      [],
    );
    has(html, /<a class="skip-link" href="#main">/);
    has(html, new RegExp(`<nav class="breadcrumb" aria-label="${ar.breadcrumb}">`));
  });

  it('shows Gregorian and Hijri dates in <time> elements', () => {
    has(html, /<time datetime="2025-12-03T08:15:00.000Z">3 ديسمبر 2025<\/time>/);
    assert.ok(html.includes('12 جمادى الآخرة 1447 هـ'));
    assert.ok(html.includes(ar.published));
    assert.ok(html.includes(ar.updated));
  });

  it('joins authors Arabic-style and links them', () => {
    assert.ok(
      html.includes(`${ar.by} <a href="/ar/author/aicha" rel="author" dir="auto">عائشة مايغا</a> و<a`),
    );
  });

  it('offers AVIF first when the image has AVIF variants', () => {
    const withAvif = article({ image: { ...sampleImage(), srcsetAvif: '/media/a-640.avif 640w' } });
    has(
      withAvif,
      /<source type="image\/avif" srcset="\/media\/a-640\.avif 640w"[^>]*><source type="image\/webp"/,
    );
    hasNot(html, /image\/avif/);
  });

  it('loads the featured image first but lazily (so data saver can hold it), card images lazily', () => {
    const figure = html.match(/<figure class="figure">.*?<\/figure>/)?.[0] ?? '';
    has(figure, /<source type="image\/webp" srcset="[^"]+640w[^"]*" sizes="[^"]+"/);
    has(figure, /fetchpriority="high"/);
    has(figure, /loading="lazy"/);
    has(figure, /<figcaption>.*تصوير: عيسى موسى.*<\/figcaption>/);
    const withCards = article({ related: [sampleCard(3, { image: sampleImage() })] });
    has(withCards, /<article class="card">.*loading="lazy"/);
  });

  it('links all six share targets', () => {
    for (const network of ['x', 'facebook', 'whatsapp', 'telegram', 'email', 'copy']) {
      has(html, new RegExp(`class="share-link share-${network}"`));
    }
    has(html, /href="https:\/\/wa\.me\/[^"]*" rel="noopener" target="_blank"/);
    has(html, /href="mailto:/);
    has(html, new RegExp(`data-copy(="")? data-copied="${ar.linkCopied}"`));
  });

  it('renders the threaded comments with reply links', () => {
    has(html, /<section id="comments"/);
    assert.ok(html.includes('6 تعليقات'));
    for (const id of [101, 102, 103, 104, 105, 106])
      assert.ok(html.includes(`id="comment-${id}"`), String(id));
    assert.ok(html.includes('href="/ar/society/42/niamey-floods?replyto=101#respond"'));
    // 102 is a reply to 101: its <li> sits in a nested list inside 101's <li>.
    has(
      html,
      /id="comment-101".*?<ol class="comment-list replies"><li class="comment"><div id="comment-102"/,
    );
    has(html, /<b class="comment-author" dir="auto">Fatou Diallo<\/b>/);
    has(html, /<div class="comment-body" dir="auto">/);
  });

  it('keeps the already-escaped comment body exactly as given', () => {
    assert.ok(html.includes('هذا نص فيه &lt;script&gt;alert(1)&lt;/script&gt; ورابط'));
    assert.ok(!html.includes('&amp;lt;script'));
    assert.ok(!html.includes('<script>alert'));
  });

  it('renders the comment form with errors, notice, honeypot and limits', () => {
    has(
      html,
      /<form id="respond" class="comment-form" method="post" action="\/ar\/society\/42\/niamey-floods\/comments"/,
    );
    has(
      html,
      /<input id="c-name" name="name" type="text" autocomplete="name" dir="auto" required maxlength="80" value="سعيد"/,
    );
    has(html, /name="email" type="email" autocomplete="email"[^>]*maxlength="254"/);
    has(html, /<textarea id="c-body" name="body"[^>]*required maxlength="5000"/);
    has(html, /<input type="hidden" name="parent_id" value="102"/);
    has(html, /<input type="hidden" name="token" value="signed.token.value"/);
    has(
      html,
      /<div class="hp" aria-hidden="true"><label for="c-hp">[^<]+<\/label><input id="c-hp" name="website" type="text" value(="")? tabindex="-1" autocomplete="off"/,
    );
    // Errors are linked to their fields.
    has(html, /id="c-email"[^>]*aria-describedby="c-email-hint c-email-error" aria-invalid="true"/);
    has(html, /id="c-body"[^>]*aria-describedby="c-body-error" aria-invalid="true"/);
    assert.ok(html.includes(`<p id="c-email-error" class="field-error">${ar.errEmail}</p>`));
    assert.ok(html.includes(`<p id="c-body-error" class="field-error">${ar.errRequired}</p>`));
    hasNot(html, /id="c-name"[^>]*aria-invalid/);
    assert.ok(html.includes(`<p class="notice notice-error" role="alert">${ar.commentRefused}</p>`));
    assert.ok(html.includes(ar.cancelReply));
  });

  it('shows "comments closed" instead of the form when closed', () => {
    const base = sampleArticle().commentForm;
    const closed = article({ commentForm: { ...base, open: false } });
    assert.ok(closed.includes(ar.commentsClosed));
    hasNot(closed, /<form id="respond"/);
    hasNot(closed, /replyto=/);
  });

  it('uses role="status" for a success notice', () => {
    const base = sampleArticle().commentForm;
    const ok = article({
      commentForm: { ...base, errors: {}, notice: { kind: 'success', text: ar.commentHeld } },
    });
    assert.ok(ok.includes(`<p class="notice notice-success" role="status">${ar.commentHeld}</p>`));
    hasNot(ok, /aria-invalid/);
  });

  it('escapes text from the view model', () => {
    const hostile = article({ title: '<script>alert(1)</script>', dek: 'a "quoted" & <b>bold</b>' });
    assert.ok(hostile.includes('&lt;script>alert(1)&lt;/script>') || hostile.includes('&lt;script&gt;'));
    assert.ok(!hostile.includes('<script>alert(1)</script>'));
    assert.ok(!hostile.includes('<b>bold</b>'));
  });

  it('has no inline styles and no inline scripts', () => {
    hasNot(html, /\sstyle=/);
    for (const tag of html.match(/<script[^>]*>/g) ?? []) has(tag, /\ssrc="/);
  });

  it('includes copy protection only when the site enables it', () => {
    hasNot(html, /copy-protect\.js/);
    hasNot(html, /data-copy-protect/);
    const on = article({}, true);
    has(on, /<script src="\/assets\/copy-protect\.js" defer><\/script>/);
    has(on, /<article class="article" data-copy-protect(="")? /);
    has(on, /data-copy-url="https:\/\/midad\.example\/ar\/society\/42\/niamey-floods"/);
    assert.ok(on.includes(`data-copy-source-label="${ar.copySource}"`));
    assert.ok(on.includes(`data-copy-notice="${ar.copyNotice}"`));
  });

  it('marks other-language links and cards with lang', () => {
    has(
      html,
      /<a href="\/fr\/societe\/43\/inondations-niamey" hreflang="fr" lang="fr" dir="ltr">Français<\/a>/,
    );
    has(
      html,
      /<link rel="alternate" hreflang="fr" href="https:\/\/midad\.example\/fr\/societe\/43\/inondations-niamey"/,
    );
    has(html, /<article class="card" lang="fr" dir="ltr">/);
  });
});

describe('renderHomePage', () => {
  it('has one (hidden) h1, the breaking strip and cards', () => {
    const site = sampleSite('ar');
    const html = renderHomePage(site, sampleHead('مداد', '/ar/'), {
      breaking: [sampleCard(1)],
      featured: sampleCard(2, { image: sampleImage() }),
      latest: [sampleCard(3), sampleCard(4)],
      sections: [{ section: { href: '/ar/economy/', label: 'اقتصاد' }, articles: [sampleCard(5)] }],
      pagination: { page: 1, pages: 2, prev: null, next: '/ar/?page=2' },
    });
    assert.equal(count(html, /<h1[\s>]/), 1);
    has(html, /<section class="breaking"/);
    has(html, /<article class="card card-lead">.*?fetchpriority="high"/);
    has(html, /rel="next"/);
    hasNot(html, /\sstyle=/);
  });
});

describe('French pages', () => {
  const site = sampleSite('fr');

  it('renders a listing page left-to-right', () => {
    const html = renderListingPage(
      site,
      { title: 'Société — Midad', description: 'Société', canonical: 'https://midad.example/fr/societe/' },
      {
        kind: 'section',
        heading: 'Société',
        description: 'Vivre au Sahel',
        articles: [sampleCard(1, { lang: 'fr', title: 'Les éleveurs du Liptako' })],
        pagination: { page: 2, pages: 3, prev: '/fr/societe/', next: '/fr/societe/?page=3' },
        children: [{ href: '/fr/societe/sante/', label: 'Santé' }],
      },
    );
    assert.ok(html.startsWith('<!DOCTYPE html><html lang="fr" dir="ltr">'));
    assert.equal(count(html, /<h1[\s>]/), 1);
    has(html, /<h1>Société<\/h1>/);
    has(html, /<h2 class="card-title"><a href="[^"]+">Les éleveurs du Liptako<\/a><\/h2>/);
    assert.ok(html.includes(`${fr.page} 2 ${fr.of} 3`));
    has(html, new RegExp(`<nav class="pagination" aria-label="${fr.pagination}">`));
    assert.ok(html.includes(`<a href="/ar/" hreflang="ar" lang="ar" dir="rtl">العربية</a>`));
    has(html, /<form class="search" role="search" method="get" action="\/fr\/search">/);
    has(html, /<input id="search-q" type="search" name="q"/);
    hasNot(html, /\sstyle=/);
  });

  it('isolates Arabic names and the site name inside French lines', () => {
    const card = sampleCard(1, { lang: 'fr', authors: [{ href: '/fr/author/y', label: 'يوسف آغ محمد' }] });
    const html = renderListingPage(
      site,
      { title: 'x', description: 'x', canonical: 'https://midad.example/fr/x' },
      {
        kind: 'tag',
        heading: 'x',
        description: '',
        articles: [card],
        pagination: { page: 1, pages: 1, prev: null, next: null },
        children: [],
      },
    );
    assert.ok(html.includes('<bdi>يوسف آغ محمد</bdi>'));
    has(html, /<a class="site-name" href="\/fr\/" dir="auto">/);
  });

  it('renders an error page that is not indexed', () => {
    const html = renderErrorPage(
      site,
      { title: 'Page introuvable', description: '', canonical: 'https://midad.example/fr/x' },
      { status: 404, heading: fr.notFoundTitle, message: fr.notFoundText },
    );
    assert.ok(html.startsWith('<!DOCTYPE html><html lang="fr" dir="ltr">'));
    has(html, /<meta name="robots" content="noindex"\/?>/);
    assert.ok(html.includes(`<h1>${fr.notFoundTitle}</h1>`));
    assert.ok(html.includes(fr.backHome));
    hasNot(html, /copy-protect/);
  });
});
