import { readFileSync } from 'node:fs';
import type { SeedOptions } from '../../platform/module.ts';
import type { Db } from '../../platform/db/index.ts';
import { UsageError } from '../../platform/cli.ts';
import { importInitiatives } from './commands/importInitiatives.ts';
import { registryDb } from './tables.ts';

/** The 103 real IGF initiatives (see seeds/nris.README.md), loaded as demo data. */
export const demoInitiativesFile = new URL('./seeds/nris.csv', import.meta.url);

/** Imports a CSV of initiatives; a file with a bad row imports nothing and names its lines. */
export async function importInitiativesFile(db: Db, csv: string, options: { demo: boolean; now: Date; source: string }): Promise<string> {
  const report = await importInitiatives(db, csv, options);
  if (report.errors.length) throw new UsageError(`nothing was imported; fix these rows of ${options.source}:\n  ${report.errors.join('\n  ')}`);
  return `Imported ${report.imported} initiatives${options.demo ? ' (demo data)' : ''}; ${report.skipped} already present.`;
}

export async function seedDemoInitiatives({ db, now, onlyIfEmpty }: SeedOptions): Promise<string | null> {
  if (onlyIfEmpty && (await registryDb(db).selectFrom('initiatives').select('id').limit(1).executeTakeFirst())) return null;
  return importInitiativesFile(db, readFileSync(demoInitiativesFile, 'utf8'), { demo: true, now, source: 'seeds/nris.csv' });
}
