import type { Db } from '../../platform/db/index.ts';
import { publicHistory } from '../../platform/audit.ts';
import { publicPeople } from '../accounts/index.ts';

/** An initiative's public history, newest first, with the names of who acted. */
export async function publicHistoryOf(db: Db, initiativeId: string) {
  const entries = await publicHistory(db, 'initiative', initiativeId);
  const people = await publicPeople(db, entries.flatMap((e) => (e.actor_id ? [e.actor_id] : [])));
  return entries.map((entry) => ({ ...entry, actor_name: entry.actor_id ? (people.get(entry.actor_id)?.name ?? null) : null }));
}
export type HistoryEntry = Awaited<ReturnType<typeof publicHistoryOf>>[number];
