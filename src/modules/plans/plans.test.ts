import assert from 'node:assert/strict';
import { pino } from 'pino';
import { eachApp } from '../../../tests/support/app.ts';
import { insertPerson, registerInitiative, seatMember, verifiedPerson } from '../../../tests/support/factories.ts';
import { organiser } from '../../../tests/support/events.ts';
import { verifyLog } from '../../platform/log/verify.ts';
import { logKinds } from '../../platform/manifests.ts';
import { modules } from '../index.ts';
import { overdueHandler } from './reminders.ts';

const script = '<script>alert("x")</script>';
const planFields = { title: 'Plan de acción 2026–2027', starts_on: '2026-11-01', ends_on: '2027-10-31', description: `Compromisos de la Mesa. ${script}`, language: 'es' };
const item = (fields: Record<string, string>) => ({
  topic: 'community_networks', action: 'Mapear las redes comunitarias', responsible_kind: 'organisation', responsible_name: 'Colnodo', mechanism: 'research', due_on: '2026-12-15', ...fields,
});

eachApp('the committee writes a plan, its coordinator adopts it, status changes go to the public log, progress shows per topic and on a timeline, exports and reminders follow', async (t) => {
  const { coordinator, initiative } = await organiser(t);
  const member = await seatMember(t, initiative, { email: 'miembro@example.org', group: 'government' });
  const outsider = await verifiedPerson(t, { email: 'otra@example.org' });
  const responsibleId = await insertPerson(t, { email: 'laura@example.org' });
  const anonymous = t.client();

  // A published report with a call to action, for an item to come from.
  const standalone = await coordinator.post('/reports/new', { initiative, title: 'Diálogo sobre acceso', held_on: '2026-10-20', language: 'es' });
  const reportId = standalone.location!.split('?')[0]!.split('/')[2]!;
  assert.equal((await coordinator.post(`/reports/${reportId}/edit`, { title: 'Diálogo sobre acceso', held_on: '2026-10-20', language: 'es', summary: 'Hablamos.', calls_to_action_0_who: 'Gobierno', calls_to_action_0_what: 'Abrir una consulta sobre espectro' })).status, 303);
  assert.equal((await coordinator.post(`/reports/${reportId}/publish`, {})).status, 303);
  const anchor = (await anonymous.json('GET', `/api/reports/${reportId}`, undefined)).body.calls_to_action[0].id as string;

  // Starting a plan: bad input comes back beside its field; a good one is a draft nobody else sees.
  const badPeriod = await member.post(`/initiatives/${initiative}/action-plans`, { ...planFields, ends_on: '2026-10-01' });
  assert.equal(badPeriod.status, 422);
  assert.match(badPeriod.html, /<p class="error" id="error-ends_on">The period ends before it starts\.<\/p>/);
  assert.equal((await outsider.post(`/initiatives/${initiative}/action-plans`, planFields)).status, 403, 'only the committee writes plans');
  const created = await member.post(`/initiatives/${initiative}/action-plans`, planFields);
  assert.equal(created.status, 303, created.html.slice(0, 2000));
  const planPath = created.location!.split('?')[0]!;
  const planId = planPath.split('/').pop()!;
  assert.equal((await anonymous.get(planPath)).status, 404, 'a draft is not public');
  assert.equal((await outsider.get(planPath)).status, 404);
  assert.doesNotMatch((await anonymous.get(`/initiatives/${initiative}/action-plans`)).html, /Plan de acción 2026/);

  // Items: a due date in the past, an unknown topic, a group without its key, a bad source, an address with no account: each refused beside its field.
  const past = await member.post(`${planPath}/items`, item({ due_on: '2026-11-22' }));
  assert.equal(past.status, 422);
  assert.match(past.html, /id="error-due_on">The due date has passed: a new action is due today or later\.</);
  assert.match(past.html, /value="Colnodo"/, 'what was typed comes back');
  const unknownTopic = await member.post(`${planPath}/items`, item({ topic: 'astrology' }));
  assert.equal(unknownTopic.status, 422);
  assert.match(unknownTopic.html, /id="error-topic">Choose a topic from the list\.</);
  assert.match((await member.post(`${planPath}/items`, item({ responsible_kind: 'group', responsible_name: '' }))).html, /id="error-responsible_group"/);
  assert.match((await member.post(`${planPath}/items`, item({ source: 'https://elsewhere.example/x' }))).html, /id="error-source"/);
  assert.match((await member.post(`${planPath}/items`, item({ source: `/reports/${reportId}#action-nothing` }))).html, /No published report has this call to action, and no consultation at this address has a recorded consensus call\./);
  assert.match((await member.post(`${planPath}/items`, item({ responsible_kind: 'person', responsible_name: 'Laura', responsible_email: 'nadie@example.org' }))).html, /No verified account has this address\./);
  const add = async (fields: Record<string, string>) => {
    const page = await member.post(`${planPath}/items`, item(fields));
    assert.equal(page.status, 303, page.html.slice(0, 3000));
    return page.location!.split('#item-')[1]!;
  };
  const mapping = await add({ action: `Mapear redes ${script}`, source: `http://cabildo.test/reports/${reportId}#${anchor}` });
  const skills = await add({ topic: 'universal_access_rights', action: 'Talleres de habilidades digitales', responsible_kind: 'person', responsible_name: 'Laura Camargo', responsible_email: 'laura@example.org', mechanism: 'capacity_building', due_on: '2026-12-01' });
  await add({ topic: 'cybersecurity_safety', action: 'Grupo de respuesta a incidentes', responsible_kind: 'group', responsible_name: '', responsible_group: 'technical_community', mechanism: 'working_group', due_on: '2027-03-31' });
  // Before adoption a status change is the committee's working state, not logged.
  assert.equal((await member.post(`${planPath}/items/${skills}/status`, { status: 'in_progress' })).status, 303);

  // Adoption: the coordinators', once, never empty; the outsider and a member cannot.
  assert.equal((await member.post(`${planPath}/adopt`, {})).status, 403, 'a member does not speak for the initiative');
  assert.equal((await outsider.post(`${planPath}/adopt`, {})).status, 404, 'an outsider does not even see the draft');
  const emptyPlan = (await member.post(`/initiatives/${initiative}/action-plans`, { ...planFields, title: 'Plan vacío' })).location!.split('?')[0]!;
  assert.match((await coordinator.post(`${emptyPlan}/adopt`, {})).html, /Add at least one action before adopting the plan\./);
  assert.equal((await coordinator.post(`${planPath}/adopt`, {})).status, 303);
  assert.equal((await coordinator.post(`${planPath}/adopt`, {})).status, 403, 'adopted already: no second adoption');

  // The public page: progress per topic, the timeline and its table; script shown as text.
  const publicPage = await anonymous.get(planPath);
  assert.equal(publicPage.status, 200);
  assert.ok(!publicPage.html.includes(script) && publicPage.html.includes('&lt;script&gt;'), 'user text is escaped');
  assert.match(publicPage.html, /Progress by topic/);
  assert.match(publicPage.html, /0 done, 1 in progress, 0 planned, 0 dropped, of 1 action/);
  assert.match(publicPage.html, /<svg [^>]*role="img" aria-labelledby="timeline-title timeline-desc"/);
  assert.match(publicPage.html, /<desc id="timeline-desc">3 actions due between 2026-11-01 and 2027-10-31; none overdue\./);
  assert.match(publicPage.html, /<caption>Actions by due date<\/caption>/);
  assert.match(publicPage.html, /Colnodo <span class="meta">\(an organisation\)<\/span>/);
  assert.doesNotMatch(publicPage.html, /laura@example\.org/, 'a responsible person’s address is never shown');
  assert.doesNotMatch(publicPage.html, /action="[^"]*\/adopt/, 'visitors get no forms');
  const mappingPage = await anonymous.get(`${planPath}/items/${mapping}`);
  assert.match(mappingPage.html, new RegExp(`href="/reports/${reportId}#${anchor}">A call to action of the report “Diálogo sobre acceso”`), 'an item links back to its call to action');

  // Status changes after adoption: the committee's, each in the public log; outsiders refused.
  assert.equal((await outsider.post(`${planPath}/items/${mapping}/status`, { status: 'done' })).status, 403, 'a status change from outside the committee');
  assert.equal((await anonymous.post(`${planPath}/items/${mapping}/status`, { status: 'done' })).status, 303, 'a visitor is sent to log in');
  assert.equal((await member.post(`${planPath}/items/${mapping}/status`, { status: 'bogus' })).status, 422);
  assert.equal((await member.post(`${planPath}/items/${mapping}/status`, { status: 'in_progress' })).status, 303);
  assert.equal((await member.post(`${planPath}/items/${mapping}/status`, { status: 'in_progress' })).status, 409, 'the same status again');
  assert.equal((await member.post(`${planPath}/items/${mapping}/status`, { status: 'done' })).status, 303);
  const entries = await t.database.db.selectFrom('log_entries').select(['kind', 'record']).where('kind', 'like', 'plans.%').orderBy('idx').execute();
  assert.deepEqual(entries.map((e) => `${e.kind} ${e.record}`), [`plans.adopted action-plan/${planId}`, `plans.item_status action-plan-item/${mapping}`, `plans.item_status action-plan-item/${mapping}`]);
  const log = await anonymous.get('/log');
  assert.match(log.html, /Action plan adopted/);
  assert.match(log.html, /Action plan item(’|'|&#39;)s status changed/);
  assert.equal((await verifyLog(t.database.db, logKinds(modules), t.services.transparencyLog.signer)).failure, null, 'the log is rebuilt from the stored outcomes');

  // Progress updates: dated, with evidence links that must be web addresses.
  const badEvidence = await member.post(`${planPath}/items/${skills}/updates`, { written_on: '2026-11-23', text: 'Primer taller.', percent: '150', evidence: 'javascript:alert(1)' });
  assert.equal(badEvidence.status, 422);
  assert.match(badEvidence.html, /id="error-percent"/);
  assert.match(badEvidence.html, /id="error-evidence"/);
  assert.match((await member.post(`${planPath}/items/${skills}/updates`, { written_on: '2026-12-24', text: 'Futuro.' })).html, /An update reports on today or an earlier day\./);
  assert.equal((await member.post(`${planPath}/items/${skills}/updates`, { written_on: '2026-11-23', text: `Primer taller ${script}`, percent: '25', evidence: 'https://example.org/taller\nexample.org/fotos' })).status, 303);
  const skillsPage = await anonymous.get(`${planPath}/items/${skills}`);
  assert.match(skillsPage.html, /href="https:\/\/example.org\/fotos"/);
  assert.match(skillsPage.html, /25 % done/);
  assert.ok(!skillsPage.html.includes(script));

  // Exports: JSON through the API, CSV, and an RFC 5545 calendar of due dates.
  const api = await anonymous.json('GET', `/api/initiatives/${initiative}/action-plans`, undefined);
  assert.equal(api.status, 200);
  assert.equal(api.body.items.length, 1, 'the draft plan is not listed to visitors');
  const plan = api.body.items[0];
  assert.equal(plan.status, 'adopted');
  assert.deepEqual(plan.items.map((i: { due_on: string; status: string }) => `${i.due_on} ${i.status}`), ['2026-12-01 in_progress', '2026-12-15 done', '2027-03-31 planned']);
  assert.deepEqual(plan.items[2].responsible, { kind: 'group', name: 'technical_community' });
  assert.equal(plan.items[1].source.url, `http://cabildo.test/reports/${reportId}#${anchor}`);
  assert.equal((await coordinator.json('GET', `/api/initiatives/${initiative}/action-plans`, undefined)).body.items.length, 2, 'its committee sees the draft too');
  assert.equal((await anonymous.json('GET', '/api/initiatives/nothing/action-plans', undefined)).status, 404);
  const openapi = await anonymous.json('GET', '/api/openapi.json', undefined);
  assert.ok(openapi.body.paths['/api/initiatives/{slug}/action-plans'] ?? openapi.body.paths['/initiatives/{slug}/action-plans'], 'described in the OpenAPI document');
  const csv = await anonymous.get(`${planPath}/items.csv`);
  assert.match(csv.response.headers.get('content-type')!, /^text\/csv/);
  assert.match(csv.html, /^id,topic,action,responsible_kind,responsible,mechanism,due_on,status,overdue,percent,updates,source,url\r?\n/);
  assert.match(csv.html, /Talleres de habilidades digitales,person,Laura Camargo,capacity_building,2026-12-01,in_progress,no,25,1,/);
  const ics = await anonymous.get(`${planPath}/due-dates.ics`);
  assert.match(ics.response.headers.get('content-type')!, /^text\/calendar/);
  assert.match(ics.html, /DTSTART;VALUE=DATE:20261201\r\n/);
  assert.match(ics.html, /SUMMARY:Mapear redes <script>alert\("x"\)<\/script>\r\n/);
  assert.ok(ics.html.split('\r\n').every((line) => Buffer.byteLength(line) <= 75), 'lines are folded at 75 octets');
  assert.match(ics.html.replace(/\r\n[ \t]/g, ''), /DESCRIPTION:Done · Research · Colnodo\\n\\nMapear redes/, 'text is escaped (line breaks as \\n)');
  assert.match(ics.html.replace(/\r\n[ \t]/g, ''), /STATUS:CONFIRMED/);

  // The cross-initiative view gathers adopted plans' items on a topic.
  const other = await verifiedPerson(t, { email: 'uy@example.org' });
  const uruguay = await registerInitiative(other, { name: 'IGF Uruguay', countries: ['UY'] });
  const uyPlan = (await other.post(`/initiatives/${uruguay}/action-plans`, { ...planFields, title: 'Plan uruguayo' })).location!.split('?')[0]!;
  await other.post(`${uyPlan}/items`, item({ action: 'Red comunitaria en Tacuarembó', responsible_name: 'ANTEL' }));
  const beforeAdoption = await anonymous.get('/action-plans?topic=community_networks');
  assert.match(beforeAdoption.html, /Mapear redes/);
  assert.doesNotMatch(beforeAdoption.html, /Tacuarembó/, 'a draft’s items are not gathered');
  assert.equal((await other.post(`${uyPlan}/adopt`, {})).status, 303);
  const gathered = await anonymous.get('/action-plans?topic=community_networks');
  assert.match(gathered.html, /Tacuarembó/);
  assert.doesNotMatch(gathered.html, /Talleres de habilidades/, 'other topics are left out');
  assert.equal((await anonymous.get('/action-plans?topic=astrology')).status, 404);
  assert.equal((await anonymous.get('/action-plans')).status, 200);

  // Search: plans and items, public once adopted.
  const found = await anonymous.json('GET', '/api/search?q=Tacuarembó', undefined);
  assert.ok(found.body.items.some((hit: { url: string }) => hit.url.includes(uyPlan)), JSON.stringify(found.body));
  assert.equal((await anonymous.json('GET', '/api/search?q=vacío', undefined)).body.total, 0, 'a draft plan is not public in search');

  // Overdue: the page says so in words, and the daily job tells the responsible person and the coordinators, once a week.
  t.clock.now = new Date('2026-12-03T07:00:00Z');
  const late = await anonymous.get(planPath);
  assert.match(late.html, /<desc id="timeline-desc">3 actions due between 2026-11-01 and 2027-10-31; 1 overdue\./);
  assert.match(late.html, /In progress<strong class="overdue"> · overdue<\/strong>/);
  const run = async () => overdueHandler({}, { db: t.database.db, now: t.clock.now, jobs: t.services.jobs, log: pino({ level: 'silent' }) });
  await run();
  const notified = async () => (await t.database.db.selectFrom('notifications').select(['user_id', 'path']).where('kind', '=', 'plans.item_overdue').execute());
  const first = await notified();
  const coordinatorId = (await t.database.db.selectFrom('users').select('id').where('email', '=', 'coord@example.org').executeTakeFirstOrThrow()).id;
  assert.deepEqual(first.map((n) => n.user_id).sort(), [responsibleId, coordinatorId].sort(), 'the responsible person and the coordinator, not the member');
  assert.ok(first.every((n) => n.path.endsWith(`/items/${skills}`)));
  t.clock.now = new Date('2026-12-04T07:00:00Z');
  await run();
  assert.equal((await notified()).length, 2, 'not again the next day');
  t.clock.now = new Date('2026-12-10T07:00:00Z');
  await run();
  assert.equal((await notified()).length, 4, 'again a week later');
  assert.equal((await member.post(`${planPath}/items/${skills}/status`, { status: 'done' })).status, 303);
  t.clock.now = new Date('2026-12-20T07:00:00Z');
  await run();
  const later = await notified();
  assert.equal(later.filter((n) => n.path.endsWith(`/items/${skills}`)).length, 4, 'done items are not reminded');
  assert.equal(later.length, 5, 'the Uruguayan plan’s item, overdue since 15 December, reminds its coordinator');
}, { postgres: true, timeout: 120_000 });
