// The reader site over HTTP (app.inject) on a real SQLite database with the demo content.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestSite, type TestSite } from '../../../test/support/site.ts';
import { issueFormToken } from '../../services/comment-guard.ts';
import { loadSiteSettings, updateSiteSettings } from '../../services/settings.ts';
import { memoryRateLimiter } from '../../services/rate-limit.ts';
import { articlePath } from './urls.ts';

let site: TestSite;
let secret: string;

before(async () => {
  site = await startTestSite({ commentLimiter: memoryRateLimiter(1000, 60_000) });
  secret = (await loadSiteSettings(site.services.repos)).secret;
});
after(() => site.close());

function oldToken(articleId: number): string {
  return issueFormToken(secret, articleId, Date.now() - 10_000);
}

async function postComment(path: string, fields: Record<string, string>, ip = '203.0.113.7') {
  return site.app.inject({
    method: 'POST',
    url: path,
    remoteAddress: ip,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams(fields).toString(),
  });
}

describe('reader pages', () => {
  it('serves the Arabic home page right-to-left with the featured and latest articles', async () => {
    const res = await site.app.inject('/');
    assert.equal(res.statusCode, 200);
    assert.match(res.headers['content-type'] as string, /text\/html/);
    assert.match(res.body, /<html[^>]*lang="ar"[^>]*dir="rtl"/);
    assert.ok(res.body.includes(site.mainArticle.title.replace(/"/g, '&quot;')));
    assert.match(res.headers['content-security-policy'] as string, /script-src 'self'/);
  });

  it('serves French and English home pages left-to-right', async () => {
    for (const lang of ['fr', 'en']) {
      const res = await site.app.inject(`/${lang}/`);
      assert.equal(res.statusCode, 200);
      assert.match(res.body, new RegExp(`<html[^>]*lang="${lang}"[^>]*dir="ltr"`));
    }
  });

  it('shows every element of the article page', async () => {
    const a = site.mainArticle;
    const res = await site.app.inject(articlePath(a));
    assert.equal(res.statusCode, 200);
    const html = res.body;
    const section = await site.services.repos.sections.byId(a.sectionId!);
    assert.ok(
      html.includes(`href="/section/${encodeURIComponent(section!.slug)}"`),
      'section label links to the section',
    );
    assert.equal((html.match(/<h1[\s>]/g) ?? []).length, 1);
    assert.ok(html.includes('<figure') && html.includes('<figcaption'), 'featured image with caption');
    assert.match(html, /<img[^>]+width="\d+"[^>]+height="\d+"|<img[^>]+height="\d+"[^>]+width="\d+"/);
    assert.match(html, /<time[^>]+datetime="\d{4}-\d\d-\d\dT/);
    assert.match(html, /هـ/, 'Hijri date');
    for (const tag of ['<h2', '<ol', '<ul', '<blockquote']) assert.ok(html.includes(tag), `body has ${tag}`);
    for (const host of ['x.com/intent', 'facebook.com/sharer', 'wa.me/', 't.me/share', 'mailto:']) {
      assert.ok(html.includes(host), `share link ${host}`);
    }
    assert.ok(html.includes('data-copy'), 'copy-link item');
    const author = await site.services.repos.people.byId(a.authorIds[0]!);
    assert.ok(html.includes(`/author/${encodeURIComponent(author!.slug)}`), 'author linked');
    assert.ok(html.includes(author!.bio.slice(0, 20).replace(/"/g, '&quot;')), 'author box with bio');
    assert.ok(html.includes('id="comments"') && html.includes('id="respond"'));
    for (const field of [
      'name="name"',
      'name="email"',
      'name="body"',
      'name="token"',
      'name="parent_id"',
      'name="website"',
    ]) {
      assert.ok(html.includes(field), `form field ${field}`);
    }
    assert.ok(!html.includes('copy-protect'), 'no copy protection by default');
  });

  it('lists related articles, never the article itself', async () => {
    const res = await site.app.inject(articlePath(site.mainArticle));
    const relatedStart = res.body.indexOf('class="related"');
    assert.ok(relatedStart > 0, 'related section present');
    const related = res.body.slice(relatedStart, res.body.indexOf('id="comments"'));
    assert.ok(!related.includes(`/article/${site.mainArticle.id}/`));
    assert.match(related, /\/article\/\d+\//);
  });

  it('redirects a missing or stale slug to the canonical URL', async () => {
    const a = site.mainArticle;
    for (const path of [
      `/article/${a.id}`,
      `/article/${a.id}/old-slug`,
      `/en/article/${a.id}/${encodeURIComponent(a.slug)}`,
    ]) {
      const res = await site.app.inject(path);
      assert.equal(res.statusCode, 301, path);
      assert.equal(res.headers.location, articlePath(a));
    }
  });

  it('serves section, tag and author pages, paginated', async () => {
    const section = await site.services.repos.sections.byId(site.mainArticle.sectionId!);
    const tag = await site.services.repos.tags.byId(site.mainArticle.tagIds[0]!);
    const author = await site.services.repos.people.byId(site.mainArticle.authorIds[0]!);
    for (const path of [
      `/section/${section!.slug}`,
      `/tag/${encodeURIComponent(tag!.slug)}`,
      `/author/${author!.slug}`,
    ]) {
      const res = await site.app.inject(path);
      assert.equal(res.statusCode, 200, path);
      assert.ok(res.body.includes(articlePath(site.mainArticle)), `${path} lists the article`);
    }
    const page2 = await site.app.inject('/?page=2');
    assert.equal(page2.statusCode, 200);
    assert.equal((await site.app.inject('/?page=999')).statusCode, 404);
  });

  it('answers unknown URLs with the 404 page in the right language, never a stack trace', async () => {
    for (const [path, lang] of [
      ['/no/such/page', 'ar'],
      ['/fr/nothing-here', 'fr'],
      ['/article/99999999/x', 'ar'],
      ['/section/nope', 'ar'],
      ['/?page=abc', 'ar'],
      ['/article/%E0%A4%A/x', 'ar'],
    ] as const) {
      const res = await site.app.inject(path);
      assert.ok([400, 404].includes(res.statusCode), `${path} → ${res.statusCode}`);
      if (res.statusCode === 404) assert.match(res.body, new RegExp(`<html[^>]*lang="${lang}"`), path);
      assert.ok(!res.body.includes('    at '), 'no stack trace');
    }
  });

  it('hides drafts and answers recorded redirects', async () => {
    const draft = (await site.services.repos.articles.byIds([...Array(60).keys()].map((i) => i + 1))).find(
      (a) => a.status === 'draft',
    );
    assert.ok(draft, 'demo content has a draft');
    assert.equal((await site.app.inject(articlePath(draft))).statusCode, 404);
    await site.services.repos.redirects.create({
      fromPath: '/2019/05/old-post/',
      toPath: articlePath(site.mainArticle),
    });
    const res = await site.app.inject('/2019/05/old-post/');
    assert.equal(res.statusCode, 301);
    assert.equal(res.headers.location, articlePath(site.mainArticle));
  });

  it('switches copy protection on with a setting', async () => {
    await updateSiteSettings(site.services.repos, { copyProtection: true });
    await site.services.events.emit({ type: 'settings', keys: ['copyProtection.enabled'] });
    try {
      const res = await site.app.inject(articlePath(site.mainArticle));
      assert.match(res.body, /<script[^>]+copy-protect\.[0-9a-f]+\.js/);
      assert.ok(res.body.includes('data-copy-protect'));
    } finally {
      await updateSiteSettings(site.services.repos, { copyProtection: false });
      await site.services.events.emit({ type: 'settings', keys: ['copyProtection.enabled'] });
    }
  });

  it('serves fingerprinted assets with long caching and compression', async () => {
    const home = await site.app.inject('/');
    const css = /href="(\/assets\/site\.[0-9a-f]+\.css)"/.exec(home.body)?.[1];
    assert.ok(css);
    const res = await site.app.inject({ url: css, headers: { 'accept-encoding': 'br' } });
    assert.equal(res.statusCode, 200);
    assert.match(res.headers['cache-control'] as string, /immutable/);
    assert.equal(res.headers['content-encoding'], 'br');
    const icon = await site.app.inject('/favicon.ico');
    assert.equal(icon.statusCode, 301);
    const svg = await site.app.inject(icon.headers.location as string);
    assert.equal(svg.headers['content-type'], 'image/svg+xml');
  });
});

describe('comments', () => {
  const form = (articleId: number, extra: Record<string, string> = {}) => ({
    name: 'قارئة من تمبكتو',
    email: 'reader@example.org',
    body: 'شكرًا على هذا التقرير المفصل.',
    parent_id: '',
    token: oldToken(articleId),
    website: '',
    ...extra,
  });

  it('holds a first comment for moderation and says so', async () => {
    const a = site.mainArticle;
    const email = `first-${Date.now()}@example.org`;
    const res = await postComment(
      `/article/${a.id}/comments`,
      form(a.id, { email, body: 'تعليق أول ينتظر المراجعة' }),
    );
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, `${articlePath(a)}?comment=held#respond`);
    const comments = await site.services.repos.comments.listForArticle(a.id);
    const mine = comments.find((c) => c.authorEmail === email);
    assert.equal(mine?.status, 'pending');
    const page = await site.app.inject(res.headers.location as string);
    assert.ok(page.body.includes('بانتظار المراجعة'));
    assert.ok(!page.body.includes('تعليق أول ينتظر المراجعة'), 'pending comment not shown');
    assert.match(page.headers['cache-control'] as string, /no-store/);
  });

  it('publishes at once for an author with an approved comment, and threads replies', async () => {
    const a = site.mainArticle;
    const approved = (await site.services.repos.comments.listForArticle(a.id, 'approved'))[0];
    assert.ok(approved, 'demo article has approved comments');
    const res = await postComment(
      `/article/${a.id}/comments`,
      form(a.id, {
        email: approved.authorEmail.toUpperCase(),
        body: 'ردّ على التعليق',
        parent_id: String(approved.id),
      }),
    );
    assert.equal(res.statusCode, 303);
    const id = /#comment-(\d+)$/.exec(res.headers.location as string)?.[1];
    assert.ok(id);
    const reply = await site.services.repos.comments.byId(Number(id));
    assert.equal(reply?.status, 'approved');
    assert.equal(reply?.parentId, approved.id);
    const page = await site.app.inject(articlePath(a));
    assert.ok(page.body.includes(`id="comment-${id}"`));
  });

  it('refuses bad input with reasons in Arabic and keeps what was typed', async () => {
    const a = site.mainArticle;
    const res = await postComment(
      `/article/${a.id}/comments`,
      form(a.id, { name: '', email: 'not-an-email', body: 'نص <b>مهم</b> كتبه القارئ' }),
    );
    assert.equal(res.statusCode, 422);
    assert.ok(res.body.includes('هذا الحقل مطلوب'));
    assert.ok(res.body.includes('اكتب بريدًا إلكترونيًا صحيحًا'));
    assert.ok(res.body.includes('value="not-an-email"'));
    assert.ok(res.body.includes('نص &lt;b>مهم&lt;/b> كتبه القارئ'), 'typed text kept, escaped');
    assert.ok(!res.body.includes('<b>مهم'), 'never raw');
    assert.match(res.body, /aria-invalid="true"/);
  });

  it('refuses forms sent too fast, forged tokens and filled honeypots', async () => {
    const a = site.mainArticle;
    const tooFast = await postComment(
      `/article/${a.id}/comments`,
      form(a.id, { token: issueFormToken(secret, a.id) }),
    );
    assert.equal(tooFast.statusCode, 422);
    assert.ok(tooFast.body.includes('بسرعة كبيرة'));
    const forged = await postComment(`/article/${a.id}/comments`, form(a.id, { token: `${a.id}.1.abc` }));
    assert.equal(forged.statusCode, 422);
    const bot = await postComment(
      `/article/${a.id}/comments`,
      form(a.id, { website: 'http://spam.example' }),
    );
    assert.equal(bot.statusCode, 422);
    const tooLong = await postComment(`/article/${a.id}/comments`, form(a.id, { body: 'ب'.repeat(5001) }));
    assert.equal(tooLong.statusCode, 422);
    assert.ok(tooLong.body.includes('5000'));
  });

  it('answers in French on a French article', async () => {
    const fr = (await site.services.repos.articles.listPublished({ lang: 'fr', limit: 1 })).items[0];
    assert.ok(fr);
    const res = await postComment(`/fr/article/${fr.id}/comments`, form(fr.id, { email: 'x' }));
    assert.equal(res.statusCode, 422);
    assert.ok(res.body.includes('Saisissez une adresse e-mail valide'));
  });

  it('limits comments per address', async () => {
    const limited = await startTestSite({ commentLimiter: memoryRateLimiter(2, 60_000) });
    try {
      const s = (await loadSiteSettings(limited.services.repos)).secret;
      const a = limited.mainArticle;
      const send = () =>
        limited.app.inject({
          method: 'POST',
          url: `/article/${a.id}/comments`,
          remoteAddress: '198.51.100.9',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          payload: new URLSearchParams({
            ...form(a.id),
            token: issueFormToken(s, a.id, Date.now() - 10_000),
          }).toString(),
        });
      assert.equal((await send()).statusCode, 303);
      assert.equal((await send()).statusCode, 303);
      const third = await send();
      assert.equal(third.statusCode, 429);
      assert.ok(third.body.includes('تعليقات كثيرة'));
    } finally {
      await limited.close();
    }
  });
});

describe('when the database fails', () => {
  it('answers 503 with Retry-After, in the page language, without a stack trace', async () => {
    const broken = await startTestSite();
    try {
      await broken.services.db.close();
      for (const [path, lang] of [
        ['/', 'ar'],
        ['/fr/section/nothing-cached', 'fr'],
      ] as const) {
        const res = await broken.app.inject(path);
        assert.equal(res.statusCode, 503);
        assert.equal(res.headers['retry-after'], '30');
        assert.equal(res.headers['cache-control'], 'no-store');
        assert.match(res.body, new RegExp(`<html lang="${lang}"`));
        assert.ok(
          res.body.includes(lang === 'ar' ? 'الموقع غير متاح مؤقتاً' : 'Site momentanément indisponible'),
        );
        assert.ok(res.body.includes('class="error-page"'), 'the reader error page');
        assert.ok(!res.body.includes('    at '), 'no stack trace');
      }
      const api = await broken.app.inject('/api/v1/articles');
      assert.equal(api.statusCode, 503);
      assert.equal(api.json().error.code, 'unavailable');
      assert.equal(api.headers['retry-after'], '30');
    } finally {
      await broken.app.close();
    }
  });
});
