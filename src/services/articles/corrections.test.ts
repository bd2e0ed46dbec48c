// The correction commands on both engines: who may add, edit and delete a note (editors, the
// article's author, not a contributor or another author), what is refused (empty, too long, a
// draft) with nothing stored, a form sent twice stored once, one audit row per write, and the
// article event a save emits (the article's updated time moved, its version kept), which also
// queues the "article updated" webhook.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { buildArticle, buildPerson } from '../../../test/support/factories.ts';
import { loadConfig } from '../../config.ts';
import { Forbidden, NotFound } from '../../core/errors.ts';
import type { Person } from '../../core/types.ts';
import { forEachEngine } from '../../db/test-databases.ts';
import type { Actor } from '../actor.ts';
import { type Services, servicesFor } from '../context.ts';
import type { ContentEvent } from '../events.ts';
import { newWebhookSecret } from '../webhooks/signature.ts';
import { addCorrection, CorrectionInvalid, deleteCorrection, editCorrection } from './corrections.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'midad-corrections-'));
after(() => fs.rmSync(dir, { recursive: true, force: true }));

const as = (person: Person): Actor => ({ person, ipHash: 'test' });
const refusedFor = (field: string, key: string) => (err: unknown) =>
  err instanceof CorrectionInvalid && (err.errors as Record<string, string>)[field] === key;

await forEachEngine((engine) => {
  describe('correction commands', () => {
    let services: Services;
    const ready = (async () => {
      const config = loadConfig({}, { dataDir: path.join(dir, engine.dialect), logLevel: 'silent' });
      services = servicesFor(config, await engine.fresh());
    })();

    function listen(): { events: ContentEvent[]; stop: () => void } {
      const events: ContentEvent[] = [];
      const stop = services.events.on((e) => {
        events.push(e);
      });
      return { events, stop };
    }
    const audited = async (action: string, articleId: number) =>
      (await services.repos.audit.list({ limit: 500, action })).filter(
        (r) => r.targetId === String(articleId),
      );

    it('adds a correction for an editor: stored, audited, the article updated and announced', async () => {
      await ready;
      const editor = await buildPerson(services, { role: 'editor' });
      const article = await buildArticle(services, { publishedAt: '2026-01-01T08:00:00.000Z' });
      await services.repos.articles.update(article.id, { updatedAt: '2026-01-01T08:00:00.000Z' });
      const before = (await services.repos.articles.byId(article.id))!;
      const hook = await services.repos.webhooks.create({
        url: 'http://127.0.0.1:9/hook',
        secret: newWebhookSecret(),
        events: ['article.updated'],
      });
      const { events, stop } = listen();
      const { correction, created } = await addCorrection(services, as(editor), {
        articleId: article.id,
        kind: 'correction',
        body: '  كان عدد الضحايا ١٢ لا ٢١.  ',
      });
      stop();
      assert.equal(created, true);
      assert.equal(correction.body, 'كان عدد الضحايا ١٢ لا ٢١.', 'trimmed');
      assert.equal(correction.personId, editor.id);
      const after = (await services.repos.articles.byId(article.id))!;
      assert.ok(after.updatedAt > before.updatedAt, 'updated_at moved');
      assert.equal(after.version, before.version, 'the writers’ open forms stay current');
      assert.equal(events.length, 1);
      const event = events[0]!;
      assert.ok(event.type === 'article');
      assert.equal(event.change, 'updated');
      assert.equal(event.after.updatedAt, after.updatedAt);
      const rows = await audited('article.correction-added', article.id);
      assert.equal(rows.length, 1);
      assert.equal(rows[0]?.personId, editor.id);
      const deliveries = await services.repos.webhookDeliveries.listForWebhook(hook.id, 10);
      assert.equal(deliveries.length, 1);
      assert.equal(deliveries[0]?.event, 'article.updated');
      const sent = deliveries[0]?.payload as { article: { corrections: { text: string }[] } };
      assert.equal(sent.article.corrections[0]?.text, 'كان عدد الضحايا ١٢ لا ٢١.');
      await services.repos.webhooks.delete(hook.id);
    });

    it('stores a form sent twice once, and the same text again after a new one', async () => {
      await ready;
      const editor = await buildPerson(services, { role: 'editor' });
      const article = await buildArticle(services);
      const input = { articleId: article.id, kind: 'update' as const, body: 'Le pont est rouvert.' };
      const [a, b] = [
        await addCorrection(services, as(editor), input),
        await addCorrection(services, as(editor), input),
      ];
      assert.equal(b.created, false);
      assert.equal(b.correction.id, a.correction.id);
      assert.equal((await services.repos.corrections.listForArticle(article.id)).length, 1);
      assert.equal((await audited('article.update-added', article.id)).length, 1);
      // Same words as a correction are another note.
      await addCorrection(services, as(editor), { ...input, kind: 'correction' });
      assert.equal((await services.repos.corrections.listForArticle(article.id)).length, 2);
    });

    it('refuses empty and over-long text and a draft, with the reason and nothing stored', async () => {
      await ready;
      const editor = await buildPerson(services, { role: 'editor' });
      const article = await buildArticle(services);
      const draft = await buildArticle(services, { status: 'draft' });
      const { events, stop } = listen();
      await assert.rejects(
        addCorrection(services, as(editor), { articleId: article.id, kind: 'correction', body: ' \n ' }),
        refusedFor('body', 'errCorrectionEmpty'),
      );
      await assert.rejects(
        addCorrection(services, as(editor), {
          articleId: article.id,
          kind: 'correction',
          body: 'ب'.repeat(1001),
        }),
        refusedFor('body', 'errCorrectionTooLong'),
      );
      // 1,000 characters is the limit, counted as characters, not UTF-16 units.
      await addCorrection(services, as(editor), {
        articleId: article.id,
        kind: 'update',
        body: '𝔸'.repeat(1000),
      });
      await assert.rejects(
        addCorrection(services, as(editor), { articleId: draft.id, kind: 'correction', body: 'Faute' }),
        refusedFor('status', 'errCorrectionNotPublished'),
      );
      stop();
      assert.equal((await services.repos.corrections.listForArticle(article.id)).length, 1);
      assert.equal((await services.repos.corrections.listForArticle(draft.id)).length, 0);
      assert.equal(events.length, 1, 'only the accepted note is announced');
    });

    it('lets the article’s author add one, not another author or a contributor', async () => {
      await ready;
      const author = await buildPerson(services, { role: 'author' });
      const other = await buildPerson(services, { role: 'author' });
      const contributor = await buildPerson(services, { role: 'contributor' });
      const article = await buildArticle(services, { authorIds: [author.id, contributor.id] });
      const input = { articleId: article.id, kind: 'correction' as const, body: 'Erratum.' };
      await assert.rejects(addCorrection(services, as(other), input), Forbidden);
      await assert.rejects(addCorrection(services, as(contributor), input), Forbidden);
      assert.equal((await services.repos.corrections.listForArticle(article.id)).length, 0);
      assert.equal((await addCorrection(services, as(author), input)).created, true);
    });

    it('edits and deletes a note with an audit row each, announced, only through its own article', async () => {
      await ready;
      const editor = await buildPerson(services, { role: 'editor' });
      const outsider = await buildPerson(services, { role: 'author' });
      const article = await buildArticle(services);
      const elsewhere = await buildArticle(services);
      const { correction } = await addCorrection(services, as(editor), {
        articleId: article.id,
        kind: 'correction',
        body: 'Premier texte.',
      });
      await assert.rejects(
        editCorrection(services, as(outsider), {
          correctionId: correction.id,
          kind: 'correction',
          body: 'x',
        }),
        Forbidden,
      );
      await assert.rejects(
        editCorrection(services, as(editor), {
          correctionId: correction.id,
          articleId: elsewhere.id,
          kind: 'correction',
          body: 'x',
        }),
        NotFound,
      );
      await assert.rejects(
        editCorrection(services, as(editor), { correctionId: correction.id, kind: 'update', body: '' }),
        refusedFor('body', 'errCorrectionEmpty'),
      );
      const { events, stop } = listen();
      const edited = await editCorrection(services, as(editor), {
        correctionId: correction.id,
        articleId: article.id,
        kind: 'update',
        body: 'Texte revu.',
      });
      assert.equal(edited.body, 'Texte revu.');
      assert.equal(edited.kind, 'update');
      await assert.rejects(
        deleteCorrection(services, as(outsider), { correctionId: correction.id }),
        Forbidden,
      );
      await deleteCorrection(services, as(editor), { correctionId: correction.id, articleId: article.id });
      stop();
      assert.equal(await services.repos.corrections.byId(correction.id), null);
      assert.deepEqual(
        events.map((e) => (e.type === 'article' ? `${e.after.id}:${e.change}` : e.type)),
        [`${article.id}:updated`, `${article.id}:updated`],
      );
      assert.equal((await audited('article.correction-edited', article.id)).length, 1);
      assert.equal((await audited('article.correction-deleted', article.id)).length, 1);
      await assert.rejects(deleteCorrection(services, as(editor), { correctionId: correction.id }), NotFound);
    });

    after(async () => {
      await services?.close();
    });
  });
});
