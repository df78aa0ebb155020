import { readFileSync } from 'node:fs';
import type { SeedOptions } from '../../platform/module.ts';
import { importReport } from './import/store.ts';
import { reportsDb } from './tables.ts';

/** The real relatoría the demo imports (seeds/README.md says where it comes from). */
export const demoRelatoria = new URL('./seeds/lacigf-relatoria-espacios-locales.es.txt', import.meta.url);
/** The events module's demo forum and its coordination session (src/modules/events/program/seeds.ts). */
export const demoForum = 'demo-lacigf-foro-regional';
const coordinationSession = 'mesa de coordinación de iniciativas nacionales';

/**
 * The sample relatoría as a draft of the demo forum's coordination session, through the same
 * import as `cabildo import report`. Without the demo forum (no demo initiatives) there is nothing
 * to attach it to; a session that has its report already keeps it, so seeding twice adds nothing.
 */
export async function seedDemoReports({ db, now, onlyIfEmpty }: SeedOptions): Promise<string | null> {
  if (onlyIfEmpty && (await reportsDb(db).selectFrom('reports').select('id').limit(1).executeTakeFirst())) return null;
  // The forum ended two months ago: its reminders' moments have passed, so no job queue is needed.
  const outcome = await importReport({ db, now, jobs: null }, { bytes: readFileSync(demoRelatoria), target: { event: demoForum, sessionTitle: coordinationSession } });
  if (outcome.ok) return `Imported the demo relatoría as a draft report of "${outcome.imported.session!.title}".`;
  if ('refusal' in outcome && ['reports.import.cli.unknown_event', 'reports.import.cli.session_has_report'].includes(outcome.refusal.key)) return null;
  // The sample and the program are both ours: anything else is a fault to see, not to skip.
  throw new Error(`The demo relatoría did not import: ${JSON.stringify(outcome)}`);
}
