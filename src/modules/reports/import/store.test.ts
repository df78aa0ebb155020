import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { eachApp, type TestApp } from '../../../../tests/support/app.ts';
import { createEvent, organiser } from '../../../../tests/support/events.ts';
import { secretariat } from '../../../../tests/support/factories.ts';
import { eventsDb } from '../../events/tables.ts';
import { seedDemoInitiatives } from '../../initiatives/seeds.ts';
import { seedDemoEvents } from '../../events/seeds.ts';
import { demoRelatoria, seedDemoReports } from '../seeds.ts';
import { readContent } from '../content.ts';
import { reportsDb } from '../tables.ts';
import { callToAction, foldName, matchParticipants } from './draft.ts';
import { importReport, type ImportOutcome } from './store.ts';

const person = (i: number, fields: Record<string, string>) => Object.fromEntries(Object.entries(fields).map(([k, v]) => [`person_${i}_${k}`, v]));

/** A published event with one session placed on 1 December 2026 (the test clock says 23 November). */
async function placedSession(t: TestApp) {
  const { coordinator, initiative } = await organiser(t);
  const slug = await createEvent(coordinator, initiative);
  assert.equal((await coordinator.post(`/events/${slug}/rooms`, { name: 'Auditorio', capacity: '100' })).status, 303);
  assert.equal((await coordinator.post(`/events/${slug}/publish`, {})).status, 303);
  const added = await coordinator.post(`/events/${slug}/sessions`, {
    title: 'Acceso significativo en zonas rurales', original_locale: 'es', modality: 'hybrid', format: 'panel',
    ...person(0, { name: 'Luisa Gómez', role: 'moderator', organisation: 'MinTIC', stakeholder_group: 'government' }),
    ...person(1, { name: 'Beto Ruiz', role: 'speaker', organisation: 'Fundación Karisma', stakeholder_group: 'civil_society' }),
    ...person(2, { name: 'Julia Mora', role: 'rapporteur' }),
  });
  assert.equal(added.status, 303, added.html.slice(0, 2000));
  const session = added.location!.split('?')[0]!.split('/').pop()!;
  const room = (await eventsDb(t.database.db).selectFrom('event_rooms').select('id').where('name', '=', 'Auditorio').orderBy('id').execute()).at(-1)!.id;
  assert.equal((await coordinator.post(`/events/${slug}/sessions/${session}/schedule`, { room, start: '2026-12-01T09:00', end: '2026-12-01T10:30' })).status, 303);
  return { slug, session, initiative, coordinator };
}

const relatoria = (extra = '') => Buffer.from(`# Relatoría: Acceso significativo

Fecha: 30 de noviembre de 2026

Moderadora: Luisa Gomez – Ministerio TIC
Panelistas:
- Beto Ruiz, Karisma
- Carla Díaz – Universidad Nacional
Relatora: Julia Mora

La sesión trató el acceso significativo en las zonas rurales y el papel de las redes comunitarias.

## Conclusiones
- Las redes comunitarias necesitan espectro.
${extra}
## Llamados a la acción
- Gobierno: abrir una consulta sobre el espectro.
- Medir la calidad del servicio en las zonas rurales.
`);

/** Everything an import could write: reports, their audit entries, their jobs. */
async function written(t: TestApp) {
  const db = t.database.db;
  const [reports, audits, jobs] = await Promise.all([
    reportsDb(db).selectFrom('reports').select('id').execute(),
    db.selectFrom('audit_log').select('id').where('action', '=', 'report.imported').execute(),
    db.selectFrom('jobs').select('id').where('kind', '=', 'reports.reminder').execute(),
  ]);
  return { reports: reports.length, audits: audits.length, jobs: jobs.length };
}

const refusal = (outcome: ImportOutcome) => (!outcome.ok && 'refusal' in outcome ? outcome.refusal : null);

eachApp('a relatoría imports as the session’s draft: people matched by folded name take the session’s name, organisation and group; reminders are queued; a second import is refused and writes nothing', async (t) => {
  const { session, slug } = await placedSession(t);
  const ctx = { db: t.database.db, now: t.clock.now, jobs: t.services.jobs };
  const outcome = await importReport(ctx, { bytes: relatoria(), target: { session } });
  assert.ok(outcome.ok, JSON.stringify(outcome));
  const row = await reportsDb(t.database.db).selectFrom('reports').selectAll().where('id', '=', outcome.imported.id).executeTakeFirstOrThrow();
  assert.equal(row.session_id, session);
  assert.equal(row.status, 'draft');
  assert.equal(row.title, 'Acceso significativo', 'the file’s title');
  assert.equal(row.held_on, '2026-12-01', 'the session’s day, not the file’s');
  assert.equal(outcome.imported.date.file, '2026-11-30', 'the file’s date is kept for the command to show beside it');
  assert.equal(row.language, 'es');
  assert.equal(row.place, 'Auditorio, Bogotá');
  const content = readContent(row.content);
  assert.deepEqual(content.participants, [
    { name: 'Luisa Gómez', role: 'moderator', organisation: 'MinTIC', stakeholder_group: 'government' },
    { name: 'Beto Ruiz', role: 'speaker', organisation: 'Fundación Karisma', stakeholder_group: 'civil_society' },
    { name: 'Carla Díaz', role: 'speaker', organisation: 'Universidad Nacional', stakeholder_group: null },
    { name: 'Julia Mora', role: 'rapporteur', organisation: null, stakeholder_group: null },
  ]);
  assert.deepEqual(outcome.imported.participants.map((p) => [p.line, p.matched]), [[5, true], [7, true], [8, false], [9, true]]);
  assert.equal(content.summary, 'La sesión trató el acceso significativo en las zonas rurales y el papel de las redes comunitarias.');
  assert.deepEqual(content.takeaways.map((i) => i.text), ['Las redes comunitarias necesitan espectro.']);
  assert.deepEqual(content.calls_to_action.map(({ who, what }) => [who, what]), [
    ['Gobierno', 'abrir una consulta sobre el espectro.'], ['Por definir', 'Medir la calidad del servicio en las zonas rurales.'],
  ], 'who should act, when the item does not say, is written in the report’s language');
  assert.equal(outcome.imported.unnamedCalls, 1);
  assert.match(content.takeaways[0]!.id, /^takeaway-[0-9a-f]{8}$/, 'items get their anchors as a saved form does');
  assert.deepEqual(await written(t), { reports: 1, audits: 1, jobs: 2 }, 'the reminders before and at the deadline');

  const again = await importReport(ctx, { bytes: relatoria(), target: { event: slug } });
  assert.equal(refusal(again)?.key, 'reports.import.cli.session_has_report', 'found by the file’s title, and refused: one report per session');
  assert.equal(refusal(again)?.values.id, outcome.imported.id);
  assert.deepEqual(await written(t), { reports: 1, audits: 1, jobs: 2 });
}, { postgres: true });

eachApp('a refused import writes nothing: a broken file names its line, an unknown session, event or initiative, a part over the report’s limits', async (t) => {
  const { session, slug, initiative } = await placedSession(t);
  const ctx = { db: t.database.db, now: t.clock.now, jobs: t.services.jobs };
  const failure = (outcome: ImportOutcome) => (!outcome.ok && 'failure' in outcome ? outcome.failure : null);
  const bytes = relatoria();
  const latin1 = Buffer.concat([bytes.subarray(0, bytes.indexOf('La sesión')), Buffer.from([0x4c, 0x61, 0x20, 0x73, 0x65, 0x73, 0x69, 0xf3, 0x6e, 0x0a])]);
  assert.deepEqual(failure(await importReport(ctx, { bytes: latin1, target: { session } })), { reason: 'invalid_utf8', line: 11 });
  assert.deepEqual(failure(await importReport(ctx, { bytes: Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj\n'), target: { session } })), { reason: 'binary', line: 1, format: 'pdf' });
  const nameless = Buffer.from(relatoria().toString('utf8').replace('Relatora: Julia Mora', 'Relatora:'));
  assert.deepEqual(failure(await importReport(ctx, { bytes: nameless, target: { session } })), { reason: 'role_without_name', line: 9, label: 'Relatora' });
  assert.equal(refusal(await importReport(ctx, { bytes, target: { session: 'no-such-session' } }))?.key, 'reports.import.cli.unknown_session');
  assert.equal(refusal(await importReport(ctx, { bytes, target: { event: 'no-such-event' } }))?.key, 'reports.import.cli.unknown_event');
  assert.equal(refusal(await importReport(ctx, { bytes, target: { event: slug, sessionTitle: 'ciberseguridad' } }))?.key, 'reports.import.cli.no_session_titled');
  assert.equal(refusal(await importReport(ctx, { bytes, target: { initiative: 'no-such-initiative' } }))?.key, 'reports.import.cli.unknown_initiative');
  const many = Array.from({ length: 31 }, (_, i) => `- Conclusión número ${i + 1} de la sesión.`).join('\n');
  const tooMany = await importReport(ctx, { bytes: Buffer.from(relatoria().toString('utf8').replace('- Las redes comunitarias necesitan espectro.', many)), target: { session } });
  assert.deepEqual(refusal(tooMany), { key: 'reports.import.cli.too_many_items', values: { list: 'takeaways', count: 31, max: 30 } });
  const longName = await importReport(ctx, { bytes: Buffer.from(relatoria().toString('utf8').replace('Universidad Nacional', 'Universidad '.repeat(25))), target: { session } });
  assert.deepEqual(refusal(longName), { key: 'reports.import.cli.participant_invalid', values: { line: 8, name: 'Carla Díaz' } });
  assert.deepEqual(await written(t), { reports: 0, audits: 0, jobs: 0 });

  // Standalone: the initiative's, with the file's title and date, or those given; without a date, refused.
  const standalone = await importReport(ctx, { bytes, target: { initiative, place: 'Lima' } });
  assert.ok(standalone.ok, JSON.stringify(standalone));
  const row = await reportsDb(t.database.db).selectFrom('reports').selectAll().where('id', '=', standalone.imported.id).executeTakeFirstOrThrow();
  assert.deepEqual([row.session_id, row.title, row.held_on, row.place, row.status], [null, 'Acceso significativo', '2026-11-30', 'Lima', 'draft']);
  assert.deepEqual(readContent(row.content).participants.map((p) => p.stakeholder_group), [null, null, null, null], 'no session: nobody’s group is known');
  const undated = Buffer.from(relatoria().toString('utf8').replace('Fecha: 30 de noviembre de 2026\n', ''));
  assert.equal(refusal(await importReport(ctx, { bytes: undated, target: { initiative } }))?.key, 'reports.import.cli.needs_date');
  assert.deepEqual(refusal(await importReport(ctx, { bytes: undated, target: { initiative, date: '2026-02-31' } })), { key: 'reports.import.cli.field_invalid', values: { field: 'held_on', value: '2026-02-31' } });
  assert.deepEqual(refusal(await importReport(ctx, { bytes: undated, target: { initiative, date: '2026-10-02', title: 'No' } })), { key: 'reports.import.cli.field_invalid', values: { field: 'title', value: 'No' } });
  assert.ok((await importReport(ctx, { bytes: undated, target: { initiative, date: '2026-10-02', title: 'Otra sesión' } })).ok);
  assert.deepEqual(await written(t), { reports: 2, audits: 2, jobs: 0 }, 'standalone reports have no session deadline');
}, { postgres: true });

eachApp('seed demo imports the sample relatoría into the demo forum’s coordination session as a draft, once', async (t) => {
  const db = t.database.db;
  const now = t.clock.now;
  assert.equal(await seedDemoReports({ db, now, onlyIfEmpty: true }), null, 'no demo forum: nothing to attach it to');
  await seedDemoInitiatives({ db, now, onlyIfEmpty: true });
  await seedDemoEvents({ db, now, onlyIfEmpty: true });
  assert.match((await seedDemoReports({ db, now, onlyIfEmpty: true }))!, /^Imported the demo relatoría as a draft report of "Espacios de diálogo de gobernanza locales/);
  assert.equal(await seedDemoReports({ db, now, onlyIfEmpty: false }), null, 'seeding again adds nothing');
  assert.equal(await seedDemoReports({ db, now, onlyIfEmpty: true }), null);

  const reports = await reportsDb(db).selectFrom('reports').selectAll().execute();
  assert.equal(reports.length, 1);
  const [report] = reports;
  const session = await eventsDb(db).selectFrom('event_sessions').select(['id', 'title']).where('id', '=', report!.session_id!).executeTakeFirstOrThrow();
  assert.match(session.title, /mesa de coordinación de iniciativas nacionales/);
  assert.equal(report!.status, 'draft');
  assert.equal(report!.language, 'es');
  assert.equal(report!.title, 'Espacios de diálogos de Gobernanza Locales: Avances en las discusiones. (Mesa de coordinación)');
  const content = readContent(report!.content);
  assert.equal(content.participants.length, 9);
  assert.deepEqual(content.participants[0], { name: 'Raquel Gatto', role: 'moderator', organisation: 'Internet Society, Capítulo Brasil', stakeholder_group: 'civil_society' }, 'the file’s “Capitulo” is the program’s “Capítulo”');
  assert.deepEqual(content.participants.filter((p) => p.role !== 'speaker').map((p) => [p.role, p.name, p.stakeholder_group]), [
    ['moderator', 'Raquel Gatto', 'civil_society'], ['rapporteur', 'Jimena Sierra', 'government'], ['online_moderator', 'Alejandra Erramuspe', 'government'],
  ]);
  assert.equal(content.summary!.split('\n\n').length, 9, 'nine paragraphs, the two broken ones rejoined');
  assert.match(content.summary!, /dio a conocer que tienen una declaración/);

  // A draft is not public; the secretariat reads it as the organisers will, the file's Markdown rendered.
  assert.equal((await t.client().get(`/reports/${report!.id}`)).status, 404);
  const page = await (await secretariat(t)).get(`/reports/${report!.id}`);
  assert.equal(page.status, 200);
  assert.match(page.html, /Raquel Gatto/);
  assert.match(page.html, /Internet Society, Capítulo Brasil/);
  assert.match(page.html, /<p>Colombia relato su iniciativa nacional a través de la “Mesa Colombiana de gobernanza de internet”, resalto el desarrollo que ha tenido la iniciativa y dio a conocer que/);
}, { postgres: true });

test('the demo seed reads its own copy of the sample, the same bytes as the tests’ fixture', () => {
  assert.deepEqual(readFileSync(demoRelatoria), readFileSync(new URL('../../../../tests/fixtures/reports/lacigf-relatoria-espacios-locales.es.txt', import.meta.url)));
});

test('names compare folded and without what brackets add; calls to action say who when the item does', () => {
  assert.equal(foldName('Lía Patricia  Hernández-Pérez'), 'lia patricia hernandez perez');
  assert.equal(foldName('Rosa Quispe (demo)'), 'rosa quispe');
  const people = [
    { role: 'organiser', user_id: null, name: 'Ana Pérez', organisation: null, stakeholder_group: null },
    { role: 'speaker', user_id: null, name: 'Ana Pérez', organisation: 'Colnodo', stakeholder_group: 'civil_society' },
  ];
  assert.deepEqual(matchParticipants([{ name: 'ANA PEREZ', role: 'moderator', line: 3 }], people), [
    { name: 'Ana Pérez', role: 'moderator', organisation: 'Colnodo', stakeholder_group: 'civil_society', line: 3, matched: true },
  ], 'the row that knows the group; the role is the file’s');
  assert.deepEqual(callToAction('**Governments**: open the spectrum consultation.', '?'), { who: 'Governments', what: 'open the spectrum consultation.', named: true });
  assert.deepEqual(callToAction('Os governos devem abrir a consulta. Depois: medir.', 'A definir'), { who: 'A definir', what: 'Os governos devem abrir a consulta. Depois: medir.', named: false });
});
