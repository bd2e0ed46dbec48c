// A person makes a token for an integration: it acts as them, with exactly their rights at the
// time of each request (their role is read afresh every time, and a disabled person's tokens
// stop working). The secret is returned once, here, and never again.
import { z } from 'zod';
import type { ApiToken } from '../../core/api-tokens.ts';
import { Invalid } from '../../core/errors.ts';
import { authorize } from '../../core/policies/index.ts';
import { parseInput } from '../../core/validation.ts';
import { type Actor, recordAudit } from '../actor.ts';
import type { Services } from '../context.ts';
import { newTokenSecret } from './secrets.ts';
import { checkTwoFactorRequirement } from './two-factor-gate.ts';

/** The lifetimes offered, in days; null never expires. */
export const TOKEN_LIFETIMES = [30, 90, 365, null] as const;
/** Live tokens a person may hold at once: enough for every integration, not a runaway script. */
export const MAX_LIVE_TOKENS = 25;

export const CreateApiTokenInput = z.strictObject({
  name: z.string().trim().min(1).max(80),
  expiresInDays: z.union([z.literal(30), z.literal(90), z.literal(365), z.null()]),
  now: z.date().optional(),
});
export type CreateApiTokenInput = z.input<typeof CreateApiTokenInput>;

export interface CreatedApiToken {
  token: ApiToken;
  /** Shown to the person once; only its hash is kept. */
  secret: string;
}

export async function createApiToken(
  services: Services,
  actor: Actor,
  input: CreateApiTokenInput,
): Promise<CreatedApiToken> {
  authorize(actor.person, { kind: 'newsroom.enter' });
  const data = parseInput(CreateApiTokenInput, input);
  await checkTwoFactorRequirement(services, actor.person);
  const now = data.now ?? new Date();
  const { secret, hash, hint } = newTokenSecret();
  const token = await services.transaction(async (trx) => {
    const live = (await trx.apiTokens.listForPerson(actor.person.id)).filter(
      (t) => t.revokedAt === null && (t.expiresAt === null || t.expiresAt > now.toISOString()),
    );
    if (live.length >= MAX_LIVE_TOKENS) {
      throw new Invalid(`At most ${MAX_LIVE_TOKENS} tokens at once; revoke one first.`, { name: 'too_many' });
    }
    const created = await trx.apiTokens.create({
      personId: actor.person.id,
      name: data.name,
      tokenHash: hash,
      hint,
      createdAt: now.toISOString(),
      expiresAt:
        data.expiresInDays === null
          ? null
          : new Date(now.getTime() + data.expiresInDays * 86_400_000).toISOString(),
    });
    await recordAudit(trx, actor, {
      action: 'api_token.created',
      targetType: 'api_token',
      targetId: created.id,
      details: { name: created.name, hint, expiresAt: created.expiresAt },
    });
    return created;
  });
  return { token, secret };
}
