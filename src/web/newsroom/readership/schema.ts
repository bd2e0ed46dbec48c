// The readership pages' addresses: a period (days=7|30|90, or from and to as YYYY-MM-DD) and, for
// a CSV export, which table. The rules of a period are the service's (services/readership/period.ts);
// here a field given twice, past its length or an unknown table is refused with a 400 naming it.
import { z } from 'zod';

export const FigureParams = z.object({ id: z.coerce.number().int().positive() });

const text = z.string().max(40).optional();
const periodShape = { days: text, from: text, to: text };

export const PeriodQuery = z.object(periodShape);

export const SITE_TABLES = [
  'days',
  'articles',
  'sections',
  'authors',
  'languages',
  'devices',
  'referrers',
] as const;
export const ARTICLE_TABLES = ['days', 'referrers', 'devices'] as const;
export const GROUP_TABLES = ['days', 'articles', 'referrers'] as const;

export const SiteExportQuery = z.object({ ...periodShape, table: z.enum(SITE_TABLES) });
export const ArticleExportQuery = z.object({ ...periodShape, table: z.enum(ARTICLE_TABLES) });
export const GroupExportQuery = z.object({ ...periodShape, table: z.enum(GROUP_TABLES) });

export type SiteTable = (typeof SITE_TABLES)[number];
export type ArticleTable = (typeof ARTICLE_TABLES)[number];
export type GroupTable = (typeof GROUP_TABLES)[number];
