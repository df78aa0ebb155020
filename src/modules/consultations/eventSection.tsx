/** The consultations opened on an event, shown on the event's page through events' section hook (docs/decisions/040). */
import type { Db } from '../../platform/db/index.ts';
import type { Actor } from '../../platform/http/env.ts';
import type { SectionEvent } from '../events/index.ts';
import { consultationPolicy } from './policy.ts';
import { dayOf, listConsultations } from './queries.ts';
import { EventConsultations, newOnEventHref } from './views.tsx';

/** Nothing when there is none and this viewer may not open one; otherwise the list, with the way to open one for the organisers. */
export async function eventConsultations(db: Db, actor: Actor, event: SectionEvent, now: Date) {
  const canOpen = consultationPolicy.openForEvent(actor, { published_version: 0, people: [], committee: event.initiative.committee });
  const items = await listConsultations(db, dayOf(now), { userId: actor.user?.id ?? null, everyDraft: consultationPolicy.findEveryDraft(actor, undefined) }, { eventId: event.id });
  if (items.length === 0 && !canOpen) return null;
  return <EventConsultations items={items} openHref={canOpen ? newOnEventHref(event.slug) : null} />;
}
