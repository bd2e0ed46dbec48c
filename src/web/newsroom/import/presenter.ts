// Shapes import runs for the import pages. Never queries.
import { displayDate } from '../../../core/dates.ts';
import { format } from '../../../core/i18n.ts';
import type { Lang } from '../../../core/types.ts';
import type { ImportRun, ImportRunStatus } from '../../../core/import-runs.ts';
import { REPORT_KINDS, type ReportKind } from '../../../services/import/report.ts';
import type { ImportMessages } from './messages.ts';

export interface RunRowView {
  id: number;
  href: string;
  fileName: string;
  when: string;
  status: ImportRunStatus;
  statusText: string;
  progressText: string;
}

export interface RunView extends RunRowView {
  active: boolean;
  done: number;
  total: number;
  /** "120 items a second, about 40 s left", while running with a known total. */
  rateText: string | null;
  error: string | null;
  canRetry: boolean;
  summary: {
    dryRun: boolean;
    counts: { kind: ReportKind; label: string; imported: number; existing: number; skipped: number }[];
    notImported: string[];
    shortcodes: string[];
    removed: number;
    missingMedia: number;
    /** "fa (3)", "en-US (2)": articles and pages by the language of their text. */
    languages: string[];
    languageChangeCount: number;
    languageChanges: { postId: string; title: string; from: string; to: string }[];
    warnings: { line: string; message: string }[];
    moreWarnings: number;
  } | null;
}

const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
const obj = (v: unknown): Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};

export function presentRunRow(
  run: ImportRun,
  t: ImportMessages,
  ctx: { lang: Lang; timezone: string },
): RunRowView {
  return {
    id: run.id,
    href: `/newsroom/import/${run.id}`,
    fileName: run.fileName,
    when: displayDate(run.createdAt, ctx.lang, ctx.timezone).gregorian,
    status: run.status,
    statusText: t[run.status],
    progressText: run.total > 0 ? format(t.itemsOf, { done: run.done, total: run.total }) : '',
  };
}

/** The report as stored is outside data as far as this page knows: read it defensively. */
function presentSummary(report: unknown, t: ImportMessages): RunView['summary'] {
  const r = obj(report);
  if (Object.keys(r).length === 0) return null;
  const counts = obj(r.counts);
  const tally = (m: unknown) =>
    Object.entries(obj(m))
      .filter(([, n]) => num(n) > 0)
      .map(([k, n]) => `${k} (${num(n)})`);
  const warnings = Array.isArray(r.warnings) ? r.warnings.slice(0, 50) : [];
  return {
    dryRun: r.dryRun === true,
    counts: REPORT_KINDS.map((kind) => {
      const c = obj(counts[kind]);
      return {
        kind,
        label: t[kind],
        imported: num(c.imported),
        existing: num(c.existing),
        skipped: num(c.skipped),
      };
    }),
    notImported: tally(r.notImported),
    shortcodes: Object.entries(obj(r.unknownShortcodes)).map(([code, n]) => `[${code}] (${num(n)})`),
    removed: num(r.removedByAllowlist),
    missingMedia: Array.isArray(r.missingMedia) ? r.missingMedia.length : 0,
    languages: tally(r.languages),
    languageChangeCount: num(r.languageChangeCount),
    languageChanges: (Array.isArray(r.languageChanges) ? r.languageChanges.slice(0, 50) : []).map((c) => {
      const o = obj(c);
      const text = (v: unknown) => (typeof v === 'string' ? v : '');
      return { postId: text(o.postId), title: text(o.title), from: text(o.from), to: text(o.to) };
    }),
    warnings: warnings.map((w) => {
      const o = obj(w);
      return {
        line: typeof o.line === 'number' ? format(t.line, { line: o.line }) : '',
        message:
          (typeof o.message === 'string' ? o.message : '') +
          (typeof o.times === 'number' && o.times > 1 ? ` (×${o.times})` : ''),
      };
    }),
    moreWarnings: num(r.moreWarnings) + Math.max(0, (Array.isArray(r.warnings) ? r.warnings.length : 0) - 50),
  };
}

export function presentRun(
  run: ImportRun,
  t: ImportMessages,
  ctx: { lang: Lang; timezone: string },
): RunView {
  const active = run.status === 'queued' || run.status === 'running';
  let rateText: string | null = null;
  if (run.status === 'running' && run.total > 0 && run.startedAt && run.done > 0) {
    const seconds = Math.max((Date.parse(run.updatedAt) - Date.parse(run.startedAt)) / 1000, 0.001);
    const rate = run.done / seconds;
    rateText = format(t.rate, { rate: Math.round(rate), eta: Math.ceil((run.total - run.done) / rate) });
  }
  return {
    ...presentRunRow(run, t, ctx),
    active,
    done: run.done,
    total: run.total,
    rateText,
    error: run.error,
    canRetry: run.status === 'failed' || run.status === 'interrupted',
    summary: run.status === 'done' ? presentSummary(run.report, t) : null,
  };
}

/** The progress page's JSON: what its script writes into the page. */
export interface ProgressJson {
  status: ImportRunStatus;
  statusText: string;
  active: boolean;
  done: number;
  total: number;
  progressText: string;
  rateText: string;
  error: string | null;
}

export function presentProgress(run: RunView, t: ImportMessages): ProgressJson {
  return {
    status: run.status,
    statusText: run.statusText,
    active: run.active,
    done: run.done,
    total: run.total,
    progressText: run.total > 0 ? run.progressText : t.reading,
    rateText: run.rateText ?? '',
    error: run.error,
  };
}
