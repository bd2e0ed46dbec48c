// A saved state of an article's text: kept on every save of a published article, on publishing
// and on restoring, so an editor can compare and go back.
import type { IsoDate } from './types.ts';

export interface Revision {
  id: number;
  articleId: number;
  version: number;
  title: string;
  dek: string;
  bodyHtml: string;
  personId: number | null;
  reason: 'save' | 'publish' | 'restore';
  createdAt: IsoDate;
}
