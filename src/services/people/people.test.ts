// The team commands on their own (the newsroom's forms are tested in web/newsroom/people):
// who may run them, the last admin kept, one audit row each and the change announced.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildPerson } from '../../../test/support/factories.ts';
import { startTestSite, type TestSite } from '../../../test/support/site.ts';
import { Forbidden, Malformed } from '../../core/errors.ts';
import type { Person } from '../../core/types.ts';
import type { Actor } from '../actor.ts';
import { startSession } from '../auth/sessions.ts';
import type { ContentEvent } from '../events.ts';
import { disablePerson, enablePerson } from './disable.ts';
import { invitePerson } from './invite.ts';
import { setPersonRole, updateProfile } from './profile.ts';
import { PersonInvalid } from './rules.ts';

let site: TestSite;
let admin: Actor;
before(async () => {
  site = await startTestSite();
  const person = await site.services.repos.people.byEmail(site.admin.email);
  assert.ok(person);
  admin = { person, ipHash: 'test' };
});
after(() => site.close());

const as = (person: Person): Actor => ({ person, ipHash: 'test' });

async function audited(action: string, targetId: number): Promise<number> {
  const rows = await site.services.repos.audit.list({ limit: 200, action });
  return rows.filter((r) => r.targetId === String(targetId)).length;
}

function listen(): { events: ContentEvent[]; stop: () => void } {
  const events: ContentEvent[] = [];
  const stop = site.services.events.on((e) => {
    events.push(e);
  });
  return { events, stop };
}

describe('setPersonRole', () => {
  it('changes a role for an admin, audited and announced', async () => {
    const person = await buildPerson(site.services, { role: 'author' });
    const { events, stop } = listen();
    const saved = await setPersonRole(site.services, admin, { personId: person.id, role: 'editor' });
    stop();
    assert.equal(saved.role, 'editor');
    assert.equal(await audited('person.role-changed', person.id), 1);
    assert.deepEqual(events, [{ type: 'person', id: person.id }]);
  });

  it('refuses anyone but an admin, an unknown role and demoting the last admin', async () => {
    const editor = await buildPerson(site.services, { role: 'editor' });
    const person = await buildPerson(site.services, { role: 'author' });
    await assert.rejects(
      setPersonRole(site.services, as(editor), { personId: person.id, role: 'admin' }),
      Forbidden,
    );
    await assert.rejects(
      setPersonRole(site.services, admin, { personId: person.id, role: 'owner' }),
      PersonInvalid,
    );
    await assert.rejects(
      setPersonRole(site.services, admin, { personId: admin.person.id, role: 'editor' }),
      (err: unknown) => err instanceof PersonInvalid && err.problems.role === 'errLastAdmin',
    );
    assert.equal((await site.services.repos.people.byId(person.id))?.role, 'author');
  });
});

describe('updateProfile', () => {
  it('lets people edit only their own profile unless they manage the team', async () => {
    const author = await buildPerson(site.services, { role: 'author' });
    const other = await buildPerson(site.services, { role: 'author' });
    const fields = { name: 'Autre', email: other.email, slug: other.slug, bio: '', locale: 'ar', links: [] };
    await assert.rejects(
      updateProfile(site.services, as(author), { personId: other.id, ...fields }),
      Forbidden,
    );
    const saved = await updateProfile(site.services, as(other), {
      personId: other.id,
      ...fields,
      role: 'admin',
    });
    assert.equal(saved.name, 'Autre');
    assert.equal(saved.role, 'author', 'the role is not theirs to change');
  });

  it('refuses input of the wrong shape before anything is read', async () => {
    await assert.rejects(
      invitePerson(site.services, admin, {
        email: ['a@b.example'] as unknown as string,
        name: 'A',
        role: 'author',
      }),
      Malformed,
    );
  });
});

describe('disablePerson and enablePerson', () => {
  it('ends the sessions of a disabled person, and audits both ways once', async () => {
    const person = await buildPerson(site.services, { role: 'author' });
    const { session } = await startSession(site.services.repos, {
      personId: person.id,
      stage: 'full',
      ipHash: 'test',
      userAgent: 'test',
    });
    await disablePerson(site.services, admin, { personId: person.id });
    await disablePerson(site.services, admin, { personId: person.id });
    assert.equal(await site.services.repos.sessions.byIdHash(session.idHash, new Date().toISOString()), null);
    assert.equal(await audited('person.disabled', person.id), 1, 'disabling twice is one change');
    const back = await enablePerson(site.services, admin, { personId: person.id });
    assert.equal(back.disabled, false);
    assert.equal(await audited('person.enabled', person.id), 1);
  });

  it('never disables oneself', async () => {
    await assert.rejects(
      disablePerson(site.services, admin, { personId: admin.person.id }),
      (err: unknown) => err instanceof PersonInvalid && err.problems.form === 'errDisableSelf',
    );
  });
});
