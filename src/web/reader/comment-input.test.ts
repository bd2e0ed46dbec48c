// Comment forms no browser sends (a field twice, an array, bad percent-encoding, JSON of the
// wrong shape) are refused with a 400 page in the article's language and write nothing; a
// comment that is accepted is announced once it is stored.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestSite, type TestSite } from '../../../test/support/site.ts';
import type { Article } from '../../core/types.ts';
import { issueFormToken } from '../../services/comment-guard.ts';
import type { ContentEvent } from '../../services/events.ts';
import { memoryRateLimiter } from '../../services/rate-limit.ts';
import { siteSettings } from '../../services/settings.ts';
import { commentsPath } from './urls.ts';

let site: TestSite;
let secret: string;
let french: Article;

before(async () => {
  site = await startTestSite({ commentLimiter: memoryRateLimiter(1000, 60_000) });
  secret = (await siteSettings(site.services)).secret;
  const found = (await site.services.repos.articles.listPublished({ lang: 'fr', limit: 1 })).items[0];
  assert.ok(found, 'the demo site has a French article');
  french = found;
});
after(() => site.close());

const fieldsFor = (article: Article, extra: Record<string, string> = {}) => ({
  name: 'Lectrice de Mopti',
  email: 'lectrice@example.org',
  body: 'Merci pour ce reportage.',
  parent_id: '',
  token: issueFormToken(secret, article.id, Date.now() - 10_000),
  website: '',
  ...extra,
});

const encode = (fields: Record<string, string>) => new URLSearchParams(fields).toString();

async function post(article: Article, payload: string, type = 'application/x-www-form-urlencoded') {
  return site.app.inject({
    method: 'POST',
    url: commentsPath(article),
    remoteAddress: '203.0.113.40',
    headers: { 'content-type': type },
    payload,
  });
}

async function commentCount(article: Article): Promise<number> {
  return (await site.services.repos.comments.listForArticle(article.id)).length;
}

describe('comment form input', () => {
  it('refuses a field given twice, an array, an unknown field and bad encoding with a 400 page in French', async () => {
    const before = await commentCount(french);
    const good = encode(fieldsFor(french));
    for (const payload of [
      `${good}&name=b`,
      `${encode({ ...fieldsFor(french), body: 'x' })}&body=y`,
      `${good}&body[]=x`,
      `${good.replace(/name=[^&]*/, 'name=%E0%A4%A')}`,
      `${good.replace(/body=[^&]*/, 'body=%ZZ%')}`,
      `${good.replace(/email=[^&]*/, 'email=%C3%28%FF')}`,
    ]) {
      const res = await post(french, payload);
      assert.equal(res.statusCode, 400, payload.slice(0, 80));
      assert.match(res.body, /<html lang="fr"/, payload.slice(0, 80));
      assert.ok(!/ZodError|\bat .+\.ts:\d+/.test(res.body), 'no error name or stack shown');
    }
    assert.equal(await commentCount(french), before, 'nothing written');
  });

  it('refuses JSON of the wrong shape with a 400', async () => {
    const before = await commentCount(french);
    for (const value of [['a', 'b'], { a: 1 }, 1e21]) {
      const res = await site.app.inject({
        method: 'POST',
        url: commentsPath(french),
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        payload: JSON.stringify({ ...fieldsFor(french), name: value }),
      });
      assert.equal(res.statusCode, 400, JSON.stringify(value));
      assert.equal(res.json<{ error: { code: string } }>().error.code, 'malformed');
    }
    assert.equal(await commentCount(french), before, 'nothing written');
  });

  it('keeps the text typed past the limits, refused with reasons (422), as before', async () => {
    const res = await post(french, encode(fieldsFor(french, { name: 'N'.repeat(300) })));
    assert.equal(res.statusCode, 422);
    assert.ok(res.body.includes('N'.repeat(300)), 'the name is kept');
  });

  it('announces a comment shown at once after it is stored', async () => {
    const moderation = (await siteSettings(site.services)).commentModeration;
    await site.services.repos.settings.set('comments.moderation', 'none');
    const heard: ContentEvent[] = [];
    const stop = site.services.events.on(async (event) => {
      if (event.type !== 'comment') return;
      const stored = await site.services.repos.comments.byId(event.commentId);
      assert.equal(stored?.status, 'approved', 'the comment is committed when the event is told');
      heard.push(event);
    });
    try {
      const res = await post(french, encode(fieldsFor(french, { body: 'Un commentaire publié.' })));
      assert.equal(res.statusCode, 303);
      const id = Number(/#comment-(\d+)$/.exec(res.headers.location as string)?.[1]);
      assert.deepEqual(heard, [{ type: 'comment', change: 'shown', articleId: french.id, commentId: id }]);
    } finally {
      stop();
      await site.services.repos.settings.set('comments.moderation', moderation);
    }
  });
});
