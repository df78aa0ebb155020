import { test } from 'node:test';
import assert from 'node:assert/strict';
import { safeNext } from './redirects.ts';
import { eachApp, listen } from '../../../tests/support/app.ts';
import { insertPerson, password } from '../../../tests/support/factories.ts';

/** What a Location header may carry without Node refusing the response (and without surprises). */
const headerSafe = /^[\u0021-\u007E]+$/;

const hostile = [
  '/\u007F', '/a\u0080b', '/\u0085', '/\u009F', '/\u0000', '/\t', '/\n/x', '/\r\nSet-Cookie: a=b', '/\u202Eevil', '/\u2066x',
  '/\uD800', '/a\uDC00', '//evil.org', '/\\evil.org', '/\\/evil.org', '/.//evil.org', '/./\\evil.org', '/..//evil.org',
  'https://evil.org', 'evil.org', '', '/' + 'a'.repeat(3000),
];

test('safeNext sends hostile addresses to the fallback and never answers anything a header cannot carry', () => {
  for (const next of hostile) {
    const answer = safeNext(next, '/fallback');
    assert.equal(answer, '/fallback', `${JSON.stringify(next)} → ${JSON.stringify(answer)}`);
  }
  for (const next of ['/', '/initiatives?q=M%C3%A9xico&page=2', '/initiatives/mesa#committee', '/account?notice=verified']) {
    assert.equal(safeNext(next), next);
  }
  // Characters a browser would encode are encoded, not refused.
  assert.equal(safeNext('/initiatives?q=México'), '/initiatives?q=M%C3%A9xico');
  assert.equal(safeNext('/a b'), '/a%20b');
  for (let code = 0; code < 0x3000; code++) {
    const answer = safeNext(`/x${String.fromCharCode(code)}y`);
    assert.match(answer, headerSafe, `U+${code.toString(16)} → ${JSON.stringify(answer)}`);
    assert.ok(!answer.startsWith('//'));
  }
});

/** The Location of a GET over real HTTP: Node refuses a response whose header holds a control character. */
async function locationOf(url: string, init: RequestInit = {}): Promise<{ status: number; location: string | null }> {
  const response = await fetch(url, { redirect: 'manual', ...init });
  await response.arrayBuffer();
  return { status: response.status, location: response.headers.get('location') };
}

eachApp('a language change with a hostile next address goes home instead of failing', async (t) => {
  const server = await listen(t);
  try {
    for (const next of ['/%7F', '/%C2%85', '/%C2%9F', '/%E2%80%AEevil', '/%5Cevil.org', '/.//evil.org']) {
      const answer = await locationOf(`${server.url}/language/en?next=${next}`);
      assert.equal(answer.status, 303, `next=${next}`);
      assert.equal(answer.location, '/', `next=${next}`);
    }
    const kept = await locationOf(`${server.url}/language/en?next=${encodeURIComponent('/initiatives?q=México')}`);
    assert.deepEqual(kept, { status: 303, location: '/initiatives?q=M%C3%A9xico' });
  } finally {
    await server.close();
  }
});

eachApp('after a correct log-in, a hostile next address goes home instead of failing', async (t) => {
  await insertPerson(t, { email: 'ana@example.org' });
  const server = await listen(t);
  try {
    for (const next of ['/%7F', '/%C2%80', '/.//evil.org', '/initiatives']) {
      const form = await fetch(`${server.url}/login`);
      const html = await form.text();
      const csrf = html.match(/name="_csrf" value="([^"]+)"/)![1]!;
      const cookie = form.headers.getSetCookie().map((line) => line.split(';')[0]).join('; ');
      const answer = await locationOf(`${server.url}/login?next=${next}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: cookie, Origin: server.url },
        body: new URLSearchParams({ _csrf: csrf, email: 'ana@example.org', password }),
      });
      assert.equal(answer.status, 303, `next=${next}`);
      assert.equal(answer.location, next === '/initiatives' ? '/initiatives' : '/', `next=${next}`);
    }
  } finally {
    await server.close();
  }
});
