// Who may do what, in one place. Every newsroom route asks `can(person, action, thing)`;
// nothing else decides. Policies are pure: they look only at the person and the thing.
import { Forbidden } from '../errors.ts';
import type { Article, Person, Role } from '../types.ts';

/** The part of an article a policy needs: its status and its byline. */
export type ArticleRef = Pick<Article, 'status' | 'authorIds'>;

export type Action =
  | { kind: 'newsroom.enter' }
  | { kind: 'article.create' }
  | { kind: 'article.list-all' }
  | { kind: 'article.edit'; article: ArticleRef }
  | { kind: 'article.publish'; article: ArticleRef }
  | { kind: 'article.submit'; article: ArticleRef }
  | { kind: 'article.trash'; article: ArticleRef }
  | { kind: 'comment.moderate' }
  | { kind: 'media.upload' }
  | { kind: 'media.delete' }
  | { kind: 'taxonomy.manage' }
  | { kind: 'people.manage' }
  | { kind: 'settings.manage' }
  | { kind: 'audit.read' }
  | { kind: 'import.run' }
  | { kind: 'webhooks.manage' }
  /** Newsletter subscribers (list, export, remove) and breaking alerts. */
  | { kind: 'newsletter.manage' }
  /** Readership figures: the whole site's (neither given), one article's, or one author's. */
  | { kind: 'readership.read'; article?: ArticleRef; authorId?: number };

type Who = Pick<Person, 'id' | 'role'>;

const RANK: Record<Role, number> = { contributor: 1, author: 2, editor: 3, admin: 4 };

function atLeast(person: Who, role: Role): boolean {
  return RANK[person.role] >= RANK[role];
}

function owns(person: Who, article: ArticleRef): boolean {
  return article.authorIds.includes(person.id);
}

export function can(person: Who | null | undefined, action: Action): boolean {
  if (!person) return false;
  switch (action.kind) {
    case 'newsroom.enter':
    case 'article.create':
      return true;
    case 'article.list-all':
    case 'comment.moderate':
    case 'taxonomy.manage':
    case 'media.delete':
    case 'newsletter.manage':
      return atLeast(person, 'editor');
    case 'media.upload':
      return atLeast(person, 'author');
    case 'people.manage':
    case 'settings.manage':
    case 'audit.read':
    case 'import.run':
    case 'webhooks.manage':
      return person.role === 'admin';
    case 'article.edit':
      if (atLeast(person, 'editor')) return true;
      if (!owns(person, action.article)) return false;
      // A contributor's work is frozen once it leaves their drafts; an author keeps their own.
      return person.role === 'author' || ['draft', 'pending'].includes(action.article.status);
    case 'article.publish':
      return atLeast(person, 'editor') || (person.role === 'author' && owns(person, action.article));
    case 'article.submit':
      return owns(person, action.article) || atLeast(person, 'editor');
    case 'article.trash':
      return atLeast(person, 'editor') || (person.role === 'author' && owns(person, action.article));
    case 'readership.read':
      // Editors plan coverage from every figure; a writer sees how their own work is read, and
      // neither a colleague's figures nor the site's totals.
      if (atLeast(person, 'editor')) return true;
      if (action.article) return owns(person, action.article);
      return action.authorId !== undefined && action.authorId === person.id;
  }
}

/** The check every command starts with: a refusal before anything is read or written. */
export function authorize(person: Who | null | undefined, action: Action): void {
  if (!can(person, action)) throw new Forbidden(`Not allowed: ${action.kind}.`);
}
