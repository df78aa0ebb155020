import type { Db } from '../../platform/db/index.ts';
import type { StakeholderTaxonomy } from '../../platform/stakeholders.ts';
import { heldEventCounts } from '../events/index.ts';
import { publishedReportCounts } from '../reports/index.ts';
import { initiativesWithPublishedFunding } from '../funding/index.ts';
import type { CheckName } from './steps.ts';

/** What the registry says of an initiative, read once for every check (through the initiatives index). */
export interface CheckedInitiative {
  id: string;
  contact_email: string;
  principles_accepted_at: string | null;
  annual_report_published_at: string | null;
  committee: ReadonlyArray<{ role: string; stakeholder_group: string; verified: boolean }>;
}

export interface CheckEnv {
  now: Date;
  stakeholders: StakeholderTaxonomy;
}

/** A named automatic check: which of these initiatives pass it, read for all of them at once. */
export type AutomaticCheck = (db: Db, initiatives: readonly CheckedInitiative[], env: CheckEnv) => Promise<Set<string>>;

/** Only seats of people who verified their address count, as for recognition (a committee of throwaway accounts is no committee). */
const groupsOf = (i: CheckedInitiative, taxonomy: StakeholderTaxonomy) => new Set(i.committee.filter((m) => m.verified).map((m) => taxonomy.groupOf(m.stakeholder_group)));

const where = (initiatives: readonly CheckedInitiative[], passes: (i: CheckedInitiative) => boolean) => new Set(initiatives.filter(passes).map((i) => i.id));

/** The IGF asks for at least three stakeholder groups on a founding committee (the registry's own minimum). */
export const minimumGroups = 3;

/**
 * Every automatic check, by name. Another is one entry here and its name on a step (steps.ts).
 */
export const automaticChecks: Record<CheckName, AutomaticCheck> = {
  principles_accepted: async (_, initiatives) => where(initiatives, (i) => i.principles_accepted_at !== null),
  three_groups: async (_, initiatives, { stakeholders }) => where(initiatives, (i) => groupsOf(i, stakeholders).size >= minimumGroups),
  all_groups: async (_, initiatives, { stakeholders }) => where(initiatives, (i) => stakeholders.groups.every((g) => groupsOf(i, stakeholders).has(g))),
  coordinator_and_contact: async (_, initiatives) => where(initiatives, (i) => i.contact_email.trim() !== '' && i.committee.some((m) => m.verified && m.role === 'coordinator')),
  event_held: async (db, initiatives, { now }) => new Set((await heldEventCounts(db, initiatives.map((i) => i.id), now.toISOString())).keys()),
  session_report_published: async (db, initiatives) => new Set((await publishedReportCounts(db, initiatives.map((i) => i.id))).keys()),
  annual_report_published: async (_, initiatives) => where(initiatives, (i) => i.annual_report_published_at !== null),
  funding_published: async (db, initiatives) => initiativesWithPublishedFunding(db, initiatives.map((i) => i.id)),
};
