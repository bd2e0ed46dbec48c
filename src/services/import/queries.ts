// What the newsroom's import pages show: the people who can be given unknown authors' posts, the
// latest runs, one run with its progress and report, and the site's time zone for their dates.
import { NotFound } from '../../core/errors.ts';
import type { ImportRun } from '../../core/import-runs.ts';
import type { Services } from '../context.ts';
import { siteSettings } from '../settings.ts';

export interface ImportFormData {
  authors: { email: string; name: string }[];
  runs: ImportRun[];
  timezone: string;
}

export async function importFormData(services: Pick<Services, 'repos'>): Promise<ImportFormData> {
  const [people, runs, settings] = await Promise.all([
    services.repos.people.list(),
    services.repos.importRuns.list(20),
    siteSettings(services),
  ]);
  return {
    authors: people.filter((p) => !p.disabled).map((p) => ({ email: p.email, name: p.name })),
    runs,
    timezone: settings.timezone,
  };
}

export async function importRun(services: Pick<Services, 'repos'>, id: number): Promise<ImportRun> {
  const run = await services.repos.importRuns.byId(id);
  if (!run) throw new NotFound('No such import.');
  return run;
}

export async function importRunWithTimezone(
  services: Pick<Services, 'repos'>,
  id: number,
): Promise<{ run: ImportRun; timezone: string }> {
  const [run, settings] = await Promise.all([importRun(services, id), siteSettings(services)]);
  return { run, timezone: settings.timezone };
}

/** The full report of a finished run, for download. */
export async function importRunReport(
  services: Pick<Services, 'repos'>,
  id: number,
): Promise<{ id: number; report: unknown }> {
  const run = await importRun(services, id);
  if (run.report === null) throw new NotFound('This import has no report yet.');
  return { id: run.id, report: run.report };
}
