// The pages corrections add to, checked by the Nu HTML checker (vnu.jar): an article with a
// correction and an update, the public corrections page in Arabic and French, and the
// newsroom's corrections page of the article.
import assert from 'node:assert/strict';
import { execFile, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, it } from 'node:test';
import { promisify } from 'node:util';
import { addCorrection } from '../../src/services/articles/corrections.ts';
import { articlePath } from '../../src/web/reader/urls.ts';
import { buildArticle, buildPerson } from '../support/factories.ts';
import { staffClient } from '../support/newsroom-client.ts';
import { startTestSite, type TestSite } from '../support/site.ts';

const VNU_JAR = path.resolve('node_modules', 'vnu-jar', 'build', 'dist', 'vnu.jar');
const java = (() => {
  try {
    execFileSync('java', ['-version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
const skip = java || process.env.CI ? false : 'java is not installed: the Nu HTML checker needs it';

let site: TestSite;
let dir: string;
before(async () => {
  site = await startTestSite();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'midad-corrections-html-'));
});
after(async () => {
  await site?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

it('an article with notes and the corrections pages have no HTML errors', { skip }, async () => {
  const editor = { person: await buildPerson(site.services, { role: 'editor' }), ipHash: 'test' };
  const article = await buildArticle(site.services, { lang: 'ar' });
  const fr = await buildArticle(site.services, { lang: 'fr' });
  for (const [a, kind, body] of [
    [article, 'correction', 'ذكرنا أن الاجتماع يوم الثلاثاء، والصحيح يوم الأربعاء.'],
    [article, 'update', 'أعلنت الوزارة موعدًا جديدًا.\nوأكدت حضور الوفود.'],
    [fr, 'correction', 'Le barrage mesure 1,5 km, et non 3 km.'],
  ] as const) {
    await addCorrection(site.services, editor, { articleId: a.id, kind, body });
  }
  const client = await staffClient(site, 'editor', '198.51.100.81');
  const pages: [string, string][] = [
    ['article', articlePath(article)],
    ['corrections-ar', '/corrections'],
    ['corrections-fr', '/fr/corrections'],
    ['corrections-en-empty', '/en/corrections'],
  ];
  const files: string[] = [];
  for (const [name, url] of pages) {
    const res = await site.app.inject({ method: 'GET', url });
    assert.equal(res.statusCode, 200, url);
    files.push(path.join(dir, `${name}.html`));
    fs.writeFileSync(files.at(-1)!, res.body);
  }
  const newsroom = await client.get(`/newsroom/articles/${article.id}/corrections`);
  assert.equal(newsroom.status, 200);
  files.push(path.join(dir, 'newsroom-corrections.html'));
  fs.writeFileSync(files.at(-1)!, newsroom.body);
  const editorPage = await client.get(`/newsroom/articles/${article.id}`);
  files.push(path.join(dir, 'newsroom-editor.html'));
  fs.writeFileSync(files.at(-1)!, editorPage.body);

  const { stderr } = await promisify(execFile)(
    'java',
    ['-Xss2m', '-jar', VNU_JAR, '--format', 'json', '--exit-zero-always', ...files],
    { maxBuffer: 64 * 1024 * 1024 },
  );
  const errors = (
    JSON.parse(stderr) as { messages: { type: string; url?: string; message: string; extract?: string }[] }
  ).messages
    .filter((m) => m.type === 'error' || m.type === 'non-document-error')
    .map((m) => `${path.basename(m.url ?? '')}: ${m.message} ${m.extract ?? ''}`);
  assert.deepEqual(errors, []);
});
