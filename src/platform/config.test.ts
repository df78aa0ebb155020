import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from './config.ts';

const dataDir = () => mkdtempSync(join(tmpdir(), 'cabildo-config-'));

test('defaults: port 3000, SQLite in the data dir, mail to the outbox, a secret kept across starts', () => {
  const dir = dataDir();
  const config = loadConfig({ CABILDO_DATA_DIR: dir });
  assert.equal(config.port, 3000);
  assert.equal(config.databaseUrl, undefined);
  assert.equal(config.smtpUrl, undefined);
  assert.equal(config.baseUrl, 'http://localhost:3000');
  assert.match(config.secret, /^[0-9a-f]{64}$/);
  assert.equal(loadConfig({ CABILDO_DATA_DIR: dir }).secret, config.secret);
  assert.equal(readFileSync(join(dir, 'secret'), 'utf8').trim(), config.secret);
});

test('a wrong setting stops start-up with a message naming it, never its password', () => {
  const cases: Array<[Record<string, string>, string]> = [
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://root:hunter2@db/x' }, 'DATABASE_URL'],
    [{ DATABASE_URL: 'not a url' }, 'DATABASE_URL'],
    [{ BASE_URL: 'ftp://example.org' }, 'BASE_URL'],
    [{ SMTP_URL: 'mail.example.org' }, 'SMTP_URL'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ TRUST_PROXY: 'yes' }, 'TRUST_PROXY'],
    [{ SEARCH_REBUILD_WRITERS: '0' }, 'SEARCH_REBUILD_WRITERS'],
    [{ SEARCH_REBUILD_WRITERS: 'many' }, 'SEARCH_REBUILD_WRITERS'],
  ];
  for (const [env, setting] of cases) {
    assert.throws(() => loadConfig({ CABILDO_DATA_DIR: dataDir(), ...env }), (error: unknown) => {
      assert.ok(error instanceof ConfigError);
      assert.equal(error.setting, setting);
      assert.doesNotMatch(error.message, /hunter2/);
      return true;
    });
  }
  const file = join(dataDir(), 'a-file');
  writeFileSync(file, 'not a folder');
  assert.throws(() => loadConfig({ CABILDO_DATA_DIR: join(file, 'data') }), /CABILDO_DATA_DIR/);
});

test('PostgreSQL, SMTP and a public address are taken as given', () => {
  const config = loadConfig({
    CABILDO_DATA_DIR: dataDir(), DATABASE_URL: 'postgres://cabildo@db:5432/cabildo', SMTP_URL: 'smtp://mail:25', BASE_URL: 'https://cabildo.example.org/', PORT: '8080',
  });
  assert.equal(config.databaseUrl, 'postgres://cabildo@db:5432/cabildo');
  assert.equal(config.smtpUrl, 'smtp://mail:25');
  assert.equal(config.baseUrl, 'https://cabildo.example.org');
  assert.equal(config.port, 8080);
  assert.equal(config.searchWriters, undefined, 'a search rebuild writes from one connection per core');
  assert.equal(loadConfig({ CABILDO_DATA_DIR: dataDir(), SEARCH_REBUILD_WRITERS: '3' }).searchWriters, 3);
});
