// The folder of real WordPress exports and the counts table of its README, read at test time
// so the tests follow the README rather than a copy of it.
import fs from 'node:fs';
import path from 'node:path';

export const WXR_DIR =
  process.env.MIDAD_WXR_DIR ?? path.resolve(import.meta.dirname, '../../../shared/data/wxr');

export interface ReadmeRow {
  file: string;
  wellFormed: boolean;
  wxr: string;
  posts: string;
  pages: string;
  attachments: string;
  comments: string;
  categories: string;
  tags: string;
  authors: string;
}

export function readmeRows(): ReadmeRow[] {
  const text = fs.readFileSync(path.join(WXR_DIR, 'README.md'), 'utf8');
  const rows: ReadmeRow[] = [];
  for (const line of text.split('\n')) {
    if (!line.startsWith('| `')) continue;
    const cells = line
      .split('|')
      .slice(1, -1)
      .map((c) => c.trim());
    const [file, , , , wellFormed, wxr, posts, pages, attachments, comments, categories, tags, authors] =
      cells;
    if (!file || authors === undefined) continue;
    rows.push({
      file: file.replace(/`/g, ''),
      wellFormed: wellFormed === 'yes',
      wxr: wxr ?? '',
      posts: posts ?? '',
      pages: pages ?? '',
      attachments: attachments ?? '',
      comments: comments ?? '',
      categories: categories ?? '',
      tags: tags ?? '',
      authors,
    });
  }
  return rows;
}
