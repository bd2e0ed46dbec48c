import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { Invalid } from '../../core/errors.ts';
import { fileSource, readWxr, type Source } from './reader.ts';
import type { WxrItem, WxrRecord, WxrWarning } from './types.ts';

const FIXTURE = path.join(import.meta.dirname, '../../../test/fixtures/wxr/sahel-news.xml');

async function readAll(source: Source | string, warnings: WxrWarning[] = []): Promise<WxrRecord[]> {
  const input = typeof source === 'string' ? [source] : source;
  const out: WxrRecord[] = [];
  for await (const record of readWxr(input, { fileName: 'test.xml', warnings })) out.push(record);
  return out;
}

function items(records: WxrRecord[]): WxrItem[] {
  return records.flatMap((r) => (r.kind === 'item' ? [r.item] : []));
}

/** Splits bytes into small pieces, cutting UTF-8 characters, CDATA markers and entities apart. */
async function* inPieces(bytes: Buffer, size: number): AsyncGenerator<Buffer> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

function wxr(body: string, ns = 'http://wordpress.org/export/1.2/', version = '1.2'): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:wp="${ns}" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>t</title><wp:wxr_version>${version}</wp:wxr_version>
${body}
</channel></rss>`;
}

describe('readWxr on the Arabic fixture', () => {
  it('reads the channel, authors, terms, items and threaded comments', async () => {
    const records = await readAll(fileSource(FIXTURE));
    const channel = records[0];
    assert.equal(channel?.kind, 'channel');
    if (channel?.kind === 'channel') {
      assert.equal(channel.channel.version, '1.2');
      assert.equal(channel.channel.language, 'ar');
      assert.equal(channel.channel.baseSiteUrl, 'https://sahel.example');
    }
    assert.equal(records.filter((r) => r.kind === 'author').length, 2);
    assert.equal(records.filter((r) => r.kind === 'category').length, 2);
    assert.equal(records.filter((r) => r.kind === 'tag').length, 2);
    const all = items(records);
    assert.deepEqual(
      all.map((i) => i.postType),
      ['attachment', 'post', 'post', 'post', 'post', 'post', 'post', 'page', 'event'],
    );
    const market = all.find((i) => i.postId === '10');
    assert.equal(market?.title, 'افتتاح سوق جديد للحبوب في نيامي');
    assert.match(market?.postName ?? '', /^%d8%a7%d9%81/);
    assert.equal(market?.comments.length, 4);
    assert.deepEqual(
      market?.comments.map((c) => [c.id, c.parent, c.approved]),
      [
        ['1', '0', '1'],
        ['3', '1', '1'],
        ['4', '0', '0'],
        ['5', '0', 'spam'],
      ],
    );
    assert.deepEqual(
      market?.terms.map((t) => t.domain),
      ['category', 'post_tag'],
    );
    assert.equal(market?.meta.find((m) => m.key === '_thumbnail_id')?.value, '20');
    assert.ok(market?.content.includes('[caption id="attachment_20"'));
  });

  it('gives the same records whatever the chunk size, even cutting characters and CDATA markers', async () => {
    const bytes = fs.readFileSync(FIXTURE);
    const whole = JSON.stringify(await readAll([bytes]));
    for (const size of [1, 3, 7, 64]) {
      assert.equal(JSON.stringify(await readAll(inPieces(bytes, size))), whole, `chunks of ${size} bytes`);
    }
  });
});

describe('readWxr namespaces', () => {
  it('matches wp by URI pattern: https and 1.0/1.1 URIs are wp, a rebound prefix is not', async () => {
    const xml = wxr(
      `<wp:author><wp:author_login>real</wp:author_login></wp:author>
       <wp:author xmlns:wp="http://example.com/fake/"><wp:author_login>fake</wp:author_login></wp:author>
       <w:author xmlns:w="http://wordpress.org/export/1.0/"><w:author_login>old</w:author_login></w:author>
       <item><wp:post_id>1</wp:post_id><wp:post_type>post</wp:post_type></item>
       <item xmlns:wp="http://evil.example/"><wp:post_id>2</wp:post_id><wp:post_type>post</wp:post_type></item>`,
      'https://wordpress.org/export/1.2/',
    );
    const records = await readAll(xml);
    const logins = records.flatMap((r) => (r.kind === 'author' ? [r.author.login] : []));
    assert.deepEqual(logins, ['real', 'old']);
    assert.deepEqual(
      items(records).map((i) => i.postType),
      ['post', ''],
    );
  });

  it('reads WXR 1.0 tags written as <category domain="tag">', async () => {
    const xml = wxr(
      '<item><wp:post_id>1</wp:post_id><category domain="tag" nicename="mali">Mali</category><category>Plain</category></item>',
      'http://wordpress.org/export/1.0/',
      '1.0',
    );
    const [item] = items(await readAll(xml));
    assert.deepEqual(item?.terms, [
      { domain: 'post_tag', nicename: 'mali', name: 'Mali' },
      { domain: 'category', nicename: '', name: 'Plain' },
    ]);
  });
});

describe('readWxr leniency', () => {
  it('joins CDATA split in sections and keeps a literal ]]> as WordPress does, naming the line', async () => {
    const warnings: WxrWarning[] = [];
    const xml = wxr(`<item>
<content:encoded><![CDATA[a ]]]]><![CDATA[> b]]></content:encoded>
<excerpt><![CDATA[nested <![CDATA[ x ]]> y]]></excerpt>
</item>`);
    const [item] = items(await readAll(xml, warnings));
    assert.equal(item?.content, 'a ]]> b');
    assert.equal(warnings.length, 1);
    assert.equal(warnings[0]?.line, 6);
    assert.match(warnings[0]?.message ?? '', /\]\]>/);
  });

  it('reads a raw & in a URL as &amp; with a warning naming its line', async () => {
    const warnings: WxrWarning[] = [];
    const xml = wxr(
      '<item>\n<wp:attachment_url>https://img.example/a.jpg?w=1&h=2&amp;q=3&nbsp;x</wp:attachment_url></item>',
    );
    const [item] = items(await readAll(xml, warnings));
    assert.equal(item?.attachmentUrl, 'https://img.example/a.jpg?w=1&h=2&q=3\u00a0x');
    assert.deepEqual(
      warnings.map((w) => w.line),
      [5],
    );
  });

  it('drops control characters XML forbids', async () => {
    const warnings: WxrWarning[] = [];
    const [item] = items(await readAll(wxr('<item><title>a\u0001b</title></item>'), warnings));
    assert.equal(item?.title, 'ab');
    assert.equal(warnings.length, 1);
  });
});

describe('readWxr refuses what it cannot read', () => {
  const refuse = async (xml: string, pattern: RegExp) => {
    await assert.rejects(readAll(xml), (err: unknown) => err instanceof Invalid && pattern.test(err.message));
  };

  it('refuses a 0-byte file before parsing', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'midad-wxr-'));
    const file = path.join(dir, 'empty.xml');
    fs.writeFileSync(file, '');
    assert.throws(() => fileSource(file), /empty \(0 bytes\)/);
    assert.throws(() => fileSource(path.join(dir, 'missing.xml')), /cannot read the file \(ENOENT\)/);
    fs.rmSync(dir, { recursive: true });
  });

  it('refuses text that is not XML', () =>
    refuse('title,body\nhello,world\n', /test\.xml:1: this is not an XML file/));

  it('refuses XML that is not a WordPress export', async () => {
    await refuse('<html><body/></html>', /root element is <html>/);
    await refuse(
      '<rss version="2.0"><channel><title>feed</title><item/></channel></rss>',
      /no <wp:wxr_version>/,
    );
    await refuse('<rss version="2.0"/>', /no <channel>/);
  });

  it('refuses an unknown WXR version', () =>
    refuse(wxr('<item/>', undefined, 'abc'), /unknown WXR version "abc"/));

  it('refuses a truncated file, naming the line', () =>
    refuse(
      wxr('<item><title>cut').slice(0, -20),
      /test\.xml:\d+: the file ends before the export is complete/,
    ));

  it('refuses mismatched tags', () => refuse(wxr('<item><title>x</item>'), /not well-formed XML/));
});
