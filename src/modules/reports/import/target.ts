/**
 * Where an imported relatoría goes: a session given by its id, or found in an event by (part of)
 * its title or by the file's own title; else a standalone report of an initiative.
 */
import type { Db } from '../../../platform/db/index.ts';
import { foldForSearch } from '../../../platform/text.ts';
import { findEventBySlug, sessionForReport, sessionsOfEventForReports, type ReportSession } from '../../events/index.ts';
import type { DraftRefusal } from './draft.ts';

export type SessionChoice = { session: string } | { event: string; sessionTitle?: string | undefined };

type Found = { ok: true; session: ReportSession } | { ok: false; refusal: DraftRefusal };

const words = (title: string) => new Set(foldForSearch(title).split(/[^\p{L}\p{N}]+/u).filter((w) => w.length >= 4));

/**
 * The share of the file title's words (of four letters or more: not "de", "la", "the") that the
 * session's title has; a relatoría rewrites its session's title a little ("diálogos" for "diálogo").
 */
function likeness(fileTitle: string, sessionTitle: string): number {
  const wanted = words(fileTitle);
  const have = words(sessionTitle);
  let shared = 0;
  for (const word of wanted) if (have.has(word) || have.has(word.replace(/s$/, '')) || have.has(`${word}s`)) shared++;
  return wanted.size ? shared / wanted.size : 0;
}

/** Below this likeness the file's title is not taken to name a session. */
const enoughLikeness = 0.6;

export async function findSession(db: Db, choice: SessionChoice, fileTitle: string | null): Promise<Found> {
  if ('session' in choice) {
    const session = await sessionForReport(db, choice.session);
    return session ? { ok: true, session } : { ok: false, refusal: { key: 'reports.import.cli.unknown_session', values: { id: choice.session } } };
  }
  const event = await findEventBySlug(db, choice.event);
  if (!event) return { ok: false, refusal: { key: 'reports.import.cli.unknown_event', values: { slug: choice.event } } };
  const sessions = await sessionsOfEventForReports(db, event.id);
  const chosen = choice.sessionTitle !== undefined ? byTitle(sessions, choice.sessionTitle) : byLikeness(sessions, fileTitle);
  if ('refusal' in chosen) return { ok: false, refusal: { key: chosen.refusal, values: { event: event.title, title: choice.sessionTitle ?? fileTitle ?? '', list: chosen.list ?? '' } } };
  return { ok: true, session: (await sessionForReport(db, chosen.id))! };
}

type Choice = { id: string } | { refusal: string; list?: string };

/** The one session whose folded title holds the folded text given. */
function byTitle(sessions: ReadonlyArray<{ id: string; title: string }>, text: string): Choice {
  const wanted = foldForSearch(text).trim();
  const exact = sessions.filter((s) => foldForSearch(s.title).trim() === wanted);
  const matches = exact.length ? exact : sessions.filter((s) => wanted && foldForSearch(s.title).includes(wanted));
  if (matches.length === 1) return { id: matches[0]!.id };
  if (matches.length === 0) return { refusal: 'reports.import.cli.no_session_titled' };
  return { refusal: 'reports.import.cli.sessions_titled', list: matches.map((s) => `“${s.title}” (${s.id})`).join('; ') };
}

/** The session whose title is clearly the most like the file's. */
function byLikeness(sessions: ReadonlyArray<{ id: string; title: string }>, fileTitle: string | null): Choice {
  if (!fileTitle) return { refusal: 'reports.import.cli.no_session_found' };
  const ranked = sessions.map((s) => ({ id: s.id, score: likeness(fileTitle, s.title) })).sort((a, b) => b.score - a.score);
  const [best, next] = ranked;
  if (!best || best.score < enoughLikeness || (next && next.score === best.score)) return { refusal: 'reports.import.cli.no_session_found' };
  return { id: best.id };
}
