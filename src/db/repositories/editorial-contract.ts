// Storage for editing: revisions of an article's text and secret preview links.
import type { IsoDate } from '../../core/types.ts';

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

export interface RevisionsRepository {
  create(input: Omit<Revision, 'id' | 'createdAt'> & { createdAt?: IsoDate }): Promise<Revision>;
  /** Newest first. */
  listForArticle(articleId: number): Promise<Revision[]>;
  byId(id: number): Promise<Revision | null>;
}

export interface PreviewTokensRepository {
  create(input: { tokenHash: string; articleId: number; personId: number | null }): Promise<void>;
  /** The article a live (not revoked) token opens. */
  articleFor(tokenHash: string): Promise<number | null>;
  activeForArticle(articleId: number): Promise<{ tokenHash: string; createdAt: IsoDate }[]>;
  revokeAll(articleId: number): Promise<number>;
}
