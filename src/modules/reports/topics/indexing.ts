/**
 * Keeps what the topic pages read in step with each report (docs/decisions/027): called in the
 * transaction of every command that changes a report's day, content, status or topics.
 */
import { serializeOn, type Db } from '../../../platform/db/index.ts';
import { sessionTopics } from '../../events/index.ts';
import { readContent, type ReportContent } from '../content.ts';
import { reportsDb } from '../tables.ts';

/**
 * People by stakeholder group: the counts on site and online when the report gives any, else
 * its list of participants (a report with neither counts no one).
 */
export function peopleByGroup(content: ReportContent): Map<string, number> {
  const counted = new Map<string, number>();
  for (const presence of [content.participation.onsite, content.participation.online]) {
    for (const [group, n] of Object.entries(presence.groups)) if (n > 0) counted.set(group, (counted.get(group) ?? 0) + n);
  }
  if (counted.size > 0) return counted;
  for (const p of content.participants) if (p.stakeholder_group) counted.set(p.stakeholder_group, (counted.get(p.stakeholder_group) ?? 0) + 1);
  return counted;
}

/** A cell of the counts: one topic, one year, one initiative. */
interface Cell {
  topic: string;
  year: number;
  initiative: string;
}

const cellKey = (c: Cell) => `${c.topic}/${c.year}/${c.initiative}`;

/** The cells the report counts in now: one per topic, while it is published. */
async function cellsOf(db: Db, reportId: string): Promise<Cell[]> {
  const rows = await reportsDb(db).selectFrom('report_topics').select(['topic_key', 'year', 'initiative_id'])
    .where('report_id', '=', reportId).where('published', '=', 1).execute();
  return rows.map((r) => ({ topic: r.topic_key, year: Number(r.year), initiative: r.initiative_id }));
}

/** Counts one cell again from the reports in it (a few: one initiative's in one year). */
async function recountCell(db: Db, cell: Cell): Promise<void> {
  const reports = reportsDb(db);
  const inCell = () => reports.selectFrom('report_topics')
    .where('report_topics.topic_key', '=', cell.topic).where('report_topics.published', '=', 1).where('report_topics.initiative_id', '=', cell.initiative)
    .where('report_topics.held_on', '>=', `${cell.year}-01-01`).where('report_topics.held_on', '<', `${cell.year + 1}-01-01`);
  // One after the other: inside a transaction they share one connection.
  const sums = await inCell()
    .select((eb) => [eb.fn.countAll().as('reports'), eb.fn.sum<number>('report_topics.takeaways').as('takeaways'), eb.fn.sum<number>('report_topics.calls').as('calls')])
    .executeTakeFirstOrThrow();
  const groups = await inCell().innerJoin('report_groups', 'report_groups.report_id', 'report_topics.report_id')
    .select((eb) => ['report_groups.stakeholder_group', eb.fn.sum<number>('report_groups.people').as('people'), eb.fn.countAll().as('reports')])
    .groupBy('report_groups.stakeholder_group').execute();
  const key = { topic_key: cell.topic, year: cell.year, initiative_id: cell.initiative };
  await reports.deleteFrom('report_topic_stats').where('topic_key', '=', cell.topic).where('year', '=', cell.year).where('initiative_id', '=', cell.initiative).execute();
  await reports.deleteFrom('report_topic_group_stats').where('topic_key', '=', cell.topic).where('year', '=', cell.year).where('initiative_id', '=', cell.initiative).execute();
  if (Number(sums.reports) > 0) {
    await reports.insertInto('report_topic_stats').values({ ...key, reports: Number(sums.reports), takeaways: Number(sums.takeaways ?? 0), calls: Number(sums.calls ?? 0) }).execute();
  }
  if (Number(sums.reports) > 0 && groups.length > 0) {
    await reports.insertInto('report_topic_group_stats')
      .values(groups.map((g) => ({ ...key, stakeholder_group: g.stakeholder_group, people: Number(g.people), reports: Number(g.reports) }))).execute();
  }
}

/** Sums a topic's year again over its initiatives' cells (at most one per initiative). */
async function recountYear(db: Db, topic: string, year: number): Promise<void> {
  const reports = reportsDb(db);
  const sums = await reports.selectFrom('report_topic_stats').where('topic_key', '=', topic).where('year', '=', year)
    .select((eb) => [eb.fn.sum<number>('reports').as('reports'), eb.fn.sum<number>('takeaways').as('takeaways'), eb.fn.sum<number>('calls').as('calls')])
    .executeTakeFirstOrThrow();
  const groups = await reports.selectFrom('report_topic_group_stats').where('topic_key', '=', topic).where('year', '=', year)
    .select((eb) => ['stakeholder_group', eb.fn.sum<number>('people').as('people'), eb.fn.sum<number>('reports').as('reports')])
    .groupBy('stakeholder_group').execute();
  await reports.deleteFrom('report_topic_year_stats').where('topic_key', '=', topic).where('year', '=', year).execute();
  await reports.deleteFrom('report_topic_year_group_stats').where('topic_key', '=', topic).where('year', '=', year).execute();
  if (Number(sums.reports ?? 0) > 0) {
    await reports.insertInto('report_topic_year_stats').values({ topic_key: topic, year, reports: Number(sums.reports), takeaways: Number(sums.takeaways ?? 0), calls: Number(sums.calls ?? 0) }).execute();
  }
  if (groups.length > 0) {
    await reports.insertInto('report_topic_year_group_stats')
      .values(groups.map((g) => ({ topic_key: topic, year, stakeholder_group: g.stakeholder_group, people: Number(g.people), reports: Number(g.reports) }))).execute();
  }
}

/**
 * Counts the cells again, then their topics' years. Each topic's year is locked first, in one
 * order, so that two reports changing it at once count each other (PostgreSQL; SQLite has one writer).
 */
async function recount(db: Db, cells: readonly Cell[]): Promise<void> {
  const years = new Map<string, { topic: string; year: number; cells: Map<string, Cell> }>();
  for (const cell of cells) {
    const key = `${cell.topic}/${cell.year}`;
    const entry = years.get(key) ?? { topic: cell.topic, year: cell.year, cells: new Map<string, Cell>() };
    entry.cells.set(cellKey(cell), cell);
    years.set(key, entry);
  }
  for (const [key, entry] of [...years].sort(([a], [b]) => a.localeCompare(b))) {
    await serializeOn(db, `report_topic_stats:${key}`);
    for (const cell of entry.cells.values()) await recountCell(db, cell);
    await recountYear(db, entry.topic, entry.year);
  }
}

/**
 * Rewrites the report's rows in `report_topics` and `report_groups` from the report as it now is,
 * and recounts the cells it left and those it joined (`also`: cells it left by losing a topic).
 */
export async function refreshTopicIndex(db: Db, reportId: string, also: readonly Cell[] = []): Promise<void> {
  const reports = reportsDb(db);
  const row = await reports.selectFrom('reports').select(['status', 'initiative_id', 'held_on', 'content']).where('id', '=', reportId).executeTakeFirst();
  if (!row) return;
  const before = await cellsOf(db, reportId);
  const content = readContent(row.content);
  await reports.updateTable('report_topics').set({
    initiative_id: row.initiative_id, held_on: row.held_on, year: Number(row.held_on.slice(0, 4)), published: row.status === 'published' ? 1 : 0,
    takeaways: content.takeaways.length, calls: content.calls_to_action.length,
  }).where('report_id', '=', reportId).execute();
  await reports.deleteFrom('report_groups').where('report_id', '=', reportId).execute();
  const groups = [...peopleByGroup(content)].map(([stakeholder_group, people]) => ({ report_id: reportId, stakeholder_group, people }));
  if (groups.length > 0) await reports.insertInto('report_groups').values(groups).execute();
  await recount(db, [...also, ...before, ...(await cellsOf(db, reportId))]);
}

/** Sets the report's topics to exactly these keys, then its counted rows. */
export async function writeReportTopics(db: Db, reportId: string, keys: readonly string[]): Promise<void> {
  const reports = reportsDb(db);
  const before = await cellsOf(db, reportId);
  await reports.deleteFrom('report_topics').where('report_id', '=', reportId).execute();
  if (keys.length > 0) {
    await reports.insertInto('report_topics').values([...new Set(keys)].map((topic_key) => ({
      report_id: reportId, topic_key, initiative_id: '', held_on: '0000-00-00', year: 0, published: 0, takeaways: 0, calls: 0,
    }))).execute();
  }
  await refreshTopicIndex(db, reportId, before);
}

/** A session's report starts with the session's topics (its writers change them on the report's form). */
export async function adoptSessionTopics(db: Db, reportId: string, sessionId: string): Promise<void> {
  const keys = (await sessionTopics(db, [sessionId])).get(sessionId) ?? [];
  if (keys.length > 0) await writeReportTopics(db, reportId, keys);
}

/** The report's topic keys, in key order. */
export async function topicsOfReport(db: Db, reportId: string): Promise<string[]> {
  const rows = await reportsDb(db).selectFrom('report_topics').select('topic_key').where('report_id', '=', reportId).orderBy('topic_key').execute();
  return rows.map((r) => r.topic_key);
}
