// A cookie-keeping client over real HTTP (fetch), for tests against a running `midad serve`:
// the same moves as newsroom-client.ts makes over app.inject, with redirects left to the test.
import { csrfFrom } from './newsroom-client.ts';

export interface HttpReply {
  status: number;
  body: string;
  location: string | undefined;
  headers: Headers;
}

/** Every request gives up after this long, so a stuck server fails the test instead of hanging it. */
const REQUEST_TIMEOUT_MS = 15_000;

export class HttpClient {
  readonly cookies = new Map<string, string>();

  constructor(readonly baseUrl: string) {}

  async get(path: string): Promise<HttpReply> {
    return this.send('GET', path);
  }

  async post(path: string, fields: Record<string, string | string[]>): Promise<HttpReply> {
    const body = new URLSearchParams();
    for (const [key, value] of Object.entries(fields)) {
      for (const v of Array.isArray(value) ? value : [value]) body.append(key, v);
    }
    return this.send('POST', path, body.toString());
  }

  /** Posts a form found on the page at `pagePath`, adding its CSRF token. */
  async submit(
    pagePath: string,
    action: string,
    fields: Record<string, string | string[]>,
  ): Promise<HttpReply> {
    const page = await this.get(pagePath);
    if (page.status !== 200) throw new Error(`${pagePath} answered ${page.status}`);
    return this.post(action, { _csrf: csrfFrom(page.body), ...fields });
  }

  async signIn(email: string, password: string): Promise<HttpReply> {
    return this.submit('/newsroom/sign-in', '/newsroom/sign-in', { email, password, next: '/newsroom' });
  }

  private async send(method: 'GET' | 'POST', path: string, payload?: string): Promise<HttpReply> {
    const headers: Record<string, string> = {};
    if (this.cookies.size > 0) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    if (payload !== undefined) headers['content-type'] = 'application/x-www-form-urlencoded';
    const res = await fetch(new URL(path, this.baseUrl), {
      method,
      headers,
      redirect: 'manual',
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      ...(payload !== undefined ? { body: payload } : {}),
    });
    for (const line of res.headers.getSetCookie()) this.keep(line);
    return {
      status: res.status,
      body: await res.text(),
      location: res.headers.get('location') ?? undefined,
      headers: res.headers,
    };
  }

  private keep(setCookie: string): void {
    const [pair = '', ...attributes] = setCookie.split(';').map((s) => s.trim());
    const eq = pair.indexOf('=');
    if (eq <= 0) return;
    const name = pair.slice(0, eq);
    const value = pair.slice(eq + 1);
    const expired = attributes.some((a) => {
      const [key = '', v = ''] = a.split('=');
      if (key.toLowerCase() === 'max-age') return Number(v) <= 0;
      if (key.toLowerCase() === 'expires') return new Date(v).getTime() < Date.now();
      return false;
    });
    if (value === '' || expired) this.cookies.delete(name);
    else this.cookies.set(name, value);
  }
}
