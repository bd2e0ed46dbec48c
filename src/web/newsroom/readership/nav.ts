// Where the newsroom menu's readership entry leads: the site's figures for those who may see
// them, a writer's own figures otherwise.
import { can } from '../../../core/policies/index.ts';
import type { Person } from '../../../core/types.ts';

export const READERSHIP_BASE = '/newsroom/readership';

export function readershipNavHref(person: Pick<Person, 'id' | 'role'>): string {
  return can(person, { kind: 'readership.read' })
    ? READERSHIP_BASE
    : `${READERSHIP_BASE}/authors/${person.id}`;
}
