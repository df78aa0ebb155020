import type { Kysely } from 'kysely';
import type { CommandContext, SignedIn } from '../../../platform/http/env.ts';
import { lockRow, newId, serializeOn, timestamp } from '../../../platform/db/index.ts';
import { audit } from '../../../platform/audit.ts';
import { indexRecords } from '../../../platform/search/index.ts';
import { ok, refuse, type Result } from '../../../platform/http/result.ts';
import type { StakeholderTaxonomy } from '../../../platform/stakeholders.ts';
import { fromLocalInput } from '../time.ts';
import { eventsDb, type EventsTables } from '../tables.ts';
import type { CallInput, PersonInput, ProposalInput } from './schema.ts';
import { callState, findCall, type Call } from './queries.ts';
import { draftOfInput, screenProposal, screeningFor, type Screening } from './screening.ts';
import { proposalSearch } from './search.ts';
import { maxQuestions, maxTracks } from './vocabulary.ts';
import { windowsInEvent, writeWindows } from '../availability/store.ts';
import type { Interval } from '../domain/types.ts';

interface EventOfCall {
  id: string;
  time_zone: string;
  ends_at: string;
}

/** The call's dates as instants, or the refusal naming the field that is wrong. */
function callDates(event: EventOfCall, input: CallInput): Result<{ opens: string; closes: string }> {
  const opens = fromLocalInput(input.opens, event.time_zone);
  const closes = fromLocalInput(input.closes, event.time_zone);
  if (!opens) return refuse('events.errors.no_such_time', { field: 'opens' });
  if (!closes) return refuse('events.errors.no_such_time', { field: 'closes' });
  if (closes <= opens) return refuse('events.call.errors.close_before_open', { field: 'closes' });
  // Proposals are for the program: a call still open when the event is over has nothing to fill.
  if (closes > event.ends_at) return refuse('events.call.errors.close_after_event', { field: 'closes' });
  return ok({ opens, closes });
}

/** Keeps, renames, removes and adds rows of a list the form shows whole (tracks, questions): a row left blank is removed. */
async function saveRows<Row extends { id?: string | undefined }>(
  existing: ReadonlySet<string>,
  rows: readonly Row[],
  text: (row: Row) => string | undefined,
  write: { update: (id: string, row: Row, position: number) => Promise<void>; insert: (row: Row, position: number) => Promise<void>; remove: (ids: string[]) => Promise<void> },
): Promise<void> {
  const kept = new Set<string>();
  let position = 0;
  for (const row of rows) {
    if (!text(row)) continue;
    if (row.id && existing.has(row.id) && !kept.has(row.id)) {
      kept.add(row.id);
      await write.update(row.id, row, position++);
    } else {
      await write.insert(row, position++);
    }
  }
  const removed = [...existing].filter((id) => !kept.has(id));
  if (removed.length) await write.remove(removed);
}

/**
 * Opens or changes an event's call: its dates (wall-clock times in the event's zone), the rules'
 * thresholds, the formats offered and how long each lasts, the tracks and the extra questions. A
 * removed track leaves the proposals that chose it without a track; a removed question takes its answers.
 */
export async function saveCall(ctx: CommandContext<SignedIn>, event: EventOfCall, input: CallInput): Promise<Result<void>> {
  const dates = callDates(event, input);
  if (!dates.ok) return dates;
  if (input.tracks.filter((r) => r.name).length > maxTracks) return refuse('events.call.errors.too_many_tracks', { field: 'tracks', values: { max: maxTracks } });
  if (input.questions.filter((r) => r.question).length > maxQuestions) return refuse('events.call.errors.too_many_questions', { field: 'questions', values: { max: maxQuestions } });
  return eventsDb(ctx.db).transaction().execute(async (tx) => {
    await lockRow(tx, 'events', event.id);
    const now = timestamp(ctx.now);
    const settings = {
      opens_at: dates.value.opens, closes_at: dates.value.closes, min_speakers: input.min_speakers, min_stakeholder_groups: input.min_stakeholder_groups,
      max_sessions_per_speaker: input.max_sessions_per_speaker, updated_at: now,
    };
    const existing = await tx.selectFrom('event_calls').select('event_id').where('event_id', '=', event.id).executeTakeFirst();
    if (existing) await tx.updateTable('event_calls').set(settings).where('event_id', '=', event.id).execute();
    else await tx.insertInto('event_calls').values({ event_id: event.id, ...settings, anonymous_review: 0, created_at: now }).execute();

    await tx.deleteFrom('event_session_formats').where('event_id', '=', event.id).execute();
    const offered = input.formats.filter((f) => f.offered);
    await tx.insertInto('event_session_formats').values(offered.map((f) => ({ event_id: event.id, format: f.format, duration_minutes: f.duration! }))).execute();

    const tracks = new Set((await tx.selectFrom('event_tracks').select('id').where('event_id', '=', event.id).execute()).map((r) => r.id));
    await saveRows(tracks, input.tracks, (r) => r.name, {
      update: async (id, row, position) => void (await tx.updateTable('event_tracks').set({ name: row.name!, position }).where('id', '=', id).execute()),
      insert: async (row, position) => void (await tx.insertInto('event_tracks').values({ id: newId(), event_id: event.id, name: row.name!, description: null, position }).execute()),
      remove: async (ids) => void (await tx.deleteFrom('event_tracks').where('id', 'in', ids).execute()),
    });
    const questions = new Set((await tx.selectFrom('event_call_questions').select('id').where('event_id', '=', event.id).execute()).map((r) => r.id));
    await saveRows(questions, input.questions, (r) => r.question, {
      update: async (id, row, position) =>
        void (await tx.updateTable('event_call_questions').set({ question: row.question!, required: row.required ? 1 : 0, position }).where('id', '=', id).execute()),
      insert: async (row, position) =>
        void (await tx.insertInto('event_call_questions').values({ id: newId(), event_id: event.id, question: row.question!, required: row.required ? 1 : 0, position }).execute()),
      remove: async (ids) => void (await tx.deleteFrom('event_call_questions').where('id', 'in', ids).execute()),
    });
    await tx.updateTable('events').set({ updated_at: now }).where('id', '=', event.id).execute();
    await audit(tx, ctx.actor, ctx.now, { action: existing ? 'event.call_updated' : 'event.call_opened', subjectType: 'event', subjectId: event.id });
    return ok();
  });
}

/** What a proposal is checked against: the event's call and how stakeholder groups are counted. */
export interface ProposalTarget {
  /** Its zone and dates read the speakers' stated availability. */
  event: { id: string; time_zone: string; starts_at: string; ends_at: string };
  call: Call;
  taxonomy: StakeholderTaxonomy;
}

export type ProposalIntent = 'draft' | 'submit';

/** Whether the input fits the call: an offered format, one of its tracks, and (to submit) its required questions answered. */
function fitsCall(call: Call, input: ProposalInput, intent: ProposalIntent): Result<void> {
  if (!call.formats.some((f) => f.format === input.format)) return refuse('events.proposals.errors.format_not_offered', { field: 'format' });
  if (input.track && !call.tracks.some((t) => t.id === input.track)) return refuse('common.errors.invalid_choice', { field: 'track' });
  if (intent === 'submit') {
    if (!input.track && call.tracks.length > 0) return refuse('events.proposals.errors.track_needed', { field: 'track' });
    const unanswered = call.questions.find((q) => q.required && !input.answers[q.id]);
    if (unanswered) return refuse('events.proposals.errors.answer_needed', { field: `answer_${unanswered.id}` });
  }
  return ok();
}

/** Refuses writes outside the call's dates: proposals are written and edited while it is open. */
function whileOpen(call: Call, now: Date): Result<void> {
  const state = callState(call, timestamp(now));
  if (state === 'upcoming') return refuse('events.proposals.errors.call_not_open', { status: 409 });
  if (state === 'closed') return refuse('events.proposals.errors.call_closed', { status: 409 });
  return ok();
}

/** The speakers' stated windows as instants within the event's days; a refusal lands on the speaker's row. */
const speakerWindows = (target: ProposalTarget, input: ProposalInput): Result<Interval[][]> =>
  windowsInEvent(target.event, input.speakers, (i) => `speakers.${i}.availability`);

async function writePeople(tx: Kysely<EventsTables>, proposalId: string, input: ProposalInput, windows: Interval[][]): Promise<void> {
  await tx.deleteFrom('event_proposal_people').where('proposal_id', '=', proposalId).execute();
  const base = (role: string, p: PersonInput, position: number) => ({
    id: newId(), proposal_id: proposalId, role, user_id: null, name: p.name!, organisation: p.organisation ?? null, stakeholder_group: null, country: null,
    gender: null, presence: null, confirmed: 0, position,
  });
  const rows = [
    ...input.organisers.filter((o) => o.name).map((o, i) => base('organiser', o, i)),
    ...input.speakers.filter((s) => s.name).map((s, i) => ({
      ...base('speaker', s, i), stakeholder_group: s.stakeholder_group ?? null, country: s.country ?? null, gender: s.gender ?? null, presence: s.presence ?? null, confirmed: s.confirmed ? 1 : 0,
    })),
    ...(['moderator', 'online_moderator', 'rapporteur'] as const).flatMap((role) => (input[role]?.name ? [base(role, input[role]!, 0)] : [])),
  ];
  if (rows.length) await tx.insertInto('event_proposal_people').values(rows).execute();
  // The speakers' rows, in the order written, are those with a name, as are their windows.
  const speakers = rows.filter((r) => r.role === 'speaker');
  const stated = input.speakers.map((s, i) => ({ s, windows: windows[i] ?? [] })).filter(({ s }) => s.name);
  await writeWindows(tx, 'proposal', speakers.map((row, i) => ({ personId: row.id, windows: stated[i]!.windows })));
}

async function writeAnswers(tx: Kysely<EventsTables>, proposalId: string, call: Call, input: ProposalInput): Promise<void> {
  await tx.deleteFrom('event_proposal_answers').where('proposal_id', '=', proposalId).execute();
  // Only the call's questions are kept: an answer to an unknown one is not stored.
  const rows = call.questions.flatMap((q) => (input.answers[q.id] ? [{ proposal_id: proposalId, question_id: q.id, answer: input.answers[q.id]! }] : []));
  if (rows.length) await tx.insertInto('event_proposal_answers').values(rows).execute();
}

/**
 * The checks every save of a proposal makes before writing: the call is open, the input fits it,
 * and a submission passes the screening rules (the IGF refuses proposals that do not: the refusal
 * carries the screening, so the page and the API show which rules failed).
 */
async function checkProposal(ctx: CommandContext<SignedIn>, target: ProposalTarget, input: ProposalInput, intent: ProposalIntent, id?: string): Promise<Result<Screening>> {
  const open = whileOpen(target.call, ctx.now);
  if (!open.ok) return open;
  const fits = fitsCall(target.call, input, intent);
  if (!fits.ok) return fits;
  const screening = screenProposal(draftOfInput(input, id), await screeningFor(ctx.db, target.call, target.taxonomy, ctx.now));
  if (intent === 'submit' && !screening.passed) return refuse('events.proposals.errors.screening_failed', { status: 422, extensions: { screening } });
  return ok(screening);
}

/**
 * Inside the write's transaction, a submission is screened again with the event's sessions as they
 * are now, the event's submissions one at a time: two proposals naming the same busy speaker, sent
 * at once, cannot both pass the speaker_sessions rule on a count that includes neither.
 */
async function stillPasses(tx: Kysely<EventsTables>, now: Date, target: ProposalTarget, input: ProposalInput, id?: string): Promise<Result<void>> {
  await serializeOn(tx, `events.submissions.${target.event.id}`);
  const screening = screenProposal(draftOfInput(input, id), await screeningFor(tx, target.call, target.taxonomy, now));
  return screening.passed ? ok() : refuse('events.proposals.errors.screening_failed', { status: 422, extensions: { screening } });
}

const columns = (input: ProposalInput) => ({
  title: input.title, description: input.description, policy_questions: input.policy_questions ?? null, original_locale: input.language,
  format: input.format, track_id: input.track ?? null, modality: input.modality,
});

/** A new proposal, kept as a draft or submitted at once. */
export async function createProposal(ctx: CommandContext<SignedIn>, target: ProposalTarget, input: ProposalInput, intent: ProposalIntent): Promise<Result<{ id: string }>> {
  const checked = await checkProposal(ctx, target, input, intent);
  if (!checked.ok) return checked;
  const windows = speakerWindows(target, input);
  if (!windows.ok) return windows;
  return eventsDb(ctx.db).transaction().execute(async (tx) => {
    if (intent === 'submit') {
      const passes = await stillPasses(tx, ctx.now, target, input);
      if (!passes.ok) return passes;
    }
    const id = newId();
    const now = timestamp(ctx.now);
    await tx.insertInto('event_proposals').values({
      id, event_id: target.event.id, proposer_id: ctx.actor.user.id, ...columns(input), status: intent === 'submit' ? 'submitted' : 'draft', version: 1,
      submitted_at: intent === 'submit' ? now : null, withdrawn_at: null, created_at: now, updated_at: now,
    }).execute();
    await writePeople(tx, id, input, windows.value);
    await writeAnswers(tx, id, target.call, input);
    await audit(tx, ctx.actor, ctx.now, { action: intent === 'submit' ? 'proposal.submitted' : 'proposal.created', subjectType: 'event_proposal', subjectId: id });
    await indexRecords(tx, proposalSearch, [id]);
    return ok({ id });
  });
}

/**
 * Saves a proposal's edits while the call is open. A submitted proposal stays submitted, so its
 * edits must pass the rules too. The form carries the version it was opened at: of two saves of
 * the same version (a double click, two tabs) the first writes and the second is told it changed.
 */
export async function updateProposal(ctx: CommandContext<SignedIn>, target: ProposalTarget, proposalId: string, input: ProposalInput, intent: ProposalIntent): Promise<Result<{ id: string }>> {
  const current = await eventsDb(ctx.db).selectFrom('event_proposals').select('status').where('id', '=', proposalId).executeTakeFirst();
  if (!current) return refuse('events.proposals.errors.gone', { status: 404 });
  const effective: ProposalIntent = current.status === 'submitted' ? 'submit' : intent;
  const checked = await checkProposal(ctx, target, input, effective, proposalId);
  if (!checked.ok) return checked;
  const windows = speakerWindows(target, input);
  if (!windows.ok) return windows;
  return eventsDb(ctx.db).transaction().execute(async (tx) => {
    await lockRow(tx, 'event_proposals', proposalId);
    const row = await tx.selectFrom('event_proposals').select(['status', 'version', 'submitted_at']).where('id', '=', proposalId).executeTakeFirst();
    if (!row) return refuse('events.proposals.errors.gone', { status: 404 });
    if (row.status !== 'draft' && row.status !== 'submitted') return refuse(`events.proposals.errors.not_editable`, { status: 409 });
    if (row.status !== current.status || (input.version !== undefined && input.version !== Number(row.version))) {
      return refuse('events.proposals.errors.changed', { status: 409 });
    }
    if (effective === 'submit') {
      const passes = await stillPasses(tx, ctx.now, target, input, proposalId);
      if (!passes.ok) return passes;
    }
    const now = timestamp(ctx.now);
    const submitting = effective === 'submit' && row.status === 'draft';
    await tx.updateTable('event_proposals').set({
      ...columns(input), status: effective === 'submit' ? 'submitted' : 'draft', version: Number(row.version) + 1,
      submitted_at: row.submitted_at ?? (submitting ? now : null), updated_at: now,
    }).where('id', '=', proposalId).execute();
    await writePeople(tx, proposalId, input, windows.value);
    await writeAnswers(tx, proposalId, target.call, input);
    await audit(tx, ctx.actor, ctx.now, { action: submitting ? 'proposal.submitted' : 'proposal.updated', subjectType: 'event_proposal', subjectId: proposalId });
    await indexRecords(tx, proposalSearch, [proposalId]);
    return ok({ id: proposalId });
  });
}

/** Withdraws a draft or a submitted proposal, at any time before a decision; it stays visible to its proposer. */
export async function withdrawProposal(ctx: CommandContext<SignedIn>, proposalId: string): Promise<Result<void>> {
  return eventsDb(ctx.db).transaction().execute(async (tx) => {
    await lockRow(tx, 'event_proposals', proposalId);
    const row = await tx.selectFrom('event_proposals').select(['status', 'version']).where('id', '=', proposalId).executeTakeFirst();
    if (!row) return refuse('events.proposals.errors.gone', { status: 404 });
    if (row.status !== 'draft' && row.status !== 'submitted') return refuse('events.proposals.errors.not_withdrawable', { status: 409 });
    const now = timestamp(ctx.now);
    await tx.updateTable('event_proposals').set({ status: 'withdrawn', withdrawn_at: now, updated_at: now, version: Number(row.version) + 1 }).where('id', '=', proposalId).execute();
    await audit(tx, ctx.actor, ctx.now, { action: 'proposal.withdrawn', subjectType: 'event_proposal', subjectId: proposalId });
    await indexRecords(tx, proposalSearch, [proposalId]);
    return ok();
  });
}

export { findCall };
