import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { smokeRun } from '../../../tests/support/databases.ts';
import { cabildoBin, runCabildo } from '../../../tests/support/process.ts';
import { searchSources } from '../manifests.ts';
import { modules } from '../../modules/index.ts';


/** The command on a terminal: `script` gives it one, as a person at a console would. */
function onTerminal(args: string[], env: Record<string, string>) {
  const command = [process.execPath, cabildoBin, ...args].map((a) => `'${a}'`).join(' ');
  const result = spawnSync('script', ['-qec', command, '/dev/null'], { env: { PATH: process.env.PATH!, LOG_LEVEL: 'silent', ...env }, encoding: 'utf8', timeout: 120_000 });
  return { code: result.status, out: result.stdout };
}

const requireAll = process.env.CABILDO_REQUIRE_ALL === '1';
const kinds = smokeRun ? ['sqlite'] : ['sqlite', 'postgres'];

for (const kind of kinds) {
  const missing = kind === 'postgres' && !process.env.TEST_DATABASE_URL ? 'TEST_DATABASE_URL is not set' : null;
  test(`cabildo search reindex rebuilds the index, with a progress bar on a terminal, and is idempotent [${kind}]`, { timeout: 240_000, skip: !requireAll && missing ? missing : false }, async () => {
    if (missing) throw new Error(`${missing} and CABILDO_REQUIRE_ALL=1`);
    const env: Record<string, string> = { CABILDO_DATA_DIR: mkdtempSync(join(tmpdir(), 'cabildo-search-')) };
    let client: pg.Client | undefined;
    let drop = async () => {};
    if (kind === 'postgres') {
      const url = process.env.TEST_DATABASE_URL!;
      const name = `cabildo_search_${process.pid}_${Date.now()}`;
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      await admin.query(`create database ${name}`);
      await admin.end();
      const dbUrl = new URL(url);
      dbUrl.pathname = `/${name}`;
      env.DATABASE_URL = dbUrl.toString();
      client = new pg.Client({ connectionString: env.DATABASE_URL });
      drop = async () => {
        const cleaner = new pg.Client({ connectionString: url });
        await cleaner.connect();
        await cleaner.query(`drop database ${name} with (force)`);
        await cleaner.end();
      };
    }
    try {
      assert.equal(runCabildo(['seed', 'demo'], env).code, 0);
      if (client) await client.connect();
      // Every searchable record of the demo data: its initiatives, its events, its imported draft report, its published ledger entries,
      // its action plan with its items, its published impact brief (drafts are not indexed), the starter course's lessons and the open mentor offers; and
      // what comes with the release (shipped sources: the toolkit's guidance).
      const count = "select (select count(*) from initiatives) + (select count(*) from events) + (select count(*) from reports) + (select count(*) from funding_entries where status = 'published') + (select count(*) from action_plans) + (select count(*) from action_plan_items) + (select count(*) from brief_listing) + (select count(*) from course_lessons) + (select count(*) from consultations where published_version > 0) + (select count(*) from mentor_offers where status = 'open') as n";
      // A shipped source's records come from code, not from the database it is handed.
      const shipped = (await Promise.all(searchSources(modules).filter((s) => s.shipped).map((s) => s.recordIds(undefined as never)))).flat().length;
      const records = shipped + await (async () => {
        if (client) return Number((await client.query(count)).rows[0].n);
        const { default: Sqlite } = await import('better-sqlite3');
        const db = new Sqlite(join(env.CABILDO_DATA_DIR!, 'cabildo.sqlite'), { readonly: true });
        try {
          return Number((db.prepare(count).get() as { n: number }).n);
        } finally {
          db.close();
        }
      })();
      assert.ok(records > 100, `demo data holds ${records} searchable records`);
      const plain = runCabildo(['search', 'reindex'], env);
      assert.equal(plain.code, 0, plain.err);
      assert.equal(plain.out, `Indexed ${records} documents.\n`);
      assert.equal(plain.err, `Indexing: ${records}/${records}\n`, 'off a terminal, one plain line');

      const terminal = onTerminal(['search', 'reindex'], env);
      assert.equal(terminal.code, 0);
      assert.match(terminal.out, new RegExp(`\\rIndexing \\[#+\\.+\\] \\d+% \\(\\d+/${records}\\)`), 'a bar that moves');
      assert.match(terminal.out, new RegExp(`\\rIndexing \\[#{30}\\] 100% \\(${records}/${records}\\)\\r?\\n`));
      assert.match(terminal.out, new RegExp(`Indexed ${records} documents\\.`));

      // The same records give the same index, however many times it is rebuilt.
      const snapshot = async () => {
        if (client) {
          const { rows } = await client.query('select kind, record_id, title, url, visibility, texts, terms::text as terms from search_documents join search_texts on document_id = id order by kind, record_id');
          return JSON.stringify(rows);
        }
        const { default: Sqlite } = await import('better-sqlite3');
        const db = new Sqlite(join(env.CABILDO_DATA_DIR!, 'cabildo.sqlite'), { readonly: true });
        const rows = db.prepare('select kind, record_id, title, url, visibility, texts from search_documents join search_texts on document_id = id order by kind, record_id').all();
        const terms = db.prepare("select count(*) as n from search_terms where search_terms match 'gobern'").get();
        db.close();
        return JSON.stringify([rows, terms]);
      };
      const first = await snapshot();
      assert.equal(runCabildo(['search', 'reindex'], env).code, 0);
      assert.equal(await snapshot(), first);
      assert.match(first, /Internet Governance Forum/);
    } finally {
      await client?.end();
      await drop();
    }
  });
}

test('cabildo --help lists search reindex', () => {
  const help = runCabildo(['--help'], {});
  assert.match(help.out, /search reindex\s+rebuild the search index/);
});
