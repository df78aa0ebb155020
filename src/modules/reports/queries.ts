import type { Db } from '../../platform/db/index.ts';
import { committeeOf, initiativeNames } from '../initiatives/index.ts';
import { peopleOfEndedSessions, sessionForReport, type PersonRef, type ReportSession } from '../events/index.ts';
import { readContent, type ReportContent } from './content.ts';
import { reportsDb, type ReportsTable } from './tables.ts';
import type { ReportSubject } from './policy.ts';

/** Reports are due this many days after their session ends, unless the event says otherwise. */
export const defaultDeadlineDays = 14;
const dayMs = 86_400_000;

export interface Report extends Omit<ReportsTable, 'content' | 'version'>, ReportSubject {
  version: number;
  content: ReportContent;
  session: ReportSession | null;
  initiative: { id: string; slug: string; name: string };
  /** When it is due (a session's report only). */
  due_at: string | null;
}

/** When a session's report is due: `days` after it ends. */
export const dueAt = (endsAt: string, days: number) => new Date(Date.parse(endsAt) + days * dayMs).toISOString();

export async function deadlineDays(db: Db, eventId: string | null): Promise<number> {
  if (!eventId) return defaultDeadlineDays;
  const row = await reportsDb(db).selectFrom('report_deadlines').select('days').where('event_id', '=', eventId).executeTakeFirst();
  return row ? Number(row.days) : defaultDeadlineDays;
}

/** Each event's deadline in days (the default for those that set none). */
export async function deadlinesOf(db: Db, eventIds: readonly string[]): Promise<Map<string, number>> {
  const rows = eventIds.length ? await reportsDb(db).selectFrom('report_deadlines').select(['event_id', 'days']).where('event_id', 'in', [...new Set(eventIds)]).execute() : [];
  const set = new Map(rows.map((r) => [r.event_id, Number(r.days)]));
  return new Map(eventIds.map((id) => [id, set.get(id) ?? defaultDeadlineDays]));
}

/** Who may draft a session's report: its rapporteurs with an account, and whoever the organisers named. */
export const draftersOf = (session: ReportSession | null | undefined, named: string | null) =>
  [...new Set([...(session?.people ?? []).filter((p) => p.role === 'rapporteur' && p.user_id).map((p) => p.user_id!), ...(named ? [named] : [])])];

/** A report with what its rules and pages need: its session, organisers and drafters. */
export async function findReport(db: Db, id: string): Promise<Report | undefined> {
  const row = await reportsDb(db).selectFrom('reports').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  const session = row.session_id ? ((await sessionForReport(db, row.session_id)) ?? null) : null;
  const [committee, names, days] = await Promise.all([committeeOf(db, row.initiative_id), initiativeNames(db, [row.initiative_id]), deadlineDays(db, row.event_id)]);
  const initiative = names.get(row.initiative_id);
  return {
    ...row, version: Number(row.version), content: readContent(row.content), session,
    organisers: { committee }, drafters: draftersOf(session, row.rapporteur_id),
    initiative: { id: row.initiative_id, slug: initiative?.slug ?? '', name: initiative?.name ?? '' },
    due_at: session?.ends_at ? dueAt(session.ends_at, days) : null,
  };
}

export async function reportOfSession(db: Db, sessionId: string): Promise<{ id: string; status: string } | undefined> {
  return reportsDb(db).selectFrom('reports').select(['id', 'status']).where('session_id', '=', sessionId).executeTakeFirst();
}

export interface VersionRow {
  version: number;
  snapshot: string;
  snapshot_sha256: string;
  reason: string | null;
  published_at: string;
}

/** Every published version, oldest first. */
export async function versionsOf(db: Db, reportId: string): Promise<VersionRow[]> {
  const rows = await reportsDb(db).selectFrom('report_versions').select(['version', 'snapshot', 'snapshot_sha256', 'reason', 'published_at'])
    .where('report_id', '=', reportId).orderBy('version').execute();
  return rows.map((r) => ({ ...r, version: Number(r.version) }));
}

/** The reports of an event's sessions, by session. */
export async function reportsOfEvent(db: Db, eventId: string): Promise<Map<string, { id: string; status: string; version: number }>> {
  const rows = await reportsDb(db).selectFrom('reports').select(['id', 'status', 'version', 'session_id']).where('event_id', '=', eventId).execute();
  return new Map(rows.filter((r) => r.session_id).map((r) => [r.session_id!, { id: r.id, status: r.status, version: Number(r.version) }]));
}

/** The reports this account drafts (named by the organisers, or the session's rapporteur) or started. */
export async function reportsOf(db: Db, userId: string, sessionIds: readonly string[]) {
  let query = reportsDb(db).selectFrom('reports').select(['id', 'title', 'status', 'session_id']).where((eb) => eb.or([
    eb('rapporteur_id', '=', userId), eb('created_by', '=', userId), ...(sessionIds.length ? [eb('session_id', 'in', [...sessionIds])] : []),
  ]));
  query = query.orderBy('updated_at', 'desc').orderBy('id');
  return query.execute();
}

/**
 * The session organisers (people with the role organiser) whose reports are overdue as of `now`:
 * sessions ended more than their event's deadline ago with no published report. What the events
 * call's screening rule `reports_filed` checks proposals' organisers against.
 */
export async function overdueReportOrganisers(db: Db, now: Date): Promise<PersonRef[]> {
  const organisers = await peopleOfEndedSessions(db, now.toISOString(), 'organiser');
  if (organisers.length === 0) return [];
  const eventIds = [...new Set(organisers.map((p) => p.event_id))];
  const reports = reportsDb(db);
  const [published, deadlines] = await Promise.all([
    reports.selectFrom('reports').select('session_id').where('status', '=', 'published').where('event_id', 'in', eventIds).execute(),
    reports.selectFrom('report_deadlines').select(['event_id', 'days']).where('event_id', 'in', eventIds).execute(),
  ]);
  const done = new Set(published.map((r) => r.session_id));
  const days = new Map(deadlines.map((d) => [d.event_id, Number(d.days)]));
  return organisers
    .filter((p) => !done.has(p.session_id) && dueAt(p.ends_at, days.get(p.event_id) ?? defaultDeadlineDays) < now.toISOString())
    .map((p) => ({ id: p.user_id, name: p.name, organisation: p.organisation }));
}

/** How many session reports each of these initiatives has published (its own, standalone ones included); those with none are absent. */
export async function publishedReportCounts(db: Db, initiativeIds: readonly string[]): Promise<Map<string, number>> {
  if (initiativeIds.length === 0) return new Map();
  const rows = await reportsDb(db).selectFrom('reports').select(['initiative_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('initiative_id', 'in', [...new Set(initiativeIds)]).where('status', '=', 'published')
    .groupBy('initiative_id').execute();
  return new Map(rows.map((r) => [r.initiative_id, Number(r.n)]));
}

/** A call to action of a published report, by its anchor (what other modules cite: action plans' items, docs/decisions/030). */
export interface CitedCallToAction {
  report: { id: string; title: string; initiative_id: string };
  anchor: string;
  who: string;
  what: string;
}

/** The published calls to action these (report, anchor) pairs name; drafts and unknown anchors are left out. */
export async function publishedCallsToAction(db: Db, refs: ReadonlyArray<{ report: string; anchor: string }>): Promise<Map<string, CitedCallToAction>> {
  const found = new Map<string, CitedCallToAction>();
  const ids = [...new Set(refs.map((r) => r.report))];
  if (ids.length === 0) return found;
  const rows = await reportsDb(db).selectFrom('reports').select(['id', 'title', 'initiative_id', 'content']).where('id', 'in', ids).where('status', '=', 'published').execute();
  for (const row of rows) {
    for (const call of readContent(row.content).calls_to_action) {
      found.set(`${row.id}#${call.id}`, { report: { id: row.id, title: row.title, initiative_id: row.initiative_id }, anchor: call.id, who: call.who, what: call.what });
    }
  }
  return new Map([...found].filter(([key]) => refs.some((r) => `${r.report}#${r.anchor}` === key)));
}
