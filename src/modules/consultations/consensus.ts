/**
 * The consensus call, appeals and following a consultation (docs/decisions/038). The chair judges;
 * the call records, for every objection, what became of it, and goes to the public log with every
 * disposition. Appeals and their answers go there too.
 */
import type { CommandContext, SignedIn } from '../../platform/http/env.ts';
import { lockRow, newId, timestamp, type Db } from '../../platform/db/index.ts';
import { audit } from '../../platform/audit.ts';
import { ok, refuse, type Result } from '../../platform/http/result.ts';
import type { StakeholderTaxonomy } from '../../platform/stakeholders.ts';
import { publicPeople } from '../accounts/index.ts';
import { appealAnswered, appealFiled, consensusCalled, follow, tellFollowers } from './notifications.ts';
import { appealAnsweredKind, appealFiledKind, appealRecord, callRecord, consensusCalledKind, logOutcome } from './outcomes.ts';
import { hasCall, positionsOf } from './positions.ts';
import { dayOf, phaseOn, type Consultation } from './queries.ts';
import { consultationsDb } from './tables.ts';
import { tally, type Tally } from './tally.ts';
import { wholeText, type CallInput, type DispositionInput } from './consensusSchema.ts';

/** The call is recorded in the consensus phase. */
export const mayCall = (phase: string) => phase === 'consensus';

/** The breakdown the chair sees and the call stores: the whole text's tally and each paragraph's with positions. */
export type Breakdown = Array<{ target: string; tally: Tally }>;

export function breakdownOf(taxonomy: StakeholderTaxonomy, positions: ReadonlyArray<{ target: string; stance: string; stakeholder_group: string }>, minimum: number): Breakdown {
  const targets = [wholeText, ...new Set(positions.map((p) => p.target).filter((t) => t !== wholeText))];
  return targets.map((target) => ({ target, tally: tally(taxonomy, positions.filter((p) => p.target === target), minimum) }));
}

/** The last day an appeal may be filed: the call's day plus the consultation's appeal days. */
export function lastAppealDay(calledAt: string, days: number): string {
  const day = new Date(`${calledAt.slice(0, 10)}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + days);
  return dayOf(day);
}

async function linkOk(tx: Db, consultationId: string, published: number, link: string | undefined): Promise<boolean> {
  if (!link) return true;
  const [kind, value] = link.split(':') as [string, string];
  if (kind === 'version') return Number(value) <= published;
  return (await consultationsDb(tx).selectFrom('consultation_amendments').select('id').where('id', '=', value).where('consultation_id', '=', consultationId).executeTakeFirst()) !== undefined;
}

/**
 * A chair records the consensus call: the outcome they judge, its strength in words, the breakdown
 * as shown, and a disposition for every objection. A blocking objection without one holds the call
 * (its own message says so); so does any other objection left out: the record names each.
 */
export async function recordCall(ctx: CommandContext<SignedIn>, consultation: Consultation, input: CallInput, taxonomy: StakeholderTaxonomy): Promise<Result<{ id: string }>> {
  return consultationsDb(ctx.db).transaction().execute(async (tx) => {
    await lockRow(tx, 'consultations', consultation.id);
    const store = consultationsDb(tx);
    const row = await store.selectFrom('consultations').selectAll().where('id', '=', consultation.id).executeTakeFirstOrThrow();
    if (!mayCall(phaseOn(row, dayOf(ctx.now)))) return refuse('consultations.consensus.errors.phase', { status: 409 });
    if (await hasCall(tx, row.id)) return refuse('consultations.consensus.errors.called', { status: 409 });
    const positions = await positionsOf(tx, row.id);
    const objections = positions.filter((p) => p.stance === 'object');
    for (const id of Object.keys(input.dispositions)) {
      if (!objections.some((o) => o.id === id)) return refuse('consultations.consensus.errors.not_an_objection', { status: 409 });
    }
    // Blocking objections first, so the chair reads the message that matters most.
    for (const objection of [...objections].sort((a, b) => Number(b.blocking !== null) - Number(a.blocking !== null))) {
      const disposition = input.dispositions[objection.id];
      if (!disposition) return refuse(objection.blocking ? 'consultations.consensus.errors.blocking_open' : 'consultations.consensus.errors.disposition_missing', { field: `kind_${objection.id}`, values: { name: objection.author.name } });
      if (!(await linkOk(tx, row.id, Number(row.published_version), disposition.link))) return refuse('consultations.consensus.errors.link', { field: `link_${objection.id}` });
    }
    const id = newId();
    const now = timestamp(ctx.now);
    const breakdown = breakdownOf(taxonomy, positions, Number(row.min_per_group));
    await store.insertInto('consultation_calls').values({
      id, consultation_id: row.id, version_number: Number(row.published_version), outcome: input.outcome, strength: input.strength, breakdown: JSON.stringify(breakdown), called_by: ctx.actor.user.id, called_at: now,
    }).execute();
    if (objections.length) {
      await store.insertInto('consultation_dispositions').values(objections.map((o) => dispositionRow(id, o.id, input.dispositions[o.id]!))).execute();
    }
    await logOutcome(tx, {
      kind: consensusCalledKind, record: callRecord(row.id), version: 1, actor: ctx.actor.user.id, now: ctx.now,
      content: {
        consultation: row.id, slug: row.slug, title: row.title, version: Number(row.published_version), outcome: input.outcome, strength: input.strength, breakdown,
        dispositions: objections.map((o) => ({ objection: { position: o.id, by: o.author.name, stakeholder_group: o.stakeholder_group, target: o.target, reason: o.reason, blocking: o.blocking }, ...dispositionContent(input.dispositions[o.id]!) })),
        called_by: ctx.actor.user.id, called_at: now,
      },
    });
    await tellFollowers(ctx, tx, consensusCalled, row.id, { title: row.title }, `/consultations/${row.slug}/record`);
    await audit(tx, ctx.actor, ctx.now, { action: 'consultation.consensus_called', subjectType: 'consultation', subjectId: row.id, isPublic: true, details: { call: id, outcome: input.outcome } });
    return ok({ id });
  });
}

function dispositionRow(callId: string, positionId: string, d: DispositionInput) {
  const [kind, value] = (d.link ?? ':').split(':') as [string, string];
  return { call_id: callId, position_id: positionId, kind: d.kind, amendment_id: kind === 'amendment' ? value : null, version_number: kind === 'version' ? Number(value) : null, text: d.text ?? '' };
}

function dispositionContent(d: DispositionInput) {
  const row = dispositionRow('', '', d);
  return { disposition: d.kind, amendment: row.amendment_id, version: row.version_number, text: row.text };
}

/** Any participant appeals the call within the consultation's appeal days; its chairs and followers hear of it. */
export async function fileAppeal(ctx: CommandContext<SignedIn>, consultation: Consultation, body: string): Promise<Result<{ id: string }>> {
  return consultationsDb(ctx.db).transaction().execute(async (tx) => {
    await lockRow(tx, 'consultations', consultation.id);
    const store = consultationsDb(tx);
    const row = await store.selectFrom('consultations').selectAll().where('id', '=', consultation.id).executeTakeFirstOrThrow();
    const call = await store.selectFrom('consultation_calls').select(['id', 'called_at']).where('consultation_id', '=', row.id).executeTakeFirst();
    if (!call) return refuse('consultations.appeal.errors.no_call', { status: 409 });
    const last = lastAppealDay(call.called_at, Number(row.appeal_days));
    if (dayOf(ctx.now) > last) return refuse('consultations.appeal.errors.late', { status: 409, values: { date: last, days: Number(row.appeal_days) } });
    const id = newId();
    const now = timestamp(ctx.now);
    await store.insertInto('consultation_appeals').values({ id, consultation_id: row.id, call_id: call.id, author_id: ctx.actor.user.id, body, created_at: now, answer: null, answered_by: null, answered_at: null }).execute();
    await logOutcome(tx, {
      kind: appealFiledKind, record: appealRecord(row.id, id), version: 1, actor: ctx.actor.user.id, now: ctx.now,
      content: { consultation: row.id, slug: row.slug, call: call.id, appeal: id, by: ctx.actor.user.name, stakeholder_group: ctx.actor.user.stakeholder_group, body, filed_at: now },
    });
    await follow(tx, row.id, ctx.actor.user.id, now);
    const chairs = consultation.people.filter((p) => p.role === 'chair').map((p) => p.user_id);
    await tellFollowers(ctx, tx, appealFiled, row.id, { title: row.title, by: ctx.actor.user.name }, `/consultations/${row.slug}/record#appeal-${id}`, chairs);
    await audit(tx, ctx.actor, ctx.now, { action: 'consultation.appealed', subjectType: 'consultation', subjectId: row.id, isPublic: true, details: { appeal: id } });
    return ok({ id });
  });
}

/** A chair (or one of the initiative's coordinators) answers an appeal, once. */
export async function answerAppeal(ctx: CommandContext<SignedIn>, consultation: Consultation, appealId: string, answer: string): Promise<Result<{ id: string }>> {
  return consultationsDb(ctx.db).transaction().execute(async (tx) => {
    await lockRow(tx, 'consultation_appeals', appealId);
    const store = consultationsDb(tx);
    const appeal = await store.selectFrom('consultation_appeals').selectAll().where('id', '=', appealId).where('consultation_id', '=', consultation.id).executeTakeFirst();
    if (!appeal) return refuse('consultations.errors.gone', { status: 404 });
    if (appeal.answer !== null) return refuse('consultations.appeal.errors.answered', { status: 409 });
    const now = timestamp(ctx.now);
    await store.updateTable('consultation_appeals').set({ answer, answered_by: ctx.actor.user.id, answered_at: now }).where('id', '=', appealId).execute();
    const author = (await publicPeople(tx, [appeal.author_id])).get(appeal.author_id);
    await logOutcome(tx, {
      kind: appealAnsweredKind, record: appealRecord(consultation.id, appealId), version: 2, actor: ctx.actor.user.id, now: ctx.now,
      content: { consultation: consultation.id, slug: consultation.slug, call: appeal.call_id, appeal: appealId, by: author?.name ?? '', body: appeal.body, filed_at: appeal.created_at, answer, answered_by: ctx.actor.user.name, answered_at: now },
    });
    const path = `/consultations/${consultation.slug}/record#appeal-${appealId}`;
    await tellFollowers(ctx, tx, appealAnswered, consultation.id, { title: consultation.title }, path, [appeal.author_id]);
    await audit(tx, ctx.actor, ctx.now, { action: 'consultation.appeal_answered', subjectType: 'consultation', subjectId: consultation.id, isPublic: true, details: { appeal: appealId } });
    return ok({ id: appealId });
  });
}

/** Follows or stops following a consultation. */
export async function setFollowing(ctx: CommandContext<SignedIn>, consultation: Consultation, following: boolean): Promise<Result<{ following: boolean }>> {
  return consultationsDb(ctx.db).transaction().execute(async (tx) => {
    await lockRow(tx, 'consultations', consultation.id);
    if (following) await follow(tx, consultation.id, ctx.actor.user.id, timestamp(ctx.now));
    else await consultationsDb(tx).deleteFrom('consultation_followers').where('consultation_id', '=', consultation.id).where('user_id', '=', ctx.actor.user.id).execute();
    await audit(tx, ctx.actor, ctx.now, { action: following ? 'consultation.followed' : 'consultation.unfollowed', subjectType: 'consultation', subjectId: consultation.id });
    return ok({ following });
  });
}

export async function isFollowing(db: Db, consultationId: string, userId: string): Promise<boolean> {
  return (await consultationsDb(db).selectFrom('consultation_followers').select('user_id').where('consultation_id', '=', consultationId).where('user_id', '=', userId).executeTakeFirst()) !== undefined;
}

export interface Disposition {
  position_id: string;
  kind: string;
  amendment_id: string | null;
  version_number: number | null;
  text: string;
}

export interface Call {
  id: string;
  version_number: number;
  outcome: string;
  strength: string;
  breakdown: Breakdown;
  called_by: string;
  called_at: string;
  dispositions: Disposition[];
}

export async function callOf(db: Db, consultationId: string): Promise<(Call & { chair: string }) | undefined> {
  const store = consultationsDb(db);
  const row = await store.selectFrom('consultation_calls').selectAll().where('consultation_id', '=', consultationId).executeTakeFirst();
  if (!row) return undefined;
  const dispositions = await store.selectFrom('consultation_dispositions').selectAll().where('call_id', '=', row.id).execute();
  const chair = (await publicPeople(db, [row.called_by])).get(row.called_by)?.name ?? '';
  return {
    id: row.id, version_number: Number(row.version_number), outcome: row.outcome, strength: row.strength, breakdown: JSON.parse(row.breakdown) as Breakdown, called_by: row.called_by, called_at: row.called_at, chair,
    dispositions: dispositions.map((d) => ({ position_id: d.position_id, kind: d.kind, amendment_id: d.amendment_id, version_number: d.version_number === null ? null : Number(d.version_number), text: d.text })),
  };
}

export interface Appeal {
  id: string;
  author: { id: string; name: string; stakeholder_group: string };
  body: string;
  created_at: string;
  answer: string | null;
  answered_by: string | null;
  answered_at: string | null;
}

export async function appealsOf(db: Db, consultationId: string): Promise<Appeal[]> {
  const rows = await consultationsDb(db).selectFrom('consultation_appeals').selectAll().where('consultation_id', '=', consultationId).orderBy('created_at').orderBy('id').execute();
  const people = await publicPeople(db, rows.flatMap((r) => [r.author_id, ...(r.answered_by ? [r.answered_by] : [])]));
  return rows.map((r) => ({
    id: r.id, author: { id: r.author_id, name: people.get(r.author_id)?.name ?? '', stakeholder_group: people.get(r.author_id)?.stakeholder_group ?? '' }, body: r.body, created_at: r.created_at,
    answer: r.answer, answered_by: r.answered_by ? people.get(r.answered_by)?.name ?? '' : null, answered_at: r.answered_at,
  }));
}

/** Where each logged outcome of the consultation sits in the public log. */
export async function logIndexes(db: Db, consultationId: string): Promise<Map<string, number>> {
  const own = `consultation/${consultationId}`;
  // LIKE narrows the rows; the exact prefix check keeps out ids that `_` in the pattern would also match.
  const rows = await consultationsDb(db).selectFrom('consultation_outcomes').select(['record', 'version', 'log_index']).where('record', 'like', `${own}%`).execute();
  return new Map(rows.filter((r) => r.log_index !== null && (r.record === own || r.record.startsWith(`${own}/`))).map((r) => [`${r.record}#${Number(r.version)}`, Number(r.log_index)]));
}
