// XSS through what the newsroom writes: article title, dek, body, SEO fields, tag, section and
// person names, biography, image alt text and caption. Every payload of the corpus goes through
// the newsroom's own forms over HTTP into one article of its own (with its own section, tag,
// author and featured image), and the pages that show it are loaded in Chromium: the reader's
// article, author, section, tag, home and search pages, the secret preview link, and the
// newsroom's editor, article list, sections, tags, people and media pages. The feeds and
// sitemaps are read as XML.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { articlePath, authorPath, homePath, sectionPath, tagPath } from '../../../src/web/reader/urls.ts';
import { searchPath } from '../../../src/web/reader/search-urls.ts';
import { AttackReport } from '../support/report.ts';
import { type Input, type Job, XssLedger } from '../support/xss-ledger.ts';
import { checkFeed } from '../support/xss-feeds.ts';
import { PAYLOADS, type Payload } from '../support/xss-payloads.ts';
import { XssScanner } from '../support/xss-scan.ts';
import { startXssSite, type XssSite } from '../support/xss-site.ts';

const report = new AttackReport('xss: articles, names and media');
const ledger = new XssLedger(report);

const IN = {
  title: { surface: 't', name: 'article title' },
  dek: { surface: 'd', name: 'article dek' },
  body: { surface: 'b', name: 'article body HTML', mayVanish: true },
  seoTitle: { surface: 'e', name: 'SEO title' },
  seoDescription: { surface: 'f', name: 'SEO description' },
  tag: { surface: 'g', name: 'tag name' },
  section: { surface: 's', name: 'section name' },
  person: { surface: 'n', name: 'person name' },
  bio: { surface: 'o', name: 'person bio' },
  alt: { surface: 'a', name: 'image alt text' },
  caption: { surface: 'c', name: 'image caption' },
} satisfies Record<string, Input>;
type Key = keyof typeof IN;
/** Every payload in the body of one draft. */
const ALL_IN_ONE: Input = { surface: 'bb', name: 'draft body HTML, all payloads together', mayVanish: true };

/** Longest text each input takes; longer payloads are left out of that input. */
const LIMIT: Record<Key, number> = {
  title: 300,
  dek: 400,
  body: 100_000,
  seoTitle: 120,
  seoDescription: 320,
  tag: 60,
  section: 80,
  person: 120,
  bio: 1000,
  alt: 500,
  caption: 2000,
};
/** A word every body carries, so one search lists every article. */
const COMMON = 'الكثبان';

interface Stored {
  payload: Payload;
  /** The inputs this payload was stored in. */
  inputs: Key[];
  article: { id: number; slug: string; path: string };
  sectionSlug: string;
  tagSlug: string;
  personId: number;
  personSlug: string;
  mediaId: number;
  preview: string;
}

let x: XssSite;
let scanner: XssScanner;
let launching: Promise<XssScanner> | undefined;
const stored: Stored[] = [];

const text = (p: Payload, key: Key) => p.make(`${p.id}${IN[key].surface}`);
/** The payload's text for this input, or a plain stand-in when it does not fit. */
function value(p: Payload, key: Key, inputs: Key[], fallback: string): string {
  const v = text(p, key);
  // Titles and tags collapse runs of spaces; the other inputs keep the text as typed.
  if (Array.from(v.trim()).length <= LIMIT[key] && !(key === 'section' && v.trim() === '')) {
    inputs.push(key);
    return v;
  }
  return fallback;
}

async function store(p: Payload, n: number): Promise<Stored> {
  const inputs: Key[] = [];
  const slug = `xss-${n}`;
  const email = `reporter-${n}@sahel.example`;
  // The section, the person and the picture do not depend on one another: they are sent
  // together, so the picture's resizing (off the main thread) overlaps the other two.
  const [section, person, mediaId] = await Promise.all([
    (async () => {
      await x.post('/newsroom/sections', {
        slug,
        name_ar: value(p, 'section', inputs, `قسم ${n}`),
        name_fr: '',
        name_en: '',
        parent_id: '',
        position: String(100 + n),
      });
      const section = await x.site.services.repos.sections.bySlug(slug);
      assert.ok(section, `section ${slug} stored`);
      return section;
    })(),
    (async () => {
      await x.post(
        '/newsroom/people',
        { name: value(p, 'person', inputs, `مراسل ${n}`), email, role: 'author' },
        201,
      );
      const person = await x.site.services.repos.people.byEmail(email);
      assert.ok(person, `person ${email} stored`);
      await x.post(`/newsroom/people/${person.id}`, {
        name: person.name,
        email,
        slug: person.slug,
        role: 'author',
        locale: 'ar',
        bio: value(p, 'bio', inputs, 'مراسل في نيامي.'),
      });
      return person;
    })(),
    x.upload({
      alt: value(p, 'alt', inputs, 'كثبان رملية'),
      caption: value(p, 'caption', inputs, 'الكثبان قرب أغاديز'),
    }),
  ]);
  const article = await x.newArticle({
    title: value(p, 'title', inputs, `سوق ${n}`),
    dek: value(p, 'dek', inputs, 'موجز'),
    body_html: `<p>${COMMON} قرب أغاديز.</p>${value(p, 'body', inputs, '')}<p>نهاية.</p>`,
    seo_title: value(p, 'seoTitle', inputs, ''),
    seo_description: value(p, 'seoDescription', inputs, ''),
    section_id: String(section.id),
    author_ids: String(person.id),
    featured_media_id: String(mediaId),
    tags: `وسم ${n}`,
  });
  const [tag] = await x.site.services.repos.tags.byIds(article.tagIds);
  assert.ok(tag, 'the article has its tag');
  const tagSlug = `xss-tag-${n}`;
  const [, location] = await Promise.all([
    x.post(`/newsroom/tags/${tag.id}`, { name: value(p, 'tag', inputs, `وسم ${n}`), slug: tagSlug }),
    x.post(`/newsroom/articles/${article.id}/preview`, {}),
  ]);
  const preview = decodeURIComponent(/[?&]preview=([^&#]+)/.exec(location)?.[1] ?? '');
  assert.match(preview, /^\/preview\//, 'a preview link was made');
  return {
    payload: p,
    inputs,
    article: { id: article.id, slug: article.slug, path: articlePath(article) },
    sectionSlug: slug,
    tagSlug,
    personId: person.id,
    personSlug: person.slug,
    mediaId,
    preview,
  };
}

/** A page showing the given stored articles' payloads of these inputs. */
function job(page: string, path: string, items: Stored[], keys: Key[]): Job {
  return {
    page,
    path,
    inputs: keys.map((key) => ({
      input: IN[key],
      payloads: items.filter((s) => s.inputs.includes(key)).map((s) => s.payload),
    })),
  };
}

/** Every page of a listing, found by following its rel=next links from `path`. */
async function listing(page: string, path: string, keys: Key[]): Promise<Job[]> {
  const jobs: Job[] = [];
  let next: string | null = path;
  for (let n = 1; next && n <= 40; n++) {
    const res = await x.admin.get(next);
    assert.equal(res.status, 200, `${next} answered ${res.status}`);
    jobs.push(job(`${page} p${n}`, next, stored, keys));
    const href = /<a[^>]*rel="next"[^>]*href="([^"]+)"|<a[^>]*href="([^"]+)"[^>]*rel="next"/.exec(res.body);
    next = href ? (href[1] ?? href[2] ?? '').replace(/&amp;/g, '&') : null;
  }
  return jobs;
}

const run = (jobs: Job[]) => ledger.run(scanner, x.site.baseUrl, jobs);

before(async () => {
  // Chromium starts while the site is set up and the payloads are stored: that is the app's work,
  // on the other core.
  launching = XssScanner.launch();
  launching.catch(() => undefined);
  x = await startXssSite();
  for (const [i, p] of PAYLOADS.entries()) stored.push(await store(p, i + 1));
  scanner = await launching;
  await scanner.useCookies(x.site.baseUrl, x.admin.cookies);
});
after(async () => {
  report.print();
  await (await launching?.catch(() => undefined))?.close();
  await x?.close();
});

const ARTICLE_KEYS: Key[] = [
  'title',
  'dek',
  'body',
  'seoTitle',
  'seoDescription',
  'tag',
  'section',
  'person',
  'bio',
  'alt',
  'caption',
];

/** Where feed readers and crawlers find the articles. */
const FEEDS = ['/feed.xml', '/feed.atom', '/feed.json', '/all/feed.xml', '/sitemap.xml', '/sitemap-news.xml'];

describe('XSS through articles, names and media', () => {
  it('runs nothing on the reader pages and previews of each article', async () => {
    // The article page and its preview show every input; the author, section and tag pages
    // take turns, each showing its name (h1, <title>, Open Graph, JSON-LD) for a third of the
    // payloads, since every reader page also lists all section names in its navigation.
    await run(
      stored.flatMap((s, i) => [
        job('article page', s.article.path, [s], ARTICLE_KEYS),
        job('preview link', s.preview, [s], ARTICLE_KEYS),
        [
          job('author page', authorPath('ar', s.personSlug), [s], ['person', 'bio', 'title', 'dek']),
          job('section page', sectionPath('ar', s.sectionSlug), [s], ['section', 'title', 'dek']),
          job('tag page', tagPath('ar', s.tagSlug), [s], ['tag', 'title', 'dek']),
        ][i % 3]!,
      ]),
    );
  });

  it('runs nothing on the preview of a draft carrying every payload at once, with the policy on and off', async () => {
    const body = PAYLOADS.map((p) => `<p>${p.label}</p>${p.make(`${p.id}${ALL_IN_ONE.surface}`)}`).join('\n');
    const draft = await x.newArticle({ title: 'مسودة الكثبان', body_html: body }, 'save');
    const location = await x.post(`/newsroom/articles/${draft.id}/preview`, {});
    const preview = decodeURIComponent(/[?&]preview=([^&#]+)/.exec(location)?.[1] ?? '');
    const inputs = [{ input: ALL_IN_ONE, payloads: PAYLOADS }];
    await run([
      { page: 'draft preview', path: preview, inputs, relaxed: true },
      { page: 'newsroom editor (draft)', path: `/newsroom/articles/${draft.id}`, inputs, relaxed: true },
    ]);
  });

  it('runs nothing on the reader home and search pages', async () => {
    await run([
      job('home', homePath('ar'), stored, ['title', 'dek', 'section', 'person', 'alt']),
      ...(await listing('search results', searchPath('ar', { q: COMMON }), [
        'title',
        'dek',
        'body',
        'section',
      ])),
    ]);
  });

  it('keeps the feeds and sitemaps well-formed with every payload as text', async () => {
    for (const feed of FEEDS) {
      const res = await x.admin.get(feed);
      assert.equal(res.status, 200, `${feed} answered ${res.status}`);
      if (feed.endsWith('.json')) {
        assert.doesNotThrow(() => JSON.parse(res.body), `${feed} is valid JSON`);
        continue;
      }
      const { error, foreign } = checkFeed(res.body);
      for (const s of stored) {
        for (const key of ['title', 'dek', 'body'] as Key[]) {
          const mark = `${s.payload.id}${IN[key].surface}`;
          if (!s.inputs.includes(key) || !res.body.includes(mark)) continue;
          const own = foreign.filter((f) => f.marks.includes(mark));
          report.record(
            `${s.payload.id} ${s.payload.label} | ${IN[key].name} | ${feed}`,
            error === null && own.length === 0,
            error ?? (own.length > 0 ? `element <${own[0]!.name}>` : 'well-formed, payload as text'),
          );
        }
      }
      report.record(
        `${feed}: well-formed, no HTML elements`,
        error === null && foreign.length === 0,
        error ?? '',
      );
    }
  });

  it('runs nothing on the newsroom pages', async () => {
    await run([
      ...stored.flatMap((s, i) => [
        job('newsroom editor', `/newsroom/articles/${s.article.id}`, [s], ARTICLE_KEYS),
        // Names and alt text sit in input fields, biographies and captions in text areas.
        i % 2 === 0
          ? job('newsroom person page', `/newsroom/people/${s.personId}`, [s], ['person', 'bio'])
          : job(
              'newsroom media page',
              `/newsroom/media/${s.mediaId}`,
              [s],
              ['alt', 'caption', 'title', 'person'],
            ),
      ]),
      ...(await listing('newsroom article list', '/newsroom/articles', ['title', 'section', 'person'])),
      job('newsroom sections', '/newsroom/sections', stored, ['section']),
      job('newsroom tags', '/newsroom/tags', stored, ['tag']),
      job('newsroom people', '/newsroom/people', stored, ['person']),
      ...(await listing('newsroom media library', '/newsroom/media', ['alt'])),
    ]);
  });

  it('delivered every payload and none got through', () => {
    for (const key of Object.keys(IN) as Key[]) {
      ledger.assertDelivered(
        IN[key],
        stored.filter((s) => s.inputs.includes(key)).map((s) => s.payload),
      );
    }
    assert.deepEqual(
      report.gotThrough().map((c) => `${c.name}: ${c.detail}`),
      [],
    );
  });
});
