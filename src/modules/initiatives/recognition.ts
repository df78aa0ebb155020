import type { StakeholderTaxonomy } from '../../platform/stakeholders.ts';
import { minimumStakeholderGroups } from './vocabulary.ts';

export type CriterionState = 'met' | 'unmet' | 'pending';

export interface Criterion {
  key: 'stakeholder_groups' | 'coordinator_email' | 'public_page' | 'principles' | 'annual_report';
  state: CriterionState;
  /** Values for the criterion's message, such as how many groups sit on the committee. */
  values: Record<string, string | number | Date>;
  /** Whether the criterion must be met before recognition can be requested. */
  blocking: boolean;
}

interface Subject {
  website: string | null;
  principles_accepted_at: string | null;
  annual_report_year: number | null;
  annual_report_published_at: string | null;
  committee: ReadonlyArray<{ role: string; stakeholder_group: string; verified: boolean }>;
}

/** An annual report keeps the criterion met through the year after the one it covers: the IGF asks for one a year. */
const annualReportCovers = (year: number, now: Date) => year >= now.getUTCFullYear() - 1;

/** The IGF's recognition criteria, checked live against the initiative as it stands on `now`. */
export function recognitionCriteria(initiative: Subject, taxonomy: StakeholderTaxonomy, now: Date): Criterion[] {
  // Only members who verified their email count: a committee of throwaway accounts is no committee.
  const verified = initiative.committee.filter((m) => m.verified);
  const groups = new Set(verified.map((m) => taxonomy.groupOf(m.stakeholder_group))).size;
  const verifiedCoordinator = verified.some((m) => m.role === 'coordinator');
  return [
    {
      key: 'stakeholder_groups',
      state: groups >= minimumStakeholderGroups ? 'met' : 'unmet',
      values: { count: groups, minimum: minimumStakeholderGroups },
      blocking: true,
    },
    { key: 'coordinator_email', state: verifiedCoordinator ? 'met' : 'unmet', values: {}, blocking: true },
    // The initiative's Cabildo page is itself a public page; a website is shown when given.
    { key: 'public_page', state: 'met', values: { website: initiative.website ? 'yes' : 'no' }, blocking: true },
    { key: 'principles', state: initiative.principles_accepted_at ? 'met' : 'unmet', values: {}, blocking: true },
    annualReport(initiative, now),
  ];
}

/**
 * Pending until the initiative publishes an annual report (reports module), met while its latest
 * covers last year or this one, pending again once it is older: a new one is due.
 */
function annualReport(initiative: Subject, now: Date): Criterion {
  const { annual_report_year: year, annual_report_published_at: published } = initiative;
  if (year === null || published === null) return { key: 'annual_report', state: 'pending', values: { year: 'none' }, blocking: false };
  const values = { year: String(year), published: new Date(published) };
  return annualReportCovers(year, now)
    ? { key: 'annual_report', state: 'met', values, blocking: false }
    : { key: 'annual_report', state: 'pending', values: { ...values, year: 'old', last: String(year) }, blocking: false };
}

export function readyForRecognition(criteria: Criterion[]): boolean {
  return criteria.every((c) => !c.blocking || c.state === 'met');
}
