import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { commandTargets, runCabildo } from '../support/process.ts';
import { openDatabase, sqliteFileIn } from '../../src/platform/db/index.ts';
import { consultationsDb } from '../../src/modules/consultations/tables.ts';

async function withConsultations<T>(env: Record<string, string>, run: (store: ReturnType<typeof consultationsDb>) => Promise<T>): Promise<T> {
  const database = openDatabase(env.DATABASE_URL ? { url: env.DATABASE_URL } : { sqliteFile: sqliteFileIn(env.CABILDO_DATA_DIR!) });
  try {
    return await run(consultationsDb(database.db));
  } finally {
    await database.close();
  }
}

test('cabildo consultation import: a Markdown declaration becomes the draft of version 1; a file with HTML names its line and imports nothing, on each database', { timeout: 300_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cabildo-consultas-'));
  const good = join(dir, 'declaracion.md');
  writeFileSync(good, '# Preámbulo\n\nReconocemos que Internet es un recurso común.\n\n# Acceso\n\nInstamos a ampliar la conectividad rural.\n');
  const html = join(dir, 'con-html.md');
  writeFileSync(html, '# Preámbulo\n\nReconocemos que Internet es un recurso común.\n\n<iframe src="https://example.org"></iframe>\n');
  for (const target of await commandTargets('cabildo-cli-consultations')) {
    try {
      const { env, kind } = target;
      const seeded = runCabildo(['seed', 'demo'], env);
      assert.equal(seeded.code, 0, seeded.err);
      assert.match(seeded.out, /Added a demo consultation on IGF Uruguay's declaration, with version 2 published/, kind);
      assert.doesNotMatch(runCabildo(['seed', 'demo'], env).out, /demo consultation/, 'seeding twice adds nothing');

      const refused = runCabildo(['consultation', 'import', html, '--initiative', 'igf-uruguay', '--title', 'Declaración con HTML', '--lang', 'es'], env);
      assert.equal(refused.code, 1);
      assert.match(refused.err, /con-html\.md: La línea 5 contiene HTML\. Escribe el texto solo en Markdown\.\nNo se importó nada\./);
      const unknown = runCabildo(['consultation', 'import', good, '--initiative', 'nadie', '--title', 'Declaración'], env);
      assert.equal(unknown.code, 1);
      assert.match(unknown.err, /no initiative has the address nadie/);
      assert.equal(runCabildo(['consultation', 'import', good, '--initiative', 'igf-uruguay', '--title', 'Declaración', '--kind', 'manifesto'], env).code, 2);
      assert.equal(await withConsultations(env, async (store) => (await store.selectFrom('consultations').select('id').execute()).length), 1, 'only the demo one');

      const imported = runCabildo(['consultation', 'import', good, '--initiative', 'igf-uruguay', '--title', 'Declaración de Montevideo', '--text-lang', 'es'], env);
      assert.equal(imported.code, 0, imported.err);
      assert.match(imported.out, /Imported as a draft consultation of IGF Uruguay: http:\/\/localhost:3000\/consultations\/declaracion-de-montevideo/);
      const blocks = await withConsultations(env, (store) => store.selectFrom('consultation_blocks').innerJoin('consultation_versions', 'consultation_versions.id', 'consultation_blocks.version_id')
        .innerJoin('consultations', 'consultations.id', 'consultation_versions.consultation_id').select(['consultation_blocks.kind', 'consultation_blocks.number', 'consultation_versions.status'])
        .where('consultations.slug', '=', 'declaracion-de-montevideo').orderBy('consultation_blocks.position').execute());
      assert.deepEqual(blocks.map((b) => `${b.kind} ${b.number} ${b.status}`), ['heading 1 draft', 'paragraph 1 draft', 'heading 2 draft', 'paragraph 2 draft']);
      assert.match(runCabildo(['--help'], env).out, /consultation import/);
    } finally {
      await target.drop();
    }
  }
});
