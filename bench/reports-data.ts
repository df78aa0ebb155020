/**
 * The archive of `npm run bench:reports` (bench/reports.ts), the same on every run: 150
 * initiatives in twelve countries, and N published session reports spread over them, ten years
 * (2016–2025) and es, en, pt and fr. Each report's text is a search-bench document of its
 * language (bench/search-data.ts: 50 to 2,000 words, Zipf over the language's vocabulary) cut
 * into a summary, key issues, takeaways and calls to action; it names 3 to 9 participants of one
 * to four stakeholder groups and counts attendance. Rows are written in bulk, then the archive's
 * rows are those `refreshArchive` writes for a published report and the search index is rebuilt
 * through the reports' search source, as the publish command leaves both.
 */
import { sql } from 'kysely';
import { newId, type Database } from '../src/platform/db/index.ts';
import { seededRandom, type Random } from '../src/platform/random.ts';
import { reindex } from '../src/platform/search/index.ts';
import { stakeholderKeys } from '../src/platform/stakeholders.ts';
import { contentOf, ContentSchema, type ReportContent } from '../src/modules/reports/content.ts';
import { groupBits } from '../src/modules/reports/archive/groups.ts';
import { reportSearch } from '../src/modules/reports/search.ts';
import { generate } from './search-data.ts';

export const initiativeCount = 150;
const countries = ['CO', 'UY', 'BR', 'AR', 'MX', 'PT', 'FR', 'SN', 'CI', 'ES', 'CL', 'CA'];
/** Each initiative's tracks: twelve names per language, a report's track in its own language. */
const tracks: Record<string, string[]> = {
  es: ['Acceso y conectividad', 'Derechos humanos', 'Ciberseguridad', 'Gobernanza de datos', 'Inteligencia artificial', 'Juventudes', 'Género', 'Redes comunitarias', 'Desinformación', 'Economía digital', 'Medio ambiente', 'Infraestructura'],
  en: ['Access and connectivity', 'Human rights', 'Cybersecurity', 'Data governance', 'Artificial intelligence', 'Youth', 'Gender', 'Community networks', 'Disinformation', 'Digital economy', 'Environment', 'Infrastructure'],
  pt: ['Acesso e conectividade', 'Direitos humanos', 'Cibersegurança', 'Governança de dados', 'Inteligência artificial', 'Juventudes', 'Gênero', 'Redes comunitárias', 'Desinformação', 'Economia digital', 'Meio ambiente', 'Infraestrutura'],
  fr: ['Accès et connectivité', 'Droits humains', 'Cybersécurité', 'Gouvernance des données', 'Intelligence artificielle', 'Jeunesse', 'Genre', 'Réseaux communautaires', 'Désinformation', 'Économie numérique', 'Environnement', 'Infrastructure'],
};
const roles = ['moderator', 'speaker', 'speaker', 'speaker', 'rapporteur', 'online_moderator'] as const;

export const slugOf = (i: number) => `bench-initiative-${i}`;
/** The initiative a country filter finds (initiative i is in countries[i % 12]). */
export const countryOf = (i: number) => countries[i % countries.length]!;
export const trackNames = tracks;

/** Cuts a document's words into texts of `min` to `max` words, as many as `count`. */
function pieces(words: string[], from: number, count: number, min: number, max: number, next: Random): { texts: string[]; end: number } {
  const texts: string[] = [];
  let at = from;
  for (let i = 0; i < count && at < words.length; i++) {
    const length = min + Math.floor(next() * (max - min + 1));
    const text = words.slice(at, at + length).join(' ');
    texts.push(text.charAt(0).toUpperCase() + text.slice(1) + '.');
    at += length;
  }
  return { texts, end: at };
}

/** Report n: its row's fields and its content, as the report form would have stored it. */
export function report(n: number): { language: string; title: string; heldOn: string; initiative: number; track: string; content: ReportContent } {
  const doc = generate(n);
  const next = seededRandom(500_000 + n);
  const words = (doc.fields.body as string).toLowerCase().split(' ');
  const summaryLength = Math.max(20, Math.floor(words.length * 0.6));
  const summary = words.slice(0, summaryLength).join(' ');
  const issues = pieces(words, summaryLength, 2 + Math.floor(next() * 4), 8, 30, next);
  const takeaways = pieces(words, issues.end, 2 + Math.floor(next() * 5), 10, 40, next);
  const actions = pieces(words, takeaways.end, 1 + Math.floor(next() * 3), 10, 30, next);
  // One to four groups present, government and civil society the most often.
  const groups = new Set<string>();
  const weighted = ['government', 'government', 'civil_society', 'civil_society', 'civil_society', 'technical_community', 'academia', 'private_sector', 'intergovernmental'];
  for (let i = 1 + Math.floor(next() * 4); i > 0; i--) groups.add(weighted[Math.floor(next() * weighted.length)]!);
  const present = [...groups];
  const participants = Array.from({ length: 3 + Math.floor(next() * 7) }, (_, i) => ({
    name: `Persona ${n}-${i}`, role: roles[i % roles.length]!, organisation: `Organización ${Math.floor(next() * 400)}`, stakeholder_group: present[i % present.length]!,
  }));
  const counts = (scale: number) => ({
    groups: Object.fromEntries(present.map((g) => [g, Math.floor(next() * scale)])),
    genders: { women: Math.floor(next() * scale), men: Math.floor(next() * scale) },
  });
  const input = ContentSchema.parse({
    summary: summary.charAt(0).toUpperCase() + summary.slice(1) + '.',
    key_issues: issues.texts.map((text) => ({ text })),
    takeaways: takeaways.texts.map((text) => ({ text })),
    calls_to_action: actions.texts.map((what) => ({ who: stakeholderKeys[Math.floor(next() * stakeholderKeys.length)]!, what })),
    participants,
    participation: { onsite: counts(60), online: counts(40) },
    links: { recording: `https://video.example.org/${n}` },
  });
  const year = 2016 + Math.floor(next() * 10);
  const heldOn = `${year}-${String(1 + Math.floor(next() * 12)).padStart(2, '0')}-${String(1 + Math.floor(next() * 28)).padStart(2, '0')}`;
  return {
    language: doc.language, title: doc.title.slice(0, 300), heldOn, initiative: Math.floor(next() * initiativeCount),
    track: tracks[doc.language]![Math.floor(next() * 12)]!, content: contentOf(input),
  };
}

/** Writes the initiatives and the reports, their archive rows and their search index; answers the seconds each part took. */
export async function fillArchive(database: Database, count: number, options: { index: boolean } = { index: true }): Promise<{ insert_seconds: number; index_seconds: number; indexed: number }> {
  const db = database.db as any;
  const now = '2026-11-26T10:00:00.000Z';
  const started = performance.now();
  const initiatives: string[] = [];
  await db.transaction().execute(async (tx: any) => {
    for (let i = 0; i < initiativeCount; i++) {
      const id = newId();
      initiatives.push(id);
      await tx.insertInto('initiatives').values({
        id, slug: slugOf(i), name: `Foro de Gobernanza de Internet ${i}`, search_name: `foro de gobernanza de internet ${i}`, acronym: `IGF${i}`, type: 'national', region: 'latin_america_caribbean',
        year_established: 2010, website: null, contact_email: `igf${i}@example.org`, original_locale: 'es', status: 'listed', principles_accepted_at: null, is_demo: 0, created_by: null, created_at: now, updated_at: now,
      }).execute();
      await tx.insertInto('initiative_countries').values({ initiative_id: id, country: countryOf(i) }).execute();
    }
  });
  const batch = 200;
  for (let from = 0; from < count; from += batch) {
    const reports: Array<Record<string, unknown>> = [];
    const archive: Array<Record<string, unknown>> = [];
    for (let n = from; n < Math.min(count, from + batch); n++) {
      const r = report(n);
      const id = newId();
      const initiativeId = initiatives[r.initiative]!;
      const publishedAt = `${r.heldOn.slice(0, 4) === '2025' ? '2025-12-20' : `${Number(r.heldOn.slice(0, 4)) + 1}-01-15`}T12:00:00.000Z`;
      reports.push({
        id, session_id: null, event_id: null, initiative_id: initiativeId, title: r.title, held_on: r.heldOn, place: null, language: r.language, status: 'published',
        rapporteur_id: null, content: JSON.stringify(r.content), review_note: null, version: 1, created_by: null, created_at: publishedAt, updated_at: publishedAt,
      });
      // What refreshArchive writes at publication (the track a session's would have).
      archive.push({
        report_id: id, initiative_id: initiativeId, title: r.title, held_on: r.heldOn, language: r.language, track: r.track, stakeholder_groups: groupBits(r.content),
        version: 1, published_at: publishedAt, updated_at: publishedAt,
      });
    }
    await db.transaction().execute(async (tx: any) => {
      await tx.insertInto('reports').values(reports).execute();
      await tx.insertInto('report_archive').values(archive).execute();
    });
  }
  const inserted = performance.now();
  // The index the publish command's indexRecords leaves, built by the same source in bulk.
  const indexed = options.index ? await reindex(database.db, [reportSearch]) : 0;
  // As autovacuum leaves tables at rest: statistics, and on PostgreSQL a visibility map for index-only scans.
  await sql.raw(database.dialect === 'postgres' ? 'vacuum analyze' : 'analyze').execute(database.db);
  return { insert_seconds: Math.round((inserted - started) / 100) / 10, index_seconds: Math.round((performance.now() - inserted) / 100) / 10, indexed };
}
