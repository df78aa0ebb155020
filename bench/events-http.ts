/**
 * The program over HTTP, for `npm run bench:events` (issue 10, item 13): Cabildo as users start
 * it (`cabildo serve`, SQLite, the demo data) with a forum of 300 sessions in 40 rooms and 1,500
 * people added and its program published; then
 * - how long the program page and its JSON take to build (a fresh address each time, so never
 *   from the response cache), one request after another;
 * - requests a second under load (autocannon, 20 connections, compressed) for the program page,
 *   its JSON and the `/events` page — the baseline measured in the same run (built for every
 *   request, since which events are upcoming depends on the clock) — and for a bare
 *   `node:http` server answering the same bytes, whose ratio is the platform's page target
 *   (pages ≥ 15 %, JSON ≥ 25 %, as bench/pages.ts).
 */
import { spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { bareServer, capture, startProcess } from './serving.ts';
import { newId, openConfiguredDatabase, timestamp } from '../src/platform/db/index.ts';
import { eventsDb } from '../src/modules/events/tables.ts';
import { recordVersion } from '../src/modules/events/program/commands.ts';
import { conflictsOf } from '../src/modules/events/program/conflicts.ts';
import { sessionsOf } from '../src/modules/events/program/queries.ts';
import { takeSnapshot } from '../src/modules/events/program/snapshot.ts';
import type { Room, ScheduledSession } from '../src/modules/events/domain/types.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'bin', 'cabildo.js');
const seconds = Number(process.env.BENCH_SECONDS ?? 3);
const connections = 20;
const headers = { 'accept-encoding': 'gzip', 'accept-language': 'es-CO,es;q=0.9' };
const targets = { html: 0.15, json: 0.25 } as const;



async function load(port: number, path: string) {
  await autocannon({ url: `http://127.0.0.1:${port}${path}`, connections, duration: 1, headers });
  const result = await autocannon({ url: `http://127.0.0.1:${port}${path}`, connections, duration: seconds, headers });
  return { requests_per_second: Math.round(result.requests.average), p50_ms: result.latency.p50, p99_ms: result.latency.p99, errors: result.errors + result.timeouts + result.non2xx };
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! * 10) / 10;
};

/** Stores the generated forum as an event of the first demo initiative, and publishes its program. */
async function storeForum(dataDir: string, forum: { event: { start: number; end: number }; rooms: readonly Room[]; sessions: readonly ScheduledSession[]; groupOf: (name: string) => string | null }) {
  const database = openConfiguredDatabase({ dataDir });
  try {
    const db = eventsDb(database.db);
    const initiative = await database.db.selectFrom('initiatives').select('id').orderBy('id').limit(1).executeTakeFirstOrThrow();
    const now = new Date();
    const stamp = timestamp(now);
    const id = newId();
    await db.transaction().execute(async (tx) => {
      await tx.insertInto('events').values({
        id, slug: 'bench-forum', initiative_id: initiative.id as string, kind: 'annual_forum', format: 'hybrid', title: 'Bench forum', description: null, original_locale: 'es',
        venue_name: null, venue_city: 'Bogotá', venue_country: 'CO', time_zone: 'America/Bogota', starts_at: new Date(forum.event.start).toISOString(),
        ends_at: new Date(forum.event.end - 6 * 3_600_000).toISOString(), status: 'published', is_demo: 1, created_by: null, created_at: stamp, updated_at: stamp,
      }).execute();
      await tx.insertInto('event_rooms').values(forum.rooms.map((r, position) => ({ id: r.id, event_id: id, name: r.name, capacity: r.capacity ?? null, online_link: null, position }))).execute();
      for (const s of forum.sessions) {
        await tx.insertInto('event_sessions').values({
          id: s.id, event_id: id, proposal_id: null, title: s.title ?? s.id, description: null, original_locale: 'es', format: 'panel', track_id: null, modality: 'hybrid',
          room_id: s.roomId ?? null, starts_at: new Date(s.start).toISOString(), ends_at: new Date(s.end).toISOString(), expected_attendance: s.expectedAttendance ?? null,
          capacity: null, created_at: stamp, updated_at: stamp,
        }).execute();
        await tx.insertInto('event_session_people').values(s.people.map((p, position) => ({
          id: newId(), session_id: s.id, role: p.role, user_id: null, name: p.person.name, organisation: p.person.organisation ?? null,
          stakeholder_group: forum.groupOf(p.person.name), country: null, gender: null, presence: 'onsite', confirmed: 1, position,
        }))).execute();
      }
      const sessions = await sessionsOf(tx, id);
      const rooms = forum.rooms.map((r) => ({ id: r.id, name: r.name, capacity: r.capacity ?? null }));
      const event = { time_zone: 'America/Bogota', starts_at: new Date(forum.event.start).toISOString(), ends_at: new Date(forum.event.end - 6 * 3_600_000).toISOString(), rooms };
      await recordVersion(tx, { eventId: id, version: 1, snapshot: takeSnapshot('America/Bogota', sessions, rooms, []), openConflicts: conflictsOf(event, sessions).length, actorId: null, now });
    });
  } finally {
    await database.close();
  }
}

export async function programOverHttp(forum: Parameters<typeof storeForum>[1]) {
  const dataDir = mkdtempSync(join(tmpdir(), 'cabildo-bench-events-'));
  const env = { PATH: process.env.PATH!, CABILDO_DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'info' };
  const seeded = spawnSync(process.execPath, [bin, 'seed', 'demo'], { env, encoding: 'utf8' });
  if (seeded.status !== 0) throw new Error(`seed demo failed: ${seeded.stderr}`);
  await storeForum(dataDir, forum);
  const cabildo = await startProcess(process.execPath, [bin, 'serve'], env);
  let bare: ChildProcess | undefined;
  try {
    const page = '/events/bench-forum/program';
    const json = '/api/events/bench-forum/program';
    // Built afresh: an address never asked before is never in the response cache.
    const cold = async (path: string) => {
      const times: number[] = [];
      for (let i = 0; i < 30; i++) times.push((await capture(cabildo.port, `${path}?bench=${i}`, headers)).ms);
      return { runs: times.length, p50_ms: percentile(times, 50), p95_ms: percentile(times, 95) };
    };
    const built = { program_page: await cold(page), program_json: await cold(json), events_page: await cold('/events') };
    const endpoints = [
      { name: 'events page (baseline)', path: '/events', kind: null },
      { name: 'program page', path: page, kind: 'html' as 'html' | 'json' | null },
      { name: 'program JSON', path: json, kind: 'json' as const },
    ];
    const answers = await Promise.all(endpoints.map(async (e) => [e.path, await capture(cabildo.port, e.path, headers)] as const));
    const answersFile = join(dataDir, 'answers.json');
    writeFileSync(answersFile, JSON.stringify(answers));
    const started = await startProcess(process.execPath, ['-e', bareServer], { PATH: process.env.PATH!, ANSWERS: answersFile });
    bare = started.child;
    const results = [];
    for (const endpoint of endpoints) {
      const baseline = await load(started.port, endpoint.path);
      const measured = await load(cabildo.port, endpoint.path);
      const ratio = Math.round((measured.requests_per_second / baseline.requests_per_second) * 1000) / 1000;
      const answer = answers.find(([path]) => path === endpoint.path)![1];
      results.push({
        endpoint: endpoint.name, path: endpoint.path, status: answer.status, compressed_bytes: answer.bytes, cabildo: measured, bare_node_http: baseline, ratio,
        // The /events page is built for every request (which events are upcoming depends on the clock): a baseline, not a target.
        target_ratio: endpoint.kind ? targets[endpoint.kind] : null, meets_target: answer.status === 200 && (endpoint.kind === null || ratio >= targets[endpoint.kind]),
      });
    }
    const events = results[0]!.cabildo.requests_per_second;
    return {
      built_uncached: built,
      under_load: results,
      program_vs_events_page: Object.fromEntries(results.slice(1).map((r) => [r.endpoint, Math.round((r.cabildo.requests_per_second / events) * 100) / 100])),
      all_meet_targets: results.every((r) => r.meets_target),
    };
  } finally {
    bare?.kill();
    cabildo.child.kill('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  }
}
