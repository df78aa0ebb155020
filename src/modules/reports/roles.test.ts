import assert from 'node:assert/strict';
import { eachApp } from '../../../tests/support/app.ts';
import { insertPerson, loggedIn, secretariat, verifiedPerson } from '../../../tests/support/factories.ts';
import { outcomes, walkRoles, type RouteCase } from '../../../tests/support/roleWalk.ts';
import { createEvent, organiser } from '../../../tests/support/events.ts';
import { reportsModule } from './module.ts';

const roles = ['anonymous', 'unverified', 'participant', 'organiser', 'secretariat', 'rapporteur'] as const;
type Role = (typeof roles)[number];
const { everyone, signedIn, only } = outcomes(roles);
/** A draft report: its rapporteur, the organisers and the secretariat see it; to the others it does not exist. */
const draftOnly = (allowed: Partial<Record<Role, number>>) => ({ ...everyone(404), ...allowed });

/**
 * Every route of the module and what each role gets. `draft` is a session's report its rapporteur
 * is writing; `published` a standalone report the organisers published. Writes carry empty
 * bodies, so an allowed role gets a validation answer or a refusal of the step.
 */
const cases: Array<RouteCase<Role>> = [
  { method: 'GET', path: '/my/reports', expect: signedIn(200) },
  { method: 'GET', path: '/reports/new', expect: { ...signedIn(200), unverified: 403 } },
  { method: 'POST', path: '/reports/new', body: 'form', expect: { ...signedIn(422), unverified: 403 } },
  // Starting a session's report that exists opens it.
  { method: 'POST', path: '/sessions/:session/report', body: 'form', expect: only({ organiser: 303, rapporteur: 303 }) },
  { method: 'POST', path: '/sessions/nothing/report', body: 'form', expect: everyone(404) },
  { method: 'GET', path: '/sessions/:session/report', expect: everyone(303) },
  { method: 'GET', path: '/reports/:draft', expect: draftOnly({ organiser: 200, secretariat: 200, rapporteur: 200 }) },
  { method: 'GET', path: '/reports/:published', expect: everyone(200) },
  { method: 'GET', path: '/reports/:draft/edit', expect: draftOnly({ organiser: 200, secretariat: 403, rapporteur: 200 }) },
  { method: 'GET', path: '/reports/:published/edit', expect: only({ organiser: 200 }) },
  { method: 'POST', path: '/reports/:draft/edit', body: 'form', expect: draftOnly({ organiser: 422, secretariat: 403, rapporteur: 422 }) },
  { method: 'POST', path: '/reports/:published/submit', body: 'form', expect: only({ organiser: 409 }) },
  { method: 'POST', path: '/reports/:published/publish', body: 'form', expect: only({ organiser: 409 }) },
  { method: 'POST', path: '/reports/:draft/request-changes', body: 'form', expect: draftOnly({ organiser: 422, secretariat: 403, rapporteur: 403 }) },
  { method: 'POST', path: '/reports/:draft/rapporteur', body: 'form', expect: draftOnly({ organiser: 422, secretariat: 403, rapporteur: 403 }) },
  // A form's address shows the page the form lives on.
  { method: 'GET', path: '/reports/:draft/submit', expect: everyone(303) },
  { method: 'GET', path: '/reports/:draft/publish', expect: everyone(303) },
  { method: 'GET', path: '/reports/:draft/request-changes', expect: everyone(303) },
  { method: 'GET', path: '/reports/:draft/rapporteur', expect: everyone(303) },
  { method: 'GET', path: '/reports/:published/history', expect: everyone(200) },
  // The public archive, its exports and feeds: published reports, the same for everyone.
  { method: 'GET', path: '/reports', expect: everyone(200) },
  { method: 'GET', path: '/reports.csv', expect: everyone(200) },
  { method: 'GET', path: '/reports.json', expect: everyone(200) },
  { method: 'GET', path: '/reports.atom', expect: everyone(200) },
  { method: 'GET', path: '/initiatives/:initiative/reports.atom', expect: everyone(200) },
  { method: 'GET', path: '/api/reports', expect: everyone(200) },
  { method: 'GET', path: '/reports/:draft/history', expect: draftOnly({ organiser: 200, secretariat: 200, rapporteur: 200 }) },
  { method: 'GET', path: '/events/:slug/reports', expect: only({ organiser: 200 }) },
  { method: 'POST', path: '/events/:slug/reports/deadline', body: 'form', expect: only({ organiser: 422 }) },
  { method: 'GET', path: '/events/:slug/reports/deadline', expect: everyone(303) },
  // Topics (docs/decisions/027): public pages; a report's topics are set by those who write it.
  { method: 'GET', path: '/topics', expect: everyone(200) },
  { method: 'GET', path: '/topics/community_networks', expect: everyone(200) },
  { method: 'GET', path: '/topics/nothing', expect: everyone(404) },
  { method: 'POST', path: '/reports/:draft/topics', body: 'form', expect: draftOnly({ organiser: 303, secretariat: 403, rapporteur: 303 }) },
  { method: 'POST', path: '/reports/:published/topics', body: 'form', expect: only({ organiser: 303 }) },
  { method: 'GET', path: '/reports/:draft/topics', expect: everyone(303) },
  { method: 'GET', path: '/api/topics', expect: everyone(200) },
  { method: 'GET', path: '/api/topics/community_networks', expect: everyone(200) },
  { method: 'GET', path: '/api/topics/nothing', expect: everyone(404) },
  { method: 'PUT', path: '/api/reports/:draft/topics', body: 'json', expect: draftOnly({ organiser: 200, secretariat: 403, rapporteur: 200 }) },
  { method: 'PUT', path: '/api/reports/:published/topics', body: 'json', expect: { ...everyone(403), anonymous: 401, organiser: 200 } },
  { method: 'GET', path: '/api/reports/:published', expect: everyone(200) },
  { method: 'GET', path: '/api/reports/:draft', expect: draftOnly({ organiser: 200, secretariat: 200, rapporteur: 200 }) },
  { method: 'POST', path: '/api/reports', body: 'json', expect: { ...everyone(422), anonymous: 401, unverified: 403 } },
  // An empty merge patch saves the report as it is.
  { method: 'PATCH', path: '/api/reports/:draft', body: 'json', expect: draftOnly({ organiser: 200, secretariat: 403, rapporteur: 200 }) },
  { method: 'POST', path: '/api/reports/:published/transitions', body: 'json', expect: { ...everyone(403), anonymous: 401, organiser: 422 } },
  // Translations: the published report has one into English; the draft none.
  { method: 'GET', path: '/reports/:published/translations/en', expect: everyone(200) },
  { method: 'GET', path: '/reports/:draft/translations/en', expect: everyone(404) },
  { method: 'GET', path: '/reports/:published/translations/en/edit', expect: only({ organiser: 200 }) },
  { method: 'POST', path: '/reports/:published/translations/en/edit', body: 'form', expect: only({ organiser: 422 }) },
  // Annual reports: 2025 published, 2026 a draft of the committee's (the organiser coordinates it).
  { method: 'GET', path: '/initiatives/:initiative/annual-reports', expect: everyone(200) },
  { method: 'GET', path: '/initiatives/:initiative/annual-reports/2025', expect: everyone(200) },
  { method: 'GET', path: '/initiatives/:initiative/annual-reports/2026', expect: draftOnly({ organiser: 200, secretariat: 200 }) },
  { method: 'POST', path: '/initiatives/:initiative/annual-reports/2025', body: 'form', expect: only({}) },
  // An empty form saves the draft with nothing in it; publishing it then needs the introduction.
  { method: 'POST', path: '/initiatives/:initiative/annual-reports/2026', body: 'form', expect: only({ organiser: 303 }) },
  { method: 'POST', path: '/initiatives/:initiative/annual-reports/2025/publish', body: 'form', expect: only({}) },
  { method: 'POST', path: '/initiatives/:initiative/annual-reports/2026/publish', body: 'form', expect: only({ organiser: 422 }) },
  { method: 'GET', path: '/initiatives/:initiative/annual-reports/2026/publish', expect: everyone(303) },
];

eachApp('every reports route answers every role as its policy says', async (t) => {
  const { coordinator, initiative } = await organiser(t);
  const slug = await createEvent(coordinator, initiative);
  await coordinator.post(`/events/${slug}/publish`, {});
  const rapporteurId = await insertPerson(t, { email: 'relatora@example.org' });
  const session = (await coordinator.post(`/events/${slug}/sessions`, {
    title: 'Apertura', original_locale: 'es', modality: 'hybrid', person_0_name: 'Julia Mora', person_0_role: 'rapporteur', person_0_email: 'relatora@example.org',
  })).location!.split('?')[0]!.split('/').pop()!;
  const rapporteur = await loggedIn(t, rapporteurId);
  const draft = (await rapporteur.post(`/sessions/${session}/report`, {})).location!.split('?')[0]!.split('/')[2]!;
  const standalone = await coordinator.post('/reports/new', { initiative, title: 'Sesión en el IGF global', held_on: '2026-06-24', language: 'es' });
  const published = standalone.location!.split('?')[0]!.split('/')[2]!;
  assert.equal((await coordinator.post(`/reports/${published}/edit`, { title: 'Sesión en el IGF global', held_on: '2026-06-24', language: 'es', summary: 'Nos reunimos.' })).status, 303);
  assert.equal((await coordinator.post(`/reports/${published}/publish`, {})).status, 303);
  assert.equal((await coordinator.post(`/reports/${published}/translations/en/edit`, { title: 'Session at the global IGF' })).status, 303);
  for (const year of [2025, 2026]) assert.equal((await coordinator.post(`/initiatives/${initiative}/annual-reports/${year}`, { introduction: 'Un año.' })).status, 303);
  assert.equal((await coordinator.post(`/initiatives/${initiative}/annual-reports/2025/publish`, {})).status, 303);
  const clients = {
    anonymous: t.client(),
    unverified: await loggedIn(t, await insertPerson(t, { email: 'fresh@example.org', verified: false })),
    participant: await verifiedPerson(t, { email: 'someone@example.org' }),
    organiser: coordinator,
    secretariat: await secretariat(t),
    rapporteur,
  };
  await walkRoles(t, { module: reportsModule, clients, cases, params: { slug, session, draft, published, initiative } });
}, { postgres: true });
