/**
 * The demo regional forum's program: twenty sessions over two days in three rooms, published as
 * version 1 by the installation. One of them is the coordination session of national initiatives
 * of a LACIGF, with the people its report names (moderator, speakers, rapporteur, remote
 * moderator); the other sessions and their speakers are invented for the demonstration.
 */
import type { Kysely } from 'kysely';
import { newId, timestamp } from '../../../platform/db/index.ts';
import type { EventsTables } from '../tables.ts';
import { fromLocalInput, toLocalInput } from '../time.ts';
import { conflictsOf } from './conflicts.ts';
import { recordVersion } from './commands.ts';
import { sessionsOf } from './queries.ts';
import { takeSnapshot } from './snapshot.ts';

type Person = [name: string, role: string, organisation: string | null, group: string | null, country: string | null, presence: 'onsite' | 'online'];

interface DemoSession {
  day: 0 | 1;
  room: 0 | 1 | 2;
  start: string;
  end: string;
  title: string;
  format: string;
  expected: number;
  description?: string;
  people: Person[];
}

/** The coordination session, as its report (relatoría) describes it. */
const coordination: DemoSession = {
  day: 0, room: 1, start: '14:00', end: '15:30', format: 'roundtable', expected: 60,
  title: 'Espacios de diálogo de gobernanza locales: avances en las discusiones (mesa de coordinación de iniciativas nacionales)',
  description:
    'Representantes de las iniciativas de México, Argentina, Barbados, Costa Rica, Colombia, Uruguay y Paraguay intercambian buenas prácticas entre iniciativas nacionales: '
    + 'las más consolidadas cuentan cómo ayudar a las que empiezan a participar en los procesos globales de gobernanza. Se habla de financiamiento, de la participación '
    + 'de los gobiernos, del primer foro de Barbados y del kit de herramientas para organizar un IGF nacional, y se propone una comunidad que acompañe a las iniciativas nuevas.',
  people: [
    ['Raquel Gatto', 'moderator', 'Internet Society, Capítulo Brasil', 'civil_society', 'BR', 'onsite'],
    ['Manuel Haces', 'speaker', 'NIC.MX, Grupo Iniciativa de Gobernanza de Internet (México)', 'technical_community', 'MX', 'onsite'],
    ['Miguel Ignacio Estrada', 'speaker', 'Argentina / MAG', null, 'AR', 'onsite'],
    ['Rodney Taylor', 'speaker', 'ISOC-BB, Comité Programador de IGF-Barbados', 'civil_society', 'BB', 'onsite'],
    ['Julian Casasbuenas', 'speaker', 'APC-Colombia / MAG', 'civil_society', 'CO', 'onsite'],
    ['Beatriz Rodriguez', 'speaker', 'IGF Uruguay / Internet Society', 'civil_society', 'UY', 'onsite'],
    ['Lía Patricia Hernández Pérez', 'speaker', 'IPANDETEC, Panamá', 'civil_society', 'PA', 'onsite'],
    ['Jimena Sierra', 'rapporteur', 'Instituto Federal de Telecomunicaciones (IFT), México', 'government', 'MX', 'onsite'],
    ['Alejandra Erramuspe', 'online_moderator', 'AGESIC, Uruguay', 'government', 'UY', 'online'],
  ],
};

const slots: Array<[string, string]> = [['09:00', '10:30'], ['11:00', '12:30'], ['14:00', '15:30'], ['16:00', '17:30']];

/** Invented sessions around it: topics of the region's forums, two to four people each (demo names). */
const topics: Array<[title: string, format: string, people: Person[]]> = [
  ['Apertura: la gobernanza de Internet en América Latina y el Caribe', 'town_hall', [['Valentina Ríos (demo)', 'moderator', null, 'civil_society', 'UY', 'onsite'], ['Tomás Ferreira (demo)', 'speaker', null, 'government', 'UY', 'onsite'], ['Ana Lucía Paz (demo)', 'speaker', null, 'technical_community', 'CL', 'onsite']]],
  ['Acceso significativo en zonas rurales', 'panel', [['Rosa Quispe (demo)', 'moderator', null, 'civil_society', 'PE', 'onsite'], ['Diego Salazar (demo)', 'speaker', null, 'private_sector', 'CO', 'onsite'], ['Marta Benítez (demo)', 'speaker', null, 'government', 'PY', 'online'], ['Luis Acosta (demo)', 'rapporteur', null, 'academia', 'AR', 'onsite']]],
  ['Derechos humanos en línea y libertad de expresión', 'roundtable', [['Camila Duarte (demo)', 'moderator', null, 'civil_society', 'BR', 'onsite'], ['Héctor Molina (demo)', 'speaker', null, 'academia', 'MX', 'onsite'], ['Paula Vidal (demo)', 'speaker', null, 'intergovernmental', 'CL', 'online']]],
  ['Ciberseguridad y confianza: respuesta a incidentes en la región', 'workshop', [['Ricardo Núñez (demo)', 'moderator', null, 'technical_community', 'CR', 'onsite'], ['Sofía Herrera (demo)', 'speaker', null, 'government', 'DO', 'onsite'], ['Andrés Castillo (demo)', 'speaker', null, 'private_sector', 'GT', 'onsite']]],
  ['Inteligencia artificial y políticas públicas', 'debate', [['Lucía Méndez (demo)', 'moderator', null, 'academia', 'UY', 'onsite'], ['Jorge Carrillo (demo)', 'speaker', null, 'government', 'EC', 'onsite'], ['Daniela Soto (demo)', 'speaker', null, 'civil_society', 'CL', 'onsite']]],
  ['Juventud y gobernanza de Internet', 'open_forum', [['Mateo Silva (demo)', 'moderator', null, 'civil_society', 'BR', 'onsite'], ['Isabel Cruz (demo)', 'speaker', null, 'academia', 'HN', 'online']]],
  ['Interconexión e infraestructura: IXP en el Caribe', 'panel', [['Kevin Joseph (demo)', 'moderator', null, 'technical_community', 'TT', 'onsite'], ['Carla Brown (demo)', 'speaker', null, 'private_sector', 'JM', 'onsite'], ['Pedro Alves (demo)', 'speaker', null, 'technical_community', 'BR', 'onsite']]],
  ['Protección de datos personales: leyes nuevas y su aplicación', 'roundtable', [['Natalia Ortiz (demo)', 'moderator', null, 'government', 'AR', 'onsite'], ['Felipe Rojas (demo)', 'speaker', null, 'civil_society', 'CO', 'onsite'], ['Gabriela Lima (demo)', 'speaker', null, 'private_sector', 'BR', 'online']]],
  ['Género e inclusión digital', 'panel', [['Mariana Torres (demo)', 'moderator', null, 'civil_society', 'MX', 'onsite'], ['Elena Vargas (demo)', 'speaker', null, 'intergovernmental', 'PA', 'onsite'], ['Claudia Pérez (demo)', 'speaker', null, 'academia', 'VE', 'onsite']]],
  ['Multilingüismo y nombres de dominio internacionalizados', 'lightning_talk', [['Javier Morales (demo)', 'speaker', null, 'technical_community', 'CR', 'onsite']]],
  ['Plataformas digitales y moderación de contenidos', 'debate', [['Beatriz Campos (demo)', 'moderator', null, 'academia', 'CL', 'onsite'], ['Raúl Medina (demo)', 'speaker', null, 'private_sector', 'MX', 'onsite'], ['Silvia Ramos (demo)', 'speaker', null, 'civil_society', 'BO', 'onsite']]],
  ['Economía digital y comercio electrónico', 'panel', [['Fernando Gil (demo)', 'moderator', null, 'private_sector', 'PE', 'onsite'], ['Laura Castro (demo)', 'speaker', null, 'government', 'CO', 'onsite']]],
  ['Ambiente y tecnología: el costo energético de la nube', 'workshop', [['Martín Suárez (demo)', 'moderator', null, 'academia', 'UY', 'onsite'], ['Verónica León (demo)', 'speaker', null, 'civil_society', 'AR', 'online']]],
  ['Cooperación digital y el Pacto Digital Mundial', 'town_hall', [['Andrea Blanco (demo)', 'moderator', null, 'intergovernmental', 'CL', 'onsite'], ['Óscar Delgado (demo)', 'speaker', null, 'government', 'MX', 'onsite'], ['Carolina Peña (demo)', 'speaker', null, 'civil_society', 'BR', 'onsite']]],
  ['Redes comunitarias: experiencias locales', 'birds_of_a_feather', [['Nicolás Paredes (demo)', 'moderator', null, 'civil_society', 'AR', 'onsite'], ['Julia Fuentes (demo)', 'speaker', null, 'civil_society', 'MX', 'onsite']]],
  ['Desinformación y procesos electorales', 'roundtable', [['Ignacio Vera (demo)', 'moderator', null, 'academia', 'BR', 'onsite'], ['Patricia Luna (demo)', 'speaker', null, 'government', 'CR', 'online'], ['Sebastián Rivas (demo)', 'speaker', null, 'private_sector', 'CO', 'onsite']]],
  ['Infancias y adolescencias en línea', 'panel', [['Carmen Aguilar (demo)', 'moderator', null, 'civil_society', 'PY', 'onsite'], ['Rodrigo Ibáñez (demo)', 'speaker', null, 'government', 'UY', 'onsite']]],
  ['Estándares abiertos e IPv6', 'lightning_talk', [['Hugo Navarro (demo)', 'speaker', null, 'technical_community', 'AR', 'onsite']]],
  ['Cierre: mensajes del foro', 'town_hall', [['Valentina Ríos (demo)', 'moderator', null, 'civil_society', 'UY', 'onsite'], ['Jimena Sierra', 'speaker', 'Instituto Federal de Telecomunicaciones (IFT), México', 'government', 'MX', 'onsite']]],
];

/** Places the invented sessions in the free slots (coordination's slot taken), day by day, room by room. */
function demoSessions(): DemoSession[] {
  const sessions: DemoSession[] = [coordination];
  let next = 0;
  for (const day of [0, 1] as const) {
    for (const [start, end] of slots) {
      for (const room of [0, 1, 2] as const) {
        if (day === coordination.day && room === coordination.room && start === coordination.start) continue;
        // The second day ends earlier in the small room: twenty sessions in all.
        if (day === 1 && room === 2 && start >= '14:00') continue;
        const topic = topics[next++];
        if (!topic) continue;
        const [title, format, people] = topic;
        sessions.push({ day, room, start, end, title, format, expected: [150, 50, 30][room]!, people });
      }
    }
  }
  return sessions;
}

/** Adds the program and publishes it as version 1, in the caller's transaction (the event just made). */
export async function seedDemoProgram(tx: Kysely<EventsTables>, eventId: string, now: Date): Promise<void> {
  const event = await tx.selectFrom('events').selectAll().where('id', '=', eventId).executeTakeFirstOrThrow();
  const rooms = await tx.selectFrom('event_rooms').select(['id', 'name', 'capacity']).where('event_id', '=', eventId).orderBy('position').execute();
  const firstDay = toLocalInput(event.starts_at, event.time_zone).slice(0, 10);
  const dayOf = (offset: number) => new Date(Date.parse(`${firstDay}T12:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10);
  const stamp = timestamp(now);
  for (const s of demoSessions()) {
    const id = newId();
    const day = dayOf(s.day);
    await tx.insertInto('event_sessions').values({
      id, event_id: eventId, proposal_id: null, title: s.title, description: s.description ?? null, original_locale: 'es', format: s.format, track_id: null,
      modality: 'hybrid', room_id: rooms[s.room]!.id, starts_at: fromLocalInput(`${day}T${s.start}`, event.time_zone), ends_at: fromLocalInput(`${day}T${s.end}`, event.time_zone),
      expected_attendance: s.expected, capacity: null, created_at: stamp, updated_at: stamp,
    }).execute();
    await tx.insertInto('event_session_people').values(s.people.map(([name, role, organisation, group, country, presence], position) => ({
      id: newId(), session_id: id, role, user_id: null, name, organisation, stakeholder_group: group, country, gender: null, presence, confirmed: 1, position,
    }))).execute();
  }
  const sessions = await sessionsOf(tx, eventId);
  const open = conflictsOf({ ...event, rooms: rooms.map((r) => ({ ...r, capacity: r.capacity === null ? null : Number(r.capacity) })) }, sessions).length;
  await recordVersion(tx, { eventId, version: 1, snapshot: takeSnapshot(event.time_zone, sessions, rooms, []), openConflicts: open, actorId: null, now });
}
