import type { Kysely } from 'kysely';
import type { Db } from '../../../platform/db/index.ts';
import { appendToLog, type LogKind } from '../../../platform/log/index.ts';
import type { NotificationKind } from '../../../platform/notifications/index.ts';
import { eventsDb, type EventsTables } from '../tables.ts';
import type { EventProposalDecisionsTable } from './tables.ts';

/** The chair's decision on a proposal is public (issue 10, item 8): record `proposal/<id>`, version 1. */
export const decisionLogKind = 'events.proposal_decided';

/** The proposer is told, by mail unless they chose otherwise. */
export const proposalDecided: NotificationKind = { kind: 'events.proposal_decided', defaultFrequency: 'immediately' };

/** A committee member is told which proposals are theirs to review: one notification per assignment run (docs/decisions/023). */
export const reviewsAssigned: NotificationKind = { kind: 'events.reviews_assigned', defaultFrequency: 'immediately' };

const recordOf = (proposalId: string) => `proposal/${proposalId}`;

/** What the log's hash covers: the decision as taken, its reason and the proposal's title then. */
function content(row: EventProposalDecisionsTable) {
  return {
    decided_at: row.decided_at,
    decided_by: row.decided_by,
    decision: row.decision,
    event: row.event_id,
    merge_with: row.merge_with,
    proposal: row.proposal_id,
    reason: row.reason,
    title: row.title,
  };
}

/** Stores the decision and appends it to the log, in the caller's transaction (the proposal's row is locked). */
export async function logDecision(tx: Kysely<EventsTables>, row: EventProposalDecisionsTable, now: Date): Promise<void> {
  await tx.insertInto('event_proposal_decisions').values(row).execute();
  await appendToLog(tx, { kind: decisionLogKind, record: recordOf(row.proposal_id), version: 1, content: content(row), actor: row.decided_by, time: now });
}

async function storedContent(db: Db, record: string, version: number): Promise<unknown | null> {
  const [type, proposalId] = record.split('/');
  if (type !== 'proposal' || !proposalId || version !== 1) return null;
  const row = await eventsDb(db).selectFrom('event_proposal_decisions').selectAll().where('proposal_id', '=', proposalId).executeTakeFirst();
  return row ? content(row) : null;
}

/** /log names each decision by its proposal's title, linking to the event's page (the proposal itself is its proposer's). */
async function describe(db: Db, records: readonly string[]): Promise<Map<string, { title: string; href: string }>> {
  const ids = records.map((r) => r.split('/')[1]).filter((id): id is string => Boolean(id));
  if (!ids.length) return new Map();
  const rows = await eventsDb(db).selectFrom('event_proposal_decisions').innerJoin('events', 'events.id', 'event_proposal_decisions.event_id')
    .select(['event_proposal_decisions.proposal_id', 'event_proposal_decisions.title', 'events.slug']).where('event_proposal_decisions.proposal_id', 'in', ids).execute();
  return new Map(rows.map((row) => [recordOf(row.proposal_id), { title: row.title, href: `/events/${row.slug}/decisions` }]));
}

export const reviewLogKinds: Record<string, LogKind> = { [decisionLogKind]: { label: 'events.decision.log_label', content: storedContent, describe } };
