// Who sees readership figures: editors and admins all of them, a writer only their own.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Role } from '../types.ts';
import { type Action, type ArticleRef, can } from './index.ts';

const own: ArticleRef = { status: 'published', authorIds: [1, 3] };
const others: ArticleRef = { status: 'published', authorIds: [2] };

describe("can(…, 'readership.read')", () => {
  const table: [Role, Action, boolean][] = [
    ['editor', { kind: 'readership.read' }, true],
    ['admin', { kind: 'readership.read' }, true],
    ['editor', { kind: 'readership.read', article: others }, true],
    ['editor', { kind: 'readership.read', authorId: 2 }, true],
    ['author', { kind: 'readership.read' }, false],
    ['author', { kind: 'readership.read', article: own }, true],
    ['author', { kind: 'readership.read', article: others }, false],
    ['author', { kind: 'readership.read', authorId: 1 }, true],
    ['author', { kind: 'readership.read', authorId: 2 }, false],
    ['contributor', { kind: 'readership.read', article: own }, true],
    ['contributor', { kind: 'readership.read', article: others }, false],
    ['contributor', { kind: 'readership.read' }, false],
  ];
  for (const [role, action, expected] of table) {
    it(`${role} ${JSON.stringify(action)} → ${expected}`, () => {
      assert.equal(can({ id: 1, role }, action), expected);
    });
  }

  it('refuses nobody', () => {
    assert.equal(can(null, { kind: 'readership.read', article: own }), false);
  });
});
