// The media library under /newsroom/media: the grid with search and upload, one item's page
// (alt text, caption, credit, variants, delete), and the JSON the article editor uses to pick
// and upload images. Routes live in their own scope so the multipart parser and the JSON error
// answers apply to them alone.
import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Invalid, NotFound } from '../../../core/errors.ts';
import { format } from '../../../core/i18n.ts';
import { can } from '../../../core/policies/index.ts';
import {
  deleteMedia,
  MediaInUse,
  maxUploadBytes,
  updateMediaText,
  uploadMedia,
} from '../../../services/media-library.ts';
import { loadSiteSettings } from '../../../services/settings.ts';
import { authorize, checkCsrf, clientIpHash } from '../auth.ts';
import { languageOf, messagesFor, type NewsroomDeps, sendNewsroomPage } from '../page.ts';
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
  });
}

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
    const query = LibraryQuery.parse(request.query ?? {});
    const [{ timezone }, page, maxBytes] = await Promise.all([
      loadSiteSettings(services.repos),
      services.repos.media.list({ q: query.q, limit: PAGE_SIZE, offset: (query.page - 1) * PAGE_SIZE }),
      maxUploadBytes(services.repos),
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
          next={query.page * PAGE_SIZE < page.total ? link(query.page + 1) : null}
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
    const query = LibraryQuery.parse(request.query ?? {});
    const page = await services.repos.media.list({
      q: query.q,
      limit: PAGE_SIZE,
      offset: (query.page - 1) * PAGE_SIZE,
    });
    return reply.header('cache-control', 'private, no-store').send({
      items: page.items.map(presentPickerItem),
      nextPage: query.page * PAGE_SIZE < page.total ? query.page + 1 : null,
    });
  });

  app.post('/media', async (request, reply) => {
    authorize(request.staff!.person, { kind: 'media.upload' });
    const t = messagesFor(request);
    const json = wantsJson(request.headers.accept);
    const maxBytes = await maxUploadBytes(services.repos);
    let typedAlt: string | undefined;
    try {
      const upload = await receiveUpload(request, maxBytes);
      typedAlt = upload.fields.alt;
      const media = await uploadMedia(services, { buffer: upload.buffer, text: upload.fields });
      if (json)
        return reply
          .code(201)
          .header('cache-control', 'private, no-store')
          .send({ item: presentPickerItem(media) });
      return reply.redirect(`/newsroom/media/${media.id}?uploaded=1`, 303);
    } catch (error) {
      const text = uploadErrorText(error, t, maxBytes);
      if (text === null || !(error instanceof Invalid)) throw error;
      const status = error.fields.file === 'too_large' ? 413 : 422;
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

  const load = async (request: FastifyRequest) => {
    const { id } = MediaParams.parse(request.params);
    const media = await services.repos.media.byId(id);
    if (!media) throw new NotFound(`No media with id ${id}.`);
    return media;
  };

  app.get('/media/:id', async (request, reply) => {
    authorize(request.staff!.person, { kind: 'media.upload' });
    const media = await load(request);
    const query = EditQuery.parse(request.query ?? {});
    const t = messagesFor(request);
    const notice = query.uploaded ? t.mediaUploaded : query.saved ? t.mediaSaved : null;
    if (wantsJson(request.headers.accept)) return reply.send({ item: presentPickerItem(media) });
    return renderEdit(deps, request, reply, {
      item: await editView(deps, request, media),
      notice: notice ? { kind: 'success', text: notice } : null,
    });
  });

  app.post('/media/:id', async (request, reply) => {
    checkCsrf(request);
    authorize(request.staff!.person, { kind: 'media.upload' });
    const media = await load(request);
    const t = messagesFor(request);
    const body = EditBody.parse(request.body ?? {});
    const tooLong = { alt: 500, caption: 2000, credit: 300 } as const;
    const errors: Partial<Record<keyof typeof tooLong, string>> = {};
    for (const key of Object.keys(tooLong) as (keyof typeof tooLong)[]) {
      if (body[key].trim().length > tooLong[key]) errors[key] = t.mediaTooLong;
    }
    if (Object.keys(errors).length > 0) {
      // Keep what was typed, say what is wrong next to the field.
      const item = { ...(await editView(deps, request, media)), ...body };
      return renderEdit(deps, request, reply, { item, errors, status: 422 });
    }
    await updateMediaText(services, media.id, body);
    return reply.redirect(`/newsroom/media/${media.id}?saved=1`, 303);
  });

  app.post('/media/:id/delete', async (request, reply) => {
    checkCsrf(request);
    const staff = request.staff!;
    authorize(staff.person, { kind: 'media.delete' });
    const media = await load(request);
    try {
      await deleteMedia(services, {
        id: media.id,
        by: staff.person,
        ipHash: await clientIpHash(services, request),
      });
    } catch (error) {
      if (!(error instanceof MediaInUse) || wantsJson(request.headers.accept)) throw error;
      const t = messagesFor(request);
      return renderEdit(deps, request, reply, {
        item: await editView(deps, request, media),
        usage: error.usage,
        status: 409,
        notice: { kind: 'error', text: t.mediaInUse },
      });
    }
    if (wantsJson(request.headers.accept)) return reply.send({ deleted: media.id });
    return reply.redirect('/newsroom/media?deleted=1', 303);
  });
}
