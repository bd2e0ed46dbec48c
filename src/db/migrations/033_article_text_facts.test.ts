// Migration 033 and what follows it: every article, old or saved later, carries its word count
// and the start of its text, and articles read from storage take them from there.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sql } from 'kysely';
import { bodyTextFacts, bodyWords, excerptOf } from '../../core/article-text.ts';
import { migrateToLatest, migrateUpTo } from '../migrate.ts';
import { createRepositories } from '../repositories/index.ts';
import { forEachEngine } from '../test-databases.ts';

const BODY = `<h2>الأمطار</h2><p>${'هطلت الأمطار على قرى الساحل هذا الأسبوع. '.repeat(40)}</p>`;

await forEachEngine((engine) => {
  describe(`033: the body's word count and lead kept with it (${engine.dialect})`, () => {
    it('fills them for existing articles, keeps them on saves, and reads them back', async () => {
      const db = await engine.fresh({ migrate: false });
      await migrateUpTo(db, '032_article_text_last');
      const repos = createRepositories(db.kysely);
      // Written as release 032 wrote them: today's repositories set the new columns.
      const insert = async (slug: string, body: string) =>
        (
          await sql<{ id: number }>`
            insert into articles (lang, status, title, slug, body_html, created_at, updated_at)
            values ('ar', 'draft', ${slug}, ${slug}, ${body}, '2024-03-01T10:00:00.000Z',
              '2024-03-01T10:00:00.000Z')
            returning id`.execute(db.kysely)
        ).rows[0]!;
      const old = await insert('old', BODY);
      const empty = await insert('empty', '');
      assert.deepEqual((await migrateToLatest(db)).applied, ['033_article_text_facts']);

      const stored = async (id: number) =>
        (
          await sql<{ body_words: number; body_lead: string }>`
            select body_words, body_lead from articles where id = ${id}`.execute(db.kysely)
        ).rows[0];
      const facts = bodyTextFacts(BODY);
      assert.deepEqual(await stored(old.id), { body_words: facts.words, body_lead: facts.lead });
      assert.deepEqual(await stored(empty.id), { body_words: 0, body_lead: '' });

      const edited = '<p>نص جديد قصير</p>';
      await repos.articles.update(old.id, { bodyHtml: edited });
      assert.deepEqual(await stored(old.id), { body_words: 3, body_lead: 'نص جديد قصير' });
      // A save that leaves the body alone leaves them alone.
      await repos.articles.update(old.id, { title: 'عنوان آخر' });
      assert.equal((await stored(old.id))?.body_words, 3);

      // Read from storage, an article takes them from its row, not from its body.
      await sql`update articles set body_words = 12345, body_lead = 'بداية محفوظة' where id = ${old.id}`.execute(
        db.kysely,
      );
      const read = (await repos.articles.byId(old.id))!;
      assert.equal(bodyWords(read), 12345);
      assert.equal(excerptOf(read), 'بداية محفوظة');
      // A copy with another body (a preview of an autosave) works its text out again.
      const copy = { ...read, bodyHtml: '<p>كلمتان فقط</p>' };
      assert.equal(bodyWords(copy), 2);
      assert.equal(excerptOf(copy), 'كلمتان فقط');
    });
  });
});
