// Translation links between articles of one story, and the one rule the translation desk adds:
// a published translation whose source changed after it was last checked is flagged.
import type { IsoDate } from './types.ts';

export interface TranslationLink {
  /** The translation. */
  articleId: number;
  /** The article it was translated from. */
  sourceId: number;
  /** When the translation was last known to match its source (made, linked or reviewed). */
  reviewedAt: IsoDate;
  reviewedBy: number | null;
}

/**
 * True when readers of the translation may be reading something its source no longer says:
 * the translation is published and the source was changed (edited, corrected, updated) after
 * both the translation's publication and its last review. A translation still in draft is being
 * worked on against the current source, so it is not flagged.
 */
export function sourceChanged(
  link: Pick<TranslationLink, 'reviewedAt'>,
  translation: { status: string; publishedAt: IsoDate | null },
  source: { updatedAt: IsoDate },
): boolean {
  if (translation.status !== 'published') return false;
  const checked = Math.max(
    Date.parse(link.reviewedAt),
    Date.parse(translation.publishedAt ?? link.reviewedAt),
  );
  return Date.parse(source.updatedAt) > checked;
}
