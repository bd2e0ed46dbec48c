// The forms of an audio or video item's page: poster chosen from the library or uploaded,
// caption tracks added (a WebVTT upload with its language and name) and removed. A refusal
// shows the item's page again with the reason; success goes back to it with a confirmation.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Invalid } from '../../../core/errors.ts';
import { parseInput } from '../../../core/validation.ts';
import { addCaptionTrack, removeCaptionTrack, setPoster } from '../../../services/media/audio-video.ts';
import { mediaById, uploadLimitBytes } from '../../../services/media/queries.ts';
import { uploadMedia } from '../../../services/media/upload-media.ts';
import { actorOf, authorize, checkCsrf } from '../auth.ts';
import { messagesFor, type NewsroomDeps } from '../page.ts';
import { idParam } from '../params.ts';
import { editView, renderEdit } from './edit.tsx';
import { uploadErrorText } from './presenter.ts';
import { MediaParams, PosterBody, TrackFields, TrackParams } from './schema.ts';
import { readOneFile } from './upload.ts';

/** The reason a form was refused, in the person's language; null for errors the app answers. */
function refusalText(error: unknown, request: FastifyRequest, maxBytes: number): string | null {
  if (!(error instanceof Invalid) || error.status !== 422) return null;
  const t = messagesFor(request);
  if (error.fields.file) return uploadErrorText(error, t, maxBytes);
  if (error.fields.poster) return t.mediaPosterNotImage;
  if (error.fields.media) return t.mediaNotAv;
  if (error.fields.lang || error.fields.label) return t.mediaCaptionsFields;
  return null;
}

async function refused(
  deps: NewsroomDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  mediaId: number,
  error: unknown,
): Promise<FastifyReply> {
  const text = refusalText(error, request, await uploadLimitBytes(deps.services));
  if (text === null) throw error;
  const media = await mediaById(deps.services, mediaId);
  const status = (error as Invalid).fields.file === 'too_large' ? 413 : 422;
  return renderEdit(deps, request, reply, {
    item: await editView(deps, request, media),
    status,
    notice: { kind: 'error', text },
  });
}

/** One file after the CSRF token and the text fields, held in memory up to the file limit. */
async function readForm(request: FastifyRequest, maxBytes: number) {
  const { file, fields } = await readOneFile(request, maxBytes, (read) => {
    request.body = { _csrf: read._csrf ?? '' };
    checkCsrf(request);
  });
  if (!file || file.buffer.length === 0) throw new Invalid('No file was sent.', { file: 'empty' });
  return { file, fields };
}

const single = (value: string | string[] | undefined) => (Array.isArray(value) ? undefined : value);

export function registerAvRoutes(app: FastifyInstance, deps: NewsroomDeps): void {
  const { services } = deps;
  const back = (reply: FastifyReply, id: number, done: string) =>
    reply.redirect(`/newsroom/media/${id}?done=${done}`, 303);

  app.post('/media/:id/poster', async (request, reply) => {
    checkCsrf(request);
    const mediaId = idParam(MediaParams, request.params);
    const form = parseInput(PosterBody, request.body);
    try {
      if (form.remove !== '1' && form.posterId === undefined) {
        throw new Invalid('Choose an image.', { poster: 'missing' });
      }
      const actor = await actorOf(services, request);
      await setPoster(services, actor, {
        mediaId,
        posterMediaId: form.remove === '1' ? null : (form.posterId ?? null),
      });
    } catch (error) {
      return refused(deps, request, reply, mediaId, error);
    }
    return back(reply, mediaId, 'poster');
  });

  app.post('/media/:id/poster/upload', async (request, reply) => {
    authorize(request.staff!.person, { kind: 'media.upload' });
    const mediaId = idParam(MediaParams, request.params);
    try {
      // The form's token is checked before anything else is said about the item.
      const { file } = await readForm(request, await uploadLimitBytes(services));
      const video = await mediaById(services, mediaId);
      if (video.kind !== 'video') throw new Invalid('Only a video has a poster image.', { media: 'not_av' });
      const actor = await actorOf(services, request);
      const image = await uploadMedia(services, actor, {
        buffer: file.buffer,
        filename: file.filename,
        declaredType: file.mimetype,
      });
      if (image.kind !== 'image') throw new Invalid('The poster must be an image.', { poster: 'not_image' });
      await setPoster(services, actor, { mediaId, posterMediaId: image.id });
    } catch (error) {
      return refused(deps, request, reply, mediaId, error);
    }
    return back(reply, mediaId, 'poster');
  });

  app.post('/media/:id/tracks', async (request, reply) => {
    authorize(request.staff!.person, { kind: 'media.upload' });
    const mediaId = idParam(MediaParams, request.params);
    try {
      const { file, fields } = await readForm(request, await uploadLimitBytes(services));
      const text = parseInput(TrackFields, {
        lang: single(fields.lang),
        label: single(fields.label),
        kind: single(fields.kind),
      });
      const actor = await actorOf(services, request);
      await addCaptionTrack(services, actor, { mediaId, buffer: file.buffer, ...text });
    } catch (error) {
      return refused(deps, request, reply, mediaId, error);
    }
    return back(reply, mediaId, 'track');
  });

  app.post('/media/:id/tracks/:trackId/delete', async (request, reply) => {
    checkCsrf(request);
    const parsed = TrackParams.safeParse(request.params);
    const mediaId = idParam(MediaParams, request.params);
    if (!parsed.success)
      return refused(deps, request, reply, mediaId, new Invalid('No such track.', { track: 'missing' }));
    const actor = await actorOf(services, request);
    try {
      await removeCaptionTrack(services, actor, { mediaId, trackId: parsed.data.trackId });
    } catch (error) {
      if (error instanceof Invalid && error.fields.track) return back(reply, mediaId, 'untrack');
      return refused(deps, request, reply, mediaId, error);
    }
    return back(reply, mediaId, 'untrack');
  });
}
