/**
 * The program as published: a snapshot of its placed sessions, in canonical JSON, hashed into the
 * transparency log; and what changed between two snapshots (the public changelog). Pure.
 */
import { canonicalJson, contentHash } from '../../../platform/log/index.ts';
import type { EventRoomsTable } from '../tables.ts';
import { sessionOrder, type Session, type Track } from './queries.ts';

export interface SnapshotPerson {
  name: string;
  role: string;
  organisation: string | null;
  stakeholder_group: string | null;
  presence: string | null;
}

export interface SnapshotSession {
  id: string;
  title: string;
  description: string | null;
  original_locale: string;
  /** UTC instants. */
  start: string;
  end: string;
  room: { id: string; name: string } | null;
  track: string | null;
  format: string | null;
  modality: string;
  /** No gender, country nor account: the public program names people as the organisers list them. */
  people: SnapshotPerson[];
}

export interface ProgramSnapshot {
  time_zone: string;
  sessions: SnapshotSession[];
}

/** The placed sessions, in the program's order. Unplaced sessions are not part of a published program. */
export function takeSnapshot(timeZone: string, sessions: readonly Session[], rooms: readonly Pick<EventRoomsTable, 'id' | 'name'>[], tracks: readonly Track[]): ProgramSnapshot {
  const roomName = new Map(rooms.map((r) => [r.id, r.name]));
  const trackName = new Map(tracks.map((t) => [t.id, t.name]));
  const placed = sessions.filter((s) => s.starts_at !== null && s.ends_at !== null).sort(sessionOrder);
  return {
    time_zone: timeZone,
    sessions: placed.map((s) => ({
      id: s.id, title: s.title, description: s.description, original_locale: s.original_locale, start: s.starts_at!, end: s.ends_at!,
      room: s.room_id ? { id: s.room_id, name: roomName.get(s.room_id) ?? '' } : null,
      track: s.track_id ? (trackName.get(s.track_id) ?? null) : null,
      format: s.format, modality: s.modality,
      people: s.people.map((p) => ({ name: p.name, role: p.role, organisation: p.organisation, stakeholder_group: p.stakeholder_group, presence: p.presence })),
    })),
  };
}

export const snapshotText = (snapshot: ProgramSnapshot) => canonicalJson(snapshot);
export const snapshotHash = (snapshot: ProgramSnapshot) => contentHash(snapshot);

export function readSnapshot(text: string): ProgramSnapshot {
  return JSON.parse(text) as ProgramSnapshot;
}

export type Change =
  | { kind: 'added'; id: string; title: string }
  | { kind: 'removed'; id: string; title: string }
  | { kind: 'retitled'; id: string; title: string; before: string }
  | { kind: 'people'; id: string; title: string }
  | { kind: 'moved'; id: string; title: string; before: { start: string; end: string; room: string | null }; after: { start: string; end: string; room: string | null } };

/** What changed from one version to the next, in the newer program's order (removed sessions last); a change of people is named, not detailed. */
export function changesBetween(before: ProgramSnapshot, after: ProgramSnapshot): Change[] {
  const old = new Map(before.sessions.map((s) => [s.id, s]));
  const changes: Change[] = [];
  for (const s of after.sessions) {
    const was = old.get(s.id);
    if (!was) {
      changes.push({ kind: 'added', id: s.id, title: s.title });
      continue;
    }
    if (was.title !== s.title) changes.push({ kind: 'retitled', id: s.id, title: s.title, before: was.title });
    if (JSON.stringify(was.people) !== JSON.stringify(s.people)) changes.push({ kind: 'people', id: s.id, title: s.title });
    if (was.start !== s.start || was.end !== s.end || was.room?.id !== s.room?.id) {
      changes.push({
        kind: 'moved', id: s.id, title: s.title,
        before: { start: was.start, end: was.end, room: was.room?.name ?? null }, after: { start: s.start, end: s.end, room: s.room?.name ?? null },
      });
    }
  }
  const kept = new Set(after.sessions.map((s) => s.id));
  for (const s of before.sessions) if (!kept.has(s.id)) changes.push({ kind: 'removed', id: s.id, title: s.title });
  return changes;
}
