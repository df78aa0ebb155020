import { test } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { eachApp, startTestApp, type TestApp } from '../support/app.ts';
import { verifiedPerson } from '../support/factories.ts';
import { serveProcess } from '../support/process.ts';

eachApp('/healthz answers 200 while the database answers, 503 when it does not', async (t) => {
  const client = t.client();
  const healthy = await client.get('/healthz');
  assert.equal(healthy.status, 200);
  assert.deepEqual(JSON.parse(healthy.html), { status: 'ok' });
  await t.database.db.destroy();
  const sick = await client.get('/healthz');
  assert.equal(sick.status, 503);
}, { postgres: true });

eachApp('pages carry a strict CSP, secure headers, a request id and cacheable fingerprinted assets', async (t) => {
  const page = await t.client().get('/');
  const csp = page.response.headers.get('content-security-policy')!;
  assert.match(csp, /default-src 'self'/);
  assert.match(csp, /script-src 'self'/);
  assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
  assert.match(csp, /frame-ancestors 'none'/);
  assert.equal(page.response.headers.get('x-content-type-options'), 'nosniff');
  assert.equal(page.response.headers.get('referrer-policy'), 'same-origin');
  assert.match(page.response.headers.get('x-request-id')!, /^[0-9a-f-]{36}$/);
  assert.doesNotMatch(page.html, /<script|style="/, 'no inline script or style');
  const css = page.html.match(/href="(\/assets\/app\.[0-9a-f]{12}\.css)"/)![1]!;
  const asset = await t.client().get(css);
  assert.equal(asset.status, 200);
  assert.match(asset.response.headers.get('cache-control')!, /max-age=31536000, immutable/);
  const cookie = (await t.client().get('/login')).response.headers.getSetCookie().join(';');
  assert.match(cookie, /HttpOnly/);
  assert.match(cookie, /SameSite=Lax/);
});

function serve(dataDir: string) {
  return serveProcess({ CABILDO_DATA_DIR: dataDir });
}

test('SIGTERM lets an in-flight request finish, then closes the database and exits 0; logs are JSON with request ids', { timeout: 60_000 }, async () => {
  const server = serve(mkdtempSync(join(tmpdir(), 'cabildo-serve-')));
  const port = await server.listening;
  const body = 'email=slow%40example.org&password=' + 'x'.repeat(2000);
  const answer = new Promise<number>((resolve, reject) => {
    const req = request({ port, method: 'POST', path: '/login', headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'Content-Length': body.length } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode!));
    });
    req.on('error', reject);
    req.write(body.slice(0, 100));
    setTimeout(() => {
      server.child.kill('SIGTERM');
      setTimeout(() => req.end(body.slice(100)), 500);
    }, 300);
  });
  assert.equal(await answer, 403, 'the in-flight request got its answer (a refused CSRF check) instead of a reset');
  assert.equal(await server.exited, 0);
  const messages = server.lines.map((l) => l.msg);
  assert.ok(messages.includes('shutting down: finishing in-flight requests'));
  assert.equal(messages.at(-1), 'stopped');
  const logged = server.lines.find((l) => l.msg === 'request' && l.path === '/login')!;
  assert.equal(logged.status, 403);
  assert.match(String(logged.requestId), /^[0-9a-f-]{36}$/);
  assert.ok(!JSON.stringify(server.lines).includes('xxxxxxxxxx'), 'request bodies never reach the log');
});

/** A test app whose log lines are kept, to count them. */
async function loggedApp(): Promise<{ t: TestApp; lines: Array<Record<string, unknown>> }> {
  const lines: Array<Record<string, unknown>> = [];
  const log = pino({ level: 'info' }, { write: (line: string) => void lines.push(JSON.parse(line)) });
  return { t: await startTestApp('sqlite', {}, log), lines };
}

test('a body over 256 KiB answers 413 with a page in the reader\'s language or a problem document, and one log line', { timeout: 60_000 }, async () => {
  const { t, lines } = await loggedApp();
  try {
    const anonymous = t.client();
    anonymous.language = 'es';
    const signedIn = await verifiedPerson(t, { email: 'ana@example.org', locale: 'pt' });
    const big = 'name=' + 'x'.repeat(300 * 1024);
    const cases = [
      { path: '/login', type: 'application/x-www-form-urlencoded', as: anonymous, title: 'Demasiado grande', read: true },
      { path: '/initiatives', type: 'multipart/form-data; boundary=xyz', as: signedIn, title: 'Grande demais', read: true },
      { path: '/api/initiatives', type: 'application/json', as: anonymous, title: 'Demasiado grande', api: true },
      { path: '/api/initiatives', type: 'application/json', as: signedIn, title: 'Grande demais', api: true, read: true },
      { path: '/no/such/page', type: 'application/x-www-form-urlencoded', as: anonymous, title: 'Demasiado grande' },
      { path: '/api/no/such/thing', type: 'application/json', as: signedIn, title: 'Grande demais', api: true },
    ];
    for (const { path, type, as, title, api, read } of cases) {
      // Announced by its length (refused before it is read), and streamed (refused as it is read,
      // where it is read: a visitor refused on other grounds first gets that answer).
      for (const announced of read ? [true, false] : [true]) {
        const label = `${path} ${announced ? 'with' : 'without'} Content-Length`;
        const body = announced ? big : new Blob([big]).stream();
        const headers: Record<string, string> = { 'Content-Type': type, 'X-CSRF-Token': await as.csrfToken() };
        if (announced) headers['Content-Length'] = String(big.length);
        lines.length = 0;
        const page = await as.request(path, { method: 'POST', body, headers, duplex: 'half' } as RequestInit);
        assert.equal(page.status, 413, label);
        if (api) {
          assert.match(page.response.headers.get('content-type')!, /^application\/problem\+json/, label);
          assert.deepEqual(JSON.parse(page.html), { type: 'about:blank', title, status: 413, instance: path }, label);
        } else {
          assert.match(page.response.headers.get('content-type')!, /^text\/html/, label);
          assert.match(page.html, new RegExp(`<h1>${title}</h1>`), label);
          assert.match(page.html, /<a href="\/">/, `${label}: a way back`);
        }
        assert.deepEqual(lines.map((l) => [l.msg, l.status, l.path]), [['request', 413, path]], `${label}: one log line, no stack trace`);
      }
    }
  } finally {
    await t.close();
  }
});
