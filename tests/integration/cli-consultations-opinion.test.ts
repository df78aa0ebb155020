import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { commandTargets, runCabildo } from '../support/process.ts';
import { openDatabase, sqliteFileIn, type Db } from '../../src/platform/db/index.ts';

/** The database's own handle: the test reads the opinion tables joined with the consultations'. */
async function withOpinion<T>(env: Record<string, string>, run: (store: Db) => Promise<T>): Promise<T> {
  const database = openDatabase(env.DATABASE_URL ? { url: env.DATABASE_URL } : { sqliteFile: sqliteFileIn(env.CABILDO_DATA_DIR!) });
  try {
    return await run(database.db);
  } finally {
    await database.close();
  }
}

/** A small Polis export: 10 voters (ids 101–110) in two camps on four comments (ids 0–3), comment 4 moderated out. */
function writeExport(dir: string): void {
  mkdirSync(dir, { recursive: true });
  const votes = ['timestamp,datetime,comment-id,voter-id,vote'];
  for (let p = 0; p < 10; p++) {
    const camp = p % 2 === 0 ? 1 : -1;
    for (const [c, v] of [[0, 1], [1, camp], [2, -camp], [3, p % 3 === 0 ? 0 : 1]] as const) votes.push(`${1700000000 + p * 10 + c},x,${c},${101 + p},${v}`);
  }
  writeFileSync(join(dir, 'votes.csv'), `${votes.join('\n')}\n`);
  writeFileSync(join(dir, 'comments.csv'), [
    'timestamp,datetime,comment-id,author-id,agrees,disagrees,moderated,comment-body',
    '1,x,0,101,0,0,1,Rural schools need a connection.', '1,x,1,102,0,0,1,Spectrum for community networks.', '1,x,2,103,0,0,1,Coverage maps every year.',
    '1,x,3,104,0,0,1,"Price matters, as much as coverage."', '1,x,4,105,0,0,-1,Spam.',
  ].join('\n') + '\n');
  writeFileSync(join(dir, 'groups.csv'), 'participant,group\n101,civil_society\n102,government\n103,academia\n');
}

test('cabildo consultation import-polis: a Polis export becomes a consultation with its statements, participants and votes; a broken file names its line and imports nothing, on each database', { timeout: 300_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cabildo-polis-'));
  const good = join(dir, 'conversa');
  writeExport(good);
  const broken = join(dir, 'rota');
  writeExport(broken);
  writeFileSync(join(broken, 'votes.csv'), 'timestamp,datetime,comment-id,voter-id,vote\n1,x,0,101,1\n2,x,1,101,yes\n');
  const badGroups = join(dir, 'grupos.csv');
  writeFileSync(badGroups, 'participant,group\n101,farmers\n');
  for (const target of await commandTargets('cabildo-cli-polis')) {
    try {
      const { env, kind } = target;
      assert.equal(runCabildo(['seed', 'demo'], env).code, 0);
      const refused = runCabildo(['consultation', 'import-polis', broken, '--initiative', 'igf-uruguay'], env);
      assert.equal(refused.code, 1, kind);
      assert.match(refused.err, /rota\/votes\.csv:3: vote must be -1, 0 or 1, got "yes"/);
      assert.match(refused.err, /Nothing was imported\./);
      const wrongGroup = runCabildo(['consultation', 'import-polis', good, '--initiative', 'igf-uruguay', '--groups', badGroups, '--lang', 'pt'], env);
      assert.equal(wrongGroup.code, 1);
      assert.match(wrongGroup.err, /“farmers” não é um setor/);
      assert.match(runCabildo(['consultation', 'import-polis', good, '--initiative', 'nadie'], env).err, /no initiative has the address nadie/);

      const imported = runCabildo(['consultation', 'import-polis', good, '--initiative', 'igf-uruguay', '--title', 'Conversa sobre conectividade', '--groups', join(good, 'groups.csv')], env);
      assert.equal(imported.code, 0, imported.err);
      assert.match(imported.out, /Imported 4 statements, 10 participants and 40 votes into a draft consultation \(its chairs publish it\): http:\/\/localhost:3000\/consultations\/conversa-sobre-conectividade/);
      const participants = await withOpinion(env, (store) => store.selectFrom('consultation_opinion_participants').innerJoin('consultations', 'consultations.id', 'consultation_opinion_participants.consultation_id')
        .select(['number', 'user_id', 'stakeholder_group', 'imported']).where('consultations.slug', '=', 'conversa-sobre-conectividade').orderBy('number').execute());
      assert.deepEqual(participants.map((p) => Number(p.number)), Array.from({ length: 10 }, (_, i) => 101 + i), 'Polis ids kept');
      assert.ok(participants.every((p) => p.user_id === null && Number(p.imported) === 1), 'no accounts');
      assert.deepEqual(participants.slice(0, 4).map((p) => p.stakeholder_group), ['civil_society', 'government', 'academia', null]);
      const statements = await withOpinion(env, (store) => store.selectFrom('consultation_opinion_statements').innerJoin('consultations', 'consultations.id', 'consultation_opinion_statements.consultation_id')
        .select(['number', 'text', 'status']).where('consultations.slug', '=', 'conversa-sobre-conectividade').orderBy('number').execute());
      assert.deepEqual(statements.map((s) => `${s.number} ${s.status} ${s.text}`), ['0 approved Rural schools need a connection.', '1 approved Spectrum for community networks.', '2 approved Coverage maps every year.', '3 approved Price matters, as much as coverage.']);
      assert.match(runCabildo(['--help'], env).out, /consultation import-polis/);
    } finally {
      await target.drop();
    }
  }
});
