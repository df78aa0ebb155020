/**
 * What the topic pages read (docs/decisions/027). Counts are sums over the cells of
 * `report_topic_stats` (a topic × year × initiative each); the page's reports come from
 * `report_topics`'s index, and only those are read whole (one query for all of them).
 */
import type { Db } from '../../../platform/db/index.ts';
import { initiativeNames } from '../../initiatives/index.ts';
import { readContent, type CallToActionValue, type TextItemValue } from '../content.ts';
import { reportsDb } from '../tables.ts';

/** Reports shown per page of a topic. */
export const topicPageSize = 20;

export interface TopicCounts {
  reports: number;
  takeaways: number;
  calls: number;
}

export interface TopicFilter {
  topic: string;
  year?: number | undefined;
  initiativeId?: string | undefined;
}

const counted = (r: { reports: unknown; takeaways: unknown; calls: unknown }): TopicCounts => ({ reports: Number(r.reports), takeaways: Number(r.takeaways ?? 0), calls: Number(r.calls ?? 0) });

/** Published reports, takeaways and calls to action per topic. */
export async function countsByTopic(db: Db): Promise<Map<string, TopicCounts>> {
  const rows = await reportsDb(db).selectFrom('report_topic_year_stats')
    .select((eb) => ['topic_key', eb.fn.sum<number>('reports').as('reports'), eb.fn.sum<number>('takeaways').as('takeaways'), eb.fn.sum<number>('calls').as('calls')])
    .groupBy('topic_key').execute();
  return new Map(rows.map((r) => [r.topic_key, counted(r)]));
}

/** The published reports on the topic, as the filter narrows them. */
function onTopic(db: Db, filter: TopicFilter) {
  let query = reportsDb(db).selectFrom('report_topics').where('report_topics.topic_key', '=', filter.topic).where('report_topics.published', '=', 1);
  // A year as a range of days, so that the day's index serves it.
  if (filter.year !== undefined) query = query.where('report_topics.held_on', '>=', `${filter.year}-01-01`).where('report_topics.held_on', '<', `${filter.year + 1}-01-01`);
  if (filter.initiativeId !== undefined) query = query.where('report_topics.initiative_id', '=', filter.initiativeId);
  return query;
}

/** The cells of the counts the filter takes. */
function cells(db: Db, filter: TopicFilter) {
  let query = reportsDb(db).selectFrom('report_topic_stats').where('report_topic_stats.topic_key', '=', filter.topic);
  if (filter.year !== undefined) query = query.where('report_topic_stats.year', '=', filter.year);
  if (filter.initiativeId !== undefined) query = query.where('report_topic_stats.initiative_id', '=', filter.initiativeId);
  return query;
}

const sums = { reports: 'report_topic_stats.reports', takeaways: 'report_topic_stats.takeaways', calls: 'report_topic_stats.calls' } as const;

export async function topicTotals(db: Db, filter: TopicFilter): Promise<TopicCounts> {
  // Without an initiative, the topic's years are enough (a row per year).
  if (filter.initiativeId === undefined) {
    let query = reportsDb(db).selectFrom('report_topic_year_stats').where('topic_key', '=', filter.topic);
    if (filter.year !== undefined) query = query.where('year', '=', filter.year);
    const row = await query.select((eb) => [eb.fn.sum<number>('reports').as('reports'), eb.fn.sum<number>('takeaways').as('takeaways'), eb.fn.sum<number>('calls').as('calls')]).executeTakeFirstOrThrow();
    return counted({ ...row, reports: row.reports ?? 0 });
  }
  const row = await cells(db, filter)
    .select((eb) => [eb.fn.sum<number>(sums.reports).as('reports'), eb.fn.sum<number>(sums.takeaways).as('takeaways'), eb.fn.sum<number>(sums.calls).as('calls')])
    .executeTakeFirstOrThrow();
  return counted({ ...row, reports: row.reports ?? 0 });
}

export interface InitiativeCount extends TopicCounts {
  id: string;
  slug: string;
  name: string;
}

/** Counts by initiative, the most reports first (as many rows as initiatives reported on it). */
export async function countsByInitiative(db: Db, filter: TopicFilter): Promise<InitiativeCount[]> {
  const rows = await cells(db, filter)
    .select((eb) => ['report_topic_stats.initiative_id', eb.fn.sum<number>(sums.reports).as('reports'), eb.fn.sum<number>(sums.takeaways).as('takeaways'), eb.fn.sum<number>(sums.calls).as('calls')])
    .groupBy('report_topic_stats.initiative_id').execute();
  const names = await initiativeNames(db, rows.map((r) => r.initiative_id));
  return rows.map((r) => ({ id: r.initiative_id, slug: names.get(r.initiative_id)?.slug ?? '', name: names.get(r.initiative_id)?.name ?? '', ...counted(r) }))
    .sort((a, b) => b.reports - a.reports || a.name.localeCompare(b.name));
}

export interface GroupCount {
  /** The stored value (the page counts it as its taxonomy says). */
  group: string;
  people: number;
  reports: number;
}

/**
 * Participants by stakeholder group across the reports, and how many reports had the group
 * present: from the topic's years when no initiative is chosen, else from that initiative's cells.
 */
export async function countsByGroup(db: Db, filter: TopicFilter): Promise<GroupCount[]> {
  const rows = filter.initiativeId === undefined
    ? await (filter.year !== undefined
      ? reportsDb(db).selectFrom('report_topic_year_group_stats').where('topic_key', '=', filter.topic).where('year', '=', filter.year)
      : reportsDb(db).selectFrom('report_topic_year_group_stats').where('topic_key', '=', filter.topic))
      .select((eb) => ['stakeholder_group', eb.fn.sum<number>('people').as('people'), eb.fn.sum<number>('reports').as('reports')]).groupBy('stakeholder_group').execute()
    : await (filter.year !== undefined
      ? reportsDb(db).selectFrom('report_topic_group_stats').where('topic_key', '=', filter.topic).where('initiative_id', '=', filter.initiativeId).where('year', '=', filter.year)
      : reportsDb(db).selectFrom('report_topic_group_stats').where('topic_key', '=', filter.topic).where('initiative_id', '=', filter.initiativeId))
      .select((eb) => ['stakeholder_group', eb.fn.sum<number>('people').as('people'), eb.fn.sum<number>('reports').as('reports')]).groupBy('stakeholder_group').execute();
  return rows.map((r) => ({ group: r.stakeholder_group, people: Number(r.people), reports: Number(r.reports) }));
}

/** The years and initiatives the topic's filter offers (all of them, whatever is chosen). */
export async function topicFacets(db: Db, topic: string): Promise<{ years: number[]; initiatives: Array<{ slug: string; name: string }> }> {
  const base = cells(db, { topic });
  const [years, initiativeIds] = await Promise.all([
    reportsDb(db).selectFrom('report_topic_year_stats').select('year').where('topic_key', '=', topic).orderBy('year', 'desc').execute(),
    base.select('report_topic_stats.initiative_id').distinct().execute(),
  ]);
  const names = await initiativeNames(db, initiativeIds.map((r) => r.initiative_id));
  return {
    years: years.map((r) => Number(r.year)),
    initiatives: [...names.values()].map((n) => ({ slug: n.slug, name: n.name })).sort((a, b) => a.name.localeCompare(b.name)),
  };
}

export interface TopicReport {
  id: string;
  title: string;
  held_on: string;
  language: string;
  initiative: { slug: string; name: string };
  takeaways: TextItemValue[];
  calls_to_action: CallToActionValue[];
}

/** One page of the topic's reports, newest first, with what each said (three queries whatever the page size). */
export async function topicReports(db: Db, filter: TopicFilter, page: number): Promise<TopicReport[]> {
  const ids = await onTopic(db, filter).select('report_topics.report_id')
    .orderBy('report_topics.held_on', 'desc').orderBy('report_topics.report_id', 'desc')
    .limit(topicPageSize).offset((page - 1) * topicPageSize).execute();
  if (ids.length === 0) return [];
  const rows = await reportsDb(db).selectFrom('reports').select(['id', 'title', 'held_on', 'language', 'initiative_id', 'content'])
    .where('id', 'in', ids.map((r) => r.report_id)).execute();
  const names = await initiativeNames(db, [...new Set(rows.map((r) => r.initiative_id))]);
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.map((r) => byId.get(r.report_id)).filter((r) => r !== undefined).map((r) => {
    const content = readContent(r.content);
    const initiative = names.get(r.initiative_id);
    return {
      id: r.id, title: r.title, held_on: r.held_on, language: r.language, initiative: { slug: initiative?.slug ?? '', name: initiative?.name ?? '' },
      takeaways: content.takeaways, calls_to_action: content.calls_to_action,
    };
  });
}
