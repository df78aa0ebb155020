/**
 * `cabildo import report` and the demo seed, between the file and the database: parse, find
 * where the report goes, build its content, store it as a draft in one transaction. Any refusal
 * comes before the transaction writes, so a refused import leaves nothing behind.
 */
import { newId, timestamp, type Db } from '../../../platform/db/index.ts';
import { audit } from '../../../platform/audit.ts';
import { canonicalJson } from '../../../platform/log/index.ts';
import { translate, type Locale } from '../../../platform/i18n/index.ts';
import type { JobQueue } from '../../../platform/jobs/index.ts';
import { findInitiativeBySlug } from '../../initiatives/index.ts';
import type { ReportSession } from '../../events/index.ts';
import { dayIn } from '../commands.ts';
import { deadlineDays, dueAt, reportOfSession } from '../queries.ts';
import { scheduleReminders } from '../reminders.ts';
import { reportsDb } from '../tables.ts';
import { reportSearch } from '../search.ts';
import { indexRecords } from '../../../platform/search/index.ts';
import { ReportFieldsSchema, type ReportContent } from '../content.ts';
import { parseRelatoria } from './parse.ts';
import { ensureImportCatalogs } from './catalogs.ts';
import { draftContent, type DraftParticipant, type DraftRefusal } from './draft.ts';
import { findSession, type SessionChoice } from './target.ts';
import type { ImportFailure, ImportedReport, ReportLanguage } from './types.ts';
import { adoptSessionTopics } from '../topics/indexing.ts';

export interface ImportRequest {
  /** The file's bytes (invalid UTF-8 is found and its line named). */
  bytes: Uint8Array;
  /** A session (by id, or in an event), or a standalone report's initiative and what the file may not say. */
  target: SessionChoice | { initiative: string; title?: string | undefined; date?: string | undefined; place?: string | undefined };
  /** The report's language when the caller knows it; else read from the text. */
  language?: ReportLanguage | undefined;
}

/** What was stored, for the command to say what it guessed. */
export interface Imported {
  id: string;
  report: ImportedReport;
  session: ReportSession | null;
  /** A standalone report's initiative, by name. */
  initiativeName: string | null;
  title: { value: string; from: 'file' | 'session' | 'given' };
  date: { value: string; from: 'file' | 'session' | 'given'; file: string | null };
  participants: DraftParticipant[];
  content: ReportContent;
  /** How many calls to action did not say who should act, and what stands in their place. */
  unnamedCalls: number;
  unknownWho: string;
}

export type ImportOutcome = { ok: true; imported: Imported } | { ok: false; failure: ImportFailure } | { ok: false; refusal: DraftRefusal };

export interface ImportContext {
  db: Db;
  now: Date;
  /** Queues the deadline's reminders; none for the demo seed, whose forum ended long ago. */
  jobs: JobQueue | null;
}

const refused = (key: string, values: DraftRefusal['values'] = {}): ImportOutcome => ({ ok: false, refusal: { key, values } });

type Fields = { title: string; held_on: string; place: string | null; language: string };

/** The report's own fields through the schema a form's go through: a file's title may be a page long, a given date the 31st of February. */
function checkedFields(fields: Fields): { ok: true; fields: Fields } | { ok: false; outcome: ImportOutcome } {
  const parsed = ReportFieldsSchema.safeParse({ ...fields, place: fields.place ?? undefined });
  if (parsed.success) return { ok: true, fields: { ...parsed.data, place: parsed.data.place ?? null } };
  const field = String(parsed.error.issues[0]!.path[0]) as keyof Fields;
  return { ok: false, outcome: refused('reports.import.cli.field_invalid', { field, value: fields[field] ?? '' }) };
}

export async function importReport(ctx: ImportContext, request: ImportRequest): Promise<ImportOutcome> {
  const parsed = parseRelatoria(request.bytes, { language: request.language });
  if (!parsed.ok) return { ok: false, failure: parsed.failure };
  const report = parsed.report;
  ensureImportCatalogs();
  // Who should act, when a call to action does not say: written in the report's own language.
  const unknownWho = translate(report.language as Locale, 'reports.import.cli.who_unknown');
  if ('initiative' in request.target) return importStandalone(ctx, report, request.target, unknownWho);
  const found = await findSession(ctx.db, request.target, report.title);
  if (!found.ok) return { ok: false, refusal: found.refusal };
  const { session } = found;
  const existing = await reportOfSession(ctx.db, session.id);
  if (existing) return hasReport(session, existing);
  const draft = draftContent(report, session.people, unknownWho);
  if (!draft.ok) return { ok: false, refusal: draft.refusal };
  // The session knows its day in its own zone; the file's date is shown beside it when it differs.
  const day = dayIn(session.starts_at ?? timestamp(ctx.now), session.event.time_zone);
  const place = [session.room, session.event.venue_city].filter(Boolean).join(', ') || null;
  const checked = checkedFields({ title: report.title ?? session.title, held_on: day, place, language: report.language });
  if (!checked.ok) return checked.outcome;
  const { fields } = checked;
  const id = await insert(ctx, { ...fields, session, initiativeId: session.event.initiative_id, content: draft.content });
  if (!id) return hasReport(session, (await reportOfSession(ctx.db, session.id))!);
  return {
    ok: true,
    imported: {
      id, report, session, initiativeName: null, participants: draft.participants, content: draft.content, unnamedCalls: draft.unnamedCalls, unknownWho,
      title: { value: fields.title, from: report.title ? 'file' : 'session' }, date: { value: day, from: 'session', file: report.date },
    },
  };
}

const hasReport = (session: ReportSession, existing: { id: string; status: string }) =>
  refused('reports.import.cli.session_has_report', { session: session.title, id: existing.id, status: existing.status });

async function importStandalone(ctx: ImportContext, report: ImportedReport, target: { initiative: string; title?: string | undefined; date?: string | undefined; place?: string | undefined }, unknownWho: string): Promise<ImportOutcome> {
  const initiative = await findInitiativeBySlug(ctx.db, target.initiative);
  if (!initiative) return refused('reports.import.cli.unknown_initiative', { slug: target.initiative });
  const title = target.title ?? report.title;
  if (!title) return refused('reports.import.cli.needs_title');
  const date = target.date ?? report.date;
  if (!date) return refused('reports.import.cli.needs_date');
  const checked = checkedFields({ title, held_on: date, place: target.place ?? null, language: report.language });
  if (!checked.ok) return checked.outcome;
  const draft = draftContent(report, [], unknownWho);
  if (!draft.ok) return { ok: false, refusal: draft.refusal };
  const id = (await insert(ctx, { ...checked.fields, session: null, initiativeId: initiative.id, content: draft.content }))!;
  return {
    ok: true,
    imported: {
      id, report, session: null, initiativeName: initiative.name, participants: draft.participants, content: draft.content, unnamedCalls: draft.unnamedCalls, unknownWho,
      title: { value: checked.fields.title, from: target.title ? 'given' : 'file' }, date: { value: date, from: target.date ? 'given' : 'file', file: report.date },
    },
  };
}

interface NewDraft {
  title: string;
  held_on: string;
  place: string | null;
  language: string;
  session: ReportSession | null;
  initiativeId: string;
  content: ReportContent;
}

/**
 * The draft in one transaction, with its deadline's reminders and its audit entry; null when the
 * session got a report meanwhile (one per session: the other one stands, nothing is written).
 */
async function insert(ctx: ImportContext, draft: NewDraft): Promise<string | null> {
  return reportsDb(ctx.db).transaction().execute(async (tx) => {
    const id = newId();
    const now = timestamp(ctx.now);
    const { session } = draft;
    const inserted = await tx.insertInto('reports').values({
      id, session_id: session?.id ?? null, event_id: session?.event.id ?? null, initiative_id: draft.initiativeId, title: draft.title, held_on: draft.held_on,
      place: draft.place, language: draft.language, status: 'draft', rapporteur_id: null, content: canonicalJson(draft.content), review_note: null, version: 0,
      created_by: null, created_at: now, updated_at: now,
    }).onConflict((oc) => oc.column('session_id').doNothing()).executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) return null;
    if (session) await adoptSessionTopics(tx, id, session.id);
    if (session?.ends_at && ctx.jobs) await scheduleReminders(ctx.jobs, tx, ctx.now, id, dueAt(session.ends_at, await deadlineDays(tx, session.event.id)));
    await indexRecords(tx, reportSearch, [id]);
    await audit(tx, { user: null }, ctx.now, { action: 'report.imported', subjectType: 'report', subjectId: id, details: session ? { session: session.id } : {} });
    return id;
  });
}
