import assert from 'node:assert/strict';
import { gunzipSync, brotliDecompressSync } from 'node:zlib';
import { eachApp, type TestApp } from '../../../tests/support/app.ts';
import { registerInitiative, verifiedPerson } from '../../../tests/support/factories.ts';
import { registryDb } from '../../modules/initiatives/tables.ts';

async function rawGet(t: TestApp, path: string, headers: Record<string, string> = {}) {
  const response = await t.app.request(new URL(path, t.services.config.baseUrl).toString(), { headers });
  return { status: response.status, headers: response.headers, body: new Uint8Array(await response.arrayBuffer()) };
}

eachApp('pages and answers carry an ETag; a browser that has the version gets 304 and no body', async (t) => {
  const first = await rawGet(t, '/initiatives', { 'accept-language': 'es' });
  assert.equal(first.status, 200);
  const etag = first.headers.get('etag')!;
  assert.match(etag, /^W\/"[\w-]+"$/);
  assert.equal(first.headers.get('cache-control'), 'no-cache');
  const again = await rawGet(t, '/initiatives', { 'accept-language': 'es', 'if-none-match': etag });
  assert.equal(again.status, 304);
  assert.equal(again.body.byteLength, 0);
  assert.equal(again.headers.get('etag'), etag);
  // Another language is another page.
  const english = await rawGet(t, '/initiatives', { 'accept-language': 'en', 'if-none-match': etag });
  assert.equal(english.status, 200);
  const api = await rawGet(t, '/api/initiatives');
  const apiAgain = await rawGet(t, '/api/initiatives', { 'if-none-match': api.headers.get('etag')! });
  assert.equal(apiAgain.status, 304);
});

eachApp('responses are compressed as the browser accepts, once, with the security headers and a request id each', async (t) => {
  const plain = await rawGet(t, '/', { 'accept-language': 'pt' });
  const html = new TextDecoder().decode(plain.body);
  assert.match(html, /<html lang="pt"/);
  const gzip = await rawGet(t, '/', { 'accept-language': 'pt', 'accept-encoding': 'gzip' });
  assert.equal(gzip.headers.get('content-encoding'), 'gzip');
  assert.equal(new TextDecoder().decode(gunzipSync(gzip.body)), html);
  const brotli = await rawGet(t, '/', { 'accept-language': 'pt', 'accept-encoding': 'gzip, deflate, br' });
  assert.equal(brotli.headers.get('content-encoding'), 'br');
  assert.equal(new TextDecoder().decode(brotliDecompressSync(brotli.body)), html);
  assert.ok(brotli.body.byteLength < plain.body.byteLength / 3, 'the home page compresses well');
  assert.match(brotli.headers.get('vary')!, /Accept-Encoding/);
  assert.match(brotli.headers.get('vary')!, /Accept-Language/);
  for (const response of [plain, gzip, brotli]) {
    assert.match(response.headers.get('content-security-policy')!, /default-src 'self'/);
    assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
  }
  assert.notEqual(gzip.headers.get('x-request-id'), brotli.headers.get('x-request-id'));
});

eachApp('a public page is built once per data version: an edit shows at once, a change nobody audited does not', async (t) => {
  const coordinator = await verifiedPerson(t, { email: 'coord@example.org' });
  const slug = await registerInitiative(coordinator);
  const visitor = t.client();
  assert.match((await visitor.get(`/initiatives/${slug}`)).html, /Mesa Colombiana de Gobernanza de Internet/);
  // Written behind Cabildo's back (no command, no audit): visitors keep the page built before.
  await registryDb(t.database.db).updateTable('initiatives').set({ name: 'Renamed Quietly' }).where('slug', '=', slug).execute();
  assert.match((await visitor.get(`/initiatives/${slug}`)).html, /Mesa Colombiana de Gobernanza de Internet/);
  // Any command moves the data version; the next visitor sees the database as it is.
  assert.equal((await coordinator.json('PATCH', `/api/initiatives/${slug}`, { name: 'Mesa Colombiana de Internet' })).status, 200);
  const fresh = await visitor.get(`/initiatives/${slug}`);
  assert.match(fresh.html, /Mesa Colombiana de Internet/);
  assert.doesNotMatch(fresh.html, /Renamed Quietly|Gobernanza de Internet \(/);
}, { postgres: true });

eachApp("a page that is a visitor's own is never shared: signed-in pages, and pages with a form token", async (t) => {
  const person = await verifiedPerson(t, { email: 'ana@example.org', name: 'Ana Private' });
  assert.match((await person.get('/initiatives')).html, /Ana Private/);
  const anonymous = await t.client().get('/initiatives');
  assert.doesNotMatch(anonymous.html, /Ana Private/);
  assert.equal(anonymous.response.headers.get('set-cookie'), null, 'a page without a form sets no cookie');
  const login = await rawGet(t, '/login');
  const token = (page: { body: Uint8Array }) => new TextDecoder().decode(page.body).match(/name="_csrf" value="([^"]+)"/)![1];
  assert.ok(login.headers.get('set-cookie')?.includes('cabildo_csrf='));
  assert.equal(login.headers.get('cache-control'), 'private, no-cache');
  assert.notEqual(token(login), token(await rawGet(t, '/login')), 'each visitor gets a token of their own');
});
