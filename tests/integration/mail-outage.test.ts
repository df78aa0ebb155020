import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { registerCatalogs, translate } from '../../src/platform/i18n/index.ts';
import { modules } from '../../src/modules/index.ts';
import { TestClient } from '../support/client.ts';
import { TestMailServer } from '../support/mail.ts';
import { eventually, serveProcess } from '../support/process.ts';

const baseUrl = 'http://cabildo.test';
for (const module of modules) if (module.catalogs) registerCatalogs(module.name, module.catalogs);

/** A port nothing listens on (yet). */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', () => resolve()));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

function overHttp(port: number) {
  return {
    request(url: string, init: RequestInit) {
      const target = new URL(url);
      const headers = new Headers(init.headers);
      headers.set('Host', target.host);
      return fetch(`http://127.0.0.1:${port}${target.pathname}${target.search}`, { ...init, redirect: 'manual', headers });
    },
  };
}

test('with the mail server down, signing up still works; the mail goes out once it is back, across a restart', { timeout: 180_000 }, async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'cabildo-outage-'));
  const smtpPort = await freePort();
  const env = { CABILDO_DATA_DIR: dataDir, SMTP_URL: `smtp://127.0.0.1:${smtpPort}`, BASE_URL: baseUrl };
  const first = serveProcess(env);
  const email = 'paciente@example.org';
  try {
    const visitor = new TestClient(overHttp(await first.listening), baseUrl);
    const signedUp = await visitor.post('/signup', {
      email, password: 'correct horse battery', name: 'Paciente', locale: 'pt', stakeholder_group: 'academia', capacity: 'personal',
    });
    assert.equal(signedUp.status, 200, 'the sign-up is taken although no mail can leave');
    // The first attempt fails while nothing listens on the mail port; then Cabildo restarts.
    await eventually('a failed attempt is recorded', () => first.lines.some((l) => /job failed|will retry/i.test(String(l.msg))), 20_000);
  } finally {
    assert.equal(await first.stop(), 0);
  }
  const mail = await new TestMailServer().start(smtpPort);
  const second = serveProcess(env);
  try {
    await second.listening;
    // Retried after its back-off (30 s for a first failure), by the restarted process.
    const verification = await mail.lastTo(email, 90_000);
    assert.match(verification.text, /verify-email\?token=/);
    assert.equal(verification.subject, translate('pt', 'accounts.mail.verify.subject'), 'written in the language the person chose');
    await new Promise((r) => setTimeout(r, 1500));
    assert.equal(mail.received.filter((m) => m.to.includes(email)).length, 1, 'sent once');
  } finally {
    await second.stop();
    await mail.stop();
  }
});
