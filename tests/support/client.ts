export interface Page {
  status: number;
  location: string | null;
  html: string;
  response: Response;
}

/** Whatever answers a request: the app itself (`app.request`), or a real server over a socket. */
export interface Answerer {
  request(url: string, init: RequestInit): Response | Promise<Response>;
}

/** A browser-like client for app.request(): keeps cookies, sends the Origin, fills the CSRF field. */
export class TestClient {
  private cookies = new Map<string, string>();
  private csrf: string | null = null;
  language: string | undefined;

  constructor(private app: Answerer, private origin: string) {}

  private remember(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';');
      const at = pair.indexOf('=');
      const name = pair.slice(0, at).trim();
      const value = pair.slice(at + 1).trim();
      const expired = attributes.some((a) => /max-age=0/i.test(a)) || value === '';
      if (expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  cookie(name: string): string | undefined {
    return this.cookies.get(name);
  }

  setCookie(name: string, value: string): void {
    this.cookies.set(name, value);
  }

  async request(path: string, init: RequestInit = {}): Promise<Page> {
    const headers = new Headers(init.headers);
    if (this.cookies.size) headers.set('Cookie', [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '));
    if (!headers.has('Origin') && init.method && init.method !== 'GET') headers.set('Origin', this.origin);
    if (this.language && !headers.has('Accept-Language')) headers.set('Accept-Language', this.language);
    const response = await this.app.request(new URL(path, this.origin).toString(), { ...init, headers });
    this.remember(response);
    const html = await response.text();
    const token = html.match(/name="_csrf" value="([^"]+)"/)?.[1];
    if (token) this.csrf = token;
    return { status: response.status, location: response.headers.get('location'), html, response };
  }

  get(path: string): Promise<Page> {
    return this.request(path);
  }

  /** The CSRF token, fetched from a page if the client has none yet. */
  async csrfToken(): Promise<string> {
    if (!this.csrf) await this.get('/login');
    return this.csrf!;
  }

  /** Posts a form as a browser would, with the CSRF field unless `csrf: false`. */
  async post(path: string, fields: Record<string, string | string[]>, options: { csrf?: boolean } = {}): Promise<Page> {
    const body = new URLSearchParams();
    if (options.csrf !== false) body.append('_csrf', await this.csrfToken());
    for (const [key, value] of Object.entries(fields)) {
      for (const v of Array.isArray(value) ? value : [value]) body.append(key, v);
    }
    return this.request(path, { method: 'POST', body, headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
  }

  /** Sends JSON to the API, with the session's CSRF header (or a bearer token in headers). */
  async json(method: string, path: string, payload: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: any; response: Response }> {
    const all: Record<string, string> = { 'Content-Type': 'application/json', ...headers };
    if (!all.Authorization) all['X-CSRF-Token'] = await this.csrfToken();
    const page = await this.request(path, { method, body: typeof payload === 'string' ? payload : JSON.stringify(payload), headers: all });
    return { status: page.status, body: page.html ? JSON.parse(page.html) : null, response: page.response };
  }
}
