import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { eachApp, type TestApp } from '../../../tests/support/app.ts';
import { registerInitiative, seatMember, secretariat, verifiedPerson } from '../../../tests/support/factories.ts';
import { seedDemoInitiatives } from './seeds.ts';

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

async function logged(t: TestApp) {
  const rows = await t.database.db.selectFrom('log_entries').select(['idx', 'entry']).orderBy('idx').execute();
  return rows.map((row) => ({ index: Number(row.idx), text: row.entry as string, entry: JSON.parse(row.entry) }));
}

eachApp('recognition decisions and delistings are appended to the public log, each a new version of the initiative\'s record', async (t) => {
  const coordinator = await verifiedPerson(t, { email: 'coord@example.org', group: 'civil_society' });
  const slug = await registerInitiative(coordinator);
  await seatMember(t, slug, { email: 'gov@example.org', group: 'government' });
  await seatMember(t, slug, { email: 'tech@example.org', group: 'technical_community' });
  await coordinator.post(`/initiatives/${slug}/principles`, { principles: 'on' });
  const admin = await secretariat(t);
  const adminId = (await t.database.db.selectFrom('users').select('id').where('email', '=', 'secretariat@igf.test').executeTakeFirstOrThrow()).id;
  const decide = async (decision: string, comments: string) => {
    await coordinator.post(`/initiatives/${slug}/recognition`, {});
    const request = (await admin.get('/secretariat/recognition')).html.match(/href="(\/secretariat\/recognition\/[^"]+)"/)![1]!;
    assert.equal((await admin.post(request, { decision, comments })).status, 303);
  };
  assert.deepEqual(await logged(t), [], 'registering and editing are not outcomes');

  await decide('return', 'Falta el acta de la reunión fundacional.');
  t.clock.now = new Date('2026-11-24T09:30:00Z');
  await decide('approve', '');
  t.clock.now = new Date('2026-11-25T08:00:00Z');
  assert.equal((await admin.post(`/initiatives/${slug}/delist`, { reason: 'Sin informe anual desde 2024.' })).status, 303);
  assert.equal((await admin.post(`/initiatives/${slug}/delist`, { reason: 'Otra vez.' })).status, 409);

  const { id, name } = await t.database.db.selectFrom('initiatives').select(['id', 'name']).where('slug', '=', slug).executeTakeFirstOrThrow();
  const entries = await logged(t);
  assert.deepEqual(entries.map((e) => [e.index, e.entry.kind, e.entry.record, e.entry.version]), [
    [0, 'initiatives.recognition_returned', `initiative/${id}`, 1],
    [1, 'initiatives.recognition_approved', `initiative/${id}`, 2],
    [2, 'initiatives.delisted', `initiative/${id}`, 3],
  ], 'the refused second delisting left nothing');
  const expected = [
    { note: 'Falta el acta de la reunión fundacional.', outcome: 'returned', at: '2026-11-23T10:00:00.000Z' },
    { note: null, outcome: 'approved', at: '2026-11-24T09:30:00.000Z' },
    { note: 'Sin informe anual desde 2024.', outcome: 'delisted', at: '2026-11-25T08:00:00.000Z' },
  ];
  entries.forEach((e, i) => {
    const { note, outcome, at } = expected[i]!;
    // The content, written out by hand in canonical form (sorted keys, no spaces).
    const content = `{"decided_at":"${at}","decided_by":"${adminId}","initiative":"${id}","name":${JSON.stringify(name)},"note":${JSON.stringify(note)},"outcome":"${outcome}"}`;
    assert.equal(e.text, `{"actor":"${adminId}","content_sha256":"${sha256(content)}","kind":"${e.entry.kind}","record":"initiative/${id}","time":"${at}","version":${i + 1}}`);
  });
}, { postgres: true });

eachApp('the demo data goes through the same path: a fresh start already shows a log, and seeding again adds nothing', async (t) => {
  await seedDemoInitiatives({ db: t.database.db, now: t.clock.now, onlyIfEmpty: true });
  const entries = await logged(t);
  assert.equal(entries.length, 103);
  assert.ok(entries.every((e, i) => e.index === i && e.entry.kind === 'initiatives.listed_by_import' && e.entry.version === 1 && e.entry.actor === null));
  assert.equal(new Set(entries.map((e) => e.entry.record)).size, 103);
  await seedDemoInitiatives({ db: t.database.db, now: t.clock.now, onlyIfEmpty: false });
  assert.equal((await logged(t)).length, 103);
}, { postgres: true });
