import type { Child } from 'hono/jsx';
import type { Db } from '../../platform/db/index.ts';
import type { Actor } from '../../platform/http/env.ts';

/** An event as a section of its page sees it: what it is, and its organisers (the initiative's committee, for the rules). */
export interface SectionEvent {
  id: string;
  slug: string;
  title: string;
  status: string;
  initiative: { id: string; slug: string; name: string; committee: ReadonlyArray<{ user_id: string; role: string }> };
}

/**
 * A part of an event's page that another module fills: the consultations opened on the event
 * (docs/decisions/040). Events does not know the modules built on it (they depend on events, not
 * the other way round), so they register here, through events' index, when their manifest is
 * loaded, as reports does for the call's screening (call/reportsHook.ts). A section answers null
 * when it has nothing for this viewer, and is rendered in the page's view context (its own
 * catalog's words through `useView`).
 */
export type EventSection = (db: Db, actor: Actor, event: SectionEvent, now: Date) => Promise<Child | null>;

/** By name, so that loading a manifest twice registers its section once; shown in the order registered. */
const sections = new Map<string, EventSection>();

export function provideEventSection(name: string, section: EventSection): void {
  sections.set(name, section);
}

/** What the registered sections show this viewer on the event's page. */
export async function eventSections(db: Db, actor: Actor, event: SectionEvent, now: Date): Promise<Child[]> {
  const shown = await Promise.all([...sections.values()].map((section) => section(db, actor, event, now)));
  return shown.filter((child) => child !== null && child !== undefined);
}
