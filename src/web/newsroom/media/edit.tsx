// Builds and sends one media item's page; shared by its display, a refused save and a refused delete.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { displayDate } from '../../../core/dates.ts';
import type { MediaUsage } from '../../../core/media.ts';
import { can } from '../../../core/policies/index.ts';
import type { Media } from '../../../core/types.ts';
import { bestFallback, mediaUrl, srcsetFor } from '../../../media/images.ts';
import { siteSettings } from '../../../services/settings.ts';
import { authorPath, MEDIA_PREFIX } from '../../reader/urls.ts';
import { languageOf, messagesFor, type NewsroomDeps, sendNewsroomPage } from '../page.ts';
import { avView } from './av-view.ts';
import { EditPage, type EditView } from './EditPage.tsx';
import { formatBytes, isImage, presentVariants } from './presenter.ts';

/** The article editor's address; the articles area of the newsroom answers it. */
export const articleEditPath = (id: number): string => `/newsroom/articles/${id}`;

export async function editView(deps: NewsroomDeps, request: FastifyRequest, media: Media): Promise<EditView> {
  const lang = languageOf(request);
  const { timezone } = await siteSettings(deps.services);
  const image = isImage(media);
  const fallback = image ? bestFallback(media, MEDIA_PREFIX) : null;
  return {
    id: media.id,
    alt: media.alt,
    caption: media.caption,
    credit: media.credit,
    isDocument: !image,
    fileUrl: mediaUrl(MEDIA_PREFIX, media.path),
    preview: fallback
      ? {
          src: fallback.src,
          srcset: srcsetFor(media, 'jpeg', MEDIA_PREFIX),
          width: fallback.width ?? media.width ?? 0,
          height: fallback.height ?? media.height ?? 0,
        }
      : null,
    sizeText: formatBytes(media.size, lang),
    dimensions: media.width && media.height ? `${media.width} × ${media.height}` : null,
    dateText: displayDate(media.createdAt, lang, timezone, true).gregorian,
    variants: presentVariants(media),
    av: await avView(deps, media, messagesFor(request)),
  };
}

export async function renderEdit(
  deps: NewsroomDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  page: {
    item: EditView;
    errors?: Partial<Record<'alt' | 'caption' | 'credit', string>>;
    usage?: MediaUsage;
    status?: number;
    notice?: { kind: 'success' | 'error'; text: string } | null;
  },
): Promise<FastifyReply> {
  const staff = request.staff!;
  const t = messagesFor(request);
  const lang = languageOf(request);
  return sendNewsroomPage(deps, request, reply, {
    title:
      page.item.alt ||
      (page.item.av ? (page.item.av.kind === 'audio' ? t.mediaAudio : t.mediaVideo) : null) ||
      (page.item.isDocument ? t.mediaDocument : t.mediaLibrary),
    current: '/newsroom/media',
    status: page.status ?? 200,
    notice: page.notice ?? null,
    body: (
      <EditPage
        t={t}
        csrf={staff.session.csrfToken}
        item={page.item}
        canDelete={can(staff.person, { kind: 'media.delete' })}
        errors={page.errors ?? {}}
        usage={page.usage ?? null}
        articleHref={articleEditPath}
        personHref={(slug) => authorPath(lang, slug)}
      />
    ),
  });
}
