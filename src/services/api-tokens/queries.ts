// What the tokens page shows: the person's own tokens, newest first, with whether each still works.
import { type ApiToken, tokenIsLive } from '../../core/api-tokens.ts';
import type { Person } from '../../core/types.ts';
import type { Services } from '../context.ts';

export interface ApiTokenListItem extends ApiToken {
  live: boolean;
}

export async function listApiTokens(
  services: Pick<Services, 'repos'>,
  person: Person,
  now = new Date(),
): Promise<ApiTokenListItem[]> {
  const tokens = await services.repos.apiTokens.listForPerson(person.id);
  return tokens.map((t) => ({ ...t, live: tokenIsLive(t, now) }));
}
