/**
 * What an initiative did in a year, drawn from its events and published session reports: the
 * part of the annual report nobody has to type (docs/decisions/028-annual-reports.md).
 */
import type { Db } from '../../../platform/db/index.ts';
import { publicEventsInYear, type EventOfYear } from '../../events/index.ts';
import { readContent } from '../content.ts';
import { reportsDb } from '../tables.ts';

/** A takeaway or call to action, with where to cite it from. */
export interface CitedItem {
  report: string;
  anchor: string;
  text: string;
  /** Who should act, for a call to action. */
  who?: string;
}

export interface YearReport {
  id: string;
  title: string;
  held_on: string;
  language: string;
}

/** Participants counted by the reports, on site and online together. */
export interface Participation {
  groups: Record<string, number>;
  total: number;
}

export interface YearEvent extends EventOfYear {
  reports: YearReport[];
  participation: Participation;
  takeaways: CitedItem[];
  calls_to_action: CitedItem[];
}

export interface AssembledYear {
  events: YearEvent[];
  /** Published reports of the year that belong to no event (sessions held elsewhere). */
  standalone: { reports: YearReport[]; participation: Participation; takeaways: CitedItem[]; calls_to_action: CitedItem[] };
}

type ReportRow = { id: string; event_id: string | null; title: string; held_on: string; language: string; content: string };

function gathered(rows: readonly ReportRow[]) {
  const participation: Participation = { groups: {}, total: 0 };
  const takeaways: CitedItem[] = [];
  const calls: CitedItem[] = [];
  for (const row of rows) {
    const content = readContent(row.content);
    for (const presence of ['onsite', 'online'] as const) {
      for (const [group, n] of Object.entries(content.participation[presence].groups)) {
        participation.groups[group] = (participation.groups[group] ?? 0) + n;
        participation.total += n;
      }
    }
    takeaways.push(...content.takeaways.map((item) => ({ report: row.id, anchor: item.id, text: item.text })));
    calls.push(...content.calls_to_action.map((item) => ({ report: row.id, anchor: item.id, text: item.what, who: item.who })));
  }
  return { reports: rows.map(({ id, title, held_on, language }) => ({ id, title, held_on, language })), participation, takeaways, calls_to_action: calls };
}

/** The year as its public record tells it: public events begun in it, and reports published on days in it. */
export async function assembleYear(db: Db, initiativeId: string, year: number): Promise<AssembledYear> {
  const [events, reports] = await Promise.all([
    publicEventsInYear(db, initiativeId, year),
    reportsDb(db).selectFrom('reports').select(['id', 'event_id', 'title', 'held_on', 'language', 'content'])
      .where('initiative_id', '=', initiativeId).where('status', '=', 'published')
      .where('held_on', '>=', `${year}-01-01`).where('held_on', '<=', `${year}-12-31`)
      .orderBy('held_on').orderBy('title').execute(),
  ]);
  const eventIds = new Set(events.map((e) => e.id));
  return {
    events: events.map((event) => ({ ...event, ...gathered(reports.filter((r) => r.event_id === event.id)) })),
    standalone: gathered(reports.filter((r) => r.event_id === null || !eventIds.has(r.event_id))),
  };
}
