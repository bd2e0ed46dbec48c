// Migration 032 on a database as release 031 left it, with articles and everything that points to
// them: nothing lost, nothing deleted through a foreign key, no id given twice, and on SQLite the
// text columns last, the indexes and triggers back and foreign keys enforced again.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sql } from 'kysely';
import { migrateToLatest, migrateUpTo } from '../migrate.ts';
import { createRepositories } from '../repositories/index.ts';
import { forEachEngine } from '../test-databases.ts';
import { reorderedTable } from './032_article_text_last.ts';

const LONG_BODY = `<p>${'نص طويل يملأ صفحات عدة من الملف. '.repeat(600)}</p>`;

await forEachEngine((engine) => {
  describe(`032: the article's text last in its row (${engine.dialect})`, () => {
    it('keeps every article and everything that points to one', async () => {
      const db = await engine.fresh({ migrate: false });
      await migrateUpTo(db, '031_section_names_other');
      const repos = createRepositories(db.kysely);
      const person = await repos.people.create({
        email: 'w@example.com',
        name: 'كاتبة',
        slug: 'w',
        role: 'author',
      });
      const tag = await repos.tags.create({ slug: 'sahel', name: 'الساحل' });
      // Written as release 031 wrote them: today's repositories set columns it did not have.
      const made: { id: number }[] = [];
      for (let i = 0; i < 4; i++) {
        const row = await sql<{ id: number }>`
          insert into articles (lang, status, title, slug, dek, body_html, published_at, created_at, updated_at)
          values ('ar', 'published', ${`مقال ${i}`}, ${`a-${i}`}, ${`موجز ${i}`},
            ${i % 2 === 0 ? LONG_BODY : '<p>قصير</p>'}, '2024-03-01T10:00:00.000Z',
            '2024-03-01T10:00:00.000Z', '2024-03-01T10:00:00.000Z')
          returning id`.execute(db.kysely);
        const id = row.rows[0]!.id;
        await sql`insert into article_authors (article_id, person_id, position) values (${id}, ${person.id}, 0)`.execute(
          db.kysely,
        );
        await sql`insert into article_tags (article_id, tag_id) values (${id}, ${tag.id})`.execute(db.kysely);
        made.push({ id });
      }
      await repos.comments.create({
        articleId: made[0]!.id,
        status: 'approved',
        authorName: 'قارئ',
        authorEmail: 'r@example.com',
        body: 'شكرًا',
      });
      // The newest article is gone: its id must not come back.
      await sql`delete from articles where id = ${made[3]!.id}`.execute(db.kysely);
      const before = await Promise.all(made.slice(0, 3).map((a) => repos.articles.byId(a.id)));

      assert.deepEqual((await migrateToLatest(db)).applied, [
        '032_article_text_last',
        '033_article_text_facts',
      ]);

      const after = await Promise.all(made.slice(0, 3).map((a) => repos.articles.byId(a.id)));
      assert.deepEqual(after, before);
      assert.equal((await repos.comments.listForArticle(made[0]!.id, 'approved')).length, 1);
      const next = await repos.articles.create({ lang: 'ar', status: 'draft', title: 'جديد', slug: 'new' });
      assert.ok(next.id > made[3]!.id, `id ${next.id} was given before`);

      if (engine.dialect !== 'sqlite') return;
      const k = db.kysely;
      const columns = await sql<{ name: string }>`select name from pragma_table_info('articles')`.execute(k);
      assert.deepEqual(
        columns.rows.slice(-4).map((c) => c.name),
        // 033 adds two columns after them.
        ['body_html', 'search_text', 'body_words', 'body_lead'],
      );
      const objects = await sql<{ type: string; name: string }>`
        select type, name from sqlite_master where tbl_name = 'articles' order by type, name`.execute(k);
      const names = objects.rows.map((o) => `${o.type} ${o.name}`);
      for (const expected of [
        'index articles_status_published_idx',
        'index articles_lang_live_idx',
        'index sqlite_autoindex_articles_1',
        'trigger articles_search_delete',
        'table articles',
      ]) {
        assert.ok(names.includes(expected), `${expected} is missing: ${names.join(', ')}`);
      }
      assert.equal(
        names.some((n) => n.includes('articles_text_last')),
        false,
      );
      // Run again (as if its record were lost), it moves nothing.
      const createSql = async () =>
        (await sql<{ sql: string }>`select sql from sqlite_master where name = 'articles'`.execute(k))
          .rows[0]!.sql;
      const before032 = await createSql();
      await sql`delete from kysely_migration where name = '032_article_text_last'`.execute(k);
      assert.deepEqual((await migrateToLatest(db)).applied, ['032_article_text_last']);
      assert.equal(await createSql(), before032);
      // Foreign keys hold again: a byline for no article is refused, and deleting an article
      // still takes its comments with it.
      await assert.rejects(
        sql`insert into article_authors (article_id, person_id, position) values (999999, ${person.id}, 0)`.execute(
          k,
        ),
        /FOREIGN KEY/,
      );
      await sql`delete from articles where id = ${made[0]!.id}`.execute(k);
      const left = await sql<{
        n: number;
      }>`select count(*) as n from comments where article_id = ${made[0]!.id}`.execute(k);
      assert.equal(Number(left.rows[0]!.n), 0);
    });
  });
});

describe('032: the new CREATE statement', () => {
  const created =
    'CREATE TABLE "articles" ("id" integer primary key autoincrement, "title" text not null, ' +
    `"body_html" text default '' not null, "search_text" text default '' not null, ` +
    '"version" integer default 1 not null, "text_lang" text, ' +
    'constraint "articles_lang_slug_unique" unique ("lang", "slug"))';

  it('moves the text columns before the table constraint, under the new name', () => {
    assert.equal(
      reorderedTable(created, 'articles_text_last'),
      'CREATE TABLE "articles_text_last" ("id" integer primary key autoincrement, "title" text not null, ' +
        '"version" integer default 1 not null, "text_lang" text, ' +
        `"body_html" text default '' not null, "search_text" text default '' not null, ` +
        'constraint "articles_lang_slug_unique" unique ("lang", "slug"))',
    );
  });

  it('leaves a table it does not recognise alone', () => {
    assert.equal(reorderedTable(created.replace('"search_text" text', '"search_text" blob'), 'x'), null);
    assert.equal(reorderedTable(created.replace('constraint "articles_lang_slug_unique" ', ''), 'x'), null);
    assert.equal(reorderedTable('', 'x'), null);
  });
});
