// Helpers for the media library's HTTP tests: signed-in clients per role, multipart bodies
// built by undici's FormData (so the boundary and encoding are a browser's), and a count of
// what is stored, to prove a refused upload leaves nothing behind.
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { NewsroomClient } from './newsroom-client.ts';
import type { TestSite } from './site.ts';
import type { Role } from '../../src/core/types.ts';
import { addStaff } from '../../src/services/staff.ts';

const PASSWORD = 'sahel newsroom key 2026';

export async function signedInClients(site: TestSite): Promise<Map<Role, NewsroomClient>> {
  const clients = new Map<Role, NewsroomClient>();
  for (const [i, role] of (['editor', 'author', 'contributor'] as const).entries()) {
    const email = `media-${role}@midad.example`;
    await addStaff(site.services, { email, name: `The ${role}`, role, password: PASSWORD });
    const client = new NewsroomClient(site.app, `192.0.2.${20 + i}`);
    await client.signIn(email, PASSWORD);
    clients.set(role, client);
  }
  const admin = new NewsroomClient(site.app, '192.0.2.30');
  await admin.signIn(site.admin.email, site.admin.password);
  clients.set('admin', admin);
  return clients;
}

export interface UploadReply {
  status: number;
  body: string;
  location: string | undefined;
  json: () => unknown;
}

/** Posts a multipart form as the client: fields in the order given, then the file. */
export async function postMultipart(
  site: TestSite,
  client: NewsroomClient,
  fields: Record<string, string>,
  file: { name: string; type: string; data: Buffer } | null,
  accept = 'text/html',
  url = '/newsroom/media',
): Promise<UploadReply> {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) form.append(key, value);
  if (file) form.append('file', new Blob([new Uint8Array(file.data)], { type: file.type }), file.name);
  const request = new Request(`http://localhost${url}`, { method: 'POST', body: form });
  const payload = Buffer.from(await request.arrayBuffer());
  const res = await site.app.inject({
    method: 'POST',
    url,
    remoteAddress: '192.0.2.40',
    headers: {
      cookie: [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
      'content-type': request.headers.get('content-type') ?? '',
      accept,
    },
    payload,
  });
  return {
    status: res.statusCode,
    body: res.body,
    location: res.headers.location as string | undefined,
    json: () => res.json(),
  };
}

async function countFiles(dir: string): Promise<number> {
  let n = 0;
  for (const entry of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
    n += entry.isDirectory() ? await countFiles(path.join(dir, entry.name)) : 1;
  }
  return n;
}

/** Rows and files in the media library. */
export async function stored(site: TestSite): Promise<{ rows: number; files: number }> {
  const { total } = await site.services.repos.media.list({ limit: 1 });
  return { rows: total, files: await countFiles(site.services.config.mediaRoot) };
}
