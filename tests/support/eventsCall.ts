import assert from 'node:assert/strict';
import type { TestApp } from './app.ts';
import { createEvent, organiser } from './events.ts';
import { eventsDb } from '../../src/modules/events/tables.ts';

/** The call's form as an organiser sends it: open from 20 to 28 November, in Bogotá (the app's clock says 23 November). */
export const callFields: Record<string, string | string[]> = {
  opens: '2026-11-20T09:00', closes: '2026-11-28T18:00', min_speakers: '3', min_stakeholder_groups: '3', max_sessions_per_speaker: '3',
  formats: ['panel', 'workshop', 'lightning_talk'], duration_panel: '90', duration_workshop: '60', duration_lightning_talk: '15',
  track_0_name: 'Confianza digital', track_1_name: 'Acceso universal', question_0_text: '¿Qué resultado espera?', question_0_required: 'on',
};

/** A published event with an open call; answers its slug, id, the organiser, and the call's first track and question (for `goodProposal`). */
export async function eventWithCall(t: TestApp, fields: Record<string, string | string[]> = {}) {
  const { coordinator, initiative } = await organiser(t);
  const slug = await createEvent(coordinator, initiative);
  assert.equal((await coordinator.post(`/events/${slug}/publish`, {})).status, 303);
  const saved = await coordinator.post(`/events/${slug}/call/edit`, { ...callFields, ...fields });
  assert.equal(saved.status, 303, saved.html.slice(0, 3000));
  const db = eventsDb(t.database.db);
  const event = await db.selectFrom('events').select('id').where('slug', '=', slug).executeTakeFirstOrThrow();
  const track = await db.selectFrom('event_tracks').select('id').where('event_id', '=', event.id).orderBy('position').executeTakeFirstOrThrow();
  const question = await db.selectFrom('event_call_questions').select('id').where('event_id', '=', event.id).orderBy('position').executeTakeFirstOrThrow();
  return { slug, coordinator, eventId: event.id, track: track.id, question: question.id };
}

/** A proposal that passes every rule: three speakers from three groups, two genders, both moderators and a rapporteur. */
export function goodProposal(track: string, question: string): Record<string, string> {
  return {
    title: 'Inclusión digital en zonas rurales', description: 'Una mesa sobre conectividad comunitaria.', language: 'es', format: 'panel', track, modality: 'hybrid',
    organiser_0_name: 'Ana Pérez', organiser_0_organisation: 'Colnodo',
    speaker_0_name: 'Luisa Gómez', speaker_0_organisation: 'MinTIC', speaker_0_stakeholder_group: 'government', speaker_0_gender: 'mujer', speaker_0_country: 'CO', speaker_0_presence: 'onsite', speaker_0_confirmed: 'on',
    speaker_1_name: 'Carlos Ruiz', speaker_1_organisation: 'Karisma', speaker_1_stakeholder_group: 'civil_society', speaker_1_gender: 'hombre', speaker_1_presence: 'online',
    speaker_2_name: 'Marta Díaz', speaker_2_organisation: 'Universidad de los Andes', speaker_2_stakeholder_group: 'academia', speaker_2_gender: 'mujer',
    moderator_name: 'Ana Pérez', online_moderator_name: 'Pedro Sosa', rapporteur_name: 'Julia Mora',
    [`answer_${question}`]: 'Recomendaciones para el gobierno.',
  };
}

