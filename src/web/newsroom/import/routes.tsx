// WordPress import from the newsroom (admins): upload an export with the options of
// `midad import wordpress`, then follow the run on its own page until its summary. The upload
// is streamed to the data folder, never held in memory; the import runs in the background.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { Conflict, Forbidden, Invalid, NotFound } from '../../../core/errors.ts';
import { format } from '../../../core/i18n.ts';
import { can } from '../../../core/policies/index.ts';
import { permalinkBase } from '../../../services/import/run-import.ts';
import {
  type ImportRunOptions,
  queueImport,
  retryImport,
  runImport,
  STALE_AFTER_MS,
} from '../../../services/import/runs.ts';
import { loadSiteSettings } from '../../../services/settings.ts';
import { checkCsrf } from '../auth.ts';
import { languageOf, type NewsroomDeps, sendNewsroomPage } from '../page.ts';
import { importMessages } from './messages.ts';
import { presentRun, presentRunRow } from './presenter.ts';
import { type ImportFormValues, ImportPage, RunPage } from './views.tsx';

/** Exports of big sites run to hundreds of megabytes; the reader streams them, so disk is the limit. */
export const MAX_EXPORT_MB = 2048;
const Params = z.object({ id: z.coerce.number().int().positive() });
const EMPTY: ImportFormValues = {
  dryRun: false,
  skipPingbacks: false,
  defaultAuthor: '',
  uploadsDir: '',
  categoryBase: '',
  tagBase: '',
};

function readValues(fields: Record<string, string>): ImportFormValues {
  return {
    dryRun: fields.dry_run === 'on',
    skipPingbacks: fields.skip_pingbacks === 'on',
    defaultAuthor: (fields.default_author ?? '').trim(),
    uploadsDir: (fields.uploads_dir ?? '').trim(),
    categoryBase: (fields.category_base ?? '').trim(),
    tagBase: (fields.tag_base ?? '').trim(),
  };
}

export function registerImportRoutes(app: FastifyInstance, deps: NewsroomDeps): void {
  const { services } = deps;
  const uploadsFolder = path.join(services.config.dataDir, 'imports', 'uploads');

  const guard = (request: FastifyRequest) => {
    if (!can(request.staff!.person, { kind: 'import.run' })) throw new Forbidden('forbidden');
  };

  const showForm = async (
    request: FastifyRequest,
    reply: FastifyReply,
    extra: {
      values?: ImportFormValues;
      errors?: Record<string, string>;
      notice?: string;
      status?: number;
    } = {},
  ) => {
    const lang = languageOf(request);
    const t = importMessages(lang);
    const [people, runs, settings] = await Promise.all([
      services.repos.people.list(),
      services.repos.importRuns.list(20),
      loadSiteSettings(services.repos),
    ]);
    const failed = extra.errors && Object.keys(extra.errors).length > 0;
    return sendNewsroomPage(deps, request, reply, {
      title: t.title,
      current: '/newsroom/import',
      status: extra.status ?? 200,
      notice: extra.notice
        ? { kind: 'error', text: extra.notice }
        : failed
          ? { kind: 'error', text: t.fixErrors }
          : null,
      body: (
        <ImportPage
          t={t}
          csrf={request.staff!.session.csrfToken}
          values={extra.values ?? EMPTY}
          errors={extra.errors ?? {}}
          authors={people.filter((p) => !p.disabled).map((p) => ({ email: p.email, name: p.name }))}
          runs={runs.map((r) => presentRunRow(r, t, { lang, timezone: settings.timezone }))}
        />
      ),
    });
  };

  /** Checks the options as the import will; field name → message. */
  const problemsOf = async (v: ImportFormValues, lang: ReturnType<typeof languageOf>) => {
    const t = importMessages(lang);
    const errors: Record<string, string> = {};
    if (v.uploadsDir !== '' && !fs.statSync(v.uploadsDir, { throwIfNoEntry: false })?.isDirectory()) {
      errors.uploads_dir = t.errUploads;
    }
    for (const [field, value] of [
      ['category_base', v.categoryBase],
      ['tag_base', v.tagBase],
    ] as const) {
      try {
        permalinkBase(value, 'x', field);
      } catch {
        errors[field] = t.errBase;
      }
    }
    if (v.defaultAuthor !== '' && !(await services.repos.people.byEmail(v.defaultAuthor))) {
      errors.default_author = t.errAuthor;
    }
    return errors;
  };

  const start = (runId: number) => {
    void runImport(services, runId, (err) => app.log.error({ err, runId }, 'import failed'));
  };

  app.register(async (scope) => {
    await scope.register(multipart, {
      limits: { files: 1, parts: 12, fields: 10, fieldSize: 4096, fileSize: MAX_EXPORT_MB * 1024 * 1024 },
    });

    scope.get('/import', async (request, reply) => {
      guard(request);
      return showForm(request, reply);
    });

    scope.post('/import', async (request, reply) => {
      guard(request);
      const lang = languageOf(request);
      const t = importMessages(lang);
      const fields: Record<string, string> = {};
      let saved: { name: string; path: string } | null = null;
      let errors: Record<string, string> = {};
      fs.mkdirSync(uploadsFolder, { recursive: true });
      try {
        for await (const part of request.parts()) {
          if (part.type === 'field') {
            if (typeof part.value === 'string') fields[part.fieldname] = part.value;
            continue;
          }
          // The token and options come before the file in the form: a forged request is
          // refused before a byte of it reaches the disk, and options are checked first.
          request.body = { _csrf: fields._csrf ?? '' };
          checkCsrf(request);
          errors = await problemsOf(readValues(fields), lang);
          if (Object.keys(errors).length > 0 || part.filename === '') {
            part.file.resume();
            continue;
          }
          const target = path.join(uploadsFolder, `${Date.now()}-${randomBytes(6).toString('hex')}.xml`);
          await pipeline(part.file, fs.createWriteStream(target));
          if (part.file.truncated) {
            fs.rmSync(target, { force: true });
            errors.file = format(t.errTooLarge, { mb: MAX_EXPORT_MB });
          } else {
            saved = { name: path.basename(part.filename).slice(0, 200), path: target };
          }
        }
      } catch (err) {
        if (saved) fs.rmSync(saved.path, { force: true });
        if (err instanceof request.server.multipartErrors.RequestFileTooLargeError) {
          errors.file = format(t.errTooLarge, { mb: MAX_EXPORT_MB });
        } else throw err;
      }
      // Also when no file came at all: a forged empty form gets the same refusal.
      request.body = { _csrf: fields._csrf ?? '' };
      checkCsrf(request);
      if (!saved && Object.keys(errors).length === 0) errors.file = t.errFile;
      const values = readValues(fields);
      if (!saved || Object.keys(errors).length > 0) {
        if (saved) fs.rmSync(saved.path, { force: true });
        return showForm(request, reply, { values, errors, status: 422 });
      }
      const options: ImportRunOptions = { dryRun: values.dryRun, skipPingbacks: values.skipPingbacks };
      if (values.defaultAuthor) options.defaultAuthorEmail = values.defaultAuthor;
      if (values.uploadsDir) options.uploadsDir = values.uploadsDir;
      if (values.categoryBase) options.categoryBase = values.categoryBase;
      if (values.tagBase) options.tagBase = values.tagBase;
      try {
        const run = await queueImport(services, request.staff!.person, {
          fileName: saved.name,
          filePath: saved.path,
          options,
        });
        start(run.id);
        return reply.redirect(`/newsroom/import/${run.id}`, 303);
      } catch (err) {
        fs.rmSync(saved.path, { force: true });
        if (err instanceof Conflict) return showForm(request, reply, { values, notice: t.busy, status: 409 });
        throw err;
      }
    });
  });

  const load = async (request: FastifyRequest) => {
    const { id } = Params.parse(request.params);
    const run = await services.repos.importRuns.byId(id);
    if (!run) throw new NotFound('No such import.');
    return run;
  };

  app.get('/import/:id', async (request, reply) => {
    guard(request);
    const now = Date.now();
    await services.repos.importRuns.markInterrupted(
      new Date(now - STALE_AFTER_MS).toISOString(),
      new Date(now).toISOString(),
    );
    const run = await load(request);
    const lang = languageOf(request);
    const t = importMessages(lang);
    const { timezone } = await loadSiteSettings(services.repos);
    const view = presentRun(run, t, { lang, timezone });
    return sendNewsroomPage(deps, request, reply, {
      title: t.title,
      current: '/newsroom/import',
      ...(view.active ? { refreshSeconds: 2 } : {}),
      body: <RunPage t={t} csrf={request.staff!.session.csrfToken} run={view} />,
    });
  });

  app.get('/import/:id/report.json', async (request, reply) => {
    guard(request);
    const run = await load(request);
    if (run.report === null) throw new NotFound('This import has no report yet.');
    return reply
      .header('cache-control', 'private, no-store')
      .header('content-disposition', `attachment; filename="import-${run.id}.json"`)
      .type('application/json; charset=utf-8')
      .send(JSON.stringify(run.report, null, 2));
  });

  app.post('/import/:id/retry', async (request, reply) => {
    checkCsrf(request);
    guard(request);
    const run = await load(request);
    const t = importMessages(languageOf(request));
    try {
      const again = await retryImport(services, request.staff!.person, run.id);
      start(again.id);
      return reply.redirect(`/newsroom/import/${again.id}`, 303);
    } catch (err) {
      if (err instanceof Conflict) return showForm(request, reply, { notice: t.busy, status: 409 });
      if (err instanceof Invalid) return showForm(request, reply, { notice: err.message, status: 422 });
      throw err;
    }
  });
}
