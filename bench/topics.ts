/**
 * `npm run bench:topics`: the topic pages at scale (issue 11, items 7 and 10; docs/decisions/027).
 * Stores 100,000 published session reports of 150 initiatives over ten years in four languages,
 * each with three takeaways and a call to action, counts by stakeholder group, and one to three of
 * the taxonomy's eleven topics (so a topic holds about 18,000 reports); then times, one request
 * after another and each at a fresh address (never from the response cache), `/topics`, a topic's
 * page unfiltered, by year, by initiative, both, a deep page, and its JSON. SQLite always;
 * PostgreSQL too when TEST_DATABASE_URL is set. Target: p95 ≤ 50 ms (wall clock; this process's CPU
 * time is printed beside it, since other processes on a shared machine inflate the wall clock).
 * Prints one JSON object.
 */
import { parseArgs } from 'node:util';
import { startTestApp, type TestApp } from '../tests/support/app.ts';
import { newId } from '../src/platform/db/index.ts';
import { canonicalJson } from '../src/platform/log/index.ts';
import { seededRandom } from '../src/platform/random.ts';
import { stakeholderKeys } from '../src/platform/stakeholders.ts';
import { defaultTopics } from '../src/modules/events/index.ts';
import { emptyContent, type ReportContent } from '../src/modules/reports/content.ts';
import { peopleByGroup } from '../src/modules/reports/topics/indexing.ts';

const { values } = parseArgs({ options: { reports: { type: 'string', default: '100000' }, runs: { type: 'string', default: '100' }, seed: { type: 'string', default: '2026' } } });
const total = Number(values.reports);
const runs = Number(values.runs);
const target = { p95_ms: 50 };
const languages = ['es', 'en', 'pt', 'fr'] as const;
const words = ['redes', 'comunitarias', 'espectro', 'financiamiento', 'acceso', 'datos', 'derechos', 'community', 'networks', 'funding', 'access', 'inclusão', 'réseaux', 'jeunesse'];

async function store(t: TestApp) {
  const random = seededRandom(Number(values.seed));
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const sentence = () => Array.from({ length: 12 }, () => pick(words)).join(' ');
  const db = t.database.db as never as import('kysely').Kysely<Record<string, Record<string, unknown>>>;
  const stamp = '2026-01-01T00:00:00.000Z';
  const initiatives = Array.from({ length: 150 }, (_, i) => ({
    id: newId(), slug: `initiative-${i}`, name: `Initiative ${i}`, acronym: null, type: 'national', region: null, year_established: 2010, website: null,
    contact_email: `i${i}@example.org`, original_locale: pick(languages), status: 'listed', principles_accepted_at: stamp, is_demo: 0, search_name: `initiative ${i}`,
    created_by: null, created_at: stamp, updated_at: stamp,
  }));
  await db.insertInto('initiatives').values(initiatives).execute();
  const batch = 400;
  for (let start = 0; start < total; start += batch) {
    const reports: Array<Record<string, unknown>> = [];
    const tags: Array<Record<string, unknown>> = [];
    const groups: Array<Record<string, unknown>> = [];
    for (let i = start; i < Math.min(total, start + batch); i++) {
      const id = newId();
      const year = 2016 + Math.floor(random() * 10);
      const heldOn = `${year}-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`;
      const initiative = pick(initiatives).id;
      const content: ReportContent = {
        ...emptyContent(), summary: sentence(),
        takeaways: [0, 1, 2].map((n) => ({ id: `takeaway-${n}${i.toString(16)}`, text: sentence() })),
        calls_to_action: [{ id: `action-${i.toString(16)}`, who: 'Gobierno', what: sentence() }],
        participation: { onsite: { groups: Object.fromEntries(stakeholderKeys.filter(() => random() < 0.6).map((g) => [g, 1 + Math.floor(random() * 30)])), genders: {} }, online: { groups: {}, genders: {} } },
      };
      reports.push({
        id, session_id: null, event_id: null, initiative_id: initiative, title: `Report ${i}: ${sentence().slice(0, 40)}`, held_on: heldOn, place: null, language: pick(languages),
        status: 'published', rapporteur_id: null, content: canonicalJson(content), review_note: null, version: 1, created_by: null, created_at: stamp, updated_at: stamp,
      });
      const topics = new Set(Array.from({ length: 1 + Math.floor(random() * 3) }, () => pick(defaultTopics)));
      for (const topic_key of topics) tags.push({ report_id: id, topic_key, initiative_id: initiative, held_on: heldOn, year, published: 1, takeaways: 3, calls: 1 });
      for (const [stakeholder_group, people] of peopleByGroup(content)) groups.push({ report_id: id, stakeholder_group, people });
    }
    await db.transaction().execute(async (tx) => {
      await tx.insertInto('reports').values(reports).execute();
      await tx.insertInto('report_topics').values(tags).execute();
      if (groups.length) await tx.insertInto('report_groups').values(groups).execute();
    });
  }
  const { sql } = await import('kysely');
  // The counts' cells, as the commands' recount makes them one by one.
  await sql`insert into report_topic_stats (topic_key, year, initiative_id, reports, takeaways, calls)
    select topic_key, year, initiative_id, count(*), sum(takeaways), sum(calls) from report_topics where published = 1 group by topic_key, year, initiative_id`.execute(t.database.db);
  await sql`insert into report_topic_group_stats (topic_key, year, initiative_id, stakeholder_group, people, reports)
    select rt.topic_key, rt.year, rt.initiative_id, g.stakeholder_group, sum(g.people), count(*) from report_topics rt join report_groups g on g.report_id = rt.report_id
    where rt.published = 1 group by rt.topic_key, rt.year, rt.initiative_id, g.stakeholder_group`.execute(t.database.db);
  await sql`insert into report_topic_year_stats (topic_key, year, reports, takeaways, calls)
    select topic_key, year, sum(reports), sum(takeaways), sum(calls) from report_topic_stats group by topic_key, year`.execute(t.database.db);
  await sql`insert into report_topic_year_group_stats (topic_key, year, stakeholder_group, people, reports)
    select topic_key, year, stakeholder_group, sum(people), sum(reports) from report_topic_group_stats group by topic_key, year, stakeholder_group`.execute(t.database.db);
  // What autovacuum does on a live PostgreSQL (index-only scans need the visibility map); SQLite analyses.
  await (t.database.dialect === 'postgres' ? sql`vacuum analyze` : sql`analyze`).execute(t.database.db);
  return initiatives;
}

const percentile = (list: number[], p: number) => {
  const sorted = [...list].sort((a, b) => a - b);
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! * 10) / 10;
};

async function time(t: TestApp, path: string) {
  const client = t.client();
  const took: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs + 5; i++) {
    const started = performance.now();
    const used = process.cpuUsage();
    const page = await client.get(`${path}${path.includes('?') ? '&' : '?'}n=${i}`);
    const ms = performance.now() - started;
    const spent = process.cpuUsage(used);
    if (page.status !== 200) throw new Error(`${path}: ${page.status}`);
    if (i >= 5) { took.push(ms); cpu.push((spent.user + spent.system) / 1000); }
  }
  // The CPU time of this process beside the wall clock: other processes on a shared machine inflate the latter.
  return { p50_ms: percentile(took, 50), p95_ms: percentile(took, 95), cpu_p50_ms: percentile(cpu, 50), cpu_p95_ms: percentile(cpu, 95) };
}

const result: Record<string, unknown> = { reports: total, initiatives: 150, topics: defaultTopics.length, runs, target };
for (const kind of (process.env.TEST_DATABASE_URL ? ['sqlite', 'postgres'] : ['sqlite']) as Array<'sqlite' | 'postgres'>) {
  const t = await startTestApp(kind);
  try {
    const loadStarted = performance.now();
    const initiatives = await store(t);
    const one = initiatives[7]!.slug;
    const timings = {
      load_s: Math.round((performance.now() - loadStarted) / 100) / 10,
      topics: await time(t, '/topics'),
      topic: await time(t, '/topics/community_networks'),
      topic_year: await time(t, '/topics/community_networks?year=2021'),
      topic_initiative: await time(t, `/topics/community_networks?initiative=${one}`),
      topic_year_initiative: await time(t, `/topics/community_networks?year=2021&initiative=${one}`),
      topic_page_500: await time(t, '/topics/community_networks?page=500'),
      topic_json: await time(t, '/api/topics/community_networks?year=2021'),
    };
    result[kind] = timings;
  } finally {
    await t.close();
  }
}
console.log(JSON.stringify(result, null, 2));
