import type { Db } from '../../../platform/db/index.ts';
import { publicPeople } from '../../accounts/index.ts';
import { defaultCriteria } from '../domain/review.ts';
import type { Criterion } from '../domain/types.ts';
import { eventsDb } from '../tables.ts';

export interface Member {
  id: string;
  user_id: string;
  name: string;
  stakeholder_group: string;
  is_chair: boolean;
  organisations: string[];
}

/** The event's programme committee, chair first, then by name. */
/** Who sits on the committee and who chairs it: what the policy's rules read, without names. */
export async function committeeSeats(db: Db, eventId: string): Promise<Array<{ user_id: string; is_chair: boolean }>> {
  const rows = await eventsDb(db).selectFrom('event_review_members').select(['user_id', 'is_chair']).where('event_id', '=', eventId).execute();
  return rows.map((r) => ({ user_id: r.user_id, is_chair: Number(r.is_chair) === 1 }));
}

export async function membersOf(db: Db, eventId: string): Promise<Member[]> {
  const rows = await eventsDb(db).selectFrom('event_review_members').selectAll().where('event_id', '=', eventId).orderBy('created_at').orderBy('id').execute();
  const people = await publicPeople(db, rows.map((r) => r.user_id));
  return rows
    .map((r) => ({
      id: r.id, user_id: r.user_id, name: people.get(r.user_id)?.name ?? '', stakeholder_group: r.stakeholder_group, is_chair: Number(r.is_chair) === 1,
      organisations: (r.organisations ?? '').split('\n').map((o) => o.trim()).filter(Boolean),
    }))
    .sort((a, b) => Number(b.is_chair) - Number(a.is_chair) || a.name.localeCompare(b.name));
}

/** A criterion of an event: one of the four defaults (labels null: named by the catalogs), or one of the committee's own. */
export interface EventCriterion extends Criterion {
  /** The label as typed, per working language; null for the defaults. */
  labels: Record<string, string> | null;
}

const defaults = (): EventCriterion[] => defaultCriteria.map((c) => ({ ...c, labels: null }));

/** Every criterion of the event with its weight (0 for those left out), in order: the four defaults until the organisers change them. */
export async function eventCriteria(db: Db, eventId: string): Promise<EventCriterion[]> {
  const rows = await eventsDb(db).selectFrom('event_review_criteria').selectAll().where('event_id', '=', eventId).orderBy('position').orderBy('criterion').execute();
  if (rows.length === 0) return defaults();
  return rows.map((r) => ({ key: r.criterion, weight: Number(r.weight), labels: r.labels ? (JSON.parse(r.labels) as Record<string, string>) : null }));
}

/**
 * The criteria the event weighs (weight > 0), in order. Scores a review holds for any other key
 * (a criterion removed or left out since) are not read: they stay stored, and count again if
 * the criterion comes back.
 */
export async function criteriaOf(db: Db, eventId: string): Promise<EventCriterion[]> {
  return (await eventCriteria(db, eventId)).filter((c) => c.weight > 0);
}

/**
 * A criterion's name for a reader: the catalog's for the four defaults; for the committee's own,
 * the label as typed in the reader's language, else in the first language it was typed in.
 */
export function criterionLabel(criterion: Pick<EventCriterion, 'key' | 'labels'>, t: (key: string) => string, locale: string): string {
  if (!criterion.labels) return t(`events.review.criteria.${criterion.key}`);
  return criterion.labels[locale] ?? Object.values(criterion.labels)[0] ?? criterion.key;
}

/** Who reviews which proposal: proposal id → member ids. */
export async function assignmentsOf(db: Db, eventId: string): Promise<Map<string, string[]>> {
  const rows = await eventsDb(db).selectFrom('event_review_assignments').select(['proposal_id', 'member_id']).where('event_id', '=', eventId).execute();
  const map = new Map<string, string[]>();
  for (const r of rows) map.set(r.proposal_id, [...(map.get(r.proposal_id) ?? []), r.member_id]);
  return map;
}

export interface StoredReview {
  proposal_id: string;
  member_id: string;
  scores: Record<string, number>;
  comment: string | null;
  private_note: string | null;
  updated_at: string;
}

/** The reviews of an event's proposals (or of one proposal). */
export async function reviewsOf(db: Db, eventId: string, proposalId?: string): Promise<StoredReview[]> {
  let query = eventsDb(db)
    .selectFrom('event_reviews')
    .innerJoin('event_proposals', 'event_proposals.id', 'event_reviews.proposal_id')
    .select(['event_reviews.proposal_id', 'event_reviews.member_id', 'event_reviews.scores', 'event_reviews.comment', 'event_reviews.private_note', 'event_reviews.updated_at'])
    .where('event_proposals.event_id', '=', eventId);
  if (proposalId) query = query.where('event_reviews.proposal_id', '=', proposalId);
  const rows = await query.orderBy('event_reviews.created_at').execute();
  return rows.map((r) => ({ ...r, scores: JSON.parse(r.scores) as Record<string, number> }));
}

/** The chair's decision on a proposal, if any. */
export function decisionOf(db: Db, proposalId: string) {
  return eventsDb(db).selectFrom('event_proposal_decisions').selectAll().where('proposal_id', '=', proposalId).executeTakeFirst();
}
