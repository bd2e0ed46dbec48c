// The article's corrections and updates as readers see them: corrections first (they say the
// article was wrong), then updates, each newest first and dated in the page's calendars.
import {
  CORRECTION_TEXT,
  type Correction,
  type CorrectionKind,
  newestFirst,
} from '../../core/corrections.ts';
import { type PresentContext, presentDate } from './presenters.ts';
import type { DateView } from './view-models.ts';

export interface ArticleNoteView {
  id: number;
  /** "تصحيح", "Correctif", "Correction"… */
  label: string;
  date: DateView;
  text: string;
}

export interface ArticleNoteGroupView {
  kind: CorrectionKind;
  heading: string;
  items: ArticleNoteView[];
}

export function presentArticleNotes(
  corrections: readonly Correction[],
  ctx: PresentContext,
): ArticleNoteGroupView[] {
  const text = CORRECTION_TEXT[ctx.ui];
  const sorted = newestFirst(corrections);
  return (['correction', 'update'] as const)
    .map((kind) => ({
      kind,
      heading: text.heading[kind],
      items: sorted
        .filter((c) => c.kind === kind)
        .map((c) => ({ id: c.id, label: text[kind], date: presentDate(c.createdAt, ctx), text: c.body })),
    }))
    .filter((group) => group.items.length > 0);
}
