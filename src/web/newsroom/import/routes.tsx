// WordPress import from the newsroom (admins): upload an export with the options of
// `midad import wordpress`, then follow the run on its own page until its summary. The upload
// is streamed to the data folder, never held in memory; the import runs in the background.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Conflict, Invalid } from '../../../core/errors.ts';
import { format } from '../../../core/i18n.ts';
import { parseInput } from '../../../core/validation.ts';
import type { Actor } from '../../../services/actor.ts';
import {
  checkImportOptions,
  interruptStaleImports,
  retryImport,
  startImport,
} from '../../../services/import/manage-runs.ts';
import type { ImportRunOptionsInput } from '../../../services/import/options.ts';
import { importFormData, importRunReport, importRunWithTimezone } from '../../../services/import/queries.ts';
import { actorOf, authorize, checkCsrf } from '../auth.ts';
import { languageOf, type NewsroomDeps, sendNewsroomPage } from '../page.ts';
import { idParam } from '../params.ts';
import { type ImportMessages, importMessages } from './messages.ts';
import { presentProgress, presentRun, presentRunRow } from './presenter.ts';
import { ImportForm, ImportRunParams } from './schema.ts';
import { type ImportFormValues, ImportPage, RunPage } from './views.tsx';

/** Exports of big sites run to hundreds of megabytes; the reader streams them, so disk is the limit. */
export const MAX_EXPORT_MB = 2048;
const EMPTY: ImportFormValues = {
  dryRun: false,
  skipPingbacks: false,
  defaultAuthor: '',
  uploadsDir: '',
  categoryBase: '',
  tagBase: '',
};

function valuesOf(form: ImportForm): ImportFormValues {
  return {
    dryRun: form.dry_run === 'on',
    skipPingbacks: form.skip_pingbacks === 'on',
    defaultAuthor: (form.default_author ?? '').trim(),
    uploadsDir: (form.uploads_dir ?? '').trim(),
    categoryBase: (form.category_base ?? '').trim(),
    tagBase: (form.tag_base ?? '').trim(),
  };
}

function optionsOf(v: ImportFormValues): ImportRunOptionsInput {
  return {
    dryRun: v.dryRun,
    skipPingbacks: v.skipPingbacks,
    defaultAuthorEmail: v.defaultAuthor,
    uploadsDir: v.uploadsDir,
    categoryBase: v.categoryBase,
    tagBase: v.tagBase,
  };
}

/** The form's field and words for each option the import refused. */
const FIELD_OF: Record<string, [string, keyof ImportMessages]> = {
  uploadsDir: ['uploads_dir', 'errUploads'],
  categoryBase: ['category_base', 'errBase'],
  tagBase: ['tag_base', 'errBase'],
  defaultAuthorEmail: ['default_author', 'errAuthor'],
};

function fieldErrors(err: Invalid, t: ImportMessages): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const key of Object.keys(err.fields)) {
    const [field, words] = FIELD_OF[key] ?? [key, 'fixErrors'];
    errors[field] = String(t[words]);
  }
  return errors;
}

/** Multipart fields as a form body: a field sent twice becomes a list, which the schema refuses. */
function addField(fields: Record<string, string | string[]>, name: string, value: string): void {
  const had = fields[name];
  fields[name] = had === undefined ? value : [...(Array.isArray(had) ? had : [had]), value];
}

export function registerImportRoutes(app: FastifyInstance, deps: NewsroomDeps): void {
  const { services } = deps;
  const uploadsFolder = path.join(services.config.dataDir, 'imports', 'uploads');
  const logFailure = (err: unknown) => app.log.error({ err }, 'import failed');

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
    const data = await importFormData(services);
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
          authors={data.authors}
          runs={data.runs.map((r) => presentRunRow(r, t, { lang, timezone: data.timezone }))}
        />
      ),
    });
  };

  /** The options as the import would check them; the form's field → words. */
  const problemsOf = async (actor: Actor, values: ImportFormValues, t: ImportMessages) => {
    try {
      await checkImportOptions(services, actor, optionsOf(values));
      return {};
    } catch (err) {
      if (err instanceof Invalid && err.status === 422) return fieldErrors(err, t);
      throw err;
    }
  };

  app.register(async (scope) => {
    await scope.register(multipart, {
      limits: { files: 1, parts: 12, fields: 10, fieldSize: 4096, fileSize: MAX_EXPORT_MB * 1024 * 1024 },
    });

    scope.get('/import', async (request, reply) => {
      authorize(request.staff!.person, { kind: 'import.run' });
      return showForm(request, reply);
    });

    scope.post('/import', async (request, reply) => {
      authorize(request.staff!.person, { kind: 'import.run' });
      const t = importMessages(languageOf(request));
      const actor = await actorOf(services, request);
      const fields: Record<string, string | string[]> = {};
      /** The form's token must match before anything of the form is looked at or kept. */
      const formSoFar = () => {
        request.body = { _csrf: fields._csrf ?? '' };
        checkCsrf(request);
        return valuesOf(parseInput(ImportForm, fields));
      };
      let saved: { name: string; path: string } | null = null;
      let errors: Record<string, string> = {};
      fs.mkdirSync(uploadsFolder, { recursive: true });
      try {
        for await (const part of request.parts()) {
          if (part.type === 'field') {
            if (typeof part.value === 'string') addField(fields, part.fieldname, part.value);
            continue;
          }
          // The token and options come before the file in the form: a forged or malformed
          // request is refused before a byte of it reaches the disk, and options are checked first.
          errors = await problemsOf(actor, formSoFar(), t);
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
      const kept: { name: string; path: string } | null = saved;
      const discard = () => {
        if (kept) fs.rmSync(kept.path, { force: true });
      };
      // Also when no file came at all: a forged empty form gets the same refusal, and fields
      // sent after the file are held to the same rules.
      let values: ImportFormValues;
      try {
        values = formSoFar();
      } catch (err) {
        discard();
        throw err;
      }
      if (!kept && Object.keys(errors).length === 0) errors.file = t.errFile;
      if (!kept || Object.keys(errors).length > 0) {
        discard();
        return showForm(request, reply, { values, errors, status: 422 });
      }
      try {
        const run = await startImport(
          services,
          actor,
          { fileName: kept.name, filePath: kept.path, options: optionsOf(values) },
          logFailure,
        );
        return reply.redirect(`/newsroom/import/${run.id}`, 303);
      } catch (err) {
        discard();
        if (err instanceof Conflict) return showForm(request, reply, { values, notice: t.busy, status: 409 });
        if (err instanceof Invalid && err.status === 422)
          return showForm(request, reply, { values, errors: fieldErrors(err, t), status: 422 });
        throw err;
      }
    });
  });

  app.get('/import/:id', async (request, reply) => {
    authorize(request.staff!.person, { kind: 'import.run' });
    const id = idParam(ImportRunParams, request.params);
    // A run whose process stopped is shown as interrupted, with the way to start it again.
    await interruptStaleImports(services, await actorOf(services, request));
    const { run, timezone } = await importRunWithTimezone(services, id);
    const lang = languageOf(request);
    const t = importMessages(lang);
    const view = presentRun(run, t, { lang, timezone });
    return sendNewsroomPage(deps, request, reply, {
      title: t.title,
      current: '/newsroom/import',
      body: (
        <RunPage
          t={t}
          csrf={request.staff!.session.csrfToken}
          run={view}
          script={deps.assets.importProgressJs}
        />
      ),
    });
  });

  // What the progress page's script polls: the run's state, worded in the person's language.
  app.get('/import/:id/progress.json', async (request, reply) => {
    authorize(request.staff!.person, { kind: 'import.run' });
    const id = idParam(ImportRunParams, request.params);
    await interruptStaleImports(services, await actorOf(services, request));
    const { run, timezone } = await importRunWithTimezone(services, id);
    const lang = languageOf(request);
    return reply
      .header('cache-control', 'private, no-store')
      .send(presentProgress(presentRun(run, importMessages(lang), { lang, timezone }), importMessages(lang)));
  });

  app.get('/import/:id/report.json', async (request, reply) => {
    authorize(request.staff!.person, { kind: 'import.run' });
    const { id, report } = await importRunReport(services, idParam(ImportRunParams, request.params));
    return reply
      .header('cache-control', 'private, no-store')
      .header('content-disposition', `attachment; filename="import-${id}.json"`)
      .type('application/json; charset=utf-8')
      .send(JSON.stringify(report, null, 2));
  });

  app.post('/import/:id/retry', async (request, reply) => {
    checkCsrf(request);
    const runId = idParam(ImportRunParams, request.params);
    const actor = await actorOf(services, request);
    const t = importMessages(languageOf(request));
    try {
      const again = await retryImport(services, actor, { runId }, logFailure);
      return reply.redirect(`/newsroom/import/${again.id}`, 303);
    } catch (err) {
      if (err instanceof Conflict) return showForm(request, reply, { notice: t.busy, status: 409 });
      if (err instanceof Invalid && err.status === 422)
        return showForm(request, reply, { notice: err.message, status: 422 });
      throw err;
    }
  });
}
