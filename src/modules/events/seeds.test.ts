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
  assert.equal(report.size, 103 + 3, 'the imported initiatives, then the forum published and closed and the webinar published');
}, { postgres: true });
