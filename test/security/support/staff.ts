// A new person of a role on a test site, signed in over HTTP, as the attack files need them.
import assert from 'node:assert/strict';
import type { Person } from '../../../src/core/types.ts';
import { addStaff } from '../../../src/services/staff.ts';
import { HttpClient } from '../../support/http-client.ts';
import type { TestSite } from '../../support/site.ts';

export const STAFF_PASSWORD = 'sahel rains return early 2026';

export async function signedInStaff(
  site: TestSite,
  role: 'admin' | 'editor' | 'author' | 'contributor',
  name: string,
): Promise<{ client: HttpClient; person: Person; email: string }> {
  const email = `${name.toLowerCase().replace(/\W+/g, '.')}@midad.example`;
  const { person } = await addStaff(site.services, { email, name, role, password: STAFF_PASSWORD });
  const client = new HttpClient(site.baseUrl);
  const res = await client.signIn(email, STAFF_PASSWORD);
  assert.equal(res.status, 303, `${role} signs in`);
  return { client, person, email };
}
