import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { loadConfig } from '../config.ts';
import { openServices, type Services } from '../services/context.ts';
import { importWordPress } from '../services/import/run-import.ts';
import { initializeSite } from '../services/setup.ts';
import { buildApp } from './app.ts';

const FIXTURES = path.join(import.meta.dirname, '../../test/fixtures/wxr');

describe('old WordPress URLs after an import', () => {
  let dir: string;
  let services: Services;
  let app: FastifyInstance;
  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'midad-redirects-'));
    services = await openServices(loadConfig({}, { dataDir: dir, logLevel: 'silent' }));
    await initializeSite(services, { demo: false });
    await importWordPress(services, {
      file: path.join(FIXTURES, 'sahel-news.xml'),
      uploadsDir: path.join(FIXTURES, 'uploads'),
    });
    app = await buildApp({ services, logger: false });
  });
  after(async () => {
    await app.close();
    await services.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const follow = async (url: string) => {
    const first = await app.inject({ method: 'GET', url });
    assert.equal(first.statusCode, 301, `${url} answers ${first.statusCode}`);
    const location = String(first.headers.location);
    const page = await app.inject({ method: 'GET', url: location });
    return { location, page };
  };

  const market =
    '%d8%a7%d9%81%d8%aa%d8%aa%d8%a7%d8%ad-%d8%b3%d9%88%d9%82-%d8%ac%d8%af%d9%8a%d8%af-%d9%84%d9%84%d8%ad%d8%a8%d9%88%d8%a8-%d9%81%d9%8a-%d9%86%d9%8a%d8%a7%d9%85%d9%8a';

  it('answers a post URL with 301 whatever the case of the percent-encoding', async () => {
    const lower = await follow(`/2024/03/${market}/`);
    const upper = await follow(`/2024/03/${market.toUpperCase().replace(/%D/g, '%D')}`);
    assert.equal(upper.location, lower.location);
    assert.match(lower.location, /^\/article\/\d+\//);
    assert.equal(lower.page.statusCode, 200);
    assert.ok(lower.page.body.includes('افتتاح سوق جديد للحبوب في نيامي'));
  });

  it('shows what the original showed: featured image, caption, approved comments only', async () => {
    const { page } = await follow('/?p=10');
    assert.match(page.body, /\/media\/[^"]+\.(webp|jpg)/);
    assert.ok(page.body.includes('أكياس الحبوب في السوق الجديد'));
    assert.ok(page.body.includes('خبر جيد للمزارعين.'));
    assert.ok(page.body.includes('يفتح من السبت إلى الخميس.'));
    assert.ok(!page.body.includes('هل الأسعار أقل من السوق القديم؟'), 'pending comment hidden');
    assert.ok(!page.body.includes('Best deals here'), 'spam hidden');
  });

  it('answers ?p=, ?page_id=, category, tag and cut-slug URLs', async () => {
    assert.match((await follow('/?page_id=15')).location, /^\/article\/\d+\/%D8%B9%D9%86/);
    const section = await follow(
      '/category/%d8%a3%d8%ae%d8%a8%d8%a7%d8%b1/%d8%a7%d9%82%d8%aa%d8%b5%d8%a7%d8%af/',
    );
    assert.equal(section.location, '/section/%D8%A7%D9%82%D8%AA%D8%B5%D8%A7%D8%AF');
    assert.equal(section.page.statusCode, 200);
    // WordPress and Midad spell tag URLs alike: the old one is served as it is.
    assert.equal(
      (await app.inject({ method: 'GET', url: '/tag/%d9%85%d8%a7%d9%84%d9%8a/' })).statusCode,
      200,
    );
    const cut = await follow(
      '/2024/03/%d8%aa%d9%82%d8%b1%d9%8a%d8%b1-%d8%b9%d9%86-%d8%a7%d9%84%d8%b7%d8%b1%d9%82-%d8%a8%d9%8a%d9%86-%d9%86%d9%8a%d8%a7%d9%85%d9%8a-%d9%88%d8%ba%d8%a7%d9/',
    );
    assert.equal(cut.page.statusCode, 200);
    assert.ok(cut.page.body.includes('أعيد فتح الطريق'));
  });

  it('leaves the home page and unknown URLs alone', async () => {
    assert.equal((await app.inject({ method: 'GET', url: '/?utm_source=x' })).statusCode, 200);
    assert.equal((await app.inject({ method: 'GET', url: '/?p=999' })).statusCode, 200);
    assert.equal((await app.inject({ method: 'GET', url: '/2024/03/nothing/' })).statusCode, 404);
  });
});
