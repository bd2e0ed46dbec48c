// Storage for editing: revisions of an article's text, autosaves kept aside, secret preview links.
import type { Revision } from '../../core/revisions.ts';
import type { IsoDate } from '../../core/types.ts';

export type { Revision };

export interface RevisionsRepository {
  create(input: Omit<Revision, 'id' | 'createdAt'> & { createdAt?: IsoDate }): Promise<Revision>;
  /** Newest first. */
  listForArticle(articleId: number): Promise<Revision[]>;
  byId(id: number): Promise<Revision | null>;
}

/** A writer's unsaved form for a published article, kept off the live page. */
export interface Autosave {
  articleId: number;
  personId: number;
  /** The article's version when the writer opened it: a save from here is checked against it. */
  baseVersion: number;
  /** The form's fields as typed; read back by the editor, which checks their shape. */
  form: Record<string, unknown>;
  savedAt: IsoDate;
}

export interface AutosavesRepository {
  /** Replaces this person's earlier autosave of the article. */
  put(input: Omit<Autosave, 'savedAt'> & { savedAt?: IsoDate }): Promise<Autosave>;
  find(articleId: number, personId: number): Promise<Autosave | null>;
  /** Who has changes to the article kept aside, and since when (oldest first); without the forms. */
  listForArticle(articleId: number): Promise<Omit<Autosave, 'form'>[]>;
  /** Whether there was one to drop. */
  discard(articleId: number, personId: number): Promise<boolean>;
}

export interface PreviewTokensRepository {
  create(input: { tokenHash: string; articleId: number; personId: number | null }): Promise<void>;
  /** The article a live (not revoked) token opens, and who made the link. */
  articleFor(tokenHash: string): Promise<{ articleId: number; personId: number | null } | null>;
  activeForArticle(articleId: number): Promise<{ tokenHash: string; createdAt: IsoDate }[]>;
  revokeAll(articleId: number): Promise<number>;
}
