// The first admin of a site started as a process (`midad serve`), made as its operator makes
// it: through the one-time setup link the first start prints, over HTTP.
import type { HttpClient } from './http-client.ts';

/** The setup link in what `midad serve` or `midad init` printed; null when there is none. */
export function printedSetupLink(stdout: string): string | null {
  return /^ +(https?:\/\/\S+\/newsroom\/setup\/[A-Za-z0-9_-]+)$/m.exec(stdout)?.[1] ?? null;
}

/** Fills in the setup page of the printed link; the client is then signed in as the admin. */
export async function setUpFirstAdmin(
  client: HttpClient,
  stdout: string,
  admin: { name: string; email: string; password: string },
): Promise<void> {
  const link = printedSetupLink(stdout);
  if (!link) throw new Error(`the first start printed no setup link\n${stdout}`);
  const path = new URL(link).pathname;
  const res = await client.submit(path, path, { ...admin, confirm: admin.password });
  if (res.status !== 303 || res.location !== '/newsroom') {
    throw new Error(`the setup page answered ${res.status}: ${res.body.slice(0, 500)}`);
  }
}
