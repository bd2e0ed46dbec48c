// What the newsroom reads of the media library: a page of items (searched), one item, and the
// site's upload limit.
import { z } from 'zod';
import { NotFound } from '../../core/errors.ts';
import type { Media, MediaKind } from '../../core/types.ts';
import type { Repositories } from '../../db/repositories/contract.ts';
import type { Services } from '../context.ts';

/** Settings key of the upload limit, in megabytes. */
export const MAX_UPLOAD_SETTING = 'media.maxUploadMB';
export const DEFAULT_MAX_UPLOAD_MB = 20;

const UploadLimit = z.number().positive().max(1024).catch(DEFAULT_MAX_UPLOAD_MB);

/** The largest upload the site accepts, in bytes. */
export async function maxUploadBytes(repos: Pick<Repositories, 'settings'>): Promise<number> {
  const mb = UploadLimit.parse(await repos.settings.get(MAX_UPLOAD_SETTING));
  return Math.floor(mb * 1024 * 1024);
}

/** Settings key of the audio and video upload limit, in megabytes. */
export const MAX_AV_UPLOAD_SETTING = 'media.maxAudioVideoMB';
export const DEFAULT_MAX_AV_UPLOAD_MB = 200;

const AvUploadLimit = z.number().positive().max(4096).catch(DEFAULT_MAX_AV_UPLOAD_MB);

/** The largest audio or video file the site accepts, in bytes. */
export async function maxAudioVideoBytes(repos: Pick<Repositories, 'settings'>): Promise<number> {
  const mb = AvUploadLimit.parse(await repos.settings.get(MAX_AV_UPLOAD_SETTING));
  return Math.floor(mb * 1024 * 1024);
}

/** The audio and video limit in bytes, for the web layer. */
export function audioVideoLimitBytes(services: { repos: Pick<Repositories, 'settings'> }): Promise<number> {
  return maxAudioVideoBytes(services.repos);
}

/** The most bytes an upload form may send: the larger of the two limits (each kind is held to its own). */
export async function uploadReadLimitBytes(services: {
  repos: Pick<Repositories, 'settings'>;
}): Promise<number> {
  const [files, av] = await Promise.all([maxUploadBytes(services.repos), maxAudioVideoBytes(services.repos)]);
  return Math.max(files, av);
}

/** The largest upload accepted, in bytes, for the web layer. */
export function uploadLimitBytes(services: { repos: Pick<Repositories, 'settings'> }): Promise<number> {
  return maxUploadBytes(services.repos);
}

export interface MediaPage {
  items: Media[];
  /** The next page's number, or null on the last page. */
  nextPage: number | null;
}

/** One page of the library, newest first, optionally searched by alt text, caption and credit. */
export async function listMedia(
  services: Pick<Services, 'repos'>,
  query: { q: string; page: number; pageSize: number; kinds?: readonly MediaKind[] },
): Promise<MediaPage> {
  const { items, total } = await services.repos.media.list({
    q: query.q,
    ...(query.kinds ? { kinds: query.kinds } : {}),
    limit: query.pageSize,
    offset: (query.page - 1) * query.pageSize,
  });
  return { items, nextPage: query.page * query.pageSize < total ? query.page + 1 : null };
}

export async function mediaById(services: Pick<Services, 'repos'>, id: number): Promise<Media> {
  const media = await services.repos.media.byId(id);
  if (!media) throw new NotFound(`No media with id ${id}.`);
  return media;
}
