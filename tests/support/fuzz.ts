import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { eachApp, type TestApp } from './app.ts';
import { registerInitiative, seatMember, secretariat, verifiedPerson } from './factories.ts';
import { allTables } from '../../src/platform/manifests.ts';
import { modules } from '../../src/modules/index.ts';
import type { TestClient } from './client.ts';
import { unsubscribeToken } from '../../src/platform/notifications/index.ts';
import { importInitiatives } from '../../src/modules/initiatives/index.ts';
import { createEvent } from './events.ts';
import { callFields, goodProposal } from './eventsCall.ts';
import { seedStarterCourse } from '../../src/modules/courses/seeds.ts';
import { starterCourse } from '../../src/modules/courses/seeds/starterCourse.ts';

/** A small seeded generator, so a failing case can be replayed. */
function random(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]! };
}

const script = '<script>alert("x")</script>';
const hostileStrings = [
  '', ' ', 'a', 'x'.repeat(20_000), 'ñ'.repeat(6_000), '\u0000\u0001\u0002', 'line\r\nbreak', '\u202Eevil', '\uD800', '🙂'.repeat(300),
  script, '"><img src=x onerror=alert(1)>', "' OR 1=1 --", '../../etc/passwd', '%00', '-1', '0', '1e309', 'NaN', '99999999999999999999',
  'javascript:alert(1)', 'https://example.org/' + 'a'.repeat(600), 'a@b', 'CO', 'es', 'national', 'coordinator', 'on', 'approve',
  'America/Bogota', 'Mars/Olympus', '2026-12-01T09:00', '2026-11-30T09:00', '2026-03-29T02:30', 'Europe/Paris', 'hybrid', 'webinar', 'en-es', 'mcgi',
  'onsite', 'online', 'civil_society', '5',
  '2026-12-01 09:00-13:00\n2026-12-02', '2026-12-01 13:00-09:00', '2026-12-09 09:00-10:00', '2026-03-29 02:30-03:30',
];
const fieldNames = [
  'email', 'password', 'name', 'locale', 'country', 'stakeholder_group', 'capacity', 'affiliation', 'token', 'acronym', 'type',
  'countries', 'region', 'languages', 'year_established', 'website', 'contact_email', 'description_locale', 'description',
  'translation_es', 'translation_fr', 'role', 'principles', 'reason', 'decision', 'comments', 'answer', '__proto__', 'x'.repeat(300),
  'kind', 'format', 'title', 'venue_name', 'venue_city', 'venue_country', 'time_zone', 'start', 'end', 'interpretation', 'online_link', 'initiative', 'rooms',
  'opens', 'closes', 'min_speakers', 'formats', 'duration_panel', 'track_0_id', 'track_0_name', 'question_0_text', 'intent', 'modality', 'track', 'language', 'version',
  'speaker_0_name', 'speaker_0_stakeholder_group', 'speaker_0_gender', 'speaker_0_confirmed', 'moderator_name', 'rapporteur_name', 'speakers', 'answers', 'rows_speaker',
  'original_locale', 'modality', 'track', 'expected_attendance', 'room', 'people', 'person_0_name', 'person_0_role', 'person_1_name', 'person_1_stakeholder_group',
  'person_1_country', 'person_99_name', 'confirm', 'seen_conflicts',
  'presence', 'question', 'status', 'onsite_capacity', 'online_capacity', 'session',
  'person_0_availability', 'person_1_availability', 'speaker_0_availability', 'speaker_1_availability', 'availability',
  'summary', 'held_on', 'place', 'takeaways_0_text', 'takeaways_0_id', 'calls_to_action_0_who', 'participants_0_role', 'onsite_group_government', 'link_recording',
  'note', 'days', 'takeaways', 'participation', 'links', 'action', 'link',
];

/**
 * Fields and values only the funding ledger reads. Kept apart and used by its part alone: adding
 * them to the shared lists would change every other part's generated requests.
 */
const fundingFields = ['sponsor', 'support', 'currency', 'amount', 'occurred_on', 'conditions', 'category', 'event', 'max_share'];
const fundingValues = ['USD', 'JPY', 'XAU', 'usd', '1500.50', '10.005', '-1.5', '1,5', '99999999999999999', 'in_kind', 'cash', 'venue', '2026-02-30', '2026-09-01'];

/** The briefs' grid fields and values, for their part alone (same reason). */
const briefsFields = [
  'jurisdiction', 'stage', 'links', 'grid_privacy_rating', 'grid_privacy_reasoning', 'grid_privacy_evidence', 'grid_privacy_users', 'grid_integrity_rating', 'grid_accessible_infrastructure_regulators',
  'anchor', 'comment', 'reviewer_email', 'verdict', 'review',
];
const briefsValues = [
  'negative', 'strongly_positive', 'unknown', 'law', 'global', 'regional', 'full', 'preliminary', 'https://example.org/ley\nhttps://example.org/b',
  'privacy', 'summary', 'ready', 'changes', 'claimant@example.org', 'brief-reviewer@example.org',
];

/** The consultations' fields and values, for their part alone (same reason). */
const consultationsFields = ['markdown', 'proposed', 'rationale', 'reply', 'body', 'chairs', 'drafters', 'moderators', 'text_kind', 'slug', 'comments_from', 'amendments_from', 'positions_from', 'consensus_from', 'closes_on',
  'min_per_group', 'appeal_days', 'target', 'stance', 'reason', 'blocking', 'outcome', 'strength', 'appeal', 'answer', 'follow', 'back'];
const consultationsValues = ['declaration', 'policy_proposal', 'accepted', 'rejected', '2026-11-23', '2026-12-31', 'coord@example.org', '# Título\n\nUm parágrafo novo.', 'Um parágrafo.\n\n<div>html</div>', '[ref]: https://example.org', '# Só um título',
  'text', 'object', 'support', 'on', 'rough_consensus', 'no_consensus', 'addressed', 'not_accommodated', 'version:1', 'version:99', 'amendment:nothing', 'yes', 'no', '0', '-1'];
/** The opinion map's fields and values (decision 039), on lines of their own so the consultations' other slices merge cleanly. */
consultationsFields.push('statement', 'vote', 'decision');
consultationsValues.push('agree', 'disagree', 'pass', 'approved', 'withdrawn', 'Metas públicas de conectividade rural.');

/** The courses' fields, in forms and in JSON, for their part alone (same reason). */
const coursesFields = ['answer_0', 'answer_1', 'answer_2', 'answer_9', 'slug', 'texts', 'modules', 'titles', 'lessons', 'answers', 'questions', 'choices', 'body', 'prompt', 'image',
  // Writing courses in the browser (docs/decisions/037).
  'publisher', 'title_es', 'summary_es', 'title_fr', 'name_es', 'name_pt', 'intent', 'module', 'image_alt', 'direction',
  'q0_prompt', 'q0_right', 'q0_remove', 'q0_c0_text', 'q0_c0_explanation', 'q0_c1_text', 'q0_c1_explanation', 'q0_c5_text', 'q1_prompt', 'q1_right', 'q10_prompt', 'q10_c0_text'];
const coursesValues = ['save', 'preview', 'image', 'up', 'down', '0', '1', '5', '7', '-1', 'es', 'fr', 'secretariat', 'mcgi', '![x](image:nothing)', '**bold** [x](javascript:alert(1))'];

/**
 * Mentoring's own fields and values, for its part alone (same reason): capacities that are no
 * whole number in range, languages and regions that do not exist, ranks and answers.
 */
const mentoringFields = ['languages', 'regions', 'topics', 'steps', 'capacity', 'note', 'choice_1', 'choice_2', 'message', 'answer', 'goals', 'held_on', 'notes', 'consent', 'feedback', 'rating', 'approval_required', 'decision', 'status'];
const mentoringValues = ['0', '-1', '1.5', '21', '1e3', 'xx', 'klingon', 'mars', 'latin_america_caribbean', 'programme', 'nothing', 'accept', 'decline', 'approve', 'reject', 'paused', 'withdrawn', '2026-11-20', '2026-02-30', '2099-01-01', '6'];

/** The action plans' own fields, sent only to their routes (so the other parts' seeded bodies stay as they were). */
const planFieldNames = [
  'starts_on', 'ends_on', 'topic', 'action', 'responsible_kind', 'responsible_name', 'responsible_group', 'responsible_email', 'mechanism', 'due_on', 'source',
  'written_on', 'text', 'percent', 'evidence',
];
const planStrings = ['community_networks', 'astrology', 'person', 'organisation', 'group', 'research', 'done', 'in_progress', '2027-01-15', '2026-11-22', '2026-02-30', '150', 'https://example.org/x\njavascript:alert(1)', '/reports/x#action-1'];

function hostileForm(r: ReturnType<typeof random>, extra: { fields: readonly string[]; values: readonly string[] } = { fields: [], values: [] }): URLSearchParams {
  const body = new URLSearchParams();
  const values = [...hostileStrings, ...extra.values];
  for (const field of [...fieldNames, ...extra.fields]) {
    if (r.next() < 0.4) continue;
    const copies = r.next() < 0.15 ? 3 : 1;
    for (let i = 0; i < copies; i++) body.append(field, r.pick(values));
  }
  return body;
}

/** The action plans' routes get their own fields more often (they check many of them together). */
function hostilePlanForm(r: ReturnType<typeof random>): URLSearchParams {
  const body = new URLSearchParams();
  for (const field of [...fieldNames, ...planFieldNames]) if (r.next() < 0.6) body.append(field, r.pick([...hostileStrings, ...planStrings]));
  return body;
}

function hostileJson(r: ReturnType<typeof random>, depth = 0, extra: readonly string[] = []): unknown {
  const kind = r.next();
  if (depth > 3 || kind < 0.35) return r.pick(hostileStrings);
  if (kind < 0.45) return r.pick([null, true, false, 0, -1, 1.5, 1e308, -0]);
  if (kind < 0.6) return Array.from({ length: Math.floor(r.next() * 4) }, () => hostileJson(r, depth + 1));
  const object: Record<string, unknown> = {};
  // Every field may come at the top; deeper objects take a few, or the body would grow as the
  // power of the number of fields (megabytes per request, built and parsed for nothing).
  if (depth === 0) {
    for (const field of [...fieldNames, ...extra]) if (r.next() < 0.5) object[field] = hostileJson(r, depth + 1);
  } else {
    for (let i = Math.floor(r.next() * 6); i > 0; i--) object[r.pick(fieldNames)] = hostileJson(r, depth + 1);
  }
  return object;
}

/** Bodies that are broken below the level of fields: bad encodings, wrong types, too large, nested too deep. */
const brokenBodies: Array<{ type: string; body: BodyInit }> = [
  { type: 'application/x-www-form-urlencoded', body: 'name=%E0%A4%A&email=%ZZ&password=%' },
  { type: 'application/x-www-form-urlencoded', body: new Uint8Array([0x65, 0x6d, 0x61, 0x69, 0x6c, 0x3d, 0xff, 0xfe, 0xc3, 0x28]) },
  { type: 'application/x-www-form-urlencoded', body: 'a=' + 'b'.repeat(300_000) },
  { type: 'application/json', body: '{"name": "unterminated' },
  { type: 'application/json', body: '['.repeat(5000) + ']'.repeat(5000) },
  { type: 'application/json', body: '{"__proto__": {"is_secretariat": 1}, "constructor": {"prototype": {"x": 1}}}' },
  { type: 'text/plain', body: 'just text' },
  { type: 'multipart/form-data; boundary=xyz', body: '--xyz\r\nContent-Disposition: form-data; name="name"; filename="a.exe"\r\nContent-Type: application/octet-stream\r\n\r\nMZ\x00\x00\r\n--xyz--\r\n' },
  { type: 'multipart/form-data; boundary=xyz', body: '--xyz\r\nbroken' },
];

/**
 * The content of every table, to compare before and after a request. On PostgreSQL each table is
 * hashed by the server in one statement (every row's text, sorted): reading the rows out after
 * each of thousands of requests made this test the slowest of the suite.
 */
async function snapshot(t: TestApp): Promise<string> {
  const tables = allTables(modules);
  if (t.database.dialect === 'postgres') {
    const hashes = tables.map((table, i) => sql`(select md5(coalesce(string_agg(r::text, '|' order by r::text), '')) from ${sql.table(table)} r) as ${sql.ref(`t${i}`)}`);
    const { rows } = await sql<Record<string, string>>`select ${sql.join(hashes)}`.execute(t.database.db);
    return JSON.stringify(rows[0]);
  }
  const contents = await Promise.all(tables.map(async (table) => [table, (await t.database.db.selectFrom(table).selectAll().execute()).map((row) => JSON.stringify(row)).sort()] as const));
  return JSON.stringify(contents);
}

/**
 * A number that moves whenever a row is written, much cheaper than a snapshot: the check below takes
 * a snapshot only when it moved. SQLite counts the rows its one connection changed; on PostgreSQL a
 * trigger on every table of this test's schema counts them in a sequence (which no rollback undoes).
 */
async function writeCounter(t: TestApp): Promise<() => Promise<number>> {
  const { db } = t.database;
  if (t.database.dialect !== 'postgres') {
    return async () => Number((await sql<{ n: number }>`select total_changes() as n`.execute(db)).rows[0]!.n);
  }
  await sql`create sequence fuzz_writes`.execute(db);
  await sql`create function fuzz_count_write() returns trigger language plpgsql as $$ begin perform nextval('fuzz_writes'); return null; end $$`.execute(db);
  for (const table of allTables(modules)) {
    await sql`create trigger fuzz_count_write after insert or update or delete on ${sql.table(table)} for each row execute function fuzz_count_write()`.execute(db);
  }
  return async () => Number((await sql<{ n: string }>`select last_value + is_called::int as n from fuzz_writes`.execute(db)).rows[0]!.n);
}

/**
 * The routes of one part of Cabildo, for one test file each: the parts run side by side, and each
 * has a world of its own, so that one part's last requests (closing an event, signing out) never
 * change what another part's requests meet.
 */
export type FuzzPart = 'platform' | 'events' | 'participation' | 'reports' | 'funding' | 'toolkit' | 'plans' | 'briefs' | 'courses' | 'consultations' | 'mentoring';

/** Which part a route belongs to, by its address. */
export function partOf(path: string): FuzzPart {
  if (/^\/(api\/)?consultations(\/|$)/.test(path) || /^\/(initiatives|events)\/[^/]+\/consultations(\/|$)/.test(path)) return 'consultations';
  if (/^\/(api\/)?(mentoring|mentorships|secretariat\/mentoring)(\/|$)|\/mentoring(\/|$)/.test(path)) return 'mentoring';
  if (/\/funding(\/|\.|$)/.test(path)) return 'funding';
  if (/\/toolkit(\/|$)/.test(path)) return 'toolkit';
  if (path.includes('/action-plans')) return 'plans';
  if (/^\/(api\/)?briefs(\/|$)/.test(path)) return 'briefs';
  if (/^\/(api\/|my\/)?(courses|certificates|course-images)(\/|$)/.test(path)) return 'courses';
  if (/[/-]reports?(\/|$)/.test(path)) return 'reports';
  if (/\/(register|registrations?|capacity|live|floor|committee|review|decision)(\/|$)/.test(path) && path.includes('/events/')) return 'participation';
  if (path.includes('/events')) return 'events';
  return 'platform';
}

/**
 * Declares the test of one part: hostile input to each of its form and API routes never gives a
 * 5xx and never stores anything when refused. The platform's part also reads the transparency
 * log, the reports' part the public pages, with hostile query strings.
 */
export function fuzzPart(part: FuzzPart): void {
eachApp(`hostile input to every ${part} form and API route never gives a 5xx and never stores anything when refused`, async (t) => {
  const coordinator = await verifiedPerson(t, { email: 'coord@example.org', group: 'civil_society' });
  const slug = await registerInitiative(coordinator);
  await seatMember(t, slug, { email: 'member@example.org', group: 'government' });
  await coordinator.post(`/initiatives/${slug}/committee/invite`, { email: 'pending@example.org', role: 'member' });
  const invitation = new URL(await t.mail.linkTo('pending@example.org')).pathname;
  const invitationId = (await t.database.db.selectFrom('committee_invitations').select('id').executeTakeFirstOrThrow()).id;
  const admin = await secretariat(t);
  const memberSeat = (await t.database.db.selectFrom('committee_members').select('id').where('role', '=', 'member').executeTakeFirstOrThrow()).id;
  await t.database.db.insertInto('recognition_requests').values({
    id: 'req1', initiative_id: (await t.database.db.selectFrom('initiatives').select('id').executeTakeFirstOrThrow()).id,
    requested_by: (await t.database.db.selectFrom('users').select('id').where('email', '=', 'coord@example.org').executeTakeFirstOrThrow()).id,
    requested_at: t.clock.now.toISOString(), decided_by: null, decided_at: null, decision: null, comments: null,
  }).execute();
  // A demo entry someone may claim, and a claim waiting for the secretariat.
  await importInitiatives(t.database.db, 'name,acronym,type,countries,region,year_established,website,languages,source_url\nIGF Uruguay,,national,UY,,,,,\n', { demo: true, now: t.clock.now, source: 'fuzz' });
  const demo = await t.database.db.selectFrom('initiatives').select(['id', 'slug']).where('name', '=', 'IGF Uruguay').executeTakeFirstOrThrow();
  const claimant = await verifiedPerson(t, { email: 'claimant@example.org' });
  await t.database.db.insertInto('demo_claims').values({
    id: 'claim1', initiative_id: demo.id, claimant_id: (await t.database.db.selectFrom('users').select('id').where('email', '=', 'coord@example.org').executeTakeFirstOrThrow()).id,
    justification: 'I coordinate it, as its website says.', stakeholder_group: 'civil_society', claimed_at: t.clock.now.toISOString(),
    decided_by: null, decided_at: null, decision: null, reason: null,
  }).execute();

  const eventSlug = await createEvent(coordinator, slug);
  await coordinator.post(`/events/${eventSlug}/rooms`, { name: 'Auditorio', capacity: '100' });
  const roomId = (await t.database.db.selectFrom('event_rooms').select('id').executeTakeFirstOrThrow()).id;
  // A published event with an open call and a draft proposal (call/).
  const callEvent = await createEvent(coordinator, slug, { title: 'Convocatoria abierta' });
  await coordinator.post(`/events/${callEvent}/publish`, {});
  await coordinator.post(`/events/${callEvent}/call/edit`, callFields);
  const track = (await t.database.db.selectFrom('event_tracks').select('id').executeTakeFirstOrThrow()).id;
  const question = (await t.database.db.selectFrom('event_call_questions').select('id').executeTakeFirstOrThrow()).id;
  const proposalPath = (await coordinator.post(`/events/${callEvent}/proposals/new`, { ...goodProposal(track, question), intent: 'draft' })).location!.split('?')[0]!;
  const sessionId = (await coordinator.post(`/events/${eventSlug}/sessions`, { title: 'Apertura', original_locale: 'es', modality: 'hybrid' })).location!.split('?')[0]!.split('/').pop()!;
  // A published event with few seats, for registration.
  const openSlug = await createEvent(coordinator, slug, { title: 'Foro abierto a inscripciones' });
  await coordinator.post(`/events/${openSlug}/publish`, {});
  await coordinator.post(`/events/${openSlug}/capacity`, { onsite_capacity: '1', online_capacity: '1' });

  // A session of the published event with a request in its live queue (floor/): the coordinator organises it, so runs its queue.
  const callSession = (await coordinator.post(`/events/${callEvent}/sessions`, { title: 'Cola en vivo', original_locale: 'es', modality: 'hybrid' })).location!.split('?')[0]!.split('/').pop()!;
  const live = `/events/${callEvent}/sessions/${callSession}/live`;
  await coordinator.post(`/events/${callEvent}/register`, { presence: 'online', stakeholder_group: 'civil_society' });
  await coordinator.post(`${live}/ask`, { kind: 'question', question: '¿Y las zonas rurales?' });
  const floorRequest = (await t.database.db.selectFrom('event_floor_requests').select('id').executeTakeFirstOrThrow()).id;
  // A session of the published event with seats of its own, registered for from the program (decision 023).
  const seatSession = (await coordinator.post(`/events/${callEvent}/sessions`, { title: 'Taller con cupo', original_locale: 'es', modality: 'hybrid', capacity: '1' })).location!.split('?')[0]!.split('/').pop()!;
  // The review (review/): the coordinator chairs the call's committee and reviews someone else's submitted proposal.
  const reviewedPath = (await (await verifiedPerson(t, { email: 'proposer@example.org' })).post(`/events/${callEvent}/proposals/new`, { ...goodProposal(track, question), title: 'Otra propuesta', intent: 'submit' })).location!.split('?')[0]!;
  await coordinator.post(`/events/${callEvent}/committee`, { email: 'coord@example.org', stakeholder_group: 'civil_society', chair: 'on' });
  await coordinator.post(`/events/${callEvent}/review/assign`, {});

  // Session reports (reports/): one started on the draft event's session.
  const reportId = (await coordinator.post(`/sessions/${sessionId}/report`, {})).location!.split('?')[0]!.split('/')[2]!;
  // The funding ledger (funding/): a published income entry and a draft, both of the coordinator's initiative.
  const ledger = `/initiatives/${slug}/funding`;
  const income = { sponsor: 'Colnodo', stakeholder_group: 'civil_society', support: 'cash', currency: 'USD', amount: '100', occurred_on: '2026-09-01' };
  const publishedEntry = (await coordinator.post(`${ledger}/income`, income)).location!.split('#entry-')[1]!;
  await coordinator.post(`${ledger}/entries/${publishedEntry}/publish`, {});
  const draftEntry = (await coordinator.post(`${ledger}/income`, { ...income, sponsor: 'MinTIC' })).location!.split('#entry-')[1]!;
  // Action plans (plans/): a draft plan with an item (adopted by the last of its routes).
  const planPath = (await coordinator.post(`/initiatives/${slug}/action-plans`, { title: 'Plan de acción', starts_on: '2026-11-01', ends_on: '2027-10-31', language: 'es' })).location!.split('?')[0]!;
  const planItem = (await coordinator.post(`${planPath}/items`, {
    topic: 'community_networks', action: 'Mapear las redes comunitarias', responsible_kind: 'organisation', responsible_name: 'Colnodo', mechanism: 'research', due_on: '2027-01-15',
  })).location!.split('#item-')[1]!;
  // Internet impact briefs (briefs/): a draft the coordinator started, with a co-author.
  const briefId = (await coordinator.post('/briefs/new', { title: 'Ley de datos', kind: 'law', jurisdiction: 'CO', language: 'es' })).location!.split('?')[0]!.split('/')[2]!;
  await coordinator.post(`/briefs/${briefId}/authors`, { email: 'claimant@example.org' });
  // …a reviewer the coordinator asked, and a comment thread on its privacy item (decision 036).
  const briefReviewer = await verifiedPerson(t, { email: 'brief-reviewer@example.org', group: 'academia' });
  await coordinator.post(`/briefs/${briefId}/reviewers`, { reviewer_email: 'brief-reviewer@example.org' });
  const briefThread = (await coordinator.post(`/briefs/${briefId}/comments`, { anchor: 'privacy', comment: '¿Fuentes?' })).location!.split('#comment-')[1]!;
  // The starter course (courses/), whose quizzes and certificate the coordinator answers and claims.
  await seedStarterCourse({ db: t.database.db, now: t.clock.now, onlyIfEmpty: false });
  const course = `/courses/${starterCourse.slug}`;
  const lesson = `${course}/${starterCourse.modules[0]!.lessons[0]!.slug}`;
  // Consultations (consultations/): one published, with the draft of version 2 and an amendment by someone else; the coordinator drafts it.
  const consultation = '/consultations/declaracao-fuzz';
  await coordinator.post(`/initiatives/${slug}/consultations`, {
    title: 'Declaração', slug: 'declaracao-fuzz', text_kind: 'declaration', language: 'pt', comments_from: '2026-11-01', amendments_from: '2026-11-20', positions_from: '2026-12-20',
    consensus_from: '2026-12-27', closes_on: '2027-01-10', drafters: 'coord@example.org', markdown: '# Acesso\n\nPedimos metas públicas de conectividade.\n\nApoiamos as redes comunitárias.',
  });
  await coordinator.post(`${consultation}/publish`, {});
  const consultationAnchor = (await coordinator.get(consultation)).html.match(/<section id="p-([a-z0-9]+)" class="paragraph"/)![1]!;
  const consultationParagraph = `${consultation}/paragraphs/${consultationAnchor}`;
  const consultationAmendment = (await claimant.post(`${consultationParagraph}/amendments`, { proposed: 'Pedimos metas públicas de conectividade acessível.', rationale: 'O preço conta.' })).location!.split('#amendment-')[1]!;
  const consultationComment = (await claimant.post(`${consultationParagraph}/comments`, { body: 'Faltam metas de preço.' })).location!.split('#comment-')[1]!;
  await coordinator.post(`${consultation}/versions`, {});
  // …and one in its consensus phase, with an objection taken the day before (decision 038): its call, appeals and dispositions take hostile forms.
  const consensusFuzz = '/consultations/consenso-fuzz';
  await coordinator.post(`/initiatives/${slug}/consultations`, {
    title: 'Consenso', slug: 'consenso-fuzz', text_kind: 'declaration', language: 'pt', comments_from: '2026-11-01', amendments_from: '2026-11-10', positions_from: '2026-11-20',
    consensus_from: '2026-11-23', closes_on: '2027-01-10', drafters: 'coord@example.org', markdown: '# Acesso\n\nPedimos metas públicas de conectividade.',
  });
  await coordinator.post(`${consensusFuzz}/publish`, {});
  const today = t.clock.now;
  t.clock.now = new Date(today.getTime() - 86_400_000);
  await claimant.post(`${consensusFuzz}/positions`, { target: 'text', stance: 'object', reason: 'Falta ambição.' });
  t.clock.now = today;
  const consensusObjection = (await coordinator.get(`${consensusFuzz}/positions`)).html.match(/<li id="objection-([A-Za-z0-9_-]+)"/)![1]!;
  // Its opinion map (decision 039): statement 0 by the coordinator (who chairs, so it is approved), statement 1 by someone else, waiting.
  const opinions = `${consultation}/opinions`;
  await coordinator.post(`${opinions}/statements`, { statement: 'Metas públicas de conectividade rural.' });
  await claimant.post(`${opinions}/statements`, { statement: 'Redes comunitárias precisam de espectro.' });
  // A course the coordinator writes for the initiative: a draft with a module and a lesson (decision 037).
  await coordinator.post('/my/courses/new', { publisher: slug, title: 'Curso en borrador', slug: 'borrador', language: 'es', summary: 'A medio escribir.' });
  const draftCourse = '/courses/borrador/edit';
  await coordinator.post(`${draftCourse}/modules`, { name_es: 'Uno' });
  const lessonForm = new FormData();
  for (const [name, value] of Object.entries({ _csrf: await coordinator.csrfToken(), intent: 'save', module: '0', slug: 'primera', language: 'es', title: 'Primera', body: 'Texto.' })) lessonForm.append(name, value);
  await coordinator.request(`${draftCourse}/lessons/new`, { method: 'POST', body: lessonForm });
  // Mentoring (mentoring/): a recognised mentor with an offer, the coordinator's initiative as newcomer with a mentorship,
  // and a second newcomer's request waiting on the mentor's answer.
  const mentorClient = await verifiedPerson(t, { email: 'mentor@example.org' });
  const mentorSlug = await registerInitiative(mentorClient, { name: 'Foro Mentor', acronym: '', create_anyway: 'on' });
  await t.database.db.updateTable('initiatives').set({ status: 'listed' }).where('slug', '=', mentorSlug).execute();
  await mentorClient.post(`/initiatives/${mentorSlug}/mentoring/offer`, { languages: ['es'], regions: ['latin_america_caribbean'], steps: ['programme'], capacity: '3' });
  const mentorOffer = (await t.database.db.selectFrom('mentor_offers').select('id').executeTakeFirstOrThrow()).id;
  await coordinator.post(`/initiatives/${slug}/mentoring/requests`, { choice_1: mentorOffer });
  const menteeRequest = (await t.database.db.selectFrom('mentoring_requests').select('id').executeTakeFirstOrThrow()).id;
  const mentorshipPath = (await mentorClient.post(`/initiatives/${mentorSlug}/mentoring/requests/${menteeRequest}/answer`, { answer: 'accept' })).location!.split('?')[0]!;
  const otherNewcomer = await verifiedPerson(t, { email: 'otro@example.org' });
  const otherSlug = await registerInitiative(otherNewcomer, { name: 'IGF Otro', acronym: '', create_anyway: 'on' });
  await otherNewcomer.post(`/initiatives/${otherSlug}/mentoring/requests`, { choice_1: mentorOffer });
  const waitingRequest = (await t.database.db.selectFrom('mentoring_requests').select('id').where('id', '!=', menteeRequest).executeTakeFirstOrThrow()).id;
  // Mail jobs would otherwise finish in the background between two snapshots.
  await t.services.jobs.runner.stop();
  const unsubscribe = `/unsubscribe/${unsubscribeToken(t.services.config.secret, 'someone', 'initiatives.invitation')}`;
  const targets: Array<{ method: string; path: string; as: TestClient; json?: boolean }> = [
    { method: 'POST', path: '/notifications/preferences', as: coordinator },
    { method: 'POST', path: '/notifications/read', as: coordinator },
    { method: 'POST', path: unsubscribe, as: t.client() },
    { method: 'POST', path: '/secretariat/jobs/no-such-job/retry', as: admin },
    { method: 'POST', path: '/signup', as: t.client() },
    { method: 'POST', path: '/login', as: t.client() },
    { method: 'POST', path: '/password/forgot', as: t.client() },
    { method: 'POST', path: '/password/reset', as: t.client() },
    { method: 'POST', path: '/account', as: coordinator },
    { method: 'POST', path: '/account/tokens', as: coordinator },
    { method: 'POST', path: '/initiatives', as: coordinator },
    { method: 'POST', path: `/initiatives/${slug}/edit`, as: coordinator },
    { method: 'POST', path: `/initiatives/${slug}/committee/invite`, as: coordinator },
    { method: 'POST', path: `/initiatives/${slug}/principles`, as: coordinator },
    { method: 'POST', path: `/initiatives/${slug}/delist`, as: admin },
    { method: 'POST', path: '/secretariat/recognition/req1', as: admin },
    { method: 'POST', path: `/initiatives/${demo.slug}/claim`, as: claimant },
    { method: 'POST', path: '/secretariat/claims/claim1', as: admin },
    { method: 'POST', path: invitation, as: coordinator },
    { method: 'POST', path: '/api/initiatives', as: coordinator, json: true },
    { method: 'PATCH', path: `/api/initiatives/${slug}`, as: coordinator, json: true },
    { method: 'POST', path: '/account/verification', as: coordinator },
    { method: 'POST', path: '/account/tokens/no-such-token/revoke', as: coordinator },
    { method: 'POST', path: `/initiatives/${slug}/recognition`, as: coordinator },
    { method: 'POST', path: `/initiatives/${slug}/events/new`, as: coordinator },
    { method: 'POST', path: `/events/${eventSlug}/edit`, as: coordinator },
    { method: 'POST', path: `/events/${eventSlug}/rooms`, as: coordinator },
    { method: 'POST', path: `/events/${eventSlug}/rooms/${roomId}`, as: coordinator },
    { method: 'POST', path: '/api/events', as: coordinator, json: true },
    { method: 'POST', path: `/api/events/${eventSlug}/rooms`, as: coordinator, json: true },
    { method: 'POST', path: `/events/${callEvent}/call/edit`, as: coordinator },
    { method: 'POST', path: `/events/${callEvent}/proposals/new`, as: coordinator },
    { method: 'POST', path: `${proposalPath}/edit`, as: coordinator },
    { method: 'POST', path: `/api/events/${callEvent}/proposals`, as: coordinator, json: true },
    { method: 'PATCH', path: `/api${proposalPath}`, as: coordinator, json: true },
    { method: 'POST', path: `/events/${eventSlug}/sessions`, as: coordinator },
    { method: 'POST', path: `/events/${eventSlug}/sessions/${sessionId}`, as: coordinator },
    { method: 'POST', path: `/events/${eventSlug}/sessions/${sessionId}/schedule`, as: coordinator },
    { method: 'POST', path: `/api/events/${eventSlug}/sessions`, as: coordinator, json: true },
    { method: 'PATCH', path: `/api/events/${eventSlug}/sessions/${sessionId}`, as: coordinator, json: true },
    { method: 'POST', path: `/events/${eventSlug}/program/publish`, as: coordinator },
    { method: 'POST', path: `/events/${openSlug}/capacity`, as: coordinator },
    { method: 'POST', path: `/events/${openSlug}/register`, as: claimant },
    { method: 'POST', path: `/api/events/${openSlug}/registrations`, as: admin, json: true },
    { method: 'POST', path: `/api/events/${openSlug}/registrations/cancel`, as: admin, json: true },
    { method: 'POST', path: `/events/${openSlug}/register/cancel`, as: claimant },
    { method: 'POST', path: `/events/${openSlug}/registration/cancel/no-such-link`, as: t.client() },
    { method: 'POST', path: `${live}/ask`, as: coordinator },
    { method: 'POST', path: `${live}/requests/${floorRequest}`, as: coordinator },
    { method: 'POST', path: `${live}/requests/${floorRequest}/withdraw`, as: coordinator },
    { method: 'POST', path: `${live}/speakers`, as: coordinator },
    { method: 'POST', path: `/api${live.replace('/live', '/floor')}`, as: coordinator, json: true },
    { method: 'PATCH', path: `/api${live.replace('/live', '/floor')}/${floorRequest}`, as: coordinator, json: true },
    { method: 'POST', path: `/events/${callEvent}/committee`, as: coordinator },
    { method: 'POST', path: `/events/${callEvent}/committee/criteria`, as: coordinator },
    { method: 'POST', path: `/events/${callEvent}/committee/criteria/new`, as: coordinator },
    { method: 'POST', path: `/events/${callEvent}/committee/criteria/relevance/remove`, as: coordinator },
    { method: 'POST', path: `/events/${callEvent}/sessions/${seatSession}/register`, as: claimant },
    { method: 'POST', path: `/events/${callEvent}/sessions/${seatSession}/register/cancel`, as: claimant },
    { method: 'POST', path: `/events/${callEvent}/review/assignments`, as: coordinator },
    { method: 'POST', path: `/events/${callEvent}/review/assignments/remove`, as: coordinator },
    { method: 'POST', path: `${reviewedPath}/review`, as: coordinator },
    { method: 'PUT', path: `/api${reviewedPath}/review`, as: coordinator, json: true },
    { method: 'POST', path: `${reviewedPath}/decision`, as: coordinator },
    { method: 'POST', path: `/api${reviewedPath}/decision`, as: coordinator, json: true },
    { method: 'POST', path: `/events/${callEvent}/review/assign`, as: coordinator },
    { method: 'POST', path: '/reports/new', as: coordinator },
    { method: 'POST', path: `/sessions/${sessionId}/report`, as: coordinator },
    { method: 'POST', path: `/reports/${reportId}/edit`, as: coordinator },
    { method: 'POST', path: `/reports/${reportId}/request-changes`, as: coordinator },
    { method: 'POST', path: `/reports/${reportId}/rapporteur`, as: coordinator },
    { method: 'POST', path: `/events/${eventSlug}/reports/deadline`, as: coordinator },
    { method: 'POST', path: '/api/reports', as: coordinator, json: true },
    { method: 'PATCH', path: `/api/reports/${reportId}`, as: coordinator, json: true },
    { method: 'POST', path: `/api/reports/${reportId}/transitions`, as: coordinator, json: true },
    { method: 'POST', path: `/reports/${reportId}/submit`, as: coordinator },
    { method: 'POST', path: `/reports/${reportId}/publish`, as: coordinator },
    { method: 'POST', path: `/reports/${reportId}/translations/en/edit`, as: coordinator },
    { method: 'POST', path: `/initiatives/${slug}/annual-reports/2026`, as: coordinator },
    { method: 'POST', path: `/initiatives/${slug}/annual-reports/2026/publish`, as: coordinator },
    { method: 'POST', path: `${ledger}/income`, as: coordinator },
    { method: 'POST', path: `${ledger}/expense`, as: coordinator },
    { method: 'POST', path: `${ledger}/budgets`, as: coordinator },
    { method: 'POST', path: `${ledger}/threshold`, as: coordinator },
    { method: 'POST', path: `${ledger}/entries/${publishedEntry}/correct`, as: coordinator },
    { method: 'POST', path: `${ledger}/entries/${draftEntry}/correct`, as: coordinator },
    { method: 'POST', path: `${ledger}/income`, as: claimant },
    { method: 'POST', path: `${ledger}/entries/${draftEntry}/publish`, as: claimant },
    // The setup toolkit (toolkit/): a manual step, an automatic one, and unticking.
    { method: 'POST', path: `/initiatives/${slug}/toolkit/logistics/tick`, as: coordinator },
    { method: 'POST', path: `/initiatives/${slug}/toolkit/event_held/tick`, as: coordinator },
    { method: 'POST', path: `/initiatives/${slug}/toolkit/programme/untick`, as: coordinator },
    { method: 'POST', path: `/secretariat/toolkit/${slug}/offer`, as: admin },
    { method: 'POST', path: `/initiatives/${slug}/action-plans`, as: coordinator },
    { method: 'POST', path: `${planPath}/items`, as: coordinator },
    { method: 'POST', path: `${planPath}/items/${planItem}/status`, as: coordinator },
    { method: 'POST', path: `${planPath}/items/${planItem}/updates`, as: coordinator },
    { method: 'POST', path: `${planPath}/adopt`, as: coordinator },
    { method: 'POST', path: '/briefs/new', as: coordinator },
    { method: 'POST', path: `/briefs/${briefId}/edit`, as: coordinator },
    { method: 'POST', path: `/briefs/${briefId}/authors`, as: coordinator },
    { method: 'POST', path: `/briefs/${briefId}/comments`, as: coordinator },
    { method: 'POST', path: `/briefs/${briefId}/comments/${briefThread}/replies`, as: claimant },
    { method: 'POST', path: `/briefs/${briefId}/reviewers`, as: claimant },
    { method: 'POST', path: `/briefs/${briefId}/reviews`, as: briefReviewer },
    { method: 'POST', path: `/briefs/${briefId}/publish`, as: claimant },
    { method: 'POST', path: `/briefs/${briefId}/consultations`, as: coordinator },
    { method: 'POST', path: `${lesson}/quiz`, as: coordinator },
    { method: 'POST', path: `${lesson}/read`, as: coordinator },
    { method: 'POST', path: `${course}/certificate`, as: coordinator },
    { method: 'POST', path: '/api/courses', as: admin, json: true },
    { method: 'POST', path: '/my/course-images', as: coordinator },
    { method: 'POST', path: `/initiatives/${slug}/consultations`, as: coordinator },
    // Opened on an event by its organisers (decision 040), and by someone outside its committee.
    { method: 'POST', path: `/events/${eventSlug}/consultations/new`, as: coordinator },
    { method: 'POST', path: `/events/${callEvent}/consultations/new`, as: claimant },
    { method: 'POST', path: `${consultation}/settings`, as: coordinator },
    { method: 'POST', path: `${consultationParagraph}/comments`, as: claimant },
    { method: 'POST', path: `${consultationParagraph}/comments/${consultationComment}/replies`, as: coordinator },
    { method: 'POST', path: `${consultationParagraph}/amendments`, as: claimant },
    { method: 'POST', path: `${consultation}/amendments/${consultationAmendment}/endorse`, as: coordinator },
    { method: 'POST', path: `${consultation}/amendments/${consultationAmendment}/decision`, as: coordinator },
    { method: 'POST', path: `${consultation}/draft`, as: coordinator },
    { method: 'POST', path: `${consultation}/versions`, as: coordinator },
    { method: 'POST', path: `${consultation}/publish`, as: coordinator },
    { method: 'POST', path: `${consultation}/positions`, as: claimant },
    { method: 'POST', path: `${consensusFuzz}/positions/${consensusObjection}/blocking`, as: coordinator },
    { method: 'POST', path: `${consensusFuzz}/consensus`, as: coordinator },
    { method: 'POST', path: `${consensusFuzz}/record/appeals`, as: claimant },
    { method: 'POST', path: `${consensusFuzz}/record/appeals/nothing/answer`, as: coordinator },
    { method: 'POST', path: `${consultation}/follow`, as: claimant },
    { method: 'POST', path: `${opinions}/statements`, as: claimant },
    { method: 'POST', path: `${opinions}/statements/0/vote`, as: claimant },
    { method: 'POST', path: `${opinions}/statements/1/moderation`, as: coordinator },
    { method: 'POST', path: `${opinions}/recompute`, as: coordinator },
    { method: 'POST', path: '/my/courses/new', as: coordinator },
    { method: 'POST', path: `${draftCourse}/texts`, as: coordinator },
    { method: 'POST', path: `${draftCourse}/modules`, as: coordinator },
    { method: 'POST', path: `${draftCourse}/modules/0`, as: coordinator },
    { method: 'POST', path: `${draftCourse}/modules/0/move`, as: coordinator },
    { method: 'POST', path: `${draftCourse}/lessons/new`, as: coordinator },
    { method: 'POST', path: `${draftCourse}/lessons/primera`, as: coordinator },
    { method: 'POST', path: `${draftCourse}/lessons/primera/move`, as: coordinator },
    { method: 'POST', path: `${draftCourse}/lessons/primera/quiz`, as: coordinator },
    { method: 'POST', path: `${draftCourse}/publish`, as: coordinator },
    { method: 'POST', path: `${draftCourse}/withdraw`, as: coordinator },
    { method: 'POST', path: `/initiatives/${mentorSlug}/mentoring/offer`, as: mentorClient },
    { method: 'POST', path: `/initiatives/${mentorSlug}/mentoring/offer/status`, as: mentorClient },
    { method: 'POST', path: `/initiatives/${slug}/mentoring/offer`, as: coordinator },
    { method: 'POST', path: `/initiatives/${otherSlug}/mentoring/requests`, as: otherNewcomer },
    { method: 'POST', path: `/initiatives/${mentorSlug}/mentoring/requests/${waitingRequest}/answer`, as: mentorClient },
    { method: 'POST', path: `${mentorshipPath}/goals`, as: coordinator },
    { method: 'POST', path: `${mentorshipPath}/meetings`, as: mentorClient },
    { method: 'POST', path: `${mentorshipPath}/consent`, as: coordinator },
    { method: 'POST', path: `${mentorshipPath}/feedback`, as: mentorClient },
    { method: 'POST', path: '/secretariat/mentoring/settings', as: admin },
    { method: 'POST', path: `/secretariat/mentoring/${mentorshipPath.split('/').pop()}/decision`, as: admin },
    { method: 'POST', path: `/initiatives/${otherSlug}/mentoring/requests/${waitingRequest}/withdraw`, as: otherNewcomer },
    // Last, as they change who is signed in or seated, or what is pending.
    { method: 'POST', path: `/events/${eventSlug}/rooms/${roomId}/remove`, as: coordinator },
    { method: 'POST', path: `${proposalPath}/withdraw`, as: coordinator },
    { method: 'POST', path: `/events/${eventSlug}/sessions/${sessionId}/remove`, as: coordinator },
    { method: 'POST', path: `/events/${eventSlug}/publish`, as: coordinator },
    { method: 'POST', path: `/events/${eventSlug}/close`, as: coordinator },
    { method: 'POST', path: `/initiatives/${slug}/invitations/${invitationId}/withdraw`, as: coordinator },
    { method: 'POST', path: `/initiatives/${slug}/committee/${memberSeat}/remove`, as: coordinator },
    { method: 'POST', path: '/logout', as: coordinator },
  ];
  const r = random(20261123);
  const failures: string[] = [];
  const writes = await writeCounter(t);
  let before = await snapshot(t);
  let writesBefore = await writes();
  let refused = 0;
  const check = async (label: string, status: number, html: string) => {
    if (status >= 500) failures.push(`${label}: ${status}`);
    if (html.includes(script)) failures.push(`${label}: echoed a script unescaped`);
    if (status >= 400) refused++;
    const writesAfter = await writes();
    if (writesAfter === writesBefore) return;
    // Rows were written: only the contents say whether a refusal changed anything.
    const after = await snapshot(t);
    if (status >= 400 && after !== before) failures.push(`${label}: refused with ${status} but the database changed`);
    before = after;
    writesBefore = writesAfter;
  };
  const mine = targets.filter((target) => partOf(target.path) === part);
  assert.ok(mine.length > 0, `routes of ${part}`);
  for (const target of mine) {
    const csrf = await target.as.csrfToken();
    for (let i = 0; i < 24; i++) {
      const headers: Record<string, string> = { 'X-Forwarded-For': `192.0.2.${i}`, 'X-CSRF-Token': csrf };
      let body: BodyInit;
      if (target.json) {
        headers['Content-Type'] = 'application/json';
        body = JSON.stringify(hostileJson(r, 0, part === 'courses' ? coursesFields : []));
      } else {
        headers['Content-Type'] = 'application/x-www-form-urlencoded';
        body = part === 'funding' ? hostileForm(r, { fields: fundingFields, values: fundingValues }) : part === 'briefs' ? hostileForm(r, { fields: [...briefsFields, `reply_${briefThread}`], values: briefsValues }) : part === 'plans' ? hostilePlanForm(r) : part === 'courses' ? hostileForm(r, { fields: coursesFields, values: coursesValues }) : hostileForm(r);
        // The consultations' own fields, on a line of their own so other parts' edits to the line above merge cleanly.
        if (part === 'consultations') body = hostileForm(r, { fields: [...consultationsFields, `kind_${consensusObjection}`, `link_${consensusObjection}`, `text_${consensusObjection}`], values: consultationsValues });
        // Mentoring's own fields, on a line of their own too.
        if (part === 'mentoring') body = hostileForm(r, { fields: mentoringFields, values: mentoringValues });
      }
      const page = await target.as.request(target.path, { method: target.method, headers, body });
      await check(`${target.method} ${target.path} #${i}`, page.status, page.html);
    }
    for (const [i, broken] of brokenBodies.entries()) {
      const page = await target.as.request(target.path, {
        method: target.method, body: broken.body, headers: { 'Content-Type': broken.type, 'X-CSRF-Token': csrf, 'X-Forwarded-For': `198.51.100.${i}` },
      });
      await check(`${target.method} ${target.path} broken body #${i}`, page.status, page.html);
    }
  }
  if (part === 'reports') {
    // Reads of pages never write: the database is compared once around all of them rather than after each.
    const beforeReads = before;
    const read = (label: string, status: number, html: string) => {
      if (status >= 500) failures.push(`${label}: ${status}`);
      if (html.includes(script)) failures.push(`${label}: echoed a script unescaped`);
      if (status >= 400) refused++;
    };
    for (let i = 0; i < 40; i++) {
      const query = new URLSearchParams({ [r.pick(['q', 'type', 'country', 'language', 'status', 'sort', 'page', 'limit', 'offset', 'kind', 'lang', 'year', 'initiative', 'when', 'format', 'zone', 'remember', 'view', 'version', 'track', 'group'])]: r.pick(hostileStrings) });
      if (r.next() < 0.5) query.set('q', r.pick(['gobernanza', '"gobernanza de"', 'mesa "', script, ...hostileStrings]));
      for (const path of ['/initiatives', '/initiatives.csv', '/api/initiatives', '/events', '/events.ics', '/api/events', `/events/${eventSlug}`, `/api/events/${eventSlug}`, `/events/${callEvent}/call`, `/events/${eventSlug}/program`, `/api/events/${eventSlug}/program`, `/events/${eventSlug}/program.ics`, `/events/${callEvent}/statistics`, `/api/events/${callEvent}/statistics`, live, `/reports/${reportId}`, `/api/reports/${reportId}`, `/reports/${reportId}/history`, '/reports', '/reports.csv', '/reports.json', '/reports.atom', `/initiatives/${slug}/reports.atom`, '/api/reports', `/initiatives/${new URLSearchParams({ s: r.pick(hostileStrings) }).toString().slice(2)}`, '/search', '/api/search']) {
        const page = await t.client().get(`${path}?${query}`);
        read(`GET ${path}?${query.toString().slice(0, 60)}`, page.status, page.html);
      }
    }
    if ((await snapshot(t)) !== beforeReads) failures.push('hostile reads of pages changed the database');
  }
  if (part === 'funding') {
    // The ledger's public reads with hostile query strings, then publishing and discarding drafts as the committee.
    for (let i = 0; i < 12; i++) {
      const query = new URLSearchParams({ [r.pick(['currency', 'kind', 'page', 'format', 'notice', 'q'])]: r.pick(hostileStrings) });
      for (const path of [ledger, `${ledger}.csv`, `${ledger}.json`, `/api${ledger}`, `${ledger}/entries/${publishedEntry}/correct`]) {
        const page = await (i % 2 ? coordinator : t.client()).get(`${path}?${query}`);
        await check(`GET ${path}?${query.toString().slice(0, 60)}`, page.status, page.html);
      }
    }
    for (const path of [`${ledger}/entries/${draftEntry}/publish`, `${ledger}/entries/${publishedEntry}/discard`, `${ledger}/entries/${publishedEntry}/publish`]) {
      const page = await coordinator.request(path, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-CSRF-Token': await coordinator.csrfToken() }, body: hostileForm(r, { fields: fundingFields, values: fundingValues }) });
      await check(`POST ${path}`, page.status, page.html);
    }
    // Receipts as multipart: hostile bytes, declared types, names and fields; none is a PDF or an image, so none is kept.
    const receipt = `${ledger}/entries/${draftEntry}/receipt/attach`;
    for (let i = 0; i < 10; i++) {
      const body = new FormData();
      body.append('_csrf', await coordinator.csrfToken());
      body.append('receipt', new Blob([r.pick(hostileStrings)], { type: r.pick(['application/pdf', 'image/png', 'text/html', r.pick(hostileStrings)]) }), `${r.pick(hostileStrings).slice(0, 120)}.pdf`);
      body.append('public', r.pick(hostileStrings));
      const page = await coordinator.request(receipt, { method: 'POST', body });
      await check(`POST ${receipt} #${i}`, page.status, page.html);
    }
    const kept = await sql<{ n: number }>`select count(*) as n from funding_receipts`.execute(t.database.db);
    if (Number(kept.rows[0]!.n) !== 0) failures.push('a hostile file was kept as a receipt');
  }
  if (part === 'toolkit') {
    // The toolkit's pages and API with hostile query strings (a notice is chosen from a fixed list, never echoed).
    for (let i = 0; i < 16; i++) {
      const query = new URLSearchParams({ [r.pick(['notice', 'q', 'step', 'lang'])]: r.pick(hostileStrings) });
      for (const [path, as] of [['/toolkit', t.client()], [`/initiatives/${slug}/toolkit`, coordinator], [`/api/initiatives/${slug}/toolkit`, coordinator], ['/secretariat/toolkit', admin]] as const) {
        const page = await as.get(`${path}?${query}`);
        await check(`GET ${path}?${query.toString().slice(0, 60)}`, page.status, page.html);
      }
    }
  }
  if (part === 'plans') {
    // The plans' public pages and exports with hostile query strings: never a 5xx, never a write.
    const beforeReads = before;
    for (let i = 0; i < 24; i++) {
      const query = new URLSearchParams({ [r.pick(['topic', 'q', 'notice', 'page'])]: r.pick([...hostileStrings, ...planStrings]) });
      for (const path of ['/action-plans', `/initiatives/${slug}/action-plans`, planPath, `${planPath}/items/${planItem}`, `${planPath}/items.csv`, `${planPath}/due-dates.ics`, `/api/initiatives/${slug}/action-plans`]) {
        const page = await t.client().get(`${path}?${query}`);
        if (page.status >= 500) failures.push(`GET ${path}?${query.toString().slice(0, 60)}: ${page.status}`);
        if (page.html.includes(script)) failures.push(`GET ${path}: echoed a script unescaped`);
      }
    }
    if ((await snapshot(t)) !== beforeReads) failures.push('hostile reads of plans changed the database');
  }
  if (part === 'briefs') {
    // The list's filters and a brief's pages, with hostile query strings: reads never write.
    const beforeReads = before;
    for (let i = 0; i < 30; i++) {
      const query = new URLSearchParams({ [r.pick(['jurisdiction', 'kind', 'rating', 'item', 'page', 'view', 'limit', 'offset', 'on', 'notice'])]: r.pick([...hostileStrings, 'privacy', 'negative', '400', '401', 'draft']) });
      for (const path of ['/briefs', '/api/briefs', `/briefs/${briefId}`, `/briefs/${briefId}/edit`, `/briefs/${briefId}/versions`, `/briefs/${briefId}/export.json`, `/api/briefs/${briefId}`, `/briefs/${briefId}/print`, '/my/briefs']) {
        const page = await coordinator.get(`${path}?${query}`);
        if (page.status >= 500) failures.push(`GET ${path}?${query.toString().slice(0, 60)}: ${page.status}`);
        if (page.html.includes(script)) failures.push(`GET ${path}: echoed a script unescaped`);
      }
    }
    if ((await snapshot(t)) !== beforeReads) failures.push('hostile reads of briefs changed the database');
  }
  if (part === 'courses') {
    // Courses' pages with hostile query strings and addresses: never a 5xx, never a write.
    const beforeReads = before;
    for (let i = 0; i < 12; i++) {
      const query = new URLSearchParams({ [r.pick(['q', 'notice', 'lang', 'page', 'index'])]: r.pick(hostileStrings) });
      const word = new URLSearchParams({ s: r.pick(hostileStrings) }).toString().slice(2);
      for (const path of ['/courses', course, lesson, `${course}/download`, `${course}/${word}`, `/certificates/${word}`, `/api/certificates/${word}`, '/api/courses', `/course-images/${word}`]) {
        const page = await t.client().get(`${path}?${query}`);
        if (page.status >= 500) failures.push(`GET ${path}: ${page.status}`);
        if (page.html.includes(script) && !path.startsWith('/api/')) failures.push(`GET ${path}: echoed a script unescaped`);
        if (page.status >= 400) refused++;
      }
    }
    // The writing pages, as their editor, and the draft's own pages, as anyone.
    for (let i = 0; i < 8; i++) {
      const query = new URLSearchParams({ [r.pick(['notice', 'language', 'module', 'q'])]: r.pick([...hostileStrings, ...coursesValues]) });
      const word = new URLSearchParams({ s: r.pick(hostileStrings) }).toString().slice(2);
      for (const [path, as] of [['/my/courses', coordinator], ['/my/courses/new', coordinator], [draftCourse, coordinator], [`${draftCourse}/modules/0`, coordinator], [`${draftCourse}/modules/${word}`, coordinator],
        [`${draftCourse}/lessons/new`, coordinator], [`${draftCourse}/lessons/primera`, coordinator], [`${draftCourse}/lessons/${word}`, coordinator], [`${draftCourse}/lessons/primera/quiz`, coordinator],
        ['/courses/borrador', t.client()], ['/courses/borrador/primera', t.client()]] as const) {
        const page = await as.get(`${path}?${query}`);
        if (page.status >= 500) failures.push(`GET ${path}: ${page.status}`);
        if (page.html.includes(script)) failures.push(`GET ${path}: echoed a script unescaped`);
        if (page.status >= 400) refused++;
      }
    }
    if ((await snapshot(t)) !== beforeReads) failures.push('hostile reads of course pages changed the database');
  }
  if (part === 'consultations') {
    // The consultations' pages and API with hostile query strings and addresses: never a 5xx, never a write.
    const beforeReads = before;
    for (let i = 0; i < 16; i++) {
      const query = new URLSearchParams({ [r.pick(['view', 'notice', 'q', 'page'])]: r.pick([...hostileStrings, 'draft', 'published']) });
      const word = new URLSearchParams({ s: r.pick(hostileStrings) }).toString().slice(2);
      for (const path of ['/consultations', consultation, consultationParagraph, `${consultation}/versions`, `${consultation}/versions/1`, `${consultation}/versions/2/diff`, `${consultation}/versions/${word}`, `${consultation}/paragraphs/${word}`, `/consultations/${word}`, '/api/consultations', `/api${consultation}`, `/api/consultations/${word}`,
        `${consensusFuzz}/positions`, `${consensusFuzz}/consensus`, `${consensusFuzz}/record`, `${consensusFuzz}/record/print`, `${consensusFuzz}/record.md`, `${consensusFuzz}/record.json`, `/api${consensusFuzz}/record`, `/api/consultations/${word}/record`, `/events/${eventSlug}/consultations/new`, `/events/${word}/consultations/new`, opinions, `${opinions}/export/${word}`, `${opinions}/export/votes.csv`, `/api${consultation}/opinion`, `${opinions}/statements/${word}/vote`]) {
        const page = await (i % 2 ? coordinator : t.client()).get(`${path}?${query}`);
        if (page.status >= 500) failures.push(`GET ${path}: ${page.status}`);
        if (page.html.includes(script) && !path.startsWith('/api/')) failures.push(`GET ${path}: echoed a script unescaped`);
        if (page.status >= 400) refused++;
      }
    }
    if ((await snapshot(t)) !== beforeReads) failures.push('hostile reads of consultations changed the database');
  }
  if (part === 'mentoring') {
    // Mentoring's pages and API with hostile query strings and addresses: never a 5xx, never a write.
    const beforeReads = before;
    for (let i = 0; i < 12; i++) {
      const query = new URLSearchParams({ [r.pick(['notice', 'q', 'page', 'lang'])]: r.pick([...hostileStrings, ...mentoringValues]) });
      const word = new URLSearchParams({ s: r.pick(hostileStrings) }).toString().slice(2);
      for (const [path, as] of [['/mentoring', t.client()], [`/initiatives/${slug}/mentoring`, coordinator], [`/initiatives/${slug}/mentoring/find`, coordinator], [mentorshipPath, mentorClient], [`/mentorships/${word}`, t.client()], ['/secretariat/mentoring', admin], ['/api/mentoring/offers', t.client()], [`/api/initiatives/${word}/mentoring`, t.client()]] as const) {
        const page = await as.get(`${path}?${query}`);
        if (page.status >= 500) failures.push(`GET ${path}: ${page.status}`);
        if (page.html.includes(script) && !path.startsWith('/api/')) failures.push(`GET ${path}: echoed a script unescaped`);
      }
    }
    if ((await snapshot(t)) !== beforeReads) failures.push('hostile reads of mentoring pages changed the database');
  }
  if (part === 'platform') {
    // The transparency log's reads (a checkpoint is signed when first asked for, so these are checked one by one): hostile numbers never reach a query, nor give a 5xx.
    for (let i = 0; i < 16; i++) {
      const query = new URLSearchParams();
      for (const name of ['start', 'end', 'index', 'tree_size', 'first', 'second']) if (r.next() < 0.7) query.append(name, r.pick([...hostileStrings, '0', '1', '2']));
      for (const path of ['/api/log/entries', '/api/log/proof/inclusion', '/api/log/proof/consistency', '/api/log/checkpoint', '/api/log/key', '/api/log/witnessed', '/log']) {
        const page = await t.client().get(`${path}?${query}`);
        await check(`GET ${path}?${query.toString().slice(0, 60)}`, page.status, page.html);
      }
    }
  }
  assert.deepEqual(failures, []);
  assert.ok(refused > mine.length * 10, `most hostile requests are refused (${refused})`);
  assert.equal(({} as Record<string, unknown>).is_secretariat, undefined, 'no prototype pollution');
}, { timeout: 600_000, postgres: true });
}
