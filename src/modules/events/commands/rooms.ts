import type { CommandContext, SignedIn } from '../../../platform/http/env.ts';
import { lockRow, newId, timestamp } from '../../../platform/db/index.ts';
import { audit } from '../../../platform/audit.ts';
import { ok, refuse, type Result } from '../../../platform/http/result.ts';
import type { RoomInput } from '../schema.ts';
import { eventsDb } from '../tables.ts';

/** An event holds at most this many rooms: enough for a global IGF, not a way to fill the database. */
export const maxRooms = 100;

/** Adds a room at the end of the event's list. */
export async function addRoom(ctx: CommandContext<SignedIn>, eventId: string, input: RoomInput): Promise<Result<{ id: string }>> {
  return eventsDb(ctx.db).transaction().execute(async (tx) => {
    await lockRow(tx, 'events', eventId);
    const rooms = await tx.selectFrom('event_rooms').select(['position']).where('event_id', '=', eventId).execute();
    if (rooms.length >= maxRooms) return refuse('events.errors.too_many_rooms', { field: 'name', status: 409, values: { max: maxRooms } });
    const id = newId();
    const position = rooms.reduce((max, r) => Math.max(max, Number(r.position) + 1), 0);
    await tx.insertInto('event_rooms').values({ id, event_id: eventId, name: input.name, capacity: input.capacity ?? null, online_link: input.online_link ?? null, position }).execute();
    await tx.updateTable('events').set({ updated_at: timestamp(ctx.now) }).where('id', '=', eventId).execute();
    await audit(tx, ctx.actor, ctx.now, { action: 'event.room_added', subjectType: 'event', subjectId: eventId, details: { room: id, name: input.name } });
    return ok({ id });
  });
}

export async function updateRoom(ctx: CommandContext<SignedIn>, eventId: string, roomId: string, input: RoomInput): Promise<Result<void>> {
  return eventsDb(ctx.db).transaction().execute(async (tx) => {
    await lockRow(tx, 'events', eventId);
    const changed = await tx
      .updateTable('event_rooms')
      .set({ name: input.name, capacity: input.capacity ?? null, online_link: input.online_link ?? null })
      .where('id', '=', roomId)
      .where('event_id', '=', eventId)
      .executeTakeFirst();
    if (Number(changed.numUpdatedRows) === 0) return refuse('events.errors.room_gone', { status: 404 });
    await tx.updateTable('events').set({ updated_at: timestamp(ctx.now) }).where('id', '=', eventId).execute();
    await audit(tx, ctx.actor, ctx.now, { action: 'event.room_updated', subjectType: 'event', subjectId: eventId, details: { room: roomId, name: input.name } });
    return ok();
  });
}

export async function removeRoom(ctx: CommandContext<SignedIn>, eventId: string, roomId: string): Promise<Result<void>> {
  return eventsDb(ctx.db).transaction().execute(async (tx) => {
    await lockRow(tx, 'events', eventId);
    const removed = await tx.deleteFrom('event_rooms').where('id', '=', roomId).where('event_id', '=', eventId).executeTakeFirst();
    if (Number(removed.numDeletedRows) === 0) return refuse('events.errors.room_gone', { status: 404 });
    await tx.updateTable('events').set({ updated_at: timestamp(ctx.now) }).where('id', '=', eventId).execute();
    await audit(tx, ctx.actor, ctx.now, { action: 'event.room_removed', subjectType: 'event', subjectId: eventId, details: { room: roomId } });
    return ok();
  });
}
