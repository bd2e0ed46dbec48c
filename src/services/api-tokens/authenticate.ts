// From a presented bearer secret to the Actor every command takes: the token's person as they
// are now (role, disabled), with the token named so the audit rows say how they acted.
import { tokenIsLive } from '../../core/api-tokens.ts';
import { Unauthorized } from '../../core/errors.ts';
import { type Actor, actorFrom } from '../actor.ts';
import type { Services } from '../context.ts';
import { hashOfPresented } from './secrets.ts';
import { checkTwoFactorRequirement } from './two-factor-gate.ts';

/** A token's last use is written at most this often: not one write per request. */
const USE_RESOLUTION_MS = 60_000;

export async function actorForApiToken(
  services: Pick<Services, 'repos'>,
  secret: string,
  ip: string,
  now = new Date(),
): Promise<Actor> {
  const hash = hashOfPresented(secret);
  const token = hash ? await services.repos.apiTokens.byHash(hash) : null;
  // One answer for unknown, revoked, expired and disabled: nothing to learn by trying.
  const refused = () => new Unauthorized('The token is unknown, revoked or expired.', 'invalid');
  if (!token || !tokenIsLive(token, now)) throw refused();
  const person = await services.repos.people.byId(token.personId);
  if (!person || person.disabled) throw refused();
  await checkTwoFactorRequirement(services, person);
  if (token.lastUsedAt === null || now.getTime() - Date.parse(token.lastUsedAt) >= USE_RESOLUTION_MS) {
    await services.repos.apiTokens.markUsed(token.id, now.toISOString());
  }
  const actor = await actorFrom(services, person, ip);
  return { ...actor, apiToken: { id: token.id, name: token.name } };
}
