/**
 * The setup toolkit's steps (docs/decisions/032-toolkit.md): a fixed, ordered list declared here,
 * each with a stable key (stored in ticks, used in addresses and anchors; never renamed). A step is
 * either checked automatically, by the named check that reads what Cabildo already knows
 * (checks.ts), or ticked by the committee with evidence. Its guidance is in the catalogs under
 * `toolkit.steps.<key>`: title, what, why, how, pitfalls, and one line per sub-item.
 */
export type CheckName = 'principles_accepted' | 'three_groups' | 'all_groups' | 'coordinator_and_contact' | 'event_held' | 'session_report_published' | 'annual_report_published' | 'funding_published';

export interface Step {
  key: string;
  /** The automatic check that decides it; none: the committee ticks it with evidence. */
  check: CheckName | null;
  /** Sub-items of the guidance, by key (`toolkit.steps.<key>.items.<item>`). */
  items: readonly string[];
}

export const steps: readonly Step[] = [
  { key: 'principles', check: 'principles_accepted', items: ['open', 'inclusive', 'bottom_up', 'multistakeholder', 'non_commercial'] },
  { key: 'committee_founding', check: 'three_groups', items: [] },
  { key: 'committee_all_groups', check: 'all_groups', items: [] },
  { key: 'committee_balance', check: null, items: ['gender', 'regions'] },
  { key: 'coordinator_contact', check: 'coordinator_and_contact', items: [] },
  { key: 'programme', check: null, items: ['consultation', 'topics', 'speakers'] },
  { key: 'logistics', check: null, items: ['venue', 'online', 'accessibility'] },
  { key: 'finances', check: 'funding_published', items: ['budget', 'independence'] },
  { key: 'outreach_sponsorship', check: null, items: ['communication', 'sponsors'] },
  { key: 'event_held', check: 'event_held', items: [] },
  { key: 'session_reports', check: 'session_report_published', items: [] },
  { key: 'annual_report', check: 'annual_report_published', items: [] },
];

export const stepKeys = steps.map((s) => s.key);
export const stepByKey = (key: string): Step | undefined => steps.find((s) => s.key === key);
