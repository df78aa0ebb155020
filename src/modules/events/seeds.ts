import type { SeedOptions } from '../../platform/module.ts';
import { newId, timestamp } from '../../platform/db/index.ts';
import { indexRecords } from '../../platform/search/index.ts';
import { audit } from '../../platform/audit.ts';
import { listInitiatives } from '../initiatives/index.ts';
import { logEventOutcome } from './outcomes.ts';
import { eventSearch } from './search.ts';
import { fromLocalInput, toLocalInput } from './time.ts';
import { eventsDb } from './tables.ts';
import { seedDemoProgram } from './program/seeds.ts';

const day = 86_400_000;

/** The day `days` from now in the zone, at a wall-clock time: "2026-09-10T09:00" as an instant. */
function dayAt(now: Date, days: number, time: string, zone: string): string {
  return fromLocalInput(`${toLocalInput(new Date(now.getTime() + days * day).toISOString(), zone).slice(0, 10)}T${time}`, zone)!;
}

interface DemoEvent {
  initiativeQuery: string;
  slug: string;
  kind: string;
  format: string;
  title: string;
  description: string;
  locale: string;
  venue: [string, string, string] | null;
  zone: string;
  start: (now: Date) => string;
  end: (now: Date) => string;
  languages: string[];
  interpretation: string[];
  rooms: Array<[string, number | null, string | null]>;
  status: 'published' | 'closed';
  withProgram?: boolean;
}

const demoEvents: DemoEvent[] = [
  {
    initiativeQuery: 'LACIGF',
    slug: 'demo-lacigf-foro-regional',
    kind: 'annual_forum',
    format: 'hybrid',
    title: 'Foro de Gobernanza de Internet de América Latina y el Caribe (demostración)',
    description:
      'Dos días de diálogo multisectorial sobre acceso significativo, derechos humanos en línea, ciberseguridad e inteligencia artificial en la región.\n\nIncluye la sesión de coordinación de las iniciativas nacionales. Datos de demostración.',
    locale: 'es',
    venue: ['Torre Ejecutiva', 'Montevideo', 'UY'],
    zone: 'America/Montevideo',
    start: (now) => dayAt(now, -60, '09:00', 'America/Montevideo'),
    end: (now) => dayAt(now, -59, '18:00', 'America/Montevideo'),
    languages: ['es', 'en', 'pt'],
    interpretation: ['en-es', 'es-pt'],
    rooms: [['Sala plenaria', 300, 'https://meet.example.org/lacigf-plenaria'], ['Sala Montevideo', 80, 'https://meet.example.org/lacigf-mvd'], ['Sala Caribe', 40, null]],
    status: 'closed',
    withProgram: true,
  },
  {
    initiativeQuery: 'Colombian Internet Governance Forum',
    slug: 'demo-webinar-acceso-significativo',
    kind: 'webinar',
    format: 'online',
    title: 'Webinar: acceso significativo y conectividad rural (demostración)',
    description: 'Una hora y media de conversación abierta, con interpretación español–inglés. Datos de demostración.',
    locale: 'es',
    venue: null,
    zone: 'America/Bogota',
    start: (now) => dayAt(now, 21, '14:00', 'America/Bogota'),
    end: (now) => dayAt(now, 21, '15:30', 'America/Bogota'),
    languages: ['es', 'en'],
    interpretation: ['en-es'],
    rooms: [['Sala virtual', 500, 'https://meet.example.org/webinar-acceso']],
    status: 'published',
  },
];

/** A past two-day regional forum and an upcoming webinar, attached to demo initiatives (when those are loaded). */
export async function seedDemoEvents({ db, now, onlyIfEmpty }: SeedOptions): Promise<string | null> {
  const events = eventsDb(db);
  if (onlyIfEmpty && (await events.selectFrom('events').select('id').limit(1).executeTakeFirst())) return null;
  let added = 0;
  for (const demo of demoEvents) {
    if (await events.selectFrom('events').select('id').where('slug', '=', demo.slug).executeTakeFirst()) continue;
    const { items } = await listInitiatives(db, { q: demo.initiativeQuery, status: 'any', sort: 'name' }, { limit: 1, offset: 0 });
    const initiative = items[0];
    if (!initiative) continue;
    await events.transaction().execute(async (tx) => {
      const id = newId();
      const stamp = timestamp(now);
      await tx.insertInto('events').values({
        id, slug: demo.slug, initiative_id: initiative.id, kind: demo.kind, format: demo.format, title: demo.title, description: demo.description,
        original_locale: demo.locale, venue_name: demo.venue?.[0] ?? null, venue_city: demo.venue?.[1] ?? null, venue_country: demo.venue?.[2] ?? null,
        time_zone: demo.zone, starts_at: demo.start(now), ends_at: demo.end(now), status: 'draft', is_demo: 1, created_by: null, created_at: stamp, updated_at: stamp,
      }).execute();
      await tx.insertInto('event_languages').values(demo.languages.map((language) => ({ event_id: id, language }))).execute();
      await tx.insertInto('event_interpretations').values(demo.interpretation.map((pair) => ({ event_id: id, pair }))).execute();
      await tx.insertInto('event_rooms').values(demo.rooms.map(([name, capacity, online_link], position) => ({ id: newId(), event_id: id, name, capacity, online_link, position }))).execute();
      // Published (and closed) as any event is: in the log, by the installation itself.
      for (const step of demo.status === 'closed' ? (['published', 'closed'] as const) : (['published'] as const)) {
        await tx.updateTable('events').set({ status: step }).where('id', '=', id).execute();
        await logEventOutcome(tx, { eventId: id, outcome: step, actorId: null, now });
      }
      // The forum's program of sessions, published (program/seeds.ts).
      if (demo.withProgram) await seedDemoProgram(tx, id, now);
      await audit(tx, { user: null }, now, { action: 'event.created', subjectType: 'event', subjectId: id, isPublic: false, details: { title: demo.title, demo: true } });
      await indexRecords(tx, eventSearch, [id]);
    });
    added++;
  }
  return added ? `Added ${added} demo events.` : null;
}
