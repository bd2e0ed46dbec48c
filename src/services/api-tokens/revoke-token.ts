// A person revokes one of their own tokens: it stops working at once. The row stays, so the list
// and the audit log can still name it.
import { z } from 'zod';
import { NotFound } from '../../core/errors.ts';
import { authorize } from '../../core/policies/index.ts';
import { parseInput } from '../../core/validation.ts';
import { type Actor, recordAudit } from '../actor.ts';
import type { Services } from '../context.ts';

export const RevokeApiTokenInput = z.strictObject({ tokenId: z.number().int().positive() });
export type RevokeApiTokenInput = z.input<typeof RevokeApiTokenInput>;

export async function revokeApiToken(
  services: Services,
  actor: Actor,
  input: RevokeApiTokenInput,
): Promise<void> {
  authorize(actor.person, { kind: 'newsroom.enter' });
  const { tokenId } = parseInput(RevokeApiTokenInput, input);
  await services.transaction(async (trx) => {
    const token = await trx.apiTokens.byId(tokenId);
    // Someone else's token is as unknown as one that does not exist.
    if (!token || token.personId !== actor.person.id) throw new NotFound('No such token.');
    // Revoking twice (two tabs) changes nothing and records nothing more.
    if (!(await trx.apiTokens.revoke(token.id, new Date().toISOString()))) return;
    await recordAudit(trx, actor, {
      action: 'api_token.revoked',
      targetType: 'api_token',
      targetId: token.id,
      details: { name: token.name, hint: token.hint },
    });
  });
}
