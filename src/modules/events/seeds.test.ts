import assert from 'node:assert/strict';
import { eachApp } from '../../../tests/support/app.ts';
import { seedDemoInitiatives } from '../initiatives/seeds.ts';
import { verifyLog } from '../../platform/log/verify.ts';
import { logKinds } from '../../platform/manifests.ts';
import { modules } from '../index.ts';
import { seedDemoEvents } from './seeds.ts';
import { eventsDb } from './tables.ts';
import { registryDb } from '../initiatives/tables.ts';

eachApp('demo data: a past two-day hybrid regional forum in Spanish with three rooms and an upcoming webinar, published through the log', async (t) => {
  const now = t.clock.now;
  assert.equal(await seedDemoEvents({ db: t.database.db, now, onlyIfEmpty: true }), null, 'no initiative to attach them to: nothing');
  await seedDemoInitiatives({ db: t.database.db, now, onlyIfEmpty: true });
  assert.equal(await seedDemoEvents({ db: t.database.db, now, onlyIfEmpty: true }), 'Added 2 demo events.');
  assert.equal(await seedDemoEvents({ db: t.database.db, now, onlyIfEmpty: false }), null, 'seeding again adds nothing');

  const events = eventsDb(t.database.db);
  const forum = await events.selectFrom('events').selectAll().where('kind', '=', 'annual_forum').executeTakeFirstOrThrow();
  assert.equal(forum.format, 'hybrid');
  assert.equal(forum.original_locale, 'es');
  assert.equal(forum.status, 'closed');
  assert.ok(forum.ends_at < now.toISOString());
  const days = (Date.parse(forum.ends_at) - Date.parse(forum.starts_at)) / 86_400_000;
  assert.ok(days > 1 && days < 2, 'over two days');
  assert.equal((await events.selectFrom('event_rooms').select('id').where('event_id', '=', forum.id).execute()).length, 3);

  const client = t.client();
  const past = await client.get('/events?when=past');
  assert.match(past.html, /One past event/);
  assert.match(past.html, /Foro de Gobernanza de Internet de América Latina y el Caribe/);
  const upcoming = await client.get('/events');
  assert.match(upcoming.html, /One upcoming event/);
  assert.match(upcoming.html, /Webinar: acceso significativo/);
  const lacigf = await registryDb(t.database.db).selectFrom('initiatives').select(['slug', 'acronym']).where('id', '=', forum.initiative_id).executeTakeFirstOrThrow();
  assert.equal(lacigf.acronym, 'LACIGF');
  assert.match((await client.get(`/events?when=past&initiative=${lacigf.slug}`)).html, /One past event/);

  const report = await verifyLog(t.database.db, logKinds(modules), t.services.transparencyLog.signer);
  assert.equal(report.failure, null);
  assert.equal(report.size, 103 + 4, 'the imported initiatives, then the forum published and closed, its program published, and the webinar published');

  // The forum's program: twenty sessions over two days in three rooms, published without conflicts.
  const sessions = await events.selectFrom('event_sessions').select(['id', 'title', 'room_id', 'starts_at']).where('event_id', '=', forum.id).execute();
  assert.equal(sessions.length, 20);
  assert.equal(new Set(sessions.map((s) => s.room_id)).size, 3);
  assert.equal(new Set(sessions.map((s) => s.starts_at!.slice(0, 10))).size, 2);
  const coordination = sessions.find((s) => s.title.includes('mesa de coordinación de iniciativas nacionales'))!;
  const people = await events.selectFrom('event_session_people').select(['name', 'role']).where('session_id', '=', coordination.id).orderBy('position').execute();
  assert.deepEqual(people.filter((p) => p.role !== 'speaker').map((p) => [p.role, p.name]), [
    ['moderator', 'Raquel Gatto'], ['rapporteur', 'Jimena Sierra'], ['online_moderator', 'Alejandra Erramuspe'],
  ]);
  assert.equal(people.filter((p) => p.role === 'speaker').length, 6);
  const version = await events.selectFrom('event_program_versions').selectAll().where('event_id', '=', forum.id).executeTakeFirstOrThrow();
  assert.equal(Number(version.version), 1);
  assert.equal(Number(version.open_conflicts), 0);
  const program = await client.get(`/events/${forum.slug}/program`);
  assert.match(program.html, /Version 1 of the program/);
  assert.match(program.html, /Moderator: Raquel Gatto, Internet Society, Capítulo Brasil \(Civil society\)/);
  assert.match(program.html, /Online moderator: Alejandra Erramuspe, AGESIC, Uruguay \(Government\) · Online/);
  assert.equal((await client.get(`/events/${forum.slug}/program.ics`)).html.match(/BEGIN:VEVENT/g)?.length, 20);
}, { postgres: true });
