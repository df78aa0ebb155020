/**
 * The reports archive at scale (docs/decisions/026): N published reports (default 100,000) over
 * 150 initiatives, ten years and four languages, inserted straight into the tables, then 25 timed
 * requests per address through the app in-process (each with a distinct query string, so no page
 * is served from the cache). `node --import tsx bench/reports-archive.ts sqlite|postgres [N]`;
 * PostgreSQL needs TEST_DATABASE_URL. Not the issue's `bench:reports` (search included): a check of
 * the archive's own statements.
 */
import { startTestApp } from '../tests/support/app.ts';
import { newId } from '../src/platform/db/index.ts';
import { sql } from 'kysely';

const kind = (process.argv[2] ?? 'sqlite') as 'sqlite' | 'postgres';
const N = Number(process.argv[3] ?? 100000);
const t = await startTestApp(kind);
const db = t.database.db as any;
const now = '2026-11-23T10:00:00.000Z';
const initiatives: string[] = [];
for (let i = 0; i < 150; i++) {
  const id = newId();
  initiatives.push(id);
  await db.insertInto('initiatives').values({ id, slug: `ini-${i}`, name: `Initiative ${i}`, search_name: `initiative ${i}`, acronym: null, type: 'national', region: 'latin_america_caribbean', year_established: 2010, website: null, contact_email: 'x@example.org', original_locale: 'es', status: 'listed', principles_accepted_at: null, is_demo: 0, created_by: null, created_at: now, updated_at: now }).execute().catch(async (e: Error) => { console.error(e.message); process.exit(1); });
  await db.insertInto('initiative_countries').values({ initiative_id: id, country: ['CO', 'UY', 'BR', 'FR', 'AR'][i % 5] }).execute();
}
const langs = ['es', 'en', 'pt', 'fr'];
const content = JSON.stringify({ summary: 'Texto de resumen '.repeat(40), key_issues: [], takeaways: [{ id: 'takeaway-1', text: 'Una conclusión' }], calls_to_action: [], proposals: [], follow_ups: [], participants: [], participation: { onsite: { groups: {}, genders: {} }, online: { groups: {}, genders: {} } }, links: {} });
// Seeded (mulberry32): the same archive on every run, with no pattern tying an initiative to its dates.
let seed = 20261126;
const random = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let x = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
  return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
};
const pick = <T,>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
const start = Date.now();
for (let b = 0; b < N; b += 500) {
  const reports = [], archive = [];
  for (let i = b; i < Math.min(N, b + 500); i++) {
    const id = newId();
    const day = `${2016 + Math.floor(random() * 10)}-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`;
    const ini = pick(initiatives);
    const language = pick(langs);
    // One to three groups each, government and civil society the most often.
    const groups = [1, 4, 4, 1, 8, 16, 32, 2][Math.floor(random() * 8)]! | (random() < 0.5 ? pick([1, 4, 8, 16, 32]) : 0) | (random() < 0.2 ? pick([2, 8, 32]) : 0);
    reports.push({ id, session_id: null, event_id: null, initiative_id: ini, title: `Report ${i}`, held_on: day, place: null, language, status: 'published', rapporteur_id: null, content, review_note: null, version: 1, created_by: null, created_at: now, updated_at: now });
    archive.push({ report_id: id, initiative_id: ini, title: `Report ${i}`, held_on: day, language, track: `Track ${Math.floor(random() * 12)}`, stakeholder_groups: groups, version: 1, published_at: now,
      updated_at: `2026-${String(1 + Math.floor(random() * 11)).padStart(2, '0')}-01T00:${String(Math.floor(random() * 60)).padStart(2, '0')}:00.000Z` });
  }
  await db.insertInto('reports').values(reports).execute();
  await db.insertInto('report_archive').values(archive).execute();
}
// As autovacuum leaves a table at rest: statistics, and on PostgreSQL a visibility map for index-only scans.
await sql.raw(kind === 'postgres' ? 'vacuum analyze' : 'analyze').execute(db);
console.log(`inserted ${N} in ${Date.now() - start} ms`);
const client = t.client();
const paths = ['/reports', '/reports?page=2', '/reports?page=4000', '/reports?language=fr', '/reports?year=2019', '/reports?initiative=ini-7', '/reports?country=UY',
  '/reports?track=Track%203', '/reports?group=academia', '/reports?group=academia&group=government', '/reports?group=intergovernmental&group=private_sector&group=academia', '/reports?language=pt&year=2021&group=civil_society', '/reports?country=BR&year=2018&page=3',
  '/reports.atom', '/initiatives/ini-3/reports.atom', '/api/reports', '/api/reports?initiative=ini-9&year=2020', '/api/reports?year=2024&offset=500'];
for (const p of paths) {
  const times: number[] = [];
  for (let i = 0; i < 25; i++) {
    const s = performance.now();
    // A query string of its own each time: anonymous pages are otherwise served from memory.
    const r = await client.get(`${p}${p.includes('?') ? '&' : '?'}nocache=${i}`);
    times.push(performance.now() - s);
    if (r.status !== 200) break;
  }
  if (times.length < 25) { console.log(`${p.padEnd(60)} answered other than 200 (fewer reports than the page needs?)`); continue; }
  times.sort((a, b) => a - b);
  console.log(`${p.padEnd(60)} p50 ${times[12]!.toFixed(1)} p95 ${times[23]!.toFixed(1)} ms`);
}
await t.close();
