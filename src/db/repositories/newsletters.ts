import { type Kysely, type Selectable, sql } from 'kysely';
import {
  DIGEST_CHOICES,
  type DigestChoice,
  SUBSCRIBER_STATUSES,
  type Subscriber,
  type SubscriberStatus,
} from '../../core/newsletters.ts';
import { type Lang, LANGUAGES } from '../../core/types.ts';
import type { Database, NewsletterEditionsTable, NewsletterSubscribersTable } from '../schema.ts';
import type { NewsletterArticle, NewsletterEdition, NewsletterRepository } from './newsletters-contract.ts';
import { flag, isSet, toCount } from './support.ts';

const asLang = (v: string): Lang => ((LANGUAGES as readonly string[]).includes(v) ? (v as Lang) : 'ar');

function toSubscriber(row: Selectable<NewsletterSubscribersTable>): Subscriber {
  return {
    id: row.id,
    email: row.email,
    lang: asLang(row.lang),
    sections: row.sections
      .split(',')
      .filter((s) => s !== '')
      .map(Number),
    digest: (DIGEST_CHOICES as readonly string[]).includes(row.digest)
      ? (row.digest as DigestChoice)
      : 'none',
    alerts: isSet(row.alerts),
    status: (SUBSCRIBER_STATUSES as readonly string[]).includes(row.status)
      ? (row.status as SubscriberStatus)
      : 'bounced',
    confirmHash: row.confirm_hash,
    confirmExpiresAt: row.confirm_expires_at,
    confirmSentAt: row.confirm_sent_at,
    unsubscribeToken: row.unsubscribe_token,
    createdAt: row.created_at,
    confirmedAt: row.confirmed_at,
    updatedAt: row.updated_at,
  };
}

function toEdition(row: Selectable<NewsletterEditionsTable>): NewsletterEdition {
  return {
    kind: row.kind === 'weekly' || row.kind === 'alert' ? row.kind : 'daily',
    lang: asLang(row.lang),
    edition: row.edition,
    since: row.since,
    until: row.until,
    doneAt: row.done_at,
  };
}

const UNSUBSCRIBED = 'unsubscribed';

export function createNewsletterRepository(db: Kysely<Database>): NewsletterRepository {
  const subscribers = () => db.selectFrom('newsletter_subscribers').selectAll();
  const one = async (q: ReturnType<typeof subscribers>) => {
    const row = await q.executeTakeFirst();
    return row ? toSubscriber(row) : null;
  };
  const articles = () =>
    db
      .selectFrom('articles')
      .select(['id', 'lang', 'slug', 'title', 'dek', 'section_id', 'published_at'])
      .where('status', '=', 'published');
  const toArticle = (r: {
    id: number;
    lang: string;
    slug: string;
    title: string;
    dek: string;
    section_id: number | null;
    published_at: string | null;
  }): NewsletterArticle => ({
    id: r.id,
    lang: asLang(r.lang),
    slug: r.slug,
    title: r.title,
    dek: r.dek,
    sectionId: r.section_id,
    publishedAt: r.published_at ?? '',
  });
  return {
    byEmail: (email) => one(subscribers().where('email', '=', email)),
    byId: (id) => one(subscribers().where('id', '=', id)),
    byUnsubscribeToken: (token) => one(subscribers().where('unsubscribe_token', '=', token)),
    byConfirmHash: (hash) => one(subscribers().where('confirm_hash', '=', hash)),

    async insertPending(input, now) {
      const row = await db
        .insertInto('newsletter_subscribers')
        .values({
          email: input.email,
          lang: input.lang,
          sections: input.sections.join(','),
          digest: input.digest,
          alerts: flag(input.alerts),
          status: 'pending',
          confirm_hash: input.confirmHash,
          confirm_expires_at: input.confirmExpiresAt,
          confirm_sent_at: now,
          unsubscribe_token: input.unsubscribeToken,
          created_at: now,
          confirmed_at: null,
          updated_at: now,
        })
        .onConflict((oc) => oc.column('email').doNothing())
        .returningAll()
        .executeTakeFirst();
      return row ? toSubscriber(row) : null;
    },

    async renewPending(id, input, now) {
      await db
        .updateTable('newsletter_subscribers')
        .set({
          lang: input.lang,
          sections: input.sections.join(','),
          digest: input.digest,
          alerts: flag(input.alerts),
          status: 'pending',
          confirm_hash: input.confirmHash,
          confirm_expires_at: input.confirmExpiresAt,
          confirm_sent_at: now,
          updated_at: now,
        })
        .where('id', '=', id)
        .where('status', '!=', 'confirmed')
        .execute();
    },

    async confirm(id, now) {
      const r = await db
        .updateTable('newsletter_subscribers')
        .set({
          status: 'confirmed',
          confirmed_at: now,
          confirm_hash: null,
          confirm_expires_at: null,
          updated_at: now,
        })
        .where('id', '=', id)
        .where('status', '=', 'pending')
        .executeTakeFirst();
      return Number(r.numUpdatedRows) > 0;
    },

    async setStatus(email, status, now) {
      const r = await db
        .updateTable('newsletter_subscribers')
        .set({ status, updated_at: now })
        .where('email', '=', email)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) > 0;
    },

    async remove(id) {
      const r = await db.deleteFrom('newsletter_subscribers').where('id', '=', id).executeTakeFirst();
      if (Number(r.numDeletedRows) === 0) return false;
      await db
        .insertInto('newsletter_counts')
        .values({ name: UNSUBSCRIBED, value: 1 })
        .onConflict((oc) =>
          oc.column('name').doUpdateSet((eb) => ({ value: eb('newsletter_counts.value', '+', 1) })),
        )
        .execute();
      return true;
    },

    async list({ search, status, limit, offset = 0 }) {
      let q = subscribers();
      if (search) {
        const pattern = `%${search.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
        // ESCAPE spelled out: SQLite has no default escape character.
        q = q.where(sql<boolean>`email like ${pattern} escape ${'\\'}`);
      }
      if (status) q = q.where('status', '=', status);
      const rows = await q.orderBy('id', 'desc').limit(limit).offset(offset).execute();
      return rows.map(toSubscriber);
    },

    async counts() {
      const rows = await db
        .selectFrom('newsletter_subscribers')
        .select(['status', (eb) => eb.fn.countAll<string | number>().as('n')])
        .groupBy('status')
        .execute();
      const out = { pending: 0, confirmed: 0, bounced: 0, complained: 0, unsubscribed: 0 };
      for (const r of rows) if (r.status in out) out[r.status as SubscriberStatus] = toCount(r.n);
      const left = await db
        .selectFrom('newsletter_counts')
        .select('value')
        .where('name', '=', UNSUBSCRIBED)
        .executeTakeFirst();
      out.unsubscribed = left?.value ?? 0;
      return out;
    },

    async confirmedBatch(filter, afterId, limit) {
      let q = subscribers()
        .where('status', '=', 'confirmed')
        .where('lang', '=', filter.lang)
        .where('id', '>', afterId);
      if (filter.digest) q = q.where('digest', '=', filter.digest);
      if (filter.alerts) q = q.where('alerts', '=', 1);
      const rows = await q.orderBy('id').limit(limit).execute();
      return rows.map(toSubscriber);
    },

    async claimEdition(kind, lang, edition, since, until) {
      await db
        .insertInto('newsletter_editions')
        .values({ kind, lang, edition, since, until, done_at: null })
        .onConflict((oc) => oc.columns(['kind', 'lang', 'edition']).doNothing())
        .execute();
      const row = await db
        .selectFrom('newsletter_editions')
        .selectAll()
        .where('kind', '=', kind)
        .where('lang', '=', lang)
        .where('edition', '=', edition)
        .executeTakeFirstOrThrow();
      return toEdition(row);
    },

    async previousEdition(kind, lang, edition) {
      const row = await db
        .selectFrom('newsletter_editions')
        .selectAll()
        .where('kind', '=', kind)
        .where('lang', '=', lang)
        .where('edition', '<', edition)
        .orderBy('edition', 'desc')
        .executeTakeFirst();
      return row ? toEdition(row) : null;
    },

    async markEditionDone(kind, lang, edition, now) {
      await db
        .updateTable('newsletter_editions')
        .set({ done_at: now })
        .where('kind', '=', kind)
        .where('lang', '=', lang)
        .where('edition', '=', edition)
        .execute();
    },

    async unfinishedAlerts(before) {
      const rows = await db
        .selectFrom('newsletter_editions')
        .selectAll()
        .where('kind', '=', 'alert')
        .where('done_at', 'is', null)
        .where('until', '<', before)
        .execute();
      return rows.map(toEdition);
    },

    async publishedBetween(lang, since, until, limit) {
      const rows = await articles()
        .where('lang', '=', lang)
        .where('published_at', '>', since)
        .where('published_at', '<=', until)
        .orderBy('published_at')
        .limit(limit)
        .execute();
      return rows.map(toArticle);
    },

    async publishedArticle(id) {
      const row = await articles().where('id', '=', id).executeTakeFirst();
      return row ? toArticle(row) : null;
    },
  };
}
