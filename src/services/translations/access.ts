// Who may work on which translation. Making a translation is creating an article, from a
// source the person may read in the newsroom (their own, or any for editors); linking,
// unlinking and reviewing change the translation, so they need the right to edit it.
import { Forbidden } from '../../core/errors.ts';
import { authorize, can } from '../../core/policies/index.ts';
import type { Article, Person } from '../../core/types.ts';

export function mayReadSource(person: Person, source: Article): boolean {
  return can(person, { kind: 'article.list-all' }) || source.authorIds.includes(person.id);
}

export function authorizeTranslate(person: Person, source: Article): void {
  authorize(person, { kind: 'article.create' });
  if (!mayReadSource(person, source)) throw new Forbidden('You may not translate this article.');
}

export function authorizeChangeLink(person: Person, translation: Article, source: Article | null): void {
  authorize(person, { kind: 'article.edit', article: translation });
  if (source && !mayReadSource(person, source)) throw new Forbidden('You may not link to this article.');
}
