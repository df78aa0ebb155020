/**
 * Writing, reviewing and publishing session reports (docs/decisions/024). Each command runs in one
 * transaction, locks the report's row when it changes it, and is audited.
 */
import type { CommandContext, SignedIn } from '../../platform/http/env.ts';
import { lockRow, newId, timestamp, type Db } from '../../platform/db/index.ts';
import { audit } from '../../platform/audit.ts';
import { canonicalJson } from '../../platform/log/index.ts';
import { ok, refuse, type Result } from '../../platform/http/result.ts';
import { accountByEmail } from '../accounts/index.ts';
import { findInitiativeBySlug } from '../initiatives/index.ts';
import { sessionsOfEventForReports, type ReportSession } from '../events/index.ts';
import { contentOf, emptyContent, participantRoles, type ReportContent, type ReportSaveInput } from './content.ts';
import { deadlineDays, dueAt, reportOfSession, type Report } from './queries.ts';
import { publishVersion, type ReportSnapshot } from './outcomes.ts';
import { scheduleReminders } from './reminders.ts';
import { reportPolicy } from './policy.ts';
import { reportsDb, type ReportsTable } from './tables.ts';
import { indexRecords } from '../../platform/search/index.ts';
import { reportPublished, reportSentBack, reportSubmitted, tellAboutReport } from './notifications.ts';
import { reportSearch } from './search.ts';
import { refreshArchive } from './archive/refresh.ts';
import { adoptSessionTopics, refreshTopicIndex } from './topics/indexing.ts';
import type { z } from 'zod';
import type { DeadlineSchema, NameRapporteurSchema, ReviewSchema, StandaloneSchema } from './schema.ts';

/** The day a session was held, in its event's zone (YYYY-MM-DD). */
export const dayIn = (instant: string, zone: string) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(instant));

/** The session's people as the report's participants, each with the role they had (organisers are not among the report's roles). */
function participantsOf(session: ReportSession): ReportContent['participants'] {
  return session.people.filter((p) => (participantRoles as readonly string[]).includes(p.role))
    .map((p) => ({ name: p.name, role: p.role, organisation: p.organisation, stakeholder_group: p.stakeholder_group }));
}

/**
 * Starts a session's report, prefilled from the session (title, day, place, language, people),
 * and queues the reminders of its deadline. Starting one that exists answers it.
 */
export async function startReport(ctx: CommandContext<SignedIn>, session: ReportSession): Promise<Result<{ id: string }>> {
  return reportsDb(ctx.db).transaction().execute(async (tx) => {
    const existing = await reportOfSession(tx, session.id);
    if (existing) return ok({ id: existing.id });
    const id = newId();
    const now = timestamp(ctx.now);
    const place = [session.room, session.event.venue_city].filter(Boolean).join(', ');
    await tx.insertInto('reports').values({
      id, session_id: session.id, event_id: session.event.id, initiative_id: session.event.initiative_id, title: session.title,
      held_on: dayIn(session.starts_at ?? now, session.event.time_zone), place: place || null, language: session.original_locale, status: 'draft',
      rapporteur_id: null, content: canonicalJson({ ...emptyContent(), participants: participantsOf(session) }), review_note: null, version: 0,
      created_by: ctx.actor.user.id, created_at: now, updated_at: now,
    }).onConflict((oc) => oc.column('session_id').doNothing()).execute();
    // Another request started it meanwhile: theirs stands.
    const stored = (await reportOfSession(tx, session.id))!;
    if (stored.id !== id) return ok({ id: stored.id });
    await adoptSessionTopics(tx, id, session.id);
    if (session.ends_at) await scheduleReminders(ctx.jobs, tx, ctx.now, id, dueAt(session.ends_at, await deadlineDays(tx, session.event.id)));
    await indexRecords(tx, reportSearch, [id]);
    await audit(tx, ctx.actor, ctx.now, { action: 'report.started', subjectType: 'report', subjectId: id, details: { session: session.id } });
    return ok({ id });
  });
}

/** A report on something held outside the platform's events: its own title, day, place and initiative. */
export async function startStandalone(ctx: CommandContext<SignedIn>, input: z.output<typeof StandaloneSchema>): Promise<Result<{ id: string }>> {
  const initiative = await findInitiativeBySlug(ctx.db, input.initiative);
  if (!initiative) return refuse('reports.errors.unknown_initiative', { field: 'initiative' });
  // The route's check let an unnamed initiative through: the same rule again, now that its committee is known.
  if (!reportPolicy.startStandalone(ctx.actor, { organisers: { committee: initiative.committee } })) return refuse('reports.errors.not_committee', { field: 'initiative' });
  return reportsDb(ctx.db).transaction().execute(async (tx) => {
    const id = newId();
    const now = timestamp(ctx.now);
    await tx.insertInto('reports').values({
      id, session_id: null, event_id: null, initiative_id: initiative.id, title: input.title, held_on: input.held_on, place: input.place ?? null, language: input.language,
      status: 'draft', rapporteur_id: null, content: canonicalJson(emptyContent()), review_note: null, version: 0, created_by: ctx.actor.user.id, created_at: now, updated_at: now,
    }).execute();
    await indexRecords(tx, reportSearch, [id]);
    await audit(tx, ctx.actor, ctx.now, { action: 'report.started', subjectType: 'report', subjectId: id });
    return ok({ id });
  });
}

function snapshotOf(row: Pick<ReportsTable, 'id' | 'session_id' | 'event_id' | 'initiative_id' | 'title' | 'held_on' | 'place' | 'language' | 'content'>): ReportSnapshot {
  return {
    id: row.id, session: row.session_id, event: row.event_id, initiative: row.initiative_id, title: row.title, held_on: row.held_on, place: row.place, language: row.language,
    content: JSON.parse(row.content) as ReportContent,
  };
}

async function lockedRow(tx: Db, id: string) {
  await lockRow(tx, 'reports', id);
  return reportsDb(tx).selectFrom('reports').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * Saves the report. Before publication it is the working text; once published, a change needs a
 * reason and becomes the next version, in the public log with its reason.
 */
export async function saveReport(ctx: CommandContext<SignedIn>, report: Report, input: ReportSaveInput): Promise<Result<{ version: number }>> {
  return reportsDb(ctx.db).transaction().execute(async (tx) => {
    const row = await lockedRow(tx, report.id);
    if (!row) return refuse('reports.errors.gone', { status: 404 });
    // Read under the lock: a report published since the form was loaded needs a reason too.
    if (row.status === 'published' && !input.reason) return refuse('reports.errors.reason_needed', { field: 'reason' });
    const content = canonicalJson(contentOf(input));
    const fields = { title: input.title, held_on: input.held_on, place: input.place ?? null, language: input.language, content };
    let version = Number(row.version);
    if (row.status === 'published') {
      const next = { ...row, ...fields };
      if (canonicalJson(snapshotOf(next)) === canonicalJson(snapshotOf(row))) return refuse('reports.errors.nothing_changed', { status: 409 });
      version += 1;
      await publishVersion(tx, { snapshot: snapshotOf(next), version, reason: input.reason!, actorId: ctx.actor.user.id, now: ctx.now });
    }
    await tx.updateTable('reports').set({ ...fields, version, updated_at: timestamp(ctx.now) }).where('id', '=', report.id).execute();
    // The index and, once published, the archive say what the report now says (the new version's text).
    await indexRecords(tx, reportSearch, [report.id]);
    if (row.status === 'published') await refreshArchive(tx, report.id, ctx.now);
    await refreshTopicIndex(tx, report.id);
    await audit(tx, ctx.actor, ctx.now, { action: row.status === 'published' ? 'report.amended' : 'report.saved', subjectType: 'report', subjectId: report.id, isPublic: row.status === 'published', details: { version } });
    return ok({ version });
  });
}

/** The rapporteur sends the report to the organisers. */
export async function submitReport(ctx: CommandContext<SignedIn>, report: Report): Promise<Result<void>> {
  return reportsDb(ctx.db).transaction().execute(async (tx) => {
    const row = await lockedRow(tx, report.id);
    if (!row) return refuse('reports.errors.gone', { status: 404 });
    if (row.status !== 'draft' && row.status !== 'changes_requested') return refuse(`reports.errors.cannot_submit_${row.status}`, { status: 409 });
    await tx.updateTable('reports').set({ status: 'in_review', updated_at: timestamp(ctx.now) }).where('id', '=', report.id).execute();
    await indexRecords(tx, reportSearch, [report.id]);
    await tellAboutReport(ctx, tx, report, reportSubmitted);
    await audit(tx, ctx.actor, ctx.now, { action: 'report.submitted', subjectType: 'report', subjectId: report.id });
    return ok();
  });
}

/** The organisers send it back with what to change. */
export async function requestChanges(ctx: CommandContext<SignedIn>, report: Report, input: z.output<typeof ReviewSchema>): Promise<Result<void>> {
  return reportsDb(ctx.db).transaction().execute(async (tx) => {
    const row = await lockedRow(tx, report.id);
    if (!row) return refuse('reports.errors.gone', { status: 404 });
    if (row.status !== 'in_review') return refuse('reports.errors.not_in_review', { status: 409 });
    await tx.updateTable('reports').set({ status: 'changes_requested', review_note: input.note, updated_at: timestamp(ctx.now) }).where('id', '=', report.id).execute();
    await indexRecords(tx, reportSearch, [report.id]);
    await tellAboutReport(ctx, tx, report, reportSentBack, { note: input.note });
    await audit(tx, ctx.actor, ctx.now, { action: 'report.changes_requested', subjectType: 'report', subjectId: report.id });
    return ok();
  });
}

/** The organisers publish it: version 1, in the public log. */
export async function publishReport(ctx: CommandContext<SignedIn>, report: Report): Promise<Result<{ version: number }>> {
  return reportsDb(ctx.db).transaction().execute(async (tx) => {
    const row = await lockedRow(tx, report.id);
    if (!row) return refuse('reports.errors.gone', { status: 404 });
    if (row.status === 'published') return refuse('reports.errors.already_published', { status: 409 });
    const content = JSON.parse(row.content) as ReportContent;
    if (!content.summary && content.takeaways.length === 0) return refuse('reports.errors.empty', { status: 422 });
    await publishVersion(tx, { snapshot: snapshotOf(row), version: 1, reason: null, actorId: ctx.actor.user.id, now: ctx.now });
    await tx.updateTable('reports').set({ status: 'published', version: 1, review_note: null, updated_at: timestamp(ctx.now) }).where('id', '=', report.id).execute();
    // Public from now on: in search for everyone, and in the archive, its feeds and exports.
    await indexRecords(tx, reportSearch, [report.id]);
    await refreshArchive(tx, report.id, ctx.now);
    await tellAboutReport(ctx, tx, report, reportPublished);
    await refreshTopicIndex(tx, report.id);
    await audit(tx, ctx.actor, ctx.now, { action: 'report.published', subjectType: 'report', subjectId: report.id, isPublic: true, details: { version: 1 } });
    return ok({ version: 1 });
  });
}

/** The organisers name who drafts it (an account, by its address). */
export async function nameRapporteur(ctx: CommandContext<SignedIn>, report: Report, input: z.output<typeof NameRapporteurSchema>): Promise<Result<void>> {
  const account = await accountByEmail(ctx.db, input.email);
  if (!account || !account.verified) return refuse('reports.errors.no_such_account', { field: 'email' });
  return reportsDb(ctx.db).transaction().execute(async (tx) => {
    await lockRow(tx, 'reports', report.id);
    await tx.updateTable('reports').set({ rapporteur_id: account.id, updated_at: timestamp(ctx.now) }).where('id', '=', report.id).execute();
    await audit(tx, ctx.actor, ctx.now, { action: 'report.rapporteur_named', subjectType: 'report', subjectId: report.id });
    return ok();
  });
}

/** An event's deadline in days after each session; the reminders of its unpublished reports move with it. */
export async function setDeadline(ctx: CommandContext<SignedIn>, event: { id: string }, input: z.output<typeof DeadlineSchema>): Promise<Result<void>> {
  return reportsDb(ctx.db).transaction().execute(async (tx) => {
    const now = timestamp(ctx.now);
    await tx.insertInto('report_deadlines').values({ event_id: event.id, days: input.days, updated_at: now })
      .onConflict((oc) => oc.column('event_id').doUpdateSet({ days: input.days, updated_at: now })).execute();
    const open = await tx.selectFrom('reports').select(['id', 'session_id']).where('event_id', '=', event.id).where('status', '!=', 'published').execute();
    const sessions = await sessionsOfEventForReports(tx, event.id);
    const endOf = new Map(sessions.map((s) => [s.id, s.ends_at]));
    for (const { id, session_id } of open) {
      const ends = session_id ? endOf.get(session_id) : null;
      if (ends) await scheduleReminders(ctx.jobs, tx, ctx.now, id, dueAt(ends, input.days));
    }
    await audit(tx, ctx.actor, ctx.now, { action: 'report.deadline_set', subjectType: 'event', subjectId: event.id, details: { days: input.days } });
    return ok();
  });
}
