// A cookie-keeping client over app.inject, for newsroom tests: it signs in like a browser
// and reads CSRF tokens out of the forms it is shown.
import type { FastifyInstance } from 'fastify';
import type { Role } from '../../src/core/types.ts';
import type { Services } from '../../src/services/context.ts';
import { addStaff } from '../../src/services/staff.ts';

export interface Reply {
  status: number;
  body: string;
  location: string | undefined;
}

export class NewsroomClient {
  readonly cookies = new Map<string, string>();

  constructor(
    private readonly app: FastifyInstance,
    private readonly ip = '192.0.2.10',
  ) {}

  async get(url: string): Promise<Reply> {
    return this.send('GET', url);
  }

  async post(url: string, fields: Record<string, string | string[]>): Promise<Reply> {
    const body = new URLSearchParams();
    for (const [key, value] of Object.entries(fields)) {
      for (const v of Array.isArray(value) ? value : [value]) body.append(key, v);
    }
    return this.send('POST', url, body.toString());
  }

  /** Posts a form found on the page at `pageUrl`, adding its CSRF token. */
  async submit(pageUrl: string, action: string, fields: Record<string, string | string[]>): Promise<Reply> {
    const page = await this.get(pageUrl);
    return this.post(action, { _csrf: csrfFrom(page.body), ...fields });
  }

  /**
   * Saves an article through its editor form, as the browser does: the form's CSRF token and
   * the version it shows go with `fields`; `intent` is the button pressed.
   */
  async saveArticle(id: number, fields: Record<string, string>, intent = 'save'): Promise<Reply> {
    const url = `/newsroom/articles/${id}`;
    const page = await this.get(url);
    const version = /name="version" value="(\d+)"/.exec(page.body)?.[1] ?? '';
    return this.post(url, { _csrf: csrfFrom(page.body), ...fields, version, intent });
  }

  async signIn(email: string, password: string): Promise<Reply> {
    return this.submit('/newsroom/sign-in', '/newsroom/sign-in', { email, password, next: '/newsroom' });
  }

  private async send(method: 'GET' | 'POST', url: string, payload?: string): Promise<Reply> {
    const res = await this.app.inject({
      method,
      url,
      remoteAddress: this.ip,
      headers: {
        cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
        ...(payload !== undefined ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      ...(payload !== undefined ? { payload } : {}),
    });
    for (const c of res.cookies) {
      if (c.value === '' || (c.expires && c.expires.getTime() < Date.now())) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    return { status: res.statusCode, body: res.body, location: res.headers.location as string | undefined };
  }
}

export function csrfFrom(html: string): string {
  const token = /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
  if (!token) throw new Error('no CSRF token in the page');
  return token;
}

/** Adds a person with a role to the test site and returns a client signed in as them. */
export async function staffClient(
  site: { app: FastifyInstance; services: Services },
  role: Role,
  ip: string,
): Promise<NewsroomClient> {
  const email = `${role}-${ip.replace(/\D/g, '')}@midad.example`;
  const password = 'tombouctou manuscripts 2026';
  await addStaff(site.services, { email, name: `Staff ${ip}`, role, password });
  const client = new NewsroomClient(site.app, ip);
  const res = await client.signIn(email, password);
  if (res.status !== 303) throw new Error(`sign-in as ${role} failed with ${res.status}`);
  return client;
}
