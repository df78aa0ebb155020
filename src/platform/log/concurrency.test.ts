import assert from 'node:assert/strict';
import { pino } from 'pino';
import { perDatabase } from '../../../tests/support/databases.ts';
import { startTestApp } from '../../../tests/support/app.ts';
import { secretariat } from '../../../tests/support/factories.ts';
import { TestClient } from '../../../tests/support/client.ts';
import { readCheckpoint, rfcRoot, rfcVerifyConsistency } from '../../../tests/support/tlogVerifier.ts';
import { createApp } from '../../app.tsx';
import { modules } from '../../modules/index.ts';
import { seedDemoInitiatives } from '../../modules/initiatives/seeds.ts';
import { forgetDataVersion } from '../audit.ts';
import { sessionCookie } from '../auth/identity.ts';
import { openDatabase } from '../db/index.ts';
import { logKinds } from '../manifests.ts';
import { createServices } from '../services.ts';
import { appendToLog } from './store.ts';
import { verifyLog, type LogKind } from './verify.ts';

const trials = 12;
const appendsPerTrial = 30;

/** Raw appends of the test: their content is rebuilt from the record's name. */
const testKind: LogKind = { label: 'test', content: async (_db, record) => ({ record }) };

perDatabase('two app instances on one PostgreSQL database appending at once keep one consistent tree, and their checkpoints never fork', { kinds: ['postgres'], timeout: 600_000 }, async () => {
  const t = await startTestApp('postgres');
  // A second instance: its own connection pool on the same database, the same data directory (so the same key).
  const second = openDatabase({ url: process.env.TEST_DATABASE_URL!, schema: t.database.schema });
  const services = createServices({ database: second, config: t.services.config, log: pino({ level: 'silent' }), clock: () => new Date(t.clock.now), modules });
  const app = await createApp(services, modules);
  const instances = [t.app, app];
  const notes: string[] = [];
  const checkpointFrom = async (i: number) => notes.push(await (await instances[i % 2]!.request('http://cabildo.test/api/log/checkpoint')).text());
  try {
    await seedDemoInitiatives({ db: t.database.db, now: t.clock.now, onlyIfEmpty: true });

    // The secretariat delists sixteen initiatives at once, half through each instance, while both sign checkpoints.
    const first = await secretariat(t);
    const other = new TestClient(app, 'http://cabildo.test');
    other.setCookie(sessionCookie, first.cookie(sessionCookie)!);
    await other.get('/my/initiatives');
    const slugs = (await t.database.db.selectFrom('initiatives').select('slug').orderBy('slug').limit(16).execute()).map((r) => r.slug as string);
    await Promise.all([
      ...slugs.map(async (slug, i) => assert.equal((await (i % 2 ? other : first).post(`/initiatives/${slug}/delist`, { reason: 'Fusionada con otra iniciativa.' })).status, 303, slug)),
      ...[0, 1, 2, 3, 4, 5].map(checkpointFrom),
    ]);

    // Then many trials of raw appends through both pools at once, with checkpoints asked of both instances meanwhile.
    for (let trial = 0; trial < trials; trial++) {
      await Promise.all([
        ...Array.from({ length: appendsPerTrial }, (_, i) => (i % 2 ? second.db : t.database.db).transaction().execute((tx) =>
          appendToLog(tx, { kind: 'test.concurrent', record: `test/${trial}-${i}`, version: 1, content: { record: `test/${trial}-${i}` }, actor: null, time: t.clock.now }))),
        ...[0, 1, 2, 3].map(checkpointFrom),
      ]);
    }
    // The raw appends were made outside requests: each instance is told, as it is of its own writes,
    // rather than waiting out its 200 ms copy of the data version (a fast run read a stale checkpoint).
    forgetDataVersion(t.database.db);
    forgetDataVersion(second.db);
    await checkpointFrom(0);
    await checkpointFrom(1);

    const rows = await t.database.db.selectFrom('log_entries').select(['idx', 'entry']).orderBy('idx').execute();
    const size = 103 + 16 + trials * appendsPerTrial;
    assert.deepEqual(rows.map((r) => Number(r.idx)), Array.from({ length: size }, (_, i) => i), 'one entry at each index, none lost');
    const entries = rows.map((r) => Buffer.from(r.entry as string, 'utf8'));
    assert.equal(new Set(rows.map((r) => r.entry)).size, size);

    const key = (await (await t.app.request('http://cabildo.test/api/log/key')).text()).trim();
    assert.equal((await (await app.request('http://cabildo.test/api/log/key')).text()).trim(), key, 'one key for the installation');
    const bySize = new Map<number, { note: string; root: Buffer }>();
    for (const note of notes) {
      const checkpoint = readCheckpoint(note, key);
      assert.ok(checkpoint.root.equals(rfcRoot(entries.slice(0, checkpoint.size))), `the checkpoint of ${checkpoint.size} is the tree of the first ${checkpoint.size} entries`);
      const known = bySize.get(checkpoint.size);
      if (known) assert.equal(note, known.note, `one checkpoint for size ${checkpoint.size}`);
      bySize.set(checkpoint.size, { note, root: checkpoint.root });
    }
    assert.equal(Math.max(...bySize.keys()), size);
    const stored = await t.database.db.selectFrom('log_checkpoints').select(['size', 'note']).execute();
    for (const row of stored) assert.equal(bySize.get(Number(row.size))?.note ?? row.note, row.note);
    const sizes = [...new Set([...bySize.keys(), ...stored.map((r) => Number(r.size))])].filter((s) => s > 0).sort((a, b) => a - b);
    const roots = new Map(sizes.map((s) => [s, rfcRoot(entries.slice(0, s))]));
    for (let i = 0; i < sizes.length; i++) {
      for (let j = i + 1; j < sizes.length; j++) {
        const [a, b] = [sizes[i]!, sizes[j]!];
        const answer = await (await instances[(i + j) % 2]!.request(`http://cabildo.test/api/log/proof/consistency?first=${a}&second=${b}`)).json() as { consistency: string[] };
        assert.ok(rfcVerifyConsistency(a, b, roots.get(a)!, roots.get(b)!, answer.consistency.map((h) => Buffer.from(h, 'base64'))), `${a} → ${b}`);
      }
    }
    const kinds = new Map([...logKinds(modules), ['test.concurrent', testKind]]);
    const report = await verifyLog(t.database.db, kinds, services.transparencyLog.signer);
    assert.equal(report.failure, null);
    assert.equal(report.size, size);
    assert.equal(report.checkpoints, stored.length);
  } finally {
    await second.close();
    await t.close();
  }
});
