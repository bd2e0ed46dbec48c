// The token commands on their own (the newsroom page and the API are tested in web/): a token is
// made once with its secret, acts as its person as they are now, and stops when revoked,
// expired, or when its person is disabled; every change leaves an audit row.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildPerson } from '../../../test/support/factories.ts';
import { startTestSite, type TestSite } from '../../../test/support/site.ts';
import { API_TOKEN_PREFIX } from '../../core/api-tokens.ts';
import { Malformed, NotFound, Unauthorized } from '../../core/errors.ts';
import type { Person } from '../../core/types.ts';
import type { Actor } from '../actor.ts';
import { actorForApiToken } from './authenticate.ts';
import { createApiToken } from './create-token.ts';
import { listApiTokens } from './queries.ts';
import { revokeApiToken } from './revoke-token.ts';
import { TwoFactorRequired } from './two-factor-gate.ts';

let site: TestSite;
before(async () => {
  site = await startTestSite();
});
after(() => site.close());

const as = (person: Person): Actor => ({ person, ipHash: 'test' });

async function audited(action: string, targetId: number): Promise<Record<string, unknown>[]> {
  const rows = await site.services.repos.audit.list({ limit: 200, action });
  return rows.filter((r) => r.targetId === String(targetId)).map((r) => r.details);
}

describe('API tokens', () => {
  it('gives the secret once, keeps only its hash, and acts as the person as they are now', async () => {
    const person = await buildPerson(site.services, { role: 'author' });
    const { token, secret } = await createApiToken(site.services, as(person), {
      name: ' تطبيق الهاتف ',
      expiresInDays: null,
    });
    assert.match(secret, new RegExp(`^${API_TOKEN_PREFIX}[A-Za-z0-9_-]{43}$`));
    assert.equal(token.name, 'تطبيق الهاتف');
    assert.equal(token.hint, secret.slice(0, 10));
    const rows = await site.services.db.kysely.selectFrom('api_tokens').selectAll().execute();
    assert.ok(!JSON.stringify(rows).includes(secret.slice(10)), 'the secret is not stored');
    assert.deepEqual(await audited('api_token.created', token.id), [
      { name: 'تطبيق الهاتف', hint: token.hint, expiresAt: null },
    ]);

    const actor = await actorForApiToken(site.services, secret, '198.51.100.4');
    assert.equal(actor.person.id, person.id);
    assert.equal(actor.person.role, 'author');
    assert.deepEqual(actor.apiToken, { id: token.id, name: 'تطبيق الهاتف' });
    const [listed] = await listApiTokens(site.services, person);
    assert.equal(listed?.live, true);
    assert.ok(listed?.lastUsedAt, 'the use is recorded');

    // The role is read at each request: the token follows a change.
    await site.services.repos.people.update(person.id, { role: 'editor' });
    assert.equal((await actorForApiToken(site.services, secret, '198.51.100.4')).person.role, 'editor');
    // A disabled person's tokens stop; enabled again, they work again.
    await site.services.repos.people.update(person.id, { disabled: true });
    await assert.rejects(actorForApiToken(site.services, secret, '198.51.100.4'), Unauthorized);
    await site.services.repos.people.update(person.id, { disabled: false });
    await actorForApiToken(site.services, secret, '198.51.100.4');
  });

  it('refuses unknown, malformed, revoked and expired secrets alike', async () => {
    const person = await buildPerson(site.services, { role: 'editor' });
    const other = await buildPerson(site.services, { role: 'admin' });
    const { token, secret } = await createApiToken(site.services, as(person), {
      name: 'n8n',
      expiresInDays: 30,
    });
    for (const wrong of ['', 'midad_', `${secret}x`, secret.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'))]) {
      await assert.rejects(actorForApiToken(site.services, wrong, '198.51.100.4'), Unauthorized);
    }
    // Thirty days later it no longer works.
    const later = new Date(Date.now() + 31 * 86_400_000);
    await assert.rejects(actorForApiToken(site.services, secret, '198.51.100.4', later), Unauthorized);
    await actorForApiToken(site.services, secret, '198.51.100.4');

    // Only its owner revokes it; someone else's is unknown to them, even an admin's.
    await assert.rejects(revokeApiToken(site.services, as(other), { tokenId: token.id }), NotFound);
    await revokeApiToken(site.services, as(person), { tokenId: token.id });
    await revokeApiToken(site.services, as(person), { tokenId: token.id });
    await assert.rejects(actorForApiToken(site.services, secret, '198.51.100.4'), Unauthorized);
    assert.equal((await audited('api_token.revoked', token.id)).length, 1, 'one row for one revocation');
    assert.equal((await listApiTokens(site.services, person))[0]?.live, false);
  });

  it('refuses a malformed request and writes nothing', async () => {
    const person = await buildPerson(site.services, { role: 'author' });
    for (const input of [
      { name: '', expiresInDays: null },
      { name: 'x'.repeat(81), expiresInDays: null },
      { name: 'ok', expiresInDays: 7 },
      { name: 'ok', expiresInDays: null, extra: 1 },
    ]) {
      await assert.rejects(createApiToken(site.services, as(person), input as never), Malformed);
    }
    assert.deepEqual(await listApiTokens(site.services, person), []);
  });

  it('does not get around the two-step requirement', async () => {
    const person = await buildPerson(site.services, { role: 'author' });
    const { secret } = await createApiToken(site.services, as(person), { name: 'cms', expiresInDays: 90 });
    await site.services.repos.settings.set('security.requireTwoFactor', true);
    try {
      await assert.rejects(actorForApiToken(site.services, secret, '198.51.100.4'), TwoFactorRequired);
      await assert.rejects(
        createApiToken(site.services, as(person), { name: 'another', expiresInDays: 90 }),
        TwoFactorRequired,
      );
    } finally {
      await site.services.repos.settings.set('security.requireTwoFactor', false);
    }
    await actorForApiToken(site.services, secret, '198.51.100.4');
  });
});
