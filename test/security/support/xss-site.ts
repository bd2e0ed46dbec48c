// A listening test site and an admin signed in over real HTTP, with the newsroom moves the XSS
// cases store their payloads through: the same forms an editor posts, CSRF token included.
import assert from 'node:assert/strict';
import sharp from 'sharp';
import type { Article } from '../../../src/core/types.ts';
import { memoryRateLimiter } from '../../../src/services/rate-limit.ts';
import { HttpClient } from '../../support/http-client.ts';
import { csrfFrom } from '../../support/newsroom-client.ts';
import { startTestSite, type TestSite } from '../../support/site.ts';

export interface XssSite {
  site: TestSite;
  admin: HttpClient;
  csrf: string;
  /** Posts a newsroom form and expects a redirect (303) or the given status. */
  post(path: string, fields: Record<string, string | string[]>, status?: number): Promise<string>;
  /** A new article saved with these fields and published (or left a draft with intent 'save'). */
  newArticle(fields: Record<string, string | string[]>, intent?: 'publish' | 'save'): Promise<Article>;
  upload(fields: Record<string, string>): Promise<number>;
  close(): Promise<void>;
}

export async function startXssSite(): Promise<XssSite> {
  const site = await startTestSite({ listen: true, commentLimiter: memoryRateLimiter(100_000, 60_000) });
  const admin = new HttpClient(site.baseUrl);
  const signedIn = await admin.signIn(site.admin.email, site.admin.password);
  assert.equal(signedIn.status, 303, 'the admin signs in');
  const csrf = csrfFrom((await admin.get('/newsroom/articles')).body);
  const image = await sharp({ create: { width: 32, height: 24, channels: 3, background: '#c2793d' } })
    .png()
    .toBuffer();

  const post = async (path: string, fields: Record<string, string | string[]>, status = 303) => {
    const res = await admin.post(path, { _csrf: csrf, ...fields });
    assert.equal(res.status, status, `POST ${path} answered ${res.status}: ${res.body.slice(0, 300)}`);
    return res.location ?? '';
  };

  return {
    site,
    admin,
    csrf,
    post,
    async newArticle(fields, intent = 'publish') {
      const location = await post('/newsroom/articles/new', {});
      const id = Number(/\/articles\/(\d+)$/.exec(location)?.[1]);
      const draft = await site.services.repos.articles.byId(id);
      assert.ok(draft, 'the new draft exists');
      await post(`/newsroom/articles/${id}`, {
        version: String(draft.version),
        lang: 'ar',
        comments_open: 'on',
        intent,
        ...fields,
      });
      const article = await site.services.repos.articles.byId(id);
      assert.equal(article?.status, intent === 'save' ? 'draft' : 'published', `article ${id} was saved`);
      return article;
    },
    async upload(fields) {
      const form = new FormData();
      form.append('_csrf', csrf);
      for (const [key, value] of Object.entries(fields)) form.append(key, value);
      form.append('file', new Blob([new Uint8Array(image)], { type: 'image/png' }), 'dune.png');
      const res = await fetch(new URL('/newsroom/media', site.baseUrl), {
        method: 'POST',
        body: form,
        redirect: 'manual',
        headers: { cookie: [...admin.cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
      });
      const location = res.headers.get('location') ?? '';
      assert.equal(res.status, 303, `upload answered ${res.status}: ${(await res.text()).slice(0, 300)}`);
      return Number(/\/media\/(\d+)/.exec(location)?.[1]);
    },
    close: () => site.close(),
  };
}
