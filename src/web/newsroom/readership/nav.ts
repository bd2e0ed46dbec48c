// Where the newsroom menu's readership entry leads: the site's figures for those who may see
// them, a writer's own figures otherwise.
import { can } from '../../../core/policies/index.ts';
import type { Article, Lang, Person } from '../../../core/types.ts';
import { readershipMessages } from './messages.ts';

export const READERSHIP_BASE = '/newsroom/readership';

export function readershipNavHref(person: Pick<Person, 'id' | 'role'>): string {
  return can(person, { kind: 'readership.read' })
    ? READERSHIP_BASE
    : `${READERSHIP_BASE}/authors/${person.id}`;
}

/** The link from an article's editor to its figures: once it is published, for those who may see them. */
export function articleFiguresLink(
  person: Pick<Person, 'id' | 'role'>,
  article: Pick<Article, 'id' | 'status' | 'authorIds' | 'publishedAt'>,
  lang: Lang,
): { href: string; label: string } | null {
  if (article.publishedAt === null || !can(person, { kind: 'readership.read', article })) return null;
  return { href: `${READERSHIP_BASE}/articles/${article.id}`, label: readershipMessages(lang).figuresOf };
}
