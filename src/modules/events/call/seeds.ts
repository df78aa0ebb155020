/**
 * The demo webinar's call for session proposals: open for a week already, closing a week before
 * the webinar, with the IGF's formats and subthemes, the IGF's screening thresholds and one extra
 * question. Its texts are the webinar's, in Spanish, written here: seeding runs without catalogs.
 */
import type { Kysely } from 'kysely';
import { newId, timestamp } from '../../../platform/db/index.ts';
import { defaultScreeningSettings } from '../domain/screening.ts';
import type { EventsTables } from '../tables.ts';
import { sessionFormats } from '../vocabulary.ts';

const day = 86_400_000;

const tracks = ['Confianza y resiliencia digitales', 'Innovación sostenible y responsable', 'Acceso universal y derechos digitales', 'Cooperación digital'];

export async function seedDemoCall(tx: Kysely<EventsTables>, event: { id: string; starts_at: string }, now: Date): Promise<void> {
  const stamp = timestamp(now);
  await tx.insertInto('event_calls').values({
    event_id: event.id, opens_at: timestamp(new Date(now.getTime() - 7 * day)), closes_at: timestamp(new Date(Date.parse(event.starts_at) - 7 * day)),
    min_speakers: defaultScreeningSettings.minSpeakers, min_stakeholder_groups: defaultScreeningSettings.minStakeholderGroups,
    max_sessions_per_speaker: defaultScreeningSettings.maxSessionsPerSpeaker, anonymous_review: 0, created_at: stamp, updated_at: stamp,
  }).execute();
  await tx.insertInto('event_session_formats').values(Object.entries(sessionFormats).map(([format, duration_minutes]) => ({ event_id: event.id, format, duration_minutes }))).execute();
  await tx.insertInto('event_tracks').values(tracks.map((name, position) => ({ id: newId(), event_id: event.id, name, description: null, position }))).execute();
  await tx.insertInto('event_call_questions').values({ id: newId(), event_id: event.id, question: '¿Cómo participarán quienes se conecten desde zonas rurales con poco ancho de banda?', required: 1, position: 0 }).execute();
}
