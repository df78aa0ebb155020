import type { Db } from '../../../platform/db/index.ts';
import { registryDb } from '../tables.ts';

/**
 * Notes that the initiative published its annual report for `year`, in the caller's transaction
 * (the reports module's, which owns the report). The latest year is kept: publishing an earlier
 * year's report late does not hide a later one.
 */
export async function recordAnnualReport(tx: Db, initiativeId: string, year: number, publishedAt: string): Promise<void> {
  await registryDb(tx).updateTable('initiatives')
    .set({ annual_report_year: year, annual_report_published_at: publishedAt })
    .where('id', '=', initiativeId)
    .where((eb) => eb.or([eb('annual_report_year', 'is', null), eb('annual_report_year', '<=', year)]))
    .execute();
}
