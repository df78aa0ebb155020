import type { SeedOptions } from '../../platform/module.ts';
import { newId, timestamp, type Db } from '../../platform/db/index.ts';
import { audit } from '../../platform/audit.ts';
import { indexRecords } from '../../platform/search/index.ts';
import { listInitiatives } from '../initiatives/index.ts';
import { offerSearch } from './search.ts';
import { mentoringDb } from './tables.ts';

const dayMs = 86_400_000;

/** Demo offers of experienced demo initiatives (invented details, marked as demonstration in their note). */
const demoOffers = [
  {
    query: 'LACIGF', languages: ['es', 'en', 'pt'], regions: ['latin_america_caribbean'], topics: ['universal_access_rights', 'community_networks', 'human_rights'],
    steps: ['principles', 'committee_founding', 'committee_all_groups', 'programme', 'outreach_sponsorship'], capacity: 3,
    note: 'Acompañamos a iniciativas nuevas de la región a armar su comité y su primer programa (datos de demostración).',
  },
  {
    query: 'Fórum da Internet no Brasil', languages: ['pt', 'es'], regions: ['latin_america_caribbean'], topics: ['data_governance', 'ai_emerging_technologies'],
    steps: ['programme', 'logistics', 'finances', 'session_reports', 'annual_report'], capacity: 2,
    note: 'Compartilhamos como organizamos o programa, a logística e os relatórios do Fórum (dados de demonstração).',
  },
  {
    query: 'Portugal IGF', languages: ['pt', 'en'], regions: ['western_europe_others', 'africa'], topics: ['digital_cooperation', 'cybersecurity_safety'],
    steps: ['coordinator_contact', 'logistics', 'event_held'], capacity: 1,
    note: 'Apoio a iniciativas de língua portuguesa a preparar o seu primeiro fórum (dados de demonstração).',
  },
];

async function findInitiative(db: Db, q: string) {
  return (await listInitiatives(db, { q, status: 'any', sort: 'name' }, { limit: 1, offset: 0 })).items[0];
}

/**
 * Two or three demo offers and a mentorship of the regional forum with the Colombian one: both
 * consented to list it, so it shows on `/mentoring` with its goals and a meeting. Seeding twice
 * adds nothing. Inserted directly: demo initiatives have no committee to act through the commands.
 */
export async function seedDemoMentoring({ db, now }: SeedOptions): Promise<string | null> {
  const m = mentoringDb(db);
  if (await m.selectFrom('mentor_offers').select('id').limit(1).executeTakeFirst()) return null;
  const offers = new Map<string, { offerId: string; initiativeId: string }>();
  await m.transaction().execute(async (tx) => {
    const at = timestamp(new Date(now.getTime() - 60 * dayMs));
    for (const demo of demoOffers) {
      const initiative = await findInitiative(tx, demo.query);
      if (!initiative) continue;
      const id = newId();
      await tx.insertInto('mentor_offers').values({
        id, initiative_id: initiative.id, languages: JSON.stringify(demo.languages), regions: JSON.stringify(demo.regions), topics: JSON.stringify(demo.topics),
        steps: JSON.stringify(demo.steps), capacity: demo.capacity, note: demo.note, status: 'open', created_by: null, created_at: at, updated_at: at,
      }).execute();
      offers.set(demo.query, { offerId: id, initiativeId: initiative.id });
    }
    const mentor = offers.get('LACIGF');
    const mentee = await findInitiative(tx, 'Colombian Internet Governance Forum');
    if (mentor && mentee) {
      const requestId = newId();
      const asked = timestamp(new Date(now.getTime() - 45 * dayMs));
      const accepted = timestamp(new Date(now.getTime() - 40 * dayMs));
      await tx.insertInto('mentoring_requests').values({
        id: requestId, initiative_id: mentee.id, preferences: JSON.stringify([mentor.offerId]), message: 'Queremos organizar nuestro primer foro nacional (datos de demostración).',
        status: 'matched', offer_id: mentor.offerId, offered_at: asked, created_by: null, created_at: asked, updated_at: accepted,
      }).execute();
      const mentorshipId = newId();
      await tx.insertInto('mentorships').values({
        id: mentorshipId, request_id: requestId, offer_id: mentor.offerId, mentor_initiative_id: mentor.initiativeId, mentee_initiative_id: mentee.id, status: 'active',
        goals: JSON.stringify(['Formar un comité con al menos tres grupos de interés', 'Diseñar el programa del primer foro con una consulta abierta', 'Publicar el presupuesto y los patrocinios']),
        mentor_consent: 1, mentee_consent: 1, accepted_by: null, accepted_at: accepted, approved_by: null, started_at: accepted,
        ended_by: null, ended_at: null, mentor_feedback: null, mentor_rating: null, mentee_feedback: null, mentee_rating: null, updated_at: accepted,
      }).execute();
      await tx.insertInto('mentoring_meetings').values({
        id: newId(), mentorship_id: mentorshipId, held_on: new Date(now.getTime() - 20 * dayMs).toISOString().slice(0, 10),
        notes: 'Primera reunión en línea: repasamos la composición del comité y el calendario de la consulta de temas (datos de demostración).',
        side: 'mentor', logged_by: null, created_at: timestamp(new Date(now.getTime() - 20 * dayMs)),
      }).execute();
      await audit(tx, { user: null }, now, { action: 'mentoring.accepted', subjectType: 'mentorship', subjectId: mentorshipId, details: { demo: true } });
    }
    await indexRecords(tx, offerSearch, [...offers.values()].map((o) => o.offerId));
  });
  return offers.size ? `Added ${offers.size} demo mentor offers${offers.has('LACIGF') ? ' and a demo mentorship' : ''}.` : null;
}
