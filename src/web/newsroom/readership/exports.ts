// The CSV behind each table of the readership pages: the same numbers, headed in the reader's
// language, with ISO days and ids so a funder's spreadsheet can sort and join them.
import type { FastifyReply } from 'fastify';
import type { Lang } from '../../../core/types.ts';
import { type CsvCell, toCsv } from '../../../services/readership/csv.ts';
import type { DayViews, SectionViews, TopArticle } from '../../../services/readership/figures.ts';
import type { Period } from '../../../services/readership/period.ts';
import type { ReadershipMessages } from './messages.ts';

export interface CsvTable {
  header: string[];
  rows: CsvCell[][];
}

export const daysCsv = (t: ReadershipMessages, days: DayViews[]): CsvTable => ({
  header: [t.day, t.views],
  rows: days.map((d) => [d.day, d.views]),
});

export const articlesCsv = (t: ReadershipMessages, articles: TopArticle[]): CsvTable => ({
  header: ['id', t.article, t.language, t.views],
  rows: articles.map((a) => [a.articleId, a.title, a.lang, a.views]),
});

export const sectionsCsv = (t: ReadershipMessages, lang: Lang, sections: SectionViews[]): CsvTable => ({
  header: ['id', t.section, t.views],
  rows: sections.map((s) => [
    s.sectionId ?? '',
    s.names ? s.names[lang] || s.names.ar : t.noSection,
    s.views,
  ]),
});

export const authorsCsv = (
  t: ReadershipMessages,
  authors: { personId: number; name: string; views: number }[],
): CsvTable => ({
  header: ['id', t.author, t.views],
  rows: authors.map((a) => [a.personId, a.name, a.views]),
});

export const languagesCsv = (
  t: ReadershipMessages,
  languages: { lang: string; views: number }[],
): CsvTable => ({
  header: [t.language, t.views],
  rows: languages.map((l) => [l.lang, l.views]),
});

export const devicesCsv = (
  t: ReadershipMessages,
  devices: { device: string; views: number }[],
): CsvTable => ({
  header: [t.device, t.views],
  rows: devices.map((d) => [d.device, d.views]),
});

export const referrersCsv = (
  t: ReadershipMessages,
  referrers: { domain: string; views: number }[],
): CsvTable => ({
  header: [t.domain, t.views],
  rows: referrers.map((r) => [r.domain === '' ? t.direct : r.domain, r.views]),
});

/** Sends a table as a download named after what it holds and its period. */
export function sendCsv(reply: FastifyReply, name: string, period: Period, table: CsvTable): FastifyReply {
  return reply
    .header('cache-control', 'private, no-store')
    .header(
      'content-disposition',
      `attachment; filename="readership-${name}-${period.from}_${period.to}.csv"`,
    )
    .type('text/csv; charset=utf-8')
    .send(toCsv(table.header, table.rows));
}
