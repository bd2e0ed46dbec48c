// Checks on the demo content itself: no database involved.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isValidSlug } from '../../core/slug.ts';
import type { Media } from '../../core/types.ts';
import { articles, comments, inlineImages, people, sections, siteSettings, tags } from './content/index.ts';
import type { DemoArticle } from './content/types.ts';
import { PALETTES, portraitSvg, sceneImage, sceneSvg } from './images.ts';
import { fillImageTokens, seedOf } from './seed.ts';

const BODY_TAGS = new Set([
  'p',
  'h2',
  'h3',
  'ul',
  'ol',
  'li',
  'blockquote',
  'figure',
  'figcaption',
  'img',
  'a',
  'strong',
  'em',
]);
const ARABIC_MARKS = /[\u0610-\u061A\u064B-\u065F\u0670\u0640]/g;

function words(html: string): number {
  const text = html.replace(/\{\{image:[^}]+\}\}/g, ' ').replace(/<[^>]+>/g, ' ');
  return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

const published = articles.filter((a) => a.status === 'published');
const byLang = (lang: string) => published.filter((a) => a.lang === lang);
const main = articles.find((a) => a.featured);

describe('demo articles', () => {
  it('has enough published articles in each language, and a draft', () => {
    assert.ok(byLang('ar').length >= 22, `Arabic: ${byLang('ar').length}`);
    assert.ok(byLang('fr').length >= 3);
    assert.ok(byLang('en').length >= 3);
    assert.ok(articles.some((a) => a.status === 'draft'));
  });

  it('has unique keys, and unique valid slugs within each language', () => {
    assert.equal(new Set(articles.map((a) => a.key)).size, articles.length);
    for (const lang of ['ar', 'fr', 'en']) {
      const slugs = articles.filter((a) => a.lang === lang).map((a) => a.slug);
      assert.equal(new Set(slugs).size, slugs.length, `duplicate ${lang} slug`);
    }
    for (const a of articles) {
      assert.ok(isValidSlug(a.slug), a.slug);
      assert.ok(Array.from(a.slug).length <= 60, `${a.slug} is too long`);
      if (a.lang === 'ar') {
        // Made of the title's own words.
        const titleWords = new Set(a.title.replace(ARABIC_MARKS, '').split(/[^\p{L}\p{N}]+/u));
        for (const w of a.slug.split('-'))
          assert.ok(titleWords.has(w), `"${w}" of ${a.slug} is not in the title`);
      } else {
        assert.match(a.slug, /^[a-z0-9-]+$/, a.slug);
      }
    }
  });

  it('features exactly one article and flags exactly one other, the newest, as breaking', () => {
    assert.equal(articles.filter((a) => a.featured).length, 1);
    const breaking = articles.filter((a) => a.breaking);
    assert.equal(breaking.length, 1);
    assert.notEqual(breaking[0]!.key, main!.key);
    const newest = [...published].sort((a, b) => a.hoursAgo - b.hoursAgo)[0];
    assert.equal(newest!.key, breaking[0]!.key);
    assert.equal(main!.status, 'published');
    assert.equal(main!.lang, 'ar');
  });

  it('gives the main article the full range of body elements, and about 700 words', () => {
    const body = main!.body;
    for (const pattern of [/<h2>/, /<ol>/, /<ul>/, /<blockquote><p>/, /<a href="https:\/\//]) {
      assert.match(body, pattern);
    }
    assert.match(body, /<figure>\{\{image:[a-z-]+\}\}<figcaption>[^<]+<\/figcaption><\/figure>/);
    const count = words(body);
    assert.ok(count >= 650 && count <= 800, `main article has ${count} words`);
  });

  it('keeps bodies within length and to the allowed elements', () => {
    for (const a of published) {
      const count = words(a.body);
      const [min, max] = a.lang === 'ar' ? [250, a.featured ? 800 : 600] : [200, 600];
      assert.ok(count >= min && count <= max, `${a.key}: ${count} words`);
    }
    const known = new Set(inlineImages.map((i) => i.key));
    for (const a of articles) {
      for (const [, tag] of a.body.matchAll(/<\/?([a-z0-9]+)/g)) {
        assert.ok(BODY_TAGS.has(tag!), `${a.key} uses <${tag}>`);
      }
      for (const [, key] of a.body.matchAll(/\{\{image:([^}]+)\}\}/g)) {
        assert.ok(known.has(key!), `${a.key} uses unknown image ${key}`);
      }
      assert.ok(a.dek.length > 20 && !a.dek.includes('\n'), `${a.key} dek`);
    }
  });

  it('refers only to people, sections and tags that exist', () => {
    const personSlugs = new Set(people.map((p) => p.slug));
    const sectionSlugs = new Set(sections.map((s) => s.slug));
    const tagSlugs = new Set(tags.map((t) => t.slug));
    for (const a of articles) {
      assert.ok(a.authors.length >= 1 && a.authors.length <= 3, `${a.key} authors`);
      assert.ok(a.tags.length >= 2 && a.tags.length <= 4, `${a.key} has ${a.tags.length} tags`);
      for (const s of a.authors) assert.ok(personSlugs.has(s), `${a.key}: author ${s}`);
      for (const t of a.tags) assert.ok(tagSlugs.has(t), `${a.key}: tag ${t}`);
      assert.ok(sectionSlugs.has(a.section), `${a.key}: section ${a.section}`);
      assert.ok(!a.image.palette || a.image.palette in PALETTES, `${a.key}: palette`);
      assert.ok(a.image.alt.length > 10 && a.image.caption.length > 5, `${a.key}: image text`);
    }
    assert.ok(articles.some((a) => a.authors.length >= 2));
  });

  it('spreads publication over the last month, with some later edits', () => {
    const hours = published.map((a) => a.hoursAgo);
    assert.ok(Math.max(...hours) <= 30 * 24 && Math.min(...hours) > 0);
    assert.ok(Math.max(...hours) - Math.min(...hours) >= 20 * 24);
    assert.ok(published.filter((a) => a.editedAfterHours).length >= 3);
    for (const a of published) {
      if (a.editedAfterHours) assert.ok(a.editedAfterHours < a.hoursAgo, `${a.key} edited in the future`);
    }
  });

  it('links translations to an Arabic original', () => {
    const translations = articles.filter((a) => a.translationOf);
    assert.ok(translations.length >= 2);
    for (const t of translations) {
      const original = articles.find((a) => a.key === t.translationOf) as DemoArticle | undefined;
      assert.equal(original?.lang, 'ar', t.key);
      assert.notEqual(t.lang, 'ar');
    }
  });
});

describe('demo people, sections, tags and settings', () => {
  it('has at least four journalists with unique slugs and example addresses', () => {
    assert.ok(people.length >= 4);
    assert.equal(new Set(people.map((p) => p.slug)).size, people.length);
    assert.equal(new Set(people.map((p) => p.email)).size, people.length);
    for (const p of people) {
      assert.match(p.slug, /^[a-z0-9]+(-[a-z0-9]+)*$/);
      assert.match(p.email, /^[a-z.]+@midad\.example$/);
      const sentences = p.bio.split(/[.!؟]/).filter((s) => s.trim()).length;
      assert.ok(sentences >= 2 && sentences <= 3, `${p.slug} bio has ${sentences} sentences`);
    }
  });

  it('has sections with names in three languages and a sensible hierarchy', () => {
    assert.ok(sections.length >= 5);
    assert.equal(new Set(sections.map((s) => s.slug)).size, sections.length);
    for (const s of sections) {
      assert.ok(s.names.ar && s.names.fr && s.names.en, s.slug);
      if (s.parent) {
        const parent = sections.find((p) => p.slug === s.parent);
        assert.ok(parent && !parent.parent, `${s.slug} has a top-level parent`);
      }
    }
    assert.ok(sections.some((s) => s.parent));
  });

  it('has about a dozen tags with URL-safe slugs', () => {
    assert.ok(tags.length >= 12);
    assert.equal(new Set(tags.map((t) => t.slug)).size, tags.length);
    for (const t of tags) assert.ok(isValidSlug(t.slug), t.slug);
  });

  it('sets the site settings the reader needs', () => {
    assert.equal(siteSettings['site.name'], 'مداد');
    assert.equal(siteSettings['comments.moderation'], 'first-time');
    assert.equal(siteSettings['copyProtection.enabled'], false);
    assert.equal(typeof siteSettings['site.tagline'], 'string');
  });
});

describe('demo comments', () => {
  it('has approved threads two replies deep on the main article and some pending comments', () => {
    assert.ok(comments.filter((c) => c.status === 'approved').length >= 10);
    assert.ok(comments.filter((c) => c.status === 'pending').length >= 2);
    const byKey = new Map(comments.map((c) => [c.key, c]));
    assert.equal(byKey.size, comments.length);
    const seen = new Set<string>();
    for (const c of comments) {
      const article = articles.find((a) => a.key === c.article);
      assert.ok(article?.status === 'published', `${c.key} article`);
      assert.ok(c.hoursAfter < article.hoursAgo, `${c.key} is dated in the future`);
      if (c.parent) {
        assert.ok(seen.has(c.parent), `${c.key} answers a comment listed before it`);
        const parent = byKey.get(c.parent)!;
        assert.equal(parent.article, c.article);
        assert.ok(parent.hoursAfter < c.hoursAfter, `${c.key} predates its parent`);
      }
      if (c.person) {
        assert.equal(people.find((p) => p.slug === c.person)?.email, c.email, c.key);
      } else {
        assert.match(c.email, /@example\.(com|org)$/, c.key);
      }
      seen.add(c.key);
    }
    const deep = comments.filter((c) => {
      const parent = c.parent ? byKey.get(c.parent) : undefined;
      return c.article === main!.key && c.status === 'approved' && parent?.parent;
    });
    assert.ok(deep.length >= 1, 'a reply to a reply on the main article');
  });
});

describe('demo images', () => {
  it('draws the same picture for the same seed, and a different one for another', () => {
    const options = { scene: 'river' as const, palette: PALETTES.niger!, seed: 4 };
    assert.equal(sceneSvg(options), sceneSvg(options));
    assert.notEqual(sceneSvg(options), sceneSvg({ ...options, seed: 5 }));
    const portrait = { seed: 1, style: 'scarf' as const, background: '#eee', cloth: '#733' };
    assert.equal(portraitSvg(portrait), portraitSvg(portrait));
    assert.equal(seedOf('timbuktu-manuscripts'), seedOf('timbuktu-manuscripts'));
  });

  it('renders every scene used by the content at 1600×900', async () => {
    const sharp = (await import('sharp')).default;
    const used = new Set([...articles.map((a) => a.image.scene), ...inlineImages.map((i) => i.scene)]);
    for (const scene of used) {
      const meta = await sharp(await sceneImage({ scene, palette: PALETTES.sahel!, seed: 1 })).metadata();
      assert.deepEqual([meta.format, meta.width, meta.height], ['png', 1600, 900], scene);
    }
  });

  it('turns image tokens into sized <img> elements', () => {
    const media: Media = {
      id: 1,
      path: '2026/11/abc.jpg',
      mime: 'image/jpeg',
      size: 1,
      width: 1600,
      height: 900,
      alt: 'نهر "واسع"',
      caption: '',
      credit: '',
      createdAt: '2026-11-29T00:00:00.000Z',
      variants: [
        { width: 640, height: 360, format: 'jpeg', path: '2026/11/abc-640.jpg' },
        { width: 960, height: 540, format: 'jpeg', path: '2026/11/abc-960.jpg' },
      ],
    };
    const html = fillImageTokens('<figure>{{image:river}}</figure>', new Map([['river', media]]));
    assert.match(html, /<img src="\/media\/2026\/11\/abc-960.jpg" srcset="[^"]+640w, [^"]+960w"/);
    assert.match(html, /width="960" height="540" alt="نهر &quot;واسع&quot;">/);
    assert.throws(() => fillImageTokens('{{image:nope}}', new Map()));
  });
});
