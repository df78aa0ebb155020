/**
 * A topic page's data, for the HTML page and the JSON alike (docs/decisions/027): the filters read
 * and checked, the counts, and one page of reports.
 */
import type { Db } from '../../../platform/db/index.ts';
import type { Translate } from '../../../platform/i18n/index.ts';
import type { StakeholderTaxonomy } from '../../../platform/stakeholders.ts';
import { fieldErrors, type FieldErrors } from '../../../platform/http/forms.ts';
import { findInitiativeBySlug } from '../../initiatives/index.ts';
import { topicLabel, topicList } from '../../events/index.ts';
import { countsByGroup, countsByInitiative, topicFacets, topicPageSize, topicReports, topicTotals, type GroupCount, type InitiativeCount, type TopicCounts, type TopicFilter, type TopicReport } from './queries.ts';
import { TopicQuerySchema, type TopicQuery } from './schema.ts';

export interface TopicData {
  topic: { key: string; label: string };
  query: Partial<TopicQuery>;
  /** The filters as typed, to show them again. */
  values: { year: string; initiative: string };
  /** Filters that cannot be read: nothing is counted then (the answer is 422). */
  errors: FieldErrors;
  facets: { years: number[]; initiatives: Array<{ slug: string; name: string }> };
  totals: TopicCounts;
  initiatives: InitiativeCount[];
  groups: Array<GroupCount & { label: string }>;
  reports: TopicReport[];
  pages: number;
}

/** Counts by stored group, as the installation's taxonomy counts them (under the IGF's five, academia joins the technical community). */
function asTaxonomy(groups: readonly GroupCount[], taxonomy: StakeholderTaxonomy, t: Translate): TopicData['groups'] {
  const merged = new Map<string, GroupCount & { label: string }>();
  for (const g of groups) {
    const as = taxonomy.groupOf(g.group);
    const row = merged.get(as) ?? { group: as, people: 0, reports: 0, label: t(taxonomy.labelKey(as)) };
    merged.set(as, { ...row, people: row.people + g.people, reports: row.reports + g.reports });
  }
  return taxonomy.groups.filter((g) => merged.has(g)).map((g) => merged.get(g)!);
}

/** The topic's page, or undefined when the taxonomy has no such key (404). */
export async function topicData(db: Db, taxonomy: StakeholderTaxonomy, key: string, raw: Record<string, string>, t: Translate, locale: string): Promise<TopicData | undefined> {
  const topic = (await topicList(db, { withRetired: true })).find((tp) => tp.key === key);
  if (!topic) return undefined;
  const values = { year: raw.year ?? '', initiative: raw.initiative ?? '' };
  const parsed = TopicQuerySchema.safeParse(raw);
  let errors: FieldErrors = parsed.success ? {} : fieldErrors(parsed.error, t);
  const query: Partial<TopicQuery> = parsed.success ? parsed.data : {};
  const filter: TopicFilter = { topic: topic.key, year: query.year };
  if (parsed.success && query.initiative) {
    const initiative = await findInitiativeBySlug(db, query.initiative);
    if (initiative) filter.initiativeId = initiative.id;
    else errors = { initiative: t('reports.topics.errors.initiative') };
  }
  const failed = Object.keys(errors).length > 0;
  const facets = await topicFacets(db, topic.key);
  const [totals, initiatives, groups, reports] = failed
    ? [{ reports: 0, takeaways: 0, calls: 0 }, [], [], []]
    : await Promise.all([topicTotals(db, filter), countsByInitiative(db, filter), countsByGroup(db, filter), topicReports(db, filter, query.page ?? 1)]);
  return {
    topic: { key: topic.key, label: topicLabel(topic, t, locale) }, query, values, errors, facets, totals, initiatives,
    groups: asTaxonomy(groups, taxonomy, t), reports, pages: Math.max(1, Math.ceil(totals.reports / topicPageSize)),
  };
}
