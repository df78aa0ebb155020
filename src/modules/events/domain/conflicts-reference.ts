/**
 * The obvious way to find a program's conflicts: compare every session with every other. Too slow
 * for a live page on a large program (n² pairs), but plainly right, so the tests and
 * `npm run bench:events` check the sweep in conflicts.ts against it.
 */
import { inOrder, overlaps, pairConflicts, prepare, roomsById, sessionConflicts, windowsByPerson, type Conflict } from './conflicts.ts';
import type { Program } from './types.ts';

export function detectConflictsAllPairs(program: Program): Conflict[] {
  const { placed, index } = prepare(program);
  const rooms = roomsById(program);
  const windows = windowsByPerson(program, index);
  const found: Conflict[] = [];
  for (let i = 0; i < placed.length; i++) {
    const a = placed[i]!;
    for (let j = i + 1; j < placed.length; j++) {
      const b = placed[j]!;
      if (!overlaps(a.session, b.session)) continue;
      const room = !!a.session.roomId && a.session.roomId === b.session.roomId;
      const track = !!a.session.trackId && a.session.trackId === b.session.trackId;
      const people = [...a.people.keys()].filter((key) => b.people.has(key));
      found.push(...pairConflicts(rooms, a, b, { room, track, people }));
    }
  }
  for (const item of placed) found.push(...sessionConflicts(program, rooms, windows, item));
  return inOrder(found);
}
