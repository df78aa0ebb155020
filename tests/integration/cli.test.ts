import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { request } from 'node:http';
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cabildoBin, commandTargets, runCabildo } from '../support/process.ts';
import { allMigrations } from '../../src/platform/manifests.ts';
import { modules } from '../../src/modules/index.ts';




test('help, unknown commands and bad settings say what is wrong', () => {
  const help = runCabildo(['--help']);
  assert.equal(help.code, 0);
  for (const command of ['serve', 'migrate', 'admin create', 'seed demo', 'import nris', 'backup', 'restore', 'opinion analyze']) assert.match(help.out, new RegExp(command));
  const unknown = runCabildo(['frobnicate']);
  assert.equal(unknown.code, 2);
  assert.match(unknown.err, /unknown command "frobnicate"/);
  const badPort = runCabildo(['migrate'], { PORT: 'abc', CABILDO_DATA_DIR: mkdtempSync(join(tmpdir(), 'cabildo-cli-')) });
  assert.equal(badPort.code, 2);
  assert.match(badPort.err, /Configuration error: PORT/);
  const badUrl = runCabildo(['migrate'], { DATABASE_URL: 'mysql://root:hunter2@x/y', CABILDO_DATA_DIR: mkdtempSync(join(tmpdir(), 'cabildo-cli-')) });
  assert.match(badUrl.err, /DATABASE_URL/);
  assert.doesNotMatch(badUrl.err, /hunter2/);
});

test('migrate, admin create, seed demo, import, backup and restore on each database', { timeout: 420_000 }, async () => {
  for (const target of await commandTargets('cabildo-cli')) {
    try {
      const { env } = target;
      assert.match(runCabildo(['migrate'], env).out, new RegExp(`Applied ${Object.keys(allMigrations(modules)).length} migrations`), target.kind);
      assert.match(runCabildo(['migrate'], env).out, /up to date/);

      const admin = runCabildo(['admin', 'create', '--email', 'Sec@IGF.example', '--name', 'Secretaría'], { ...env, CABILDO_ADMIN_PASSWORD: 'a long admin password' });
      assert.equal(admin.code, 0, admin.err);
      assert.match(admin.out, /sec@igf\.example created/);
      const weak = runCabildo(['admin', 'create', '--email', 'x@igf.example', '--name', 'X'], env, 'short\n');
      assert.equal(weak.code, 2);
      assert.match(weak.err, /at least 10 characters/);

      const seeded = runCabildo(['seed', 'demo'], env);
      assert.equal(seeded.code, 0, seeded.err);
      assert.match(seeded.out, /Imported 103 initiatives \(demo data\); 0 already present/);
      assert.match(runCabildo(['seed', 'demo'], env).out, /Imported 0 initiatives \(demo data\); 103 already present/);

      const dir = mkdtempSync(join(tmpdir(), 'cabildo-import-'));
      const bad = join(dir, 'bad.csv');
      writeFileSync(bad, 'name,acronym,type,countries,region,year_established,website,languages,source_url\nIGF Atlantis,,national,ZZ,,2020,,,https://x\nIGF Lemuria,,galactic,,,,,,https://y\n');
      const refused = runCabildo(['import', 'nris', bad], env);
      assert.equal(refused.code, 2);
      assert.match(refused.err, /line 2: unknown country code ZZ/);
      assert.match(refused.err, /line 3: type "galactic"/);
      const broken = join(dir, 'broken.csv');
      writeFileSync(broken, 'name,type\n"unclosed,national\n');
      assert.match(runCabildo(['import', 'nris', broken], env).err, /broken\.csv:2: a quoted field is never closed/);
      const good = join(dir, 'good.csv');
      writeFileSync(good, 'name,acronym,type,countries,region,year_established,website,languages,source_url\nIGF Atlántida,IGF-AT,national,UY,Latin America and Caribbean,2021,https://igf.example,es,https://igf.example/about\n');
      assert.match(runCabildo(['import', 'nris', good], env).out, /Imported 1 initiatives; 0 already present/);

      const file = join(dir, 'backup.json');
      assert.match(runCabildo(['backup', file], env).out, /Wrote \d+ rows/);
      assert.ok(existsSync(file));
      const notEmpty = runCabildo(['restore', file], env);
      assert.equal(notEmpty.code, 1);
      assert.match(notEmpty.err, /not empty/);
      const fresh = { CABILDO_DATA_DIR: mkdtempSync(join(tmpdir(), 'cabildo-restore-')) };
      const restored = runCabildo(['restore', file], fresh);
      assert.equal(restored.code, 0, restored.err);
      assert.match(restored.out, /Restored \d+ rows/);
      const again = join(dir, 'again.json');
      runCabildo(['backup', again], fresh);
      const count = (path: string) => Object.fromEntries(Object.entries(JSON.parse(readFileSync(path, 'utf8')).tables as Record<string, unknown[]>).map(([k, v]) => [k, v.length]));
      assert.deepEqual(count(again), count(file));
    } finally {
      await target.drop();
    }
  }
});

test('backups are readable by their owner only; a restore with a broken reference fails and restores nothing, on each database', { timeout: 240_000 }, async () => {
  const sources = await commandTargets('cabildo-cli');
  const destinations = await commandTargets('cabildo-cli');
  const umask = process.umask(0o000);
  try {
    for (const [i, source] of sources.entries()) {
      const destination = destinations[i]!;
      const label = source.kind;
      assert.equal(runCabildo(['seed', 'demo'], source.env).code, 0, label);
      const dir = mkdtempSync(join(tmpdir(), 'cabildo-backup-'));
      // A new file, even under a umask that lets everyone read (inherited by the command).
      const file = join(dir, 'backup.json');
      assert.equal(runCabildo(['backup', file], source.env).code, 0, label);
      assert.equal(statSync(file).mode & 0o777, 0o600, `${label}: a new backup is 0600`);
      // A file that existed, readable by all: replaced by one only its owner may read.
      const old = join(dir, 'old.json');
      writeFileSync(old, 'yesterday', { mode: 0o644 });
      chmodSync(old, 0o644);
      assert.equal(runCabildo(['backup', old], source.env).code, 0, label);
      assert.equal(statSync(old).mode & 0o777, 0o600, `${label}: an overwritten backup is 0600`);
      assert.deepEqual(readdirSync(dir).sort(), ['backup.json', 'old.json'], `${label}: no partial file left behind`);

      // Rows that refer to initiatives the backup does not hold.
      const backup = JSON.parse(readFileSync(file, 'utf8'));
      assert.ok(backup.tables.initiative_countries.length > 0);
      backup.tables.initiatives = backup.tables.initiatives.slice(1);
      const broken = join(dir, 'broken.json');
      writeFileSync(broken, JSON.stringify(backup));
      const refused = runCabildo(['restore', broken], destination.env);
      assert.equal(refused.code, 1, `${label}: ${refused.err}`);
      assert.match(refused.err, /refer to rows it does not hold.*nothing was restored/);
      const after = join(dir, 'after.json');
      assert.equal(runCabildo(['backup', after], destination.env).code, 0, label);
      const rows = Object.values(JSON.parse(readFileSync(after, 'utf8')).tables as Record<string, unknown[]>).reduce((n, t) => n + t.length, 0);
      assert.equal(rows, 0, `${label}: nothing restored`);
      // The same database then takes the whole backup.
      const restored = runCabildo(['restore', file], destination.env);
      assert.equal(restored.code, 0, `${label}: ${restored.err}`);
    }
  } finally {
    process.umask(umask);
    for (const target of [...sources, ...destinations]) await target.drop();
  }
});

/** `cabildo serve` on a free port with the given settings; resolves once it listens. */
async function served(env: Record<string, string>): Promise<{ url: string; stop: () => Promise<void> }> {
  const child = spawn(process.execPath, [cabildoBin, 'serve'], { env: { PATH: process.env.PATH!, ...env, PORT: '0', LOG_LEVEL: 'info' }, stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<number>((resolve, reject) => {
    let buffer = '';
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const found = buffer.match(/"port":(\d+)/);
      if (found) resolve(Number(found[1]));
    });
    child.on('exit', (code) => reject(new Error(`serve exited with ${code}`)));
  });
  child.stdout.resume();
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () => new Promise<void>((resolve) => {
      child.on('exit', () => resolve());
      child.kill('SIGTERM');
    }),
  };
}

test('token create prints a working API token for an account, token revoke ends it; clear errors and exit codes, on each database', { timeout: 600_000 }, async () => {
  for (const target of await commandTargets('cabildo-cli')) {
    const label = target.kind;
    try {
      const { env } = target;
      const help = runCabildo(['token', 'create', '--help'], env);
      assert.equal(help.code, 0);
      assert.match(help.out, /Usage: cabildo token create --email E --name N \[--expires-days D\]/);
      assert.match(runCabildo(['--help']).out, /token revoke --id=ID \| --email E --name N/);
      const unknown = runCabildo(['token', 'create', '--email', 'nobody@igf.example', '--name', 'ci'], env);
      assert.equal(unknown.code, 1, label);
      assert.match(unknown.err, /no account has the address nobody@igf\.example/);
      for (const days of ['0', '-3', '1.5']) {
        const bad = runCabildo(['token', 'create', '--email', 'sec@igf.example', '--name', 'ci', `--expires-days=${days}`], env);
        assert.equal(bad.code, 2, `--expires-days ${days}`);
        assert.match(bad.err, /--expires-days must be a whole number of days from 1 to 3650/);
      }
      assert.equal(runCabildo(['token', 'create', '--name', 'ci'], env).code, 2);
      assert.match(runCabildo(['token', 'create', '--email', 'sec@igf.example'], env).err, /needs --name/);
      assert.equal(runCabildo(['token', 'revoke'], env).code, 2);

      assert.equal(runCabildo(['admin', 'create', '--email', 'sec@igf.example', '--name', 'Secretaría'], { ...env, CABILDO_ADMIN_PASSWORD: 'a long admin password' }).code, 0);
      const created = runCabildo(['token', 'create', '--email', 'SEC@igf.example', '--name', 'nightly import', '--expires-days', '30'], env);
      assert.equal(created.code, 0, created.err);
      const token = created.out.trim();
      assert.match(token, /^cab_[\w-]{20,}$/, 'only the token on standard output');
      assert.match(created.err, /valid until \d{4}-\d\d-\d\dT/);
      assert.match(created.err, /\(revoke with --id=[\w-]{22}\)/, 'it says how to revoke it, with = since an id may begin with a dash');
      const second = runCabildo(['token', 'create', '--email', 'sec@igf.example', '--name', 'by id'], env).out.trim();

      const server = await served(env);
      try {
        // A new connection each time: the command run in between may outlast the server's keep-alive.
        const call = (secret: string) => new Promise<{ status: number }>((resolve, reject) => {
          const body = JSON.stringify({
            name: `Foro de Gobernanza de Internet ${secret.slice(-6)}`, type: 'national', countries: ['UY'], languages: ['es'], contact_email: 'foro@example.org',
            description_locale: 'es', description: 'Un espacio abierto y multisectorial para dialogar sobre la gobernanza de Internet.',
            // Each call creates a look-alike of the one before, on purpose: not a duplicate to warn about.
            create_anyway: true,
          });
          const req = request(`${server.url}/api/initiatives`, {
            method: 'POST', agent: false,
            headers: { Authorization: `Bearer ${secret}`, 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) },
          }, (res) => {
            res.resume();
            res.on('end', () => resolve({ status: res.statusCode! }));
          });
          req.on('error', reject);
          req.end(body);
        });
        assert.equal((await call(token)).status, 201, `${label}: the printed token works against the API`);
        assert.equal((await call(second)).status, 201);
        assert.equal((await call('cab_not-a-token')).status, 401);

        const byName = runCabildo(['token', 'revoke', '--email', 'sec@igf.example', '--name', 'nightly import'], env);
        assert.equal(byName.code, 0, byName.err);
        assert.match(byName.out, /Revoked 1 token\./);
        assert.equal((await call(token)).status, 401, 'a revoked token no longer works');
        assert.equal((await call(second)).status, 201, 'the other token still works');

        const again = runCabildo(['token', 'revoke', '--email', 'sec@igf.example', '--name', 'nightly import'], env);
        assert.equal(again.code, 1);
        assert.match(again.err, /has no token named "nightly import"/);
      } finally {
        await server.stop();
      }
      const backup = join(mkdtempSync(join(tmpdir(), 'cabildo-token-')), 'b.json');
      runCabildo(['backup', backup], env);
      const tokens = JSON.parse(readFileSync(backup, 'utf8')).tables.api_tokens as Array<{ id: string; name: string }>;
      assert.deepEqual(tokens.map((t) => t.name), ['by id']);
      // `--id=` because an id may begin with a dash, which `--id ID` would read as another option.
      assert.equal(runCabildo(['token', 'revoke', `--id=${tokens[0]!.id}`], env).code, 0);
      const missing = runCabildo(['token', 'revoke', `--id=${tokens[0]!.id}`], env);
      assert.equal(missing.code, 1);
      assert.match(missing.err, /no token has the id/);
    } finally {
      await target.drop();
    }
  }
});
