import assert from 'node:assert/strict';
import type { TestApp } from './app.ts';
import type { TestClient } from './client.ts';
import { insertPerson, loggedIn } from './factories.ts';
import { createEvent, organiser } from './events.ts';
import { eventsDb } from '../../src/modules/events/tables.ts';
import { timestamp } from '../../src/platform/db/index.ts';

export const person = (i: number, fields: Record<string, string>) => Object.fromEntries(Object.entries(fields).map(([k, v]) => [`person_${i}_${k}`, v]));

/**
 * A published event with one placed session: its organiser Ana Pérez (Colnodo), a moderator, a
 * speaker and a rapporteur linked to her account by its address (the rapporteur's client).
 */
export async function sessionWithRapporteur(t: TestApp, options: { eventFields?: Record<string, string>; start?: string; end?: string; rapporteurLocale?: string } = {}) {
  const { coordinator, initiative } = await organiser(t);
  const slug = await createEvent(coordinator, initiative, options.eventFields ?? {});
  assert.equal((await coordinator.post(`/events/${slug}/rooms`, { name: 'Auditorio', capacity: '100' })).status, 303);
  assert.equal((await coordinator.post(`/events/${slug}/publish`, {})).status, 303);
  const rapporteurId = await insertPerson(t, { email: 'relatora@example.org', name: 'Julia Mora', locale: options.rapporteurLocale ?? 'en' });
  const added = await coordinator.post(`/events/${slug}/sessions`, {
    title: 'Acceso significativo', original_locale: 'es', modality: 'hybrid', format: 'panel',
    ...person(0, { name: 'Ana Pérez', role: 'organiser', organisation: 'Colnodo' }),
    ...person(1, { name: 'Luisa Gómez', role: 'moderator', organisation: 'MinTIC', stakeholder_group: 'government' }),
    ...person(2, { name: 'Beto Ruiz', role: 'speaker', organisation: 'Karisma', stakeholder_group: 'civil_society' }),
    ...person(3, { name: 'Julia Mora', role: 'rapporteur', email: 'relatora@example.org' }),
  });
  assert.equal(added.status, 303, added.html.slice(0, 2000));
  const session = added.location!.split('?')[0]!.split('/').pop()!;
  const room = (await eventsDb(t.database.db).selectFrom('event_rooms').select('id').where('name', '=', 'Auditorio').orderBy('id').execute()).at(-1)!.id;
  const placed = await coordinator.post(`/events/${slug}/sessions/${session}/schedule`, { room, start: options.start ?? '2026-12-01T09:00', end: options.end ?? '2026-12-01T10:30' });
  assert.equal(placed.status, 303, placed.html.slice(0, 2000));
  return { coordinator, initiative, slug, session, rapporteur: await loggedIn(t, rapporteurId) };
}

export async function startReport(client: TestClient, session: string): Promise<string> {
  const started = await client.post(`/sessions/${session}/report`, {});
  assert.equal(started.status, 303, started.html.slice(0, 2000));
  return started.location!.split('?')[0]!.split('/')[2]!;
}

export const content = {
  title: 'Acceso significativo', held_on: '2026-12-01', place: 'Auditorio, Bogotá', language: 'es',
  summary: 'La sesión trató **el acceso** en zonas rurales.\n\n- redes comunitarias\n- espectro',
  key_issues_0_text: 'Costos de conexión', takeaways_0_text: 'Las redes comunitarias necesitan espectro', takeaways_1_text: 'Hace falta medir la calidad',
  calls_to_action_0_who: 'Gobierno', calls_to_action_0_what: 'Abrir una consulta sobre espectro',
  proposals_0_text: 'Un fondo de servicio universal', follow_ups_0_text: 'Reunión en marzo',
  participants_0_name: 'Luisa Gómez', participants_0_role: 'moderator', participants_0_organisation: 'MinTIC', participants_0_stakeholder_group: 'government',
  participants_1_name: 'Beto Ruiz', participants_1_role: 'speaker', participants_1_stakeholder_group: 'civil_society',
  onsite_group_government: '12', onsite_group_civil_society: '20', online_group_academia: '7', onsite_gender_women: '18', onsite_gender_men: '14',
  link_recording: 'https://video.example.org/acceso', link_slides: 'slides.example.org/acceso',
};

/**
 * Runs every due job and waits until none is running and none is due. The app's own runner also
 * polls: before a test moves the clock, a job claimed under the old clock must be done, or its
 * lease would expire under the new one and it would run again. Once nothing is running or due,
 * that runner has nothing left to claim either.
 */
export async function settleJobs(t: TestApp): Promise<void> {
  const runner = t.services.jobs.runner;
  for (;;) {
    await runner.drain();
    const busy = await t.database.db.selectFrom('jobs').select('id')
      .where((eb) => eb.or([eb('status', '=', 'running'), eb.and([eb('status', '=', 'pending'), eb('run_at', '<=', timestamp(t.clock.now))])]))
      .execute();
    if (busy.length === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
