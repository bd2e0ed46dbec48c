import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Role } from '../types.ts';
import { type Action, type ArticleRef, can } from './index.ts';

const person = (id: number, role: Role) => ({ id, role });
const own: ArticleRef = { status: 'draft', authorIds: [1] };
const othersPublished: ArticleRef = { status: 'published', authorIds: [2] };
const ownPublished: ArticleRef = { status: 'published', authorIds: [1] };

describe('can()', () => {
  it('refuses everything to nobody', () => {
    assert.equal(can(null, { kind: 'newsroom.enter' }), false);
  });

  const table: [Role, Action, boolean][] = [
    ['contributor', { kind: 'article.edit', article: own }, true],
    ['contributor', { kind: 'article.publish', article: own }, false],
    ['contributor', { kind: 'article.submit', article: own }, true],
    ['contributor', { kind: 'article.edit', article: ownPublished }, false],
    ['contributor', { kind: 'article.edit', article: othersPublished }, false],
    ['contributor', { kind: 'media.upload' }, false],
    ['contributor', { kind: 'comment.moderate' }, false],
    ['author', { kind: 'article.publish', article: own }, true],
    ['author', { kind: 'article.edit', article: ownPublished }, true],
    ['author', { kind: 'article.edit', article: othersPublished }, false],
    ['author', { kind: 'article.publish', article: othersPublished }, false],
    ['author', { kind: 'media.upload' }, true],
    ['author', { kind: 'comment.moderate' }, false],
    ['author', { kind: 'article.list-all' }, false],
    ['editor', { kind: 'article.edit', article: othersPublished }, true],
    ['editor', { kind: 'article.publish', article: othersPublished }, true],
    ['editor', { kind: 'comment.moderate' }, true],
    ['editor', { kind: 'taxonomy.manage' }, true],
    ['editor', { kind: 'settings.manage' }, false],
    ['editor', { kind: 'people.manage' }, false],
    ['editor', { kind: 'audit.read' }, false],
    ['editor', { kind: 'webhooks.manage' }, false],
    ['admin', { kind: 'settings.manage' }, true],
    ['admin', { kind: 'people.manage' }, true],
    ['admin', { kind: 'audit.read' }, true],
    ['admin', { kind: 'webhooks.manage' }, true],
  ];
  for (const [role, action, expected] of table) {
    it(`${role} ${expected ? 'may' : 'may not'} ${action.kind}${'article' in action && action.article ? ` (${action.article.status}, ${action.article.authorIds.includes(1) ? 'own' : "someone else's"})` : ''}`, () => {
      assert.equal(can(person(1, role), action), expected);
    });
  }
});
