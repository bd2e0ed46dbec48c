// A generated WordPress export (WXR 1.2) of Arabic posts, for the import and page benchmarks:
// block and classic content, categories, tags, authors and threaded comments.
//
// The words come from the running text of the demo articles (so their frequencies follow real
// Arabic copy), and each post leans on one of a few hundred topics, as an archive's stories
// cluster around its beats. Posts drawn from a dozen words would all be near-duplicates of
// each other: no related list would qualify and every article page would take the fallback
// path, which a real archive rarely does.
import fs from 'node:fs';
import { demoWordStream } from '../search-corpus.ts';

const CATEGORIES = ['سياسة', 'اقتصاد', 'ثقافة', 'رياضة', 'بيئة', 'مجتمع'];
const TOPICS = 400;
const WORDS_PER_TOPIC = 12;

function random(seed: number): () => number {
  let a = seed | 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const stream = demoWordStream();
/** Mid-frequency words (not the function words, not the one-offs): what topics and searches use. */
const pool = (() => {
  const counts = new Map<string, number>();
  for (const w of stream) counts.set(w, (counts.get(w) ?? 0) + 1);
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([w]) => w)
    .slice(30, 1500)
    .filter((w) => w.length >= 3);
})();
const topics = Array.from({ length: TOPICS }, (_, t) => {
  const rnd = random(1_000_003 + t);
  return Array.from({ length: WORDS_PER_TOPIC }, () => pool[Math.floor(rnd() * pool.length)]!);
});

/** Ten two-word searches of the kind readers type, drawn from the topics' words. */
export const SEARCHES: string[] = Array.from({ length: 10 }, (_, i) => {
  const words = topics[(i * 37) % TOPICS]!;
  return `${words[i % WORDS_PER_TOPIC]} ${words[(i + 5) % WORDS_PER_TOPIC]}`;
});

/** A text source for post (or comment) `n`: three words in four from the running text, one from its topic. */
function words(n: number): (count: number) => string {
  const rnd = random(n + 1);
  const topic = topics[Math.floor(rnd() * TOPICS)]!;
  return (count) =>
    Array.from({ length: count }, () =>
      rnd() < 0.25 ? topic[Math.floor(rnd() * WORDS_PER_TOPIC)]! : stream[Math.floor(rnd() * stream.length)]!,
    ).join(' ');
}

function enc(text: string): string {
  return encodeURIComponent(text).toLowerCase();
}

function comment(id: number, parent: number, k: number): string {
  const status = k % 20 === 0 ? '0' : k % 33 === 0 ? 'spam' : '1';
  return `<wp:comment><wp:comment_id>${id}</wp:comment_id><wp:comment_author><![CDATA[قارئ ${k}]]></wp:comment_author><wp:comment_author_email>r${k}@mail.example</wp:comment_author_email><wp:comment_author_url></wp:comment_author_url><wp:comment_author_IP>192.0.2.1</wp:comment_author_IP><wp:comment_date>2024-01-01 10:00:00</wp:comment_date><wp:comment_date_gmt>2024-01-01 10:${String(k % 60).padStart(2, '0')}:00</wp:comment_date_gmt><wp:comment_content><![CDATA[${words(1_000_000 + k)(12)}]]></wp:comment_content><wp:comment_approved>${status}</wp:comment_approved><wp:comment_type>comment</wp:comment_type><wp:comment_parent>${parent}</wp:comment_parent><wp:comment_user_id>0</wp:comment_user_id></wp:comment>`;
}

function item(
  i: number,
  posts: number,
  tags: number,
  commentsPerPost: number,
  nextComment: () => number,
): string {
  const id = i + 100;
  const text = words(i);
  const title = text(6 + (i % 5));
  const slug = enc(`${title.split(' ').slice(0, 5).join('-')}-${i}`);
  const category = CATEGORIES[i % CATEGORIES.length] ?? '';
  // Two paragraphs of 40 and 60 words, the length these benchmarks' budgets were set with.
  const paragraphs = [text(40), text(60)];
  const link = `<a href="https://bench.example/?p=${100 + ((i + 1) % posts)}">${text(2)}</a>`;
  const body =
    i % 2 === 0
      ? paragraphs
          .map(
            (p, n) =>
              `<!-- wp:paragraph -->\n<p>${p}${n === 1 ? ` ${link}` : ''}</p>\n<!-- /wp:paragraph -->`,
          )
          .join('\n\n')
      : `${paragraphs.join('\n\n')}\n\n[caption id="" align="alignnone" width="300"]<img src="https://cdn.example/x.jpg" alt="" /> ${text(4)}[/caption]`;
  let comments = '';
  const first = nextComment();
  for (let k = 0; k < commentsPerPost; k++) {
    const cid = k === 0 ? first : nextComment();
    comments += comment(cid, k > 0 && k % 3 === 0 ? first : 0, cid);
  }
  return `<item><title><![CDATA[${title}]]></title><link>https://bench.example/${2020 + (i % 5)}/01/${slug}/</link><pubDate>Mon, 01 Jan 2024 00:00:00 +0000</pubDate><dc:creator>editor${i % 5}</dc:creator><guid isPermaLink="false">https://bench.example/?p=${id}</guid><description></description><content:encoded><![CDATA[${body}]]></content:encoded><excerpt:encoded><![CDATA[]]></excerpt:encoded><wp:post_id>${id}</wp:post_id><wp:post_date>2024-01-01 00:00:00</wp:post_date><wp:post_date_gmt>2024-01-01 00:00:00</wp:post_date_gmt><wp:comment_status>open</wp:comment_status><wp:post_name>${slug}</wp:post_name><wp:status>publish</wp:status><wp:post_parent>0</wp:post_parent><wp:post_type>post</wp:post_type><wp:post_password></wp:post_password><wp:is_sticky>0</wp:is_sticky><category domain="category" nicename="${enc(category)}"><![CDATA[${category}]]></category><category domain="post_tag" nicename="tag-${i % tags}"><![CDATA[وسم ${i % tags}]]></category>${comments}</item>\n`;
}

/**
 * Writes a WordPress export of `posts` published posts with `comments` comments spread over
 * them, in `tags` tags (each post in one), six categories and five authors.
 */
export async function writeExport(
  file: string,
  size: { posts: number; comments: number; tags?: number },
): Promise<void> {
  const POSTS = size.posts;
  const COMMENTS = size.comments;
  const TAGS = size.tags ?? 300;
  const out = fs.createWriteStream(file);
  const write = (text: string) =>
    out.write(text) ? Promise.resolve() : new Promise<void>((resolve) => out.once('drain', () => resolve()));
  await write(
    '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">\n<channel><title>Bench</title><link>https://bench.example</link><language>ar</language><wp:wxr_version>1.2</wp:wxr_version><wp:base_site_url>https://bench.example</wp:base_site_url><wp:base_blog_url>https://bench.example</wp:base_blog_url>\n',
  );
  for (let a = 0; a < 5; a++) {
    await write(
      `<wp:author><wp:author_id>${a + 1}</wp:author_id><wp:author_login>editor${a}</wp:author_login><wp:author_email>editor${a}@bench.example</wp:author_email><wp:author_display_name><![CDATA[محرر ${a}]]></wp:author_display_name></wp:author>\n`,
    );
  }
  for (const c of CATEGORIES) {
    await write(
      `<wp:category><wp:category_nicename>${enc(c)}</wp:category_nicename><wp:category_parent></wp:category_parent><wp:cat_name><![CDATA[${c}]]></wp:cat_name></wp:category>\n`,
    );
  }
  let commentId = 0;
  const perPost = Math.floor(COMMENTS / POSTS);
  for (let i = 0; i < POSTS; i++) await write(item(i, POSTS, TAGS, perPost, () => ++commentId));
  await write('</channel></rss>\n');
  await new Promise<void>((resolve) => out.end(resolve));
}
