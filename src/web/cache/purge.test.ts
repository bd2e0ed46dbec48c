// The CDN purge hook over real HTTP: a publish posts the tags of the pages it changed, with the
// token; a dead purge address never slows or breaks the publish.
import assert from 'node:assert/strict';
import http from 'node:http';
import { after, before, describe, it } from 'node:test';
import { startTestSite, type TestSite } from '../../../test/support/site.ts';
import { loadConfig } from '../../config.ts';
import { transitionArticle } from '../../services/articles/workflow.ts';

interface Received {
  authorization: string | undefined;
  body: { tags?: string[]; all?: boolean };
}

let receiver: http.Server;
let url = '';
const received: Received[] = [];
let site: TestSite;

before(async () => {
  receiver = http.createServer((req, res) => {
    let text = '';
    req.on('data', (c: Buffer) => {
      text += c.toString();
    });
    req.on('end', () => {
      received.push({ authorization: req.headers.authorization, body: JSON.parse(text) as Received['body'] });
      res.end('ok');
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  const address = receiver.address();
  url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/purge`;
  site = await startTestSite({ cdnPurge: { url, token: 'purge-secret' } });
});
after(async () => {
  await site?.close();
  await new Promise((resolve) => receiver.close(resolve));
});

describe('CDN purge hook', () => {
  it('posts the tags of the pages a publish changed, with the token', async () => {
    const admin = await site.services.repos.people.byEmail(site.admin.email);
    assert.ok(admin);
    await transitionArticle(
      site.services,
      { person: admin, ipHash: '' },
      { id: site.mainArticle.id, transition: 'unpublish' },
    );
    // The site's own set-up (its first admin) may have purged people's pages before this.
    const tag = `article:${site.mainArticle.id}`;
    const ofArticle = () => received.find((r) => r.body.tags?.includes(tag));
    const deadline = Date.now() + 5000;
    while (!ofArticle() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    const purge = ofArticle();
    assert.ok(purge, JSON.stringify(received));
    assert.equal(purge.authorization, 'Bearer purge-secret');
  });

  it('refuses a purge address that is not http(s)', () => {
    assert.throws(
      () => loadConfig({ MIDAD_CDN_PURGE_URL: 'ftp://cdn.example/purge' }),
      /MIDAD_CDN_PURGE_URL/,
    );
  });
});
