import type { Kysely } from 'kysely';
import type { CommandContext, SignedIn } from '../../../platform/http/env.ts';
import { lockRow, newId, serializeOn, timestamp } from '../../../platform/db/index.ts';
import { audit } from '../../../platform/audit.ts';
import { indexRecords } from '../../../platform/search/index.ts';
import { ok, refuse, type Result } from '../../../platform/http/result.ts';
import { slugify } from '../../../platform/text.ts';
import { isRouteWord } from '../../../platform/http/paths.ts';
import type { EventInput, RoomInput } from '../schema.ts';
import { eventSearch } from '../search.ts';
import { fromLocalInput } from '../time.ts';
import { eventsDb, type EventsTables } from '../tables.ts';

/** A slug not yet taken: the title's (with the year), then -2, -3 … Creations wait for each other here. */
async function freeSlug(tx: Kysely<EventsTables>, base: string): Promise<string> {
  await serializeOn(tx, 'events.slug');
  const taken = new Set((await tx.selectFrom('events').select('slug').where('slug', 'like', `${base}%`).execute()).map((r) => r.slug));
  if (!taken.has(base) && !isRouteWord(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

/** The stored columns of an event's fields: times become UTC instants (the schema has checked they exist). */
function columns(input: EventInput) {
  return {
    kind: input.kind, format: input.format, title: input.title, description: input.description ?? null, original_locale: input.description_locale,
    // An online event has no venue: what was typed there before is not kept.
    venue_name: input.format === 'online' ? null : (input.venue_name ?? null),
    venue_city: input.format === 'online' ? null : (input.venue_city ?? null),
    venue_country: input.format === 'online' ? null : (input.venue_country ?? null),
    time_zone: input.time_zone, starts_at: fromLocalInput(input.start, input.time_zone)!, ends_at: fromLocalInput(input.end, input.time_zone)!,
  };
}

async function writeLanguages(tx: Kysely<EventsTables>, eventId: string, input: EventInput): Promise<void> {
  await tx.deleteFrom('event_languages').where('event_id', '=', eventId).execute();
  await tx.deleteFrom('event_interpretations').where('event_id', '=', eventId).execute();
  const languages = [...new Set(input.languages)];
  const pairs = [...new Set(input.interpretation)];
  if (languages.length) await tx.insertInto('event_languages').values(languages.map((language) => ({ event_id: eventId, language }))).execute();
  if (pairs.length) await tx.insertInto('event_interpretations').values(pairs.map((pair) => ({ event_id: eventId, pair }))).execute();
}

/** Creates an event of an initiative, as a draft; rooms may come with it (through the API). */
export async function createEvent(
  ctx: CommandContext<SignedIn>,
  initiativeId: string,
  input: EventInput & { rooms?: RoomInput[] },
  options: { demo?: boolean } = {},
): Promise<Result<{ id: string; slug: string }>> {
  if (!fromLocalInput(input.start, input.time_zone) || !fromLocalInput(input.end, input.time_zone)) return refuse('events.errors.no_such_time', { field: 'start' });
  return eventsDb(ctx.db).transaction().execute(async (tx) => {
    const id = newId();
    const now = timestamp(ctx.now);
    const fields = columns(input);
    const slug = await freeSlug(tx, slugify(`${input.title} ${fields.starts_at.slice(0, 4)}`));
    await tx
      .insertInto('events')
      .values({ id, slug, initiative_id: initiativeId, ...fields, status: 'draft', is_demo: options.demo ? 1 : 0, created_by: ctx.actor.user.id, created_at: now, updated_at: now })
      .execute();
    await writeLanguages(tx, id, input);
    for (const [position, room] of (input.rooms ?? []).entries()) {
      await tx.insertInto('event_rooms').values({ id: newId(), event_id: id, name: room.name, capacity: room.capacity ?? null, online_link: room.online_link ?? null, position }).execute();
    }
    await audit(tx, ctx.actor, ctx.now, { action: 'event.created', subjectType: 'event', subjectId: id, isPublic: false, details: { title: input.title } });
    await indexRecords(tx, eventSearch, [id]);
    return ok({ id, slug });
  });
}

/** Saves edits; the slug stays, so links and calendar subscriptions keep working. */
export async function updateEvent(ctx: CommandContext<SignedIn>, eventId: string, input: EventInput): Promise<Result<void>> {
  return eventsDb(ctx.db).transaction().execute(async (tx) => {
    await lockRow(tx, 'events', eventId);
    const event = await tx.selectFrom('events').select('status').where('id', '=', eventId).executeTakeFirst();
    if (!event) return refuse('events.errors.gone', { status: 404 });
    await tx.updateTable('events').set({ ...columns(input), updated_at: timestamp(ctx.now) }).where('id', '=', eventId).execute();
    await writeLanguages(tx, eventId, input);
    await audit(tx, ctx.actor, ctx.now, { action: 'event.updated', subjectType: 'event', subjectId: eventId, isPublic: event.status !== 'draft' });
    await indexRecords(tx, eventSearch, [eventId]);
    return ok();
  });
}
