// Accepting an invitation: the invited person sets a password. They have no session yet; the
// link is what entitles them, and their address (kept only as its hash) is in the input.
import { z } from 'zod';
import { NotFound } from '../../core/errors.ts';
import { passwordProblem } from '../../core/password-rules.ts';
import type { Person } from '../../core/types.ts';
import { parseInput } from '../../core/validation.ts';
import { ipHashOf, recordAudit } from '../actor.ts';
import { hashToken } from '../auth/sessions.ts';
import type { Services } from '../context.ts';
import { hashPassword } from '../passwords.ts';
import { invitationHolder } from './queries.ts';
import { PersonInvalid } from './rules.ts';

export const AcceptInvitationInput = z.object({
  token: z.string().max(200),
  password: z.string().max(1024),
  confirm: z.string().max(1024),
  ip: z.string(),
});
export type AcceptInvitationInput = z.input<typeof AcceptInvitationInput>;

const UNUSABLE = 'This invitation link is unknown, used or expired.';

/** Sets the invited person's password; the link then stops working, and older sessions end. */
export async function acceptInvitation(
  services: Services,
  input: AcceptInvitationInput,
  now = new Date(),
): Promise<Person> {
  const data = parseInput(AcceptInvitationInput, input);
  const person = await invitationHolder(services, data.token, now);
  if (!person) throw new NotFound(UNUSABLE);
  const problem = passwordProblem(data.password, [person.email, person.name]);
  if (problem) throw new PersonInvalid({ password: problem });
  if (data.password !== data.confirm) throw new PersonInvalid({ confirm: 'errConfirm' });
  const hash = await hashPassword(data.password);
  const actor = { person, ipHash: await ipHashOf(services, data.ip) };
  await services.transaction(async (trx) => {
    const invitation = await trx.invitations.usable(hashToken(data.token), now.toISOString());
    if (!invitation || !(await trx.invitations.markUsed(invitation.id, now.toISOString()))) {
      throw new NotFound(UNUSABLE);
    }
    await trx.people.setPasswordHash(person.id, hash);
    await trx.sessions.deleteForPerson(person.id);
    await trx.invitations.revokeForPerson(person.id);
    await recordAudit(trx, actor, {
      action: 'invitation.accepted',
      targetType: 'person',
      targetId: person.id,
    });
  });
  return person;
}
