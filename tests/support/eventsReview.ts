import assert from 'node:assert/strict';
import type { TestApp } from './app.ts';
import type { TestClient } from './client.ts';
import { verifiedPerson } from './factories.ts';
import { eventWithCall, goodProposal } from './eventsCall.ts';
import { eventsDb } from '../../src/modules/events/tables.ts';

/** Submits a proposal through the form; answers its id. */
export async function submitProposal(client: TestClient, slug: string, fields: Record<string, string>): Promise<string> {
  const sent = await client.post(`/events/${slug}/proposals/new`, { ...fields, intent: 'submit' });
  assert.equal(sent.status, 303, sent.html.slice(0, 3000));
  return sent.location!.split('?')[0]!.split('/').pop()!;
}

/**
 * An event with an open call, two submitted proposals and a programme committee of four, each
 * sitting for another stakeholder group: the chair (government), a civil society member who
 * proposed B (own proposal), an academic who declared Colnodo (A's organiser's organisation) and
 * a private sector member.
 */
export async function reviewSetup(t: TestApp) {
  const { slug, coordinator, eventId, track, question } = await eventWithCall(t);
  const db = eventsDb(t.database.db);
  const proposer = await verifiedPerson(t, { email: 'proponente@example.org', name: 'Rosa Proponente', locale: 'es' });
  const chair = await verifiedPerson(t, { email: 'chair@example.org', name: 'Clara Chair', group: 'government' });
  const civil = await verifiedPerson(t, { email: 'civil@example.org', name: 'Cora Civil', group: 'civil_society' });
  const academic = await verifiedPerson(t, { email: 'academic@example.org', name: 'Abel Academic', group: 'academia' });
  const business = await verifiedPerson(t, { email: 'business@example.org', name: 'Bea Business', group: 'private_sector' });
  const a = await submitProposal(proposer, slug, goodProposal(track, question));
  const b = await submitProposal(civil, slug, { ...goodProposal(track, question), title: 'Redes comunitarias y espectro', organiser_0_name: 'Cora Civil', organiser_0_organisation: 'Fundación Red' });
  for (const [email, stakeholder_group, extra] of [
    ['chair@example.org', 'government', { chair: 'on' }],
    ['civil@example.org', 'civil_society', {}],
    ['academic@example.org', 'academia', { organisations: 'Universidad Nacional\nColnodo' }],
    ['business@example.org', 'private_sector', {}],
  ] as const) {
    const added = await coordinator.post(`/events/${slug}/committee`, { email, stakeholder_group, ...extra });
    assert.equal(added.status, 303, added.html.slice(0, 3000));
  }
  const members = await db.selectFrom('event_review_members').select(['id', 'stakeholder_group']).where('event_id', '=', eventId).execute();
  const memberId = (group: string) => members.find((m) => m.stakeholder_group === group)!.id;
  return {
    slug, eventId, coordinator, proposer, chair, civil, academic, business, proposals: { a, b },
    memberIds: { chair: memberId('government'), civil: memberId('civil_society'), academic: memberId('academia'), business: memberId('private_sector') },
  };
}
