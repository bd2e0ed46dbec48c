// The media library under /newsroom/media: the grid with search and upload, one item's page
// (alt text, caption, credit, variants, delete), and the JSON the article editor uses to pick
// and upload images. Routes live in their own scope so the multipart parser applies to them
// alone; errors other than the refusals a form shows again are answered by web/errors.ts (JSON
// for the editor's picker, a page otherwise).
import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Invalid } from '../../../core/errors.ts';
import { format } from '../../../core/i18n.ts';
import { can } from '../../../core/policies/index.ts';
import { parseInput } from '../../../core/validation.ts';
import { deleteMedia, MediaInUse } from '../../../services/media/delete-media.ts';
import {
  listMedia,
  audioVideoLimitBytes,
  mediaById,
  uploadLimitBytes,
  uploadReadLimitBytes,
} from '../../../services/media/queries.ts';
import { updateMedia } from '../../../services/media/update-media.ts';
import { uploadMedia } from '../../../services/media/upload-media.ts';
import { siteSettings } from '../../../services/settings.ts';
import { actorOf, authorize, checkCsrf } from '../auth.ts';
import { languageOf, messagesFor, type NewsroomDeps, sendNewsroomPage } from '../page.ts';
import { idParam } from '../params.ts';
import { registerAvRoutes } from './av-routes.tsx';
import { avPickerPage } from './av-view.ts';
import { editView, renderEdit } from './edit.tsx';
import { LibraryPage } from './LibraryPage.tsx';
import { presentLibraryItem, presentPickerItem, uploadErrorText } from './presenter.ts';
import { EditBody, EditQuery, LibraryQuery, MediaParams, PAGE_SIZE, wantsJson } from './schema.ts';
import { receiveUpload } from './upload.ts';

export function registerMediaRoutes(app: FastifyInstance, deps: NewsroomDeps): void {
  app.register(async (scope) => {
    // Per-request limits come from the site settings (upload.ts); these are the ceilings.
    await scope.register(multipart, { limits: { files: 1, parts: 10 } });
    registerLibrary(scope, deps);
    registerItem(scope, deps);
    registerAvRoutes(scope, deps);
  });
}

const noStore = (reply: FastifyReply) => reply.header('cache-control', 'private, no-store');

function registerLibrary(app: FastifyInstance, deps: NewsroomDeps): void {
  const { services } = deps;

  const showLibrary = async (
    request: FastifyRequest,
    reply: FastifyReply,
    extra: {
      status?: number;
      notice?: { kind: 'success' | 'error'; text: string } | null;
      typedAlt?: string;
    },
  ) => {
    const staff = request.staff!;
    const t = messagesFor(request);
    const query = parseInput(LibraryQuery, request.query);
    const [{ timezone }, page, maxBytes] = await Promise.all([
      siteSettings(services),
      listMedia(services, { q: query.q, page: query.page, pageSize: PAGE_SIZE }),
      uploadLimitBytes(services),
    ]);
    const ctx = { lang: languageOf(request), t, timezone };
    const link = (n: number) =>
      `/newsroom/media?${new URLSearchParams({ ...(query.q ? { q: query.q } : {}), page: String(n) })}`;
    const notice =
      extra.notice ??
      (query.uploaded !== undefined
        ? { kind: 'success' as const, text: format(t.mediaUploadedCount, { n: query.uploaded }) }
        : query.deleted
          ? { kind: 'success' as const, text: t.mediaDeleted }
          : null);
    return sendNewsroomPage(deps, request, reply, {
      title:
        query.page > 1 ? `${t.mediaLibrary} – ${format(t.mediaPage, { n: query.page })}` : t.mediaLibrary,
      current: '/newsroom/media',
      status: extra.status ?? 200,
      notice,
      body: (
        <LibraryPage
          t={t}
          csrf={staff.session.csrfToken}
          items={page.items.map((m) => presentLibraryItem(m, ctx))}
          q={query.q}
          maxMb={Math.round((maxBytes / 1024 / 1024) * 100) / 100}
          canUpload={can(staff.person, { kind: 'media.upload' })}
          prev={query.page > 1 ? link(query.page - 1) : null}
          next={page.nextPage !== null ? link(page.nextPage) : null}
          script={deps.assets.mediaUploadJs}
          {...(extra.typedAlt !== undefined ? { typedAlt: extra.typedAlt } : {})}
        />
      ),
    });
  };

  app.get('/media', async (request, reply) => {
    authorize(request.staff!.person, { kind: 'media.upload' });
    return showLibrary(request, reply, {});
  });

  app.get('/media.json', async (request, reply) => {
    authorize(request.staff!.person, { kind: 'media.upload' });
    const query = parseInput(LibraryQuery, request.query);
    if (query.kind === 'av') return noStore(reply).send(await avPickerPage(services, query.q, query.page));
    const page = await listMedia(services, { q: query.q, page: query.page, pageSize: PAGE_SIZE });
    return noStore(reply).send({ items: page.items.map(presentPickerItem), nextPage: page.nextPage });
  });

  app.post('/media', async (request, reply) => {
    // Refused before a byte of the file is read.
    authorize(request.staff!.person, { kind: 'media.upload' });
    const t = messagesFor(request);
    const json = wantsJson(request.headers.accept);
    const [maxBytes, maxAvBytes, readLimit] = await Promise.all([
      uploadLimitBytes(services),
      audioVideoLimitBytes(services),
      uploadReadLimitBytes(services),
    ]);
    let typedAlt: string | undefined;
    try {
      const upload = await receiveUpload(request, readLimit);
      typedAlt = upload.fields.alt;
      const actor = await actorOf(services, request);
      const media = await uploadMedia(services, actor, {
        buffer: upload.buffer,
        filename: upload.filename,
        declaredType: upload.mimetype,
        ...upload.fields,
      });
      if (json)
        return noStore(reply)
          .code(201)
          .send({ item: presentPickerItem(media) });
      return reply.redirect(`/newsroom/media/${media.id}?uploaded=1`, 303);
    } catch (error) {
      // A refused file is told in the person's words, by the stable code ingest gives it.
      const text = uploadErrorText(error, t, maxBytes, maxAvBytes);
      if (text === null || !(error instanceof Invalid)) throw error;
      const status = error.fields.file === 'too_large' || error.fields.file === 'too_large_av' ? 413 : 422;
      if (json)
        return reply.code(status).send({ error: { code: error.fields.file ?? 'invalid', message: text } });
      return showLibrary(request, reply, {
        status,
        notice: { kind: 'error', text },
        ...(typedAlt !== undefined ? { typedAlt } : {}),
      });
    }
  });
}

function registerItem(app: FastifyInstance, deps: NewsroomDeps): void {
  const { services } = deps;

  app.get('/media/:id', async (request, reply) => {
    authorize(request.staff!.person, { kind: 'media.upload' });
    const media = await mediaById(services, idParam(MediaParams, request.params));
    const query = parseInput(EditQuery, request.query);
    const t = messagesFor(request);
    const done = { poster: t.mediaPosterSaved, track: t.mediaCaptionsSaved, untrack: t.mediaCaptionsRemoved };
    const notice = query.uploaded
      ? t.mediaUploaded
      : query.saved
        ? t.mediaSaved
        : query.done
          ? done[query.done]
          : null;
    if (wantsJson(request.headers.accept)) return reply.send({ item: presentPickerItem(media) });
    return renderEdit(deps, request, reply, {
      item: await editView(deps, request, media),
      notice: notice ? { kind: 'success', text: notice } : null,
    });
  });

  app.post('/media/:id', async (request, reply) => {
    checkCsrf(request);
    const mediaId = idParam(MediaParams, request.params);
    const form = parseInput(EditBody, request.body);
    const actor = await actorOf(services, request);
    try {
      await updateMedia(services, actor, { mediaId, ...form });
    } catch (error) {
      if (!(error instanceof Invalid && error.status === 422)) throw error;
      // Keep what was typed, say what is wrong next to the field.
      const t = messagesFor(request);
      const errors: Partial<Record<keyof EditBody, string>> = {};
      for (const key of ['alt', 'caption', 'credit'] as const) {
        if (error.fields[key]) errors[key] = t.mediaTooLong;
      }
      const media = await mediaById(services, mediaId);
      const item = { ...(await editView(deps, request, media)), ...form };
      return renderEdit(deps, request, reply, { item, errors, status: 422 });
    }
    return reply.redirect(`/newsroom/media/${mediaId}?saved=1`, 303);
  });

  app.post('/media/:id/delete', async (request, reply) => {
    checkCsrf(request);
    const mediaId = idParam(MediaParams, request.params);
    const json = wantsJson(request.headers.accept);
    const actor = await actorOf(services, request);
    try {
      await deleteMedia(services, actor, { mediaId });
    } catch (error) {
      // The page lists what uses the item; JSON clients get the same list from web/errors.ts.
      if (!(error instanceof MediaInUse) || json) throw error;
      const t = messagesFor(request);
      return renderEdit(deps, request, reply, {
        item: await editView(deps, request, await mediaById(services, mediaId)),
        usage: error.usage,
        status: 409,
        notice: { kind: 'error', text: t.mediaInUse },
      });
    }
    if (json) return reply.send({ deleted: mediaId });
    return reply.redirect('/newsroom/media?deleted=1', 303);
  });
}
