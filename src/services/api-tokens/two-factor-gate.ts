// A token must not get around the site's two-step requirement: while the admin requires it,
// staff without it can neither make tokens nor use the ones they have.
import { Forbidden } from '../../core/errors.ts';
import type { Person } from '../../core/types.ts';
import type { Services } from '../context.ts';
import { loadSiteSettings } from '../settings.ts';

export class TwoFactorRequired extends Forbidden {
  override readonly code = 'two_factor_required';
  constructor() {
    super('This site requires two-step verification; turn it on in the newsroom first.');
  }
}

export async function checkTwoFactorRequirement(
  services: Pick<Services, 'repos'>,
  person: Person,
): Promise<void> {
  if (person.twoFactorEnabled) return;
  const { requireTwoFactor } = await loadSiteSettings(services.repos);
  if (requireTwoFactor) throw new TwoFactorRequired();
}
