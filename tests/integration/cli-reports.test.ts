import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { commandTargets, runCabildo } from '../support/process.ts';
import { openDatabase, sqliteFileIn } from '../../src/platform/db/index.ts';
import { reportsDb } from '../../src/modules/reports/tables.ts';
import { readContent } from '../../src/modules/reports/content.ts';

const sample = new URL('../fixtures/reports/lacigf-relatoria-espacios-locales.es.txt', import.meta.url);



/** Reads (or changes) the installation's reports between two commands. */
async function withReports<T>(env: Record<string, string>, run: (reports: ReturnType<typeof reportsDb>) => Promise<T>): Promise<T> {
  const database = openDatabase(env.DATABASE_URL ? { url: env.DATABASE_URL } : { sqliteFile: sqliteFileIn(env.CABILDO_DATA_DIR!) });
  try {
    return await run(reportsDb(database.db));
  } finally {
    await database.close();
  }
}

test('cabildo import report: the demo seed’s draft, a second import refused, broken files and unknown sessions named and writing nothing, then a good import with the session’s people, on each database', { timeout: 300_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cabildo-relatorias-'));
  const text = readFileSync(sample, 'utf8');
  const pdf = join(dir, 'relatoria.pdf');
  writeFileSync(pdf, Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj\n', 'latin1'));
  const latin1 = join(dir, 'latin1.txt');
  writeFileSync(latin1, Buffer.from('Relatoría de la sesión: Acceso\n\nModeradora: Raquel Gatto\nPanelistas: Ana Pérez\n', 'latin1'));
  const nameless = join(dir, 'nameless.txt');
  writeFileSync(nameless, text.replace('- Relator: Jimena Sierra – Instituto Federal de Telecomunicaciones (IFT) México', '- Relator:'));
  assert.notEqual(readFileSync(nameless, 'utf8'), text);

  for (const target of await commandTargets('cabildo-cli-reports')) {
    try {
      const { env, kind } = target;
      const seeded = runCabildo(['seed', 'demo'], env);
      assert.equal(seeded.code, 0, seeded.err);
      assert.match(seeded.out, /Imported the demo relatoría as a draft report of "Espacios de diálogo de gobernanza locales: avances en las discusiones \(mesa de coordinación de iniciativas nacionales\)"\./, kind);
      const again = runCabildo(['seed', 'demo'], env);
      assert.equal(again.code, 0, again.err);
      assert.doesNotMatch(again.out, /relatoría/, 'seeding twice imports it once');
      const [seededReport, ...others] = await withReports(env, (r) => r.selectFrom('reports').selectAll().execute());
      assert.equal(others.length, 0);
      assert.equal(seededReport!.status, 'draft');
      const seededContent = readContent(seededReport!.content);
      assert.equal(seededContent.participants[0]!.organisation, 'Internet Society, Capítulo Brasil');

      // One report per session: the sample again, to the session its title names, is refused in Spanish.
      const twice = runCabildo(['import', 'report', sample.pathname, '--event', 'demo-lacigf-foro-regional', '--lang', 'es'], env);
      assert.equal(twice.code, 1);
      assert.match(twice.err, /La sesión «Espacios de diálogo de gobernanza locales: .*» ya tiene una relatoría \(Borrador\): http:\/\/localhost:3000\/reports\/[\w-]+\/edit\. Cada sesión tiene una sola relatoría/);
      assert.match(twice.err, /no se importó nada\./);
      const unknown = runCabildo(['import', 'report', sample.pathname, '--session', 'no-such-session'], env);
      assert.equal(unknown.code, 1);
      assert.match(unknown.err, /There is no session with the id “no-such-session”\.\n.*nothing was imported\./);

      // Broken files: the line and the reason, in the language asked for.
      const asPdf = runCabildo(['import', 'report', pdf, '--event', 'demo-lacigf-foro-regional', '--lang', 'pt'], env);
      assert.equal(asPdf.code, 1);
      assert.match(asPdf.err, /relatoria\.pdf: Linha 1: isto é um PDF, não texto\./);
      const notUtf8 = runCabildo(['import', 'report', latin1, '--event', 'demo-lacigf-foro-regional'], env);
      assert.equal(notUtf8.code, 1);
      assert.match(notUtf8.err, /latin1\.txt: Line 1: this text is not UTF-8/);
      const noName = runCabildo(['import', 'report', nameless, '--event', 'demo-lacigf-foro-regional', '--lang', 'fr'], env);
      assert.equal(noName.code, 1);
      assert.match(noName.err, /nameless\.txt: Ligne 14 : « Relator : » ne nomme personne\./);
      assert.match(noName.err, /rien n’a été importé\./);
      const usage = runCabildo(['import', 'report', sample.pathname], env);
      assert.equal(usage.code, 2);
      assert.match(usage.err, /Say where the report goes: --session ID, --event SLUG/);
      const stray = runCabildo(['import', 'report', sample.pathname, '--session', 'x', '--date', '2026-01-01', '--lang', 'es'], env);
      assert.equal(stray.code, 2);
      assert.match(stray.err, /--title, --date y --place son para la relatoría de una sesión realizada fuera de la plataforma/);
      const missing = runCabildo(['import', 'report', join(dir, 'nowhere.txt'), '--session', 'x'], env);
      assert.equal(missing.code, 2);
      assert.match(missing.err, /nowhere\.txt: there is no such file\./);
      const after = await withReports(env, (r) => r.selectFrom('reports').select(['id', 'updated_at']).execute());
      assert.deepEqual(after, [{ id: seededReport!.id, updated_at: seededReport!.updated_at }], 'nothing was written, nothing changed');

      // Without the seed's draft, the sample imports into the session its title names, with the session's people.
      await withReports(env, (r) => r.deleteFrom('reports').where('id', '=', seededReport!.id).execute());
      const good = runCabildo(['import', 'report', sample.pathname, '--event', 'demo-lacigf-foro-regional'], env);
      assert.equal(good.code, 0, good.err);
      assert.match(good.out, /^Imported as a draft report of the session “Espacios de diálogo de gobernanza locales: .*” \(Foro de Gobernanza de Internet de América Latina y el Caribe \(demostración\)\): http:\/\/localhost:3000\/reports\/[\w-]+\/edit$/m);
      assert.match(good.out, /^Title \(from the file\): Espacios de diálogos de Gobernanza Locales: Avances en las discusiones\. \(Mesa de coordinación\)$/m);
      assert.match(good.out, /^Date \(the day of the session\): \d{4}-\d{2}-\d{2}$/m);
      assert.match(good.out, /^Language \(read from the text\): Spanish$/m);
      assert.match(good.out, /^9 participants:$/m);
      assert.match(good.out, /^ {2}Line 7: Moderator: Raquel Gatto, Internet Society, Capítulo Brasil \(Civil society\) — in the session’s program$/m);
      assert.match(good.out, /^ {2}Line 15: Online moderator: Alejandra Erramuspe, AGESIC, Uruguay \(Government\) — in the session’s program$/m);
      assert.match(good.out, /^Summary: 9 paragraphs\. Key issues: 0; takeaways: 0/m);
      assert.match(good.out, /^Check these 2 points:\n {2}Line 23: this paragraph was joined to the one before it/m);
      const [imported] = await withReports(env, (r) => r.selectFrom('reports').selectAll().execute());
      assert.equal(imported!.session_id, seededReport!.session_id);
      assert.deepEqual(readContent(imported!.content).participants, seededContent.participants, 'the same draft as the seed’s');
      assert.ok(good.out.includes(`/reports/${imported!.id}/edit`));
    } finally {
      await target.drop();
    }
  }
});
