import assert from 'node:assert/strict';
import type { TestApp } from './app.ts';
import type { TestClient } from './client.ts';
import { insertPerson, loggedIn } from './factories.ts';
import { createEvent, organiser } from './events.ts';
import { eventsDb } from '../../src/modules/events/tables.ts';

/**
 * A published forum with one session in its published program, whose online moderator (Olga)
 * has an account linked to the session: answers the live page's address and the people.
 */
export async function liveSession(t: TestApp) {
  const { coordinator, initiative } = await organiser(t);
  const slug = await createEvent(coordinator, initiative);
  assert.equal((await coordinator.post(`/events/${slug}/rooms`, { name: 'Auditorio', capacity: '100' })).status, 303);
  assert.equal((await coordinator.post(`/events/${slug}/publish`, {})).status, 303);
  const olgaId = await insertPerson(t, { email: 'olga@example.org', name: 'Olga Remota', group: 'civil_society' });
  const added = await coordinator.post(`/events/${slug}/sessions`, {
    title: 'Coordinación de iniciativas nacionales', original_locale: 'es', modality: 'hybrid', format: 'panel',
    person_0_name: 'Ana Gómez', person_0_role: 'moderator', person_0_stakeholder_group: 'government', person_0_presence: 'onsite',
    person_1_name: 'Olga Remota', person_1_role: 'online_moderator', person_1_stakeholder_group: 'civil_society', person_1_presence: 'online',
    person_1_email: 'olga@example.org',
  });
  assert.equal(added.status, 303, added.html.slice(0, 2000));
  const session = added.location!.split('?')[0]!.split('/').pop()!;
  const room = (await eventsDb(t.database.db).selectFrom('event_rooms').select('id').executeTakeFirstOrThrow()).id;
  assert.equal((await coordinator.post(`/events/${slug}/sessions/${session}/schedule`, { room, start: '2026-12-01T09:00', end: '2026-12-01T10:30' })).status, 303);
  assert.equal((await coordinator.post(`/events/${slug}/program/publish`, { confirm: 'on' })).status, 303);
  const moderator = await loggedIn(t, olgaId);
  return { slug, session, live: `/events/${slug}/sessions/${session}/live`, coordinator, moderator, initiative };
}

/** A verified person registered for the event (confirmed), online unless said otherwise. */
export async function participant(t: TestApp, slug: string, email: string, name: string, group: string, presence: 'onsite' | 'online' = 'online'): Promise<TestClient> {
  const client = await loggedIn(t, await insertPerson(t, { email, name, group }));
  const registered = await client.post(`/events/${slug}/register`, { presence, stakeholder_group: group });
  assert.equal(registered.status, 303, registered.html.slice(0, 1500));
  assert.match(registered.location ?? '', /notice=confirmed/);
  return client;
}
