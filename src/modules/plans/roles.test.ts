import assert from 'node:assert/strict';
import { eachApp } from '../../../tests/support/app.ts';
import { insertPerson, loggedIn, seatMember, secretariat, verifiedPerson } from '../../../tests/support/factories.ts';
import { outcomes, walkRoles, type RouteCase } from '../../../tests/support/roleWalk.ts';
import { organiser } from '../../../tests/support/events.ts';
import { plansModule } from './module.ts';

const roles = ['anonymous', 'unverified', 'participant', 'member', 'coordinator', 'secretariat'] as const;
type Role = (typeof roles)[number];
const { everyone, only } = outcomes(roles);
/** A draft plan: its committee and the secretariat see it; to the others it does not exist. */
const draftOnly = (allowed: Partial<Record<Role, number | 'login'>>) => ({ ...everyone(404), ...allowed });
const committee = (outcome: number) => only({ member: outcome, coordinator: outcome });

/**
 * Every route of the module and what each role gets. `draft` is a plan without items (so its
 * coordinator's adoption is refused and nothing changes); `adopted` an adopted plan with `item`.
 * Writes carry empty bodies, so an allowed role gets a validation answer.
 */
const cases: Array<RouteCase<Role>> = [
  { method: 'GET', path: '/initiatives/:slug/action-plans', expect: everyone(200) },
  { method: 'GET', path: '/initiatives/nothing/action-plans', expect: everyone(404) },
  { method: 'POST', path: '/initiatives/:slug/action-plans', body: 'form', expect: committee(422) },
  { method: 'GET', path: '/initiatives/:slug/action-plans/:draft', expect: draftOnly({ member: 200, coordinator: 200, secretariat: 200 }) },
  { method: 'GET', path: '/initiatives/:slug/action-plans/:adopted', expect: everyone(200) },
  { method: 'POST', path: '/initiatives/:slug/action-plans/:draft/items', body: 'form', expect: draftOnly({ member: 422, coordinator: 422, secretariat: 403 }) },
  { method: 'POST', path: '/initiatives/:slug/action-plans/:adopted/items', body: 'form', expect: committee(422) },
  { method: 'GET', path: '/initiatives/:slug/action-plans/:adopted/items', expect: everyone(303) },
  { method: 'POST', path: '/initiatives/:slug/action-plans/:draft/adopt', body: 'form', expect: draftOnly({ member: 403, coordinator: 422, secretariat: 403 }) },
  { method: 'POST', path: '/initiatives/:slug/action-plans/:adopted/adopt', body: 'form', expect: only({}) },
  { method: 'GET', path: '/initiatives/:slug/action-plans/:adopted/adopt', expect: everyone(303) },
  { method: 'GET', path: '/initiatives/:slug/action-plans/:adopted/items/:item', expect: everyone(200) },
  { method: 'GET', path: '/initiatives/:slug/action-plans/:adopted/items/nothing', expect: everyone(404) },
  { method: 'POST', path: '/initiatives/:slug/action-plans/:adopted/items/:item/status', body: 'form', expect: committee(422) },
  { method: 'GET', path: '/initiatives/:slug/action-plans/:adopted/items/:item/status', expect: everyone(303) },
  { method: 'POST', path: '/initiatives/:slug/action-plans/:adopted/items/:item/updates', body: 'form', expect: committee(422) },
  { method: 'GET', path: '/initiatives/:slug/action-plans/:adopted/items/:item/updates', expect: everyone(303) },
  { method: 'GET', path: '/initiatives/:slug/action-plans/:adopted/items.csv', expect: everyone(200) },
  { method: 'GET', path: '/initiatives/:slug/action-plans/:draft/items.csv', expect: draftOnly({ member: 200, coordinator: 200, secretariat: 200 }) },
  { method: 'GET', path: '/initiatives/:slug/action-plans/:adopted/due-dates.ics', expect: everyone(200) },
  { method: 'GET', path: '/action-plans', expect: everyone(200) },
  { method: 'GET', path: '/action-plans?topic=community_networks', expect: everyone(200) },
  { method: 'GET', path: '/action-plans?topic=nothing', expect: everyone(404) },
  { method: 'GET', path: '/api/initiatives/:slug/action-plans', expect: everyone(200) },
  { method: 'GET', path: '/api/initiatives/nothing/action-plans', expect: everyone(404) },
];

eachApp('every action plans route answers every role as its policy says', async (t) => {
  const { coordinator, initiative } = await organiser(t);
  const member = await seatMember(t, initiative, { email: 'miembro@example.org', group: 'government' });
  const base = `/initiatives/${initiative}/action-plans`;
  const plan = { title: 'Plan de acción', starts_on: '2026-11-01', ends_on: '2027-10-31', language: 'es' };
  const draft = (await member.post(base, plan)).location!.split('?')[0]!.split('/').pop()!;
  const adopted = (await member.post(base, { ...plan, title: 'Plan adoptado' })).location!.split('?')[0]!.split('/').pop()!;
  const added = await member.post(`${base}/${adopted}/items`, {
    topic: 'community_networks', action: 'Mapear las redes comunitarias', responsible_kind: 'organisation', responsible_name: 'Colnodo', mechanism: 'research', due_on: '2027-01-15',
  });
  const item = added.location!.split('#item-')[1]!;
  assert.equal((await coordinator.post(`${base}/${adopted}/adopt`, {})).status, 303);
  const clients = {
    anonymous: t.client(),
    unverified: await loggedIn(t, await insertPerson(t, { email: 'fresh@example.org', verified: false })),
    participant: await verifiedPerson(t, { email: 'someone@example.org' }),
    member,
    coordinator,
    secretariat: await secretariat(t),
  };
  await walkRoles(t, { module: plansModule, clients, cases, params: { slug: initiative, draft, adopted, item } });
}, { postgres: true });
