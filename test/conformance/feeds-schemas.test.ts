// Feeds and sitemaps of the demo site checked against their published schemas, when the shared
// schema folder (../shared/data/schemas, or MIDAD_SCHEMAS_DIR) is present: sitemaps and the
// Google News sitemap against the sitemaps.org and Google XSDs (xmllint), Atom against RFC
// 4287's RELAX NG grammar, JSON Feed against its JSON Schema (ajv). RSS 2.0 has no official
// schema; its required elements are checked here by hand.
import assert from 'node:assert/strict';
import { execFile, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { startTestSite, type TestSite } from '../support/site.ts';

const SCHEMAS = path.resolve(process.env.MIDAD_SCHEMAS_DIR ?? path.join('..', 'shared', 'data', 'schemas'));
const haveSchemas = fs.existsSync(path.join(SCHEMAS, 'sitemaps', 'siteindex.xsd'));

function hasXmllint(): boolean {
  try {
    execFileSync('xmllint', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
const xmllint = hasXmllint();
const skipAll = haveSchemas ? false : `no schema folder at ${SCHEMAS}`;
const skipXml =
  skipAll || (xmllint || process.env.CI ? false : 'xmllint is not installed (apt-get install libxml2-utils)');

let site: TestSite;
let dir: string;
let feedPaths: string[] = [];

before(async () => {
  if (skipAll) return;
  site = await startTestSite();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'midad-schemas-'));
  const a = site.mainArticle;
  const { repos } = site.services;
  const section = (await repos.sections.byId(a.sectionId!))!;
  const tag = (await repos.tags.byId(a.tagIds[0]!))!;
  const author = (await repos.people.byId(a.authorIds[0]!))!;
  feedPaths = [
    '/feed',
    '/all/feed',
    '/fr/feed',
    '/en/feed',
    `/section/${encodeURIComponent(section.slug)}/feed`,
    `/tag/${encodeURIComponent(tag.slug)}/feed`,
    `/author/${encodeURIComponent(author.slug)}/feed`,
  ];
});
after(async () => {
  await site?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

async function fetchToFile(url: string): Promise<string> {
  const res = await site.app.inject(url);
  assert.equal(res.statusCode, 200, `${url} answers 200`);
  const file = path.join(dir, `${url.replace(/[^a-z0-9.]+/gi, '_')}`);
  fs.writeFileSync(file, res.body);
  return file;
}

/** xmllint's verdict on one file: '' when valid, its messages otherwise. */
async function validateXml(file: string, args: string[]): Promise<string> {
  try {
    await promisify(execFile)('xmllint', ['--noout', '--nonet', ...args, file]);
    return '';
  } catch (err) {
    return String((err as { stderr?: string }).stderr ?? err);
  }
}

describe('feeds and sitemaps against their schemas', { skip: skipAll }, () => {
  it('sitemap index, every sitemap and the news sitemap validate', { skip: skipXml }, async () => {
    const index = await fetchToFile('/sitemap.xml');
    assert.equal(await validateXml(index, ['--schema', path.join(SCHEMAS, 'sitemaps', 'siteindex.xsd')]), '');
    const listed = [...fs.readFileSync(index, 'utf8').matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) =>
      m[1]!.slice(site.baseUrl.length),
    );
    assert.ok(listed.length >= 4);
    const schema = path.join(SCHEMAS, 'sitemaps', 'local-sitemap-all.xsd');
    for (const url of [...listed, '/sitemap-news.xml']) {
      assert.equal(await validateXml(await fetchToFile(url), ['--schema', schema]), '', url);
    }
  });

  it('Atom feeds validate against RFC 4287', { skip: skipXml }, async () => {
    const grammar = path.join(SCHEMAS, 'atom-rfc4287.rng');
    for (const feed of feedPaths) {
      const url = `${feed}.atom`;
      assert.equal(await validateXml(await fetchToFile(url), ['--relaxng', grammar]), '', url);
    }
  });

  it('RSS feeds are well-formed with the elements RSS 2.0 requires', { skip: skipXml }, async () => {
    for (const feed of feedPaths) {
      const url = `${feed}.xml`;
      const file = await fetchToFile(url);
      assert.equal(await validateXml(file, []), '', `${url} is well-formed`);
      const xml = fs.readFileSync(file, 'utf8');
      const channel = xml.replace(/<item>[\s\S]*<\/item>/g, '');
      for (const tag of ['title', 'link', 'description'])
        assert.match(channel, new RegExp(`<${tag}>[^<]+</${tag}>`), `${url} ${tag}`);
      for (const item of xml.match(/<item>[\s\S]*?<\/item>/g) ?? []) {
        assert.match(item, /<title>[^<]+<\/title>|<description>[^<]+<\/description>/);
        assert.match(item, /<pubDate>\w{3}, \d\d \w{3} \d{4} \d\d:\d\d:\d\d GMT<\/pubDate>/);
      }
    }
  });

  it('JSON feeds validate against the JSON Feed 1.1 schema', async () => {
    const schema = JSON.parse(fs.readFileSync(path.join(SCHEMAS, 'jsonfeed', 'schema-v1.1.json'), 'utf8'));
    const ajv = new Ajv({ allErrors: true, strict: false });
    // ajv-formats is CommonJS: under Node's ESM loader its default export is the plugin itself.
    const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;
    addFormats(ajv);
    const validate = ajv.compile(schema);
    for (const feed of feedPaths) {
      const url = `${feed}.json`;
      const body = JSON.parse(fs.readFileSync(await fetchToFile(url), 'utf8'));
      assert.ok(validate(body), `${url}: ${ajv.errorsText(validate.errors)}`);
    }
  });
});
