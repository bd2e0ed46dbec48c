// The reader pages, fetched over HTTP, checked by the Nu HTML checker (vnu.jar from the vnu-jar
// package): no errors on home, section, article, author, the French home and a search page.
import assert from 'node:assert/strict';
import { execFile, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { readerPages } from '../support/browser.ts';
import { startTestSite, type TestSite } from '../support/site.ts';

const VNU_JAR = path.resolve('node_modules', 'vnu-jar', 'build', 'dist', 'vnu.jar');

function hasJava(): boolean {
  try {
    execFileSync('java', ['-version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

interface VnuMessage {
  type: 'error' | 'info' | 'non-document-error';
  subType?: string;
  url?: string;
  lastLine?: number;
  firstColumn?: number;
  lastColumn?: number;
  message: string;
  extract?: string;
}

/** Runs vnu.jar over the files; its JSON report comes on stderr. */
async function validate(files: string[]): Promise<VnuMessage[]> {
  const { stderr } = await promisify(execFile)(
    'java',
    ['-Xss2m', '-jar', VNU_JAR, '--format', 'json', '--exit-zero-always', ...files],
    { maxBuffer: 64 * 1024 * 1024 },
  );
  const report = JSON.parse(stderr) as { messages: VnuMessage[] };
  return report.messages;
}

const java = hasJava();
const skip = java
  ? false
  : process.env.CI
    ? false
    : 'java is not installed: the Nu HTML checker needs it (apt-get install default-jre-headless)';

let site: TestSite;
let dir: string;

before(async () => {
  site = await startTestSite({ listen: true });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'midad-html-'));
});
after(async () => {
  await site?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe('HTML validity (Nu HTML checker)', () => {
  it('reader pages have no errors', { skip }, async () => {
    assert.ok(java, 'java is required to run the Nu HTML checker (apt-get install default-jre-headless)');
    assert.ok(fs.existsSync(VNU_JAR), `the checker is missing: ${VNU_JAR} (npm install)`);
    const files = new Map<string, string>();
    for (const { name, path: pagePath } of await readerPages(site)) {
      const response = await fetch(site.baseUrl + pagePath);
      assert.equal(response.status, 200, `${pagePath} answers 200`);
      assert.match(response.headers.get('content-type') ?? '', /^text\/html/);
      const file = path.join(dir, `${name}.html`);
      fs.writeFileSync(file, await response.text());
      files.set(file, `${name} (${pagePath})`);
    }

    const messages = await validate([...files.keys()]);
    // vnu names each file by a file: URL; the base name is enough to tell them apart.
    const label = (m: VnuMessage) => {
      const file = [...files.keys()].find((f) => m.url?.endsWith(`/${path.basename(f)}`));
      return file ? files.get(file) : (m.url ?? '(no file)');
    };
    const errors = messages.filter((m) => m.type !== 'info');
    const warnings = messages.filter((m) => m.type === 'info' && m.subType === 'warning');
    for (const w of warnings) console.log(`# vnu warning: ${label(w)}: ${w.message}`);
    const report = errors.map(
      (m) =>
        `${label(m)}:${m.lastLine ?? '?'}:${m.firstColumn ?? m.lastColumn ?? '?'} ${m.type}: ${m.message}` +
        (m.extract ? `\n    ${m.extract.replace(/\n/g, ' ')}` : ''),
    );
    assert.equal(errors.length, 0, `the Nu HTML checker found errors:\n${report.join('\n')}`);
    assert.equal(files.size, 6);
  });
});
