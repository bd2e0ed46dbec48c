// The live coverage commands on both engines: who may run them (editors and the article's
// author, not another author), what is refused with nothing stored (empty, too long, not live,
// ended, a photo that is not one), a form sent twice stored once, one audit row per write, the
// "edited" mark, pinning, deleting, and the article event each sends (the article's updated
// time moved, its version kept).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { buildArticle, buildPerson } from '../../../test/support/factories.ts';
import { loadConfig } from '../../config.ts';
import { Forbidden, NotFound } from '../../core/errors.ts';
import { LIVE_ENTRY_MAX_TEXT } from '../../core/live.ts';
import type { Person } from '../../core/types.ts';
import { forEachEngine } from '../../db/test-databases.ts';
import type { Actor } from '../actor.ts';
import { type Services, servicesFor } from '../context.ts';
import type { ContentEvent } from '../events.ts';
import {
  addLiveEntry,
  deleteLiveEntry,
  editLiveEntry,
  endLiveCoverage,
  pinLiveEntry,
  startLiveCoverage,
} from './commands.ts';
import { LiveInvalid } from './entry-body.ts';
import { liveForEditor, liveUpdates, loadLive } from './queries.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'midad-live-'));
after(() => fs.rmSync(dir, { recursive: true, force: true }));

const as = (person: Person): Actor => ({ person, ipHash: 'test' });
const refused = (field: string, key: string) => (err: unknown) =>
  err instanceof LiveInvalid && (err.errors as Record<string, string>)[field] === key;

await forEachEngine((engine) => {
  describe('live coverage commands', () => {
    let services: Services;
    const ready = (async () => {
      const config = loadConfig({}, { dataDir: path.join(dir, engine.dialect), logLevel: 'silent' });
      services = servicesFor(config, await engine.fresh());
    })();
    const audited = async (action: string, articleId: number) =>
      (await services.repos.audit.list({ limit: 500, action })).filter(
        (r) => r.targetId === String(articleId),
      );
    function listen(): { events: ContentEvent[]; stop: () => void } {
      const events: ContentEvent[] = [];
      const stop = services.events.on((e) => {
        events.push(e);
      });
      return { events, stop };
    }

    it('runs a whole coverage: start, add, edit, pin, delete, end, each audited and announced', async () => {
      await ready;
      const editor = await buildPerson(services, { role: 'editor' });
      const article = await buildArticle(services, { publishedAt: '2026-01-01T08:00:00.000Z' });
      await services.repos.articles.update(article.id, { updatedAt: '2026-01-01T08:00:00.000Z' });
      const before = (await services.repos.articles.byId(article.id))!;
      const { events, stop } = listen();

      const coverage = await startLiveCoverage(services, as(editor), { articleId: article.id });
      assert.equal(coverage.state, 'live');
      const { entry, created } = await addLiveEntry(services, as(editor), {
        articleId: article.id,
        text: 'أُغلقت مكاتب الاقتراع في العاصمة.\n\nبدأ الفرز.',
        idempotencyKey: 'form-1',
      });
      assert.equal(created, true);
      assert.equal(
        entry.bodyHtml,
        '<p dir="auto">أُغلقت مكاتب الاقتراع في العاصمة.</p><p dir="auto">بدأ الفرز.</p>',
      );
      assert.equal(entry.personId, editor.id);
      assert.equal(entry.edited, false);

      const edited = await editLiveEntry(services, as(editor), {
        entryId: entry.id,
        articleId: article.id,
        text: '<p>أُغلقت مكاتب الاقتراع في العاصمة عند السادسة.</p><script>alert(1)</script>',
      });
      assert.equal(edited.edited, true);
      assert.equal(edited.bodyHtml, '<p>أُغلقت مكاتب الاقتراع في العاصمة عند السادسة.</p>', 'sanitized');
      const pinned = await pinLiveEntry(services, as(editor), { entryId: entry.id, pinned: true });
      assert.equal(pinned.pinned, true);
      const second = await addLiveEntry(services, as(editor), {
        articleId: article.id,
        text: 'نتائج أولية.',
      });
      await deleteLiveEntry(services, as(editor), { entryId: second.entry.id, articleId: article.id });
      const ended = await endLiveCoverage(services, as(editor), { articleId: article.id });
      assert.equal(ended.state, 'ended');
      assert.ok(ended.endedAt);
      stop();

      const live = await loadLive(services, (await services.repos.articles.byId(article.id))!);
      assert.deepEqual(
        live?.entries.map((e) => e.id),
        [entry.id],
        'the deleted entry is gone from the page',
      );
      for (const action of [
        'article.live-started',
        'article.live-entry-added',
        'article.live-entry-edited',
        'article.live-entry-pinned',
        'article.live-entry-deleted',
        'article.live-ended',
      ])
        assert.ok((await audited(action, article.id)).length >= 1, action);
      assert.equal((await audited('article.live-entry-added', article.id)).length, 2);
      const articleEvents = events.filter((e) => e.type === 'article');
      assert.equal(articleEvents.length, 7, 'one event per write');
      for (const e of articleEvents) {
        assert.equal(e.type === 'article' && e.change, 'updated');
        assert.equal(e.type === 'article' && e.after.id, article.id);
      }
      const after = (await services.repos.articles.byId(article.id))!;
      assert.ok(after.updatedAt > '2026-01-01T08:00:00.000Z', 'updated time moved');
      assert.equal(after.version, before.version, 'version kept');
    });

    it('stores a form sent twice once, even after the coverage ended', async () => {
      await ready;
      const editor = await buildPerson(services, { role: 'editor' });
      const article = await buildArticle(services);
      await startLiveCoverage(services, as(editor), { articleId: article.id });
      const input = { articleId: article.id, text: 'Le dépouillement commence.', idempotencyKey: 'k-twice' };
      const [a, b] = await Promise.all([
        addLiveEntry(services, as(editor), input),
        addLiveEntry(services, as(editor), input),
      ]);
      assert.equal(a.entry.id, b.entry.id);
      assert.deepEqual([a.created, b.created].sort(), [false, true]);
      await endLiveCoverage(services, as(editor), { articleId: article.id });
      const again = await addLiveEntry(services, as(editor), input);
      assert.equal(again.created, false);
      assert.equal((await services.repos.live.listEntries(article.id)).length, 1);
      assert.equal((await audited('article.live-entry-added', article.id)).length, 1);
    });

    it('refuses empty, over-long, not-live and ended entries and a photo that is not one, storing nothing', async () => {
      await ready;
      const editor = await buildPerson(services, { role: 'editor' });
      const article = await buildArticle(services);
      await assert.rejects(
        addLiveEntry(services, as(editor), { articleId: article.id, text: 'x' }),
        refused('state', 'errLiveNotLive'),
      );
      await startLiveCoverage(services, as(editor), { articleId: article.id });
      await assert.rejects(
        addLiveEntry(services, as(editor), { articleId: article.id, text: '   \n ' }),
        refused('body', 'errLiveEmpty'),
      );
      await assert.rejects(
        addLiveEntry(services, as(editor), { articleId: article.id, text: '<p> </p><script>x</script>' }),
        refused('body', 'errLiveEmpty'),
      );
      await assert.rejects(
        addLiveEntry(services, as(editor), {
          articleId: article.id,
          text: 'ا'.repeat(LIVE_ENTRY_MAX_TEXT + 1),
        }),
        refused('body', 'errLiveTooLong'),
      );
      await assert.rejects(
        addLiveEntry(services, as(editor), { articleId: article.id, text: 'x', mediaId: 999999 }),
        refused('media', 'errLivePhoto'),
      );
      await endLiveCoverage(services, as(editor), { articleId: article.id });
      await assert.rejects(
        addLiveEntry(services, as(editor), { articleId: article.id, text: 'x' }),
        refused('state', 'errLiveEnded'),
      );
      assert.equal((await services.repos.live.listEntries(article.id, { includeDeleted: true })).length, 0);
      await assert.rejects(
        endLiveCoverage(services, as(editor), { articleId: (await buildArticle(services)).id }),
        refused('state', 'errLiveNotLive'),
      );
    });

    it('adds a photo of the library as a figure', async () => {
      await ready;
      const editor = await buildPerson(services, { role: 'editor' });
      const article = await buildArticle(services);
      const photo = await services.repos.media.create({
        path: '2026/01/crowd.jpg',
        mime: 'image/jpeg',
        size: 1000,
        width: 800,
        height: 600,
        alt: 'Foule devant la mairie',
        caption: 'La place centrale',
      });
      await startLiveCoverage(services, as(editor), { articleId: article.id });
      const { entry } = await addLiveEntry(services, as(editor), {
        articleId: article.id,
        text: '',
        mediaId: photo.id,
      });
      assert.match(
        entry.bodyHtml,
        /<figure><img src="\/media\/2026\/01\/crowd\.jpg" alt="Foule devant la mairie"/,
      );
      assert.match(entry.bodyHtml, /<figcaption dir="auto">La place centrale<\/figcaption>/);
    });

    it('makes an address alone on its line an embed when a provider plays it, a link otherwise', async () => {
      await ready;
      const editor = await buildPerson(services, { role: 'editor' });
      const article = await buildArticle(services);
      await startLiveCoverage(services, as(editor), { articleId: article.id });
      const { entry } = await addLiveEntry(services, as(editor), {
        articleId: article.id,
        text: 'Le discours en vidéo :\nhttps://www.youtube.com/watch?v=dQw4w9WgXcQ\nhttps://example.org/compte-rendu',
      });
      assert.match(entry.bodyHtml, /^<p dir="auto">Le discours en vidéo :<\/p>/);
      assert.match(
        entry.bodyHtml,
        /<figure data-embed="youtube" data-embed-id="dQw4w9WgXcQ"><a href="https:\/\/www\.youtube\.com\/watch\?v=dQw4w9WgXcQ">/,
      );
      assert.match(
        entry.bodyHtml,
        /<p><a href="https:\/\/example\.org\/compte-rendu">https:\/\/example\.org\/compte-rendu<\/a><\/p>$/,
      );
      assert.doesNotMatch(entry.bodyHtml, /<iframe/);
    });

    it('lets the author and editors in, not another author; an entry of another article is not found', async () => {
      await ready;
      const owner = await buildPerson(services, { role: 'author' });
      const other = await buildPerson(services, { role: 'author' });
      const article = await buildArticle(services, { authorIds: [owner.id] });
      await assert.rejects(startLiveCoverage(services, as(other), { articleId: article.id }), Forbidden);
      await startLiveCoverage(services, as(owner), { articleId: article.id });
      const { entry } = await addLiveEntry(services, as(owner), {
        articleId: article.id,
        text: 'Premier point.',
      });
      await assert.rejects(
        addLiveEntry(services, as(other), { articleId: article.id, text: 'x' }),
        Forbidden,
      );
      await assert.rejects(
        editLiveEntry(services, as(other), { entryId: entry.id, text: 'pirated' }),
        Forbidden,
      );
      await assert.rejects(deleteLiveEntry(services, as(other), { entryId: entry.id }), Forbidden);
      await assert.rejects(pinLiveEntry(services, as(other), { entryId: entry.id, pinned: true }), Forbidden);
      const elsewhere = await buildArticle(services);
      await assert.rejects(
        deleteLiveEntry(services, as(owner), { entryId: entry.id, articleId: elsewhere.id }),
        NotFound,
      );
      await assert.rejects(liveForEditor(services, other, article.id), Forbidden);
      const view = await liveForEditor(services, owner, article.id);
      assert.equal(view.entries[0]?.personName, owner.name);
    });

    it('answers an open page with the entries after its newest, oldest first', async () => {
      await ready;
      const editor = await buildPerson(services, { role: 'editor' });
      const article = await buildArticle(services);
      await startLiveCoverage(services, as(editor), { articleId: article.id });
      const one = await addLiveEntry(services, as(editor), { articleId: article.id, text: 'un' });
      const two = await addLiveEntry(services, as(editor), { articleId: article.id, text: 'deux' });
      const three = await addLiveEntry(services, as(editor), { articleId: article.id, text: 'trois' });
      const updates = await liveUpdates(services, article.id, one.entry.id);
      assert.deepEqual(
        updates.entries.map((e) => e.id),
        [two.entry.id, three.entry.id],
      );
      assert.equal(updates.latestId, three.entry.id);
      const draft = await buildArticle(services, { status: 'draft' });
      await startLiveCoverage(services, as(editor), { articleId: draft.id });
      await assert.rejects(liveUpdates(services, draft.id, 0), NotFound);
      await assert.rejects(liveUpdates(services, (await buildArticle(services)).id, 0), NotFound);
    });
  });
});
