// A cookie-keeping HTTP client for a listening server on 127.0.0.1, over one keep-alive
// connection: the newsroom editor of a benchmark signs in and posts forms as a browser does
// (the CSRF token read from the page), and a reader polls pages with it.
import http from 'node:http';
import { csrfFrom } from '../../test/support/newsroom-client.ts';

export interface Answer {
  status: number;
  body: string;
  location: string | undefined;
}

const TIMEOUT_MS = 30_000;

export class WebClient {
  private readonly cookies = new Map<string, string>();
  private readonly agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

  constructor(private readonly port: number) {}

  get(url: string, headers: Record<string, string> = {}): Promise<Answer> {
    return this.send('GET', url, undefined, headers);
  }

  post(url: string, fields: Record<string, string>): Promise<Answer> {
    return this.send('POST', url, new URLSearchParams(fields).toString());
  }

  /** Posts a form of the page at `pageUrl`, with that page's CSRF token. */
  async submit(pageUrl: string, action: string, fields: Record<string, string>): Promise<Answer> {
    const page = await this.get(pageUrl);
    if (page.status !== 200) throw new Error(`GET ${pageUrl}: ${page.status}`);
    return this.post(action, { _csrf: csrfFrom(page.body), ...fields });
  }

  async signIn(email: string, password: string): Promise<void> {
    const res = await this.submit('/newsroom/sign-in', '/newsroom/sign-in', {
      email,
      password,
      next: '/newsroom',
    });
    if (res.status !== 303) throw new Error(`sign-in as ${email} failed with ${res.status}`);
  }

  close(): void {
    this.agent.destroy();
  }

  private send(
    method: 'GET' | 'POST',
    url: string,
    payload?: string,
    extra: Record<string, string> = {},
  ): Promise<Answer> {
    const headers: Record<string, string> = { ...extra };
    if (this.cookies.size > 0) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    if (payload !== undefined) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      headers['content-length'] = String(Buffer.byteLength(payload));
    }
    return new Promise((resolve, reject) => {
      const request = http.request(
        { host: '127.0.0.1', port: this.port, method, path: url, headers, agent: this.agent },
        (res) => {
          for (const line of res.headers['set-cookie'] ?? []) this.keep(line);
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('error', reject);
          res.on('end', () =>
            resolve({
              status: res.statusCode ?? 0,
              body: Buffer.concat(chunks).toString('utf8'),
              location: res.headers.location,
            }),
          );
        },
      );
      request.setTimeout(TIMEOUT_MS, () => request.destroy(new Error(`${method} ${url} took over 30 s`)));
      request.on('error', reject);
      request.end(payload);
    });
  }

  private keep(setCookie: string): void {
    const [pair = '', ...attributes] = setCookie.split(';');
    const at = pair.indexOf('=');
    const name = pair.slice(0, at).trim();
    const value = pair.slice(at + 1).trim();
    const expired = attributes.some((a) => {
      const [key = '', v = ''] = a.trim().split('=');
      return (
        (key.toLowerCase() === 'max-age' && Number(v) <= 0) ||
        (key.toLowerCase() === 'expires' && Date.parse(v) < Date.now())
      );
    });
    if (value === '' || expired) this.cookies.delete(name);
    else this.cookies.set(name, value);
  }
}
