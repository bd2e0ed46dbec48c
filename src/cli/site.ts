// What every command that works on an existing site does first: refuse a folder or database
// without one (one line, nothing created), then open it. `init`, `serve`, `restore` and
// `import midad` are the commands that may start from nothing.
import type { Config } from '../config.ts';
import { type Services, openServices } from '../services/context.ts';
import { requireSite } from '../services/site-presence.ts';

export async function openSite(config: Config): Promise<Services> {
  await requireSite(config);
  return openServices(config);
}
