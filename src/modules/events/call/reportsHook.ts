import type { Db } from '../../../platform/db/index.ts';
import type { PersonRef } from '../domain/types.ts';

/**
 * Who has an overdue session report, for the screening rule `reports_filed`. Events does not know
 * the reports module (it depends on events, not the other way round): the reports module registers
 * its answer here, through events' index, when its manifest is loaded (docs/decisions/024). With
 * nothing registered (an installation without the reports module), nobody is late.
 */
export type OverdueReportOrganisers = (db: Db, now: Date) => Promise<PersonRef[]>;

let provider: OverdueReportOrganisers | null = null;

export function provideOverdueReportOrganisers(source: OverdueReportOrganisers): void {
  provider = source;
}

export function overdueReportsProvider(): OverdueReportOrganisers | null {
  return provider;
}
