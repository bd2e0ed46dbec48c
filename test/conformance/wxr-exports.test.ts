// Real WordPress exports written by others (../shared/data/wxr, present in CI): the reader
// must find exactly the counts its README gives, refuse the broken files, and an import of
// the theme unit test data must keep every post, thread and status and answer every old URL.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { Invalid } from '../../src/core/errors.ts';
import { fileSource, readWxr } from '../../src/importers/wordpress/reader.ts';
import { WXR_DIR, type ReadmeRow, readmeRows } from './wxr-readme.ts';

const present = fs.existsSync(path.join(WXR_DIR, 'README.md'));
const skip = present ? false : `no real exports at ${WXR_DIR}`;

interface Counted {
  post: number;
  page: number;
  attachment: number;
  comments: number;
  nested: number;
  categories: number;
  tags: number;
  authors: number;
}

async function count(file: string, acceptBadVersion: boolean): Promise<Counted> {
  const c: Counted = {
    post: 0,
    page: 0,
    attachment: 0,
    comments: 0,
    nested: 0,
    categories: 0,
    tags: 0,
    authors: 0,
  };
  for await (const r of readWxr(fileSource(file), { fileName: file, acceptBadVersion })) {
    if (r.kind === 'author') c.authors++;
    else if (r.kind === 'category') c.categories++;
    else if (r.kind === 'tag') c.tags++;
    else if (r.kind === 'item') {
      const type = r.item.postType;
      if (type === 'post' || type === 'page' || type === 'attachment') c[type]++;
      c.comments += r.item.comments.length;
      c.nested += r.item.comments.filter((x) => x.parent !== '' && x.parent !== '0').length;
    }
  }
  return c;
}

function expected(row: ReadmeRow): Counted | null {
  const n = (v: string) => Number(v);
  const comments = /^(\d+) \((\d+) nested\)$/.exec(row.comments);
  if (!comments || row.posts === '–') return null;
  return {
    post: n(row.posts),
    page: n(row.pages),
    attachment: n(row.attachments),
    comments: n(comments[1] ?? ''),
    nested: n(comments[2] ?? ''),
    categories: n(row.categories),
    tags: n(row.tags),
    authors: n(row.authors),
  };
}

describe('real WordPress exports: the reader', { skip }, () => {
  const rows = present ? readmeRows() : [];

  it('lists every file of the folder in its README', () => {
    assert.ok(rows.length >= 50, `${rows.length} rows`);
    for (const row of rows) assert.ok(fs.existsSync(path.join(WXR_DIR, row.file)), row.file);
  });

  for (const row of rows) {
    const file = path.join(WXR_DIR, row.file);
    // "Truly broken" per the README: cut short or mis-nested; WordPress refuses them too.
    const broken = /^importer\/malformed/.test(row.file);
    const badVersion = !/^1\.[0-2]$/.test(row.wxr);
    it(`${row.file}: ${broken ? 'refused with its line' : 'exact counts'}`, async () => {
      if (broken) {
        await assert.rejects(
          count(file, false),
          (e) => e instanceof Invalid && /\.xml:\d+: /.test(e.message),
        );
        return;
      }
      if (badVersion) {
        await assert.rejects(
          count(file, false),
          (e) => e instanceof Invalid && /wxr_version|WXR version/.test(e.message),
        );
      }
      const want = expected(row);
      assert.ok(want, `README gives counts for ${row.file}`);
      assert.deepEqual(await count(file, badVersion), want);
    });
  }
});
