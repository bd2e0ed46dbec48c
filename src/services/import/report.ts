// What an import did, kept as it goes: counts per kind (imported, already there, skipped),
// warnings with their line, and the lists an editor acts on (missing images, unknown
// shortcodes, post types Midad has no place for). Lists are capped so a huge export with a
// repeated problem still gives a report of bounded size.

export const REPORT_KINDS = [
  'people',
  'sections',
  'tags',
  'articles',
  'pages',
  'media',
  'comments',
  'redirects',
] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

export interface KindCounts {
  imported: number;
  existing: number;
  skipped: number;
}

export interface ImportWarning {
  line?: number;
  message: string;
  /** How many times the same warning came up at the same line (a file used by nine players), when more than once. */
  times?: number;
}

export interface ImportReport {
  file: string;
  source: string;
  wxrVersion: string;
  dryRun: boolean;
  startedAt: string;
  finishedAt: string;
  counts: Record<ReportKind, KindCounts>;
  /** Post types not imported (menus, templates, custom types), by type. */
  notImported: Record<string, number>;
  unknownShortcodes: Record<string, number>;
  /** Elements and attributes removed from bodies by the HTML allowlist. */
  removedByAllowlist: number;
  missingMedia: string[];
  warnings: ImportWarning[];
  /** Warnings beyond the ones listed. */
  moreWarnings: number;
  /** Articles and pages written, by the language of their text. */
  languages: Record<string, number>;
  /** Posts whose text is not in the language they were declared in, and what they got. */
  languageChanges: LanguageChange[];
  languageChangeCount: number;
  /** Languages the import added to the site's list, with their interface fallback. */
  languagesAdded: { tag: string; fallback: string }[];
}

export interface LanguageChange {
  postId: string;
  title: string;
  from: string;
  to: string;
  /** What told: "Arabic-script letters", "kana", "language identifier"… */
  why: string;
}

const MAX_WARNINGS = 500;
const MAX_MISSING = 500;

export class ReportBuilder {
  readonly report: ImportReport;
  /** Listed warnings by line and text, so a repeat is counted on the first instead of listed again. */
  private readonly listed = new Map<string, ImportWarning>();

  constructor(file: string, dryRun: boolean) {
    const counts = {} as Record<ReportKind, KindCounts>;
    for (const kind of REPORT_KINDS) counts[kind] = { imported: 0, existing: 0, skipped: 0 };
    this.report = {
      file,
      source: '',
      wxrVersion: '',
      dryRun,
      startedAt: new Date().toISOString(),
      finishedAt: '',
      counts,
      notImported: {},
      unknownShortcodes: {},
      removedByAllowlist: 0,
      missingMedia: [],
      warnings: [],
      moreWarnings: 0,
      languages: {},
      languageChanges: [],
      languageChangeCount: 0,
      languagesAdded: [],
    };
  }

  count(kind: ReportKind, outcome: keyof KindCounts, n = 1): void {
    this.report.counts[kind][outcome] += n;
  }

  warn(message: string, line?: number): void {
    const key = `${line ?? ''} ${message}`;
    const same = this.listed.get(key);
    if (same) {
      same.times = (same.times ?? 1) + 1;
      return;
    }
    if (this.report.warnings.length >= MAX_WARNINGS) {
      this.report.moreWarnings++;
      return;
    }
    const warning: ImportWarning = line === undefined ? { message } : { line, message };
    this.listed.set(key, warning);
    this.report.warnings.push(warning);
  }

  notImported(postType: string): void {
    this.report.notImported[postType] = (this.report.notImported[postType] ?? 0) + 1;
  }

  shortcodes(names: readonly string[]): void {
    for (const name of names)
      this.report.unknownShortcodes[name] = (this.report.unknownShortcodes[name] ?? 0) + 1;
  }

  language(tag: string): void {
    this.report.languages[tag] = (this.report.languages[tag] ?? 0) + 1;
  }

  /** One line per changed post in the report, up to the cap; the count is always whole. */
  languageChanged(postId: string, title: string, from: string, to: string, why: string): void {
    this.report.languageChangeCount++;
    if (this.report.languageChanges.length < MAX_WARNINGS)
      this.report.languageChanges.push({ postId, title, from, to, why });
  }

  missing(url: string): void {
    if (this.report.missingMedia.length < MAX_MISSING && !this.report.missingMedia.includes(url)) {
      this.report.missingMedia.push(url);
    }
  }

  finish(): ImportReport {
    this.report.finishedAt = new Date().toISOString();
    return this.report;
  }
}

/** The summary printed at the end of a run, one line per kind. */
export function summarize(report: ImportReport): string {
  const lines = [
    `${report.dryRun ? 'Dry run (nothing written)' : 'Imported'} ${report.file} (WXR ${report.wxrVersion}, ${report.source})`,
  ];
  for (const kind of REPORT_KINDS) {
    const c = report.counts[kind];
    lines.push(`  ${kind.padEnd(10)} ${c.imported} new, ${c.existing} already there, ${c.skipped} skipped`);
  }
  const types = Object.entries(report.notImported).map(([t, n]) => `${t} (${n})`);
  if (types.length > 0) lines.push(`  not imported: ${types.join(', ')}`);
  const codes = Object.entries(report.unknownShortcodes).map(([t, n]) => `[${t}] (${n})`);
  if (codes.length > 0) lines.push(`  shortcodes kept as text: ${codes.join(', ')}`);
  if (report.removedByAllowlist > 0)
    lines.push(`  removed from bodies by the HTML allowlist: ${report.removedByAllowlist}`);
  if (report.missingMedia.length > 0) lines.push(`  media files not found: ${report.missingMedia.length}`);
  const languages = Object.entries(report.languages).map(([l, n]) => `${l} (${n})`);
  if (languages.length > 0) lines.push(`  languages: ${languages.join(', ')}`);
  for (const l of report.languagesAdded)
    lines.push(`  language added to the site: ${l.tag} (interface in ${l.fallback})`);
  if (report.languageChangeCount > 0) {
    lines.push(`  language corrected from the text: ${report.languageChangeCount} post(s)`);
    for (const c of report.languageChanges.slice(0, 20))
      lines.push(`    post ${c.postId} "${c.title.slice(0, 60)}": ${c.from} → ${c.to} (${c.why})`);
    if (report.languageChangeCount > 20) lines.push(`    … and ${report.languageChangeCount - 20} more`);
  }
  lines.push(`  warnings: ${report.warnings.length + report.moreWarnings}`);
  return `${lines.join('\n')}\n`;
}
