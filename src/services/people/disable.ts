// Disabling an account ends its sessions and open invitations; the person's byline stays.
import { z } from 'zod';
import { NotFound } from '../../core/errors.ts';
import { authorize } from '../../core/policies/index.ts';
import type { Person } from '../../core/types.ts';
import { parseInput } from '../../core/validation.ts';
import { type Actor, recordAudit } from '../actor.ts';
import type { Services } from '../context.ts';
import { keepOneAdmin, PersonInvalid } from './rules.ts';

export const SetDisabledInput = z.object({ personId: z.number().int().positive(), disabled: z.boolean() });
export type SetDisabledInput = z.input<typeof SetDisabledInput>;

export async function setPersonDisabled(
  services: Services,
  actor: Actor,
  input: SetDisabledInput,
): Promise<Person> {
  authorize(actor.person, { kind: 'people.manage' });
  const { personId, disabled } = parseInput(SetDisabledInput, input);
  if (actor.person.id === personId && disabled) throw new PersonInvalid({ form: 'errDisableSelf' });
  const { saved, changed } = await services.transaction(async (trx) => {
    const current = await trx.people.byId(personId);
    if (!current) throw new NotFound('No such person.');
    if (current.disabled === disabled) return { saved: current, changed: false };
    if (disabled) await keepOneAdmin(trx, current, 'form');
    const after = await trx.people.update(personId, { disabled });
    if (disabled) {
      await trx.sessions.deleteForPerson(personId);
      await trx.invitations.revokeForPerson(personId);
    }
    await recordAudit(trx, actor, {
      action: disabled ? 'person.disabled' : 'person.enabled',
      targetType: 'person',
      targetId: personId,
    });
    return { saved: after, changed: true };
  });
  if (changed) await services.events.emit({ type: 'person', id: saved.id });
  return saved;
}

export function disablePerson(
  services: Services,
  actor: Actor,
  input: { personId: number },
): Promise<Person> {
  return setPersonDisabled(services, actor, { ...input, disabled: true });
}

export function enablePerson(services: Services, actor: Actor, input: { personId: number }): Promise<Person> {
  return setPersonDisabled(services, actor, { ...input, disabled: false });
}
