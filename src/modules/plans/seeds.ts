import type { SeedOptions } from '../../platform/module.ts';
import { newId, timestamp, type Db } from '../../platform/db/index.ts';
import { audit } from '../../platform/audit.ts';
import { indexRecords } from '../../platform/search/index.ts';
import { listInitiatives } from '../initiatives/index.ts';
import { adoptedKind, itemRecord, logOutcome, planRecord, statusKind } from './outcomes.ts';
import { itemSearch, planSearch } from './search.ts';
import { plansDb } from './tables.ts';

const dayMs = 86_400_000;
const dayFrom = (now: Date, days: number) => new Date(now.getTime() + days * dayMs).toISOString().slice(0, 10);

interface DemoItem {
  topic: string;
  action: string;
  responsible: [kind: 'person' | 'organisation' | 'group', name: string];
  mechanism: string;
  /** Days from now. */
  due: number;
  /** The statuses it went through after adoption, in order. */
  steps: string[];
  updates: Array<{ days: number; text: string; percent: number | null; evidence: string[] }>;
}

/**
 * Modelled on the action plan of Colombia's Mesa de Gobernanza de Internet: commitments that came
 * out of its dialogues, grouped by topic, each with who answers for it and how it is worked on.
 * Names of people are invented; it is demonstration data.
 */
const demoItems: DemoItem[] = [
  {
    topic: 'community_networks', action: 'Mapear las redes comunitarias activas en los departamentos con menor conectividad y publicar el mapa con datos abiertos.',
    responsible: ['organisation', 'Colnodo'], mechanism: 'research', due: -20, steps: ['in_progress', 'done'],
    updates: [
      { days: -70, text: 'Se acordó la metodología con cuatro redes comunitarias de Cauca y Nariño.', percent: 30, evidence: ['https://example.org/demo/mapa-redes/metodologia'] },
      { days: -22, text: 'Mapa publicado con 38 redes comunitarias y su conjunto de datos.', percent: 100, evidence: ['https://example.org/demo/mapa-redes', 'https://example.org/demo/mapa-redes/datos.csv'] },
    ],
  },
  {
    topic: 'universal_access_rights', action: 'Proponer al regulador criterios de acceso significativo (velocidad, asequibilidad, dispositivos y habilidades) para medir la conectividad rural.',
    responsible: ['group', 'civil_society'], mechanism: 'advocacy', due: -10, steps: ['in_progress'],
    updates: [{ days: -40, text: 'Borrador de criterios enviado a consulta dentro de la Mesa; faltan los comentarios del sector privado.', percent: 60, evidence: ['https://example.org/demo/acceso-significativo/borrador'] }],
  },
  {
    topic: 'universal_access_rights', action: 'Talleres de habilidades digitales para lideresas rurales, con materiales en lenguas indígenas.',
    responsible: ['person', 'Laura Camargo (coordinadora de formación)'], mechanism: 'capacity_building', due: 90, steps: ['in_progress'],
    updates: [{ days: -15, text: 'Primeros dos talleres en La Guajira con 46 participantes.', percent: 25, evidence: ['https://example.org/demo/talleres/guajira'] }],
  },
  {
    topic: 'cybersecurity_safety', action: 'Grupo de trabajo multisectorial sobre respuesta a incidentes en pequeñas empresas y organizaciones sociales.',
    responsible: ['group', 'technical_community'], mechanism: 'working_group', due: 60, steps: ['in_progress'],
    updates: [{ days: -30, text: 'El grupo se reunió tres veces y redacta una guía de primeros pasos.', percent: 40, evidence: [] }],
  },
  {
    topic: 'cybersecurity_safety', action: 'Sesión abierta sobre violencia digital de género en el próximo foro nacional.',
    responsible: ['organisation', 'Fundación Karisma'], mechanism: 'event', due: 150, steps: [], updates: [],
  },
  {
    topic: 'data_governance', action: 'Consulta pública sobre la reglamentación de la transferencia internacional de datos personales.',
    responsible: ['group', 'government'], mechanism: 'consultation', due: 120, steps: [], updates: [],
  },
  {
    topic: 'data_governance', action: 'Documento de posición de la academia sobre datos abiertos en las ciudades inteligentes.',
    responsible: ['group', 'academia'], mechanism: 'research', due: 30, steps: ['dropped'],
    updates: [{ days: -5, text: 'Se abandona: la universidad que lo lideraba dejó la Mesa; el tema pasa al plan del próximo año.', percent: null, evidence: [] }],
  },
];

async function insertDemo(tx: Db, initiativeId: string, now: Date): Promise<string> {
  const plans = plansDb(tx);
  const id = newId();
  const created = timestamp(new Date(now.getTime() - 120 * dayMs));
  const adoptedAt = new Date(now.getTime() - 100 * dayMs);
  await plans.insertInto('action_plans').values({
    id, initiative_id: initiativeId, title: 'Plan de acción de la Mesa de Gobernanza de Internet (demostración)', starts_on: dayFrom(now, -120), ends_on: dayFrom(now, 245),
    description: 'Compromisos que salieron de los diálogos de la Mesa: quién responde por cada uno, cómo se trabaja y cuánto se avanzó. Datos de demostración.',
    language: 'es', status: 'draft', adopted_by: null, adopted_at: null, created_by: null, created_at: created, updated_at: created,
  }).execute();
  const itemIds: string[] = [];
  for (const demo of demoItems) {
    const itemId = newId();
    itemIds.push(itemId);
    await plans.insertInto('action_plan_items').values({
      id: itemId, plan_id: id, topic_key: demo.topic, action: demo.action, responsible_kind: demo.responsible[0], responsible_name: demo.responsible[1], responsible_user_id: null,
      mechanism: demo.mechanism, due_on: dayFrom(now, demo.due), status: 'planned', source_report_id: null, source_anchor: null, logged_versions: 0, reminded_at: null,
      created_by: null, created_at: created, updated_at: created,
    }).execute();
  }
  // Adopted by the installation (the demo has no committee), in the log as any adoption is.
  const items = await plans.selectFrom('action_plan_items').selectAll().where('plan_id', '=', id).orderBy('due_on').orderBy('id').execute();
  await plans.updateTable('action_plans').set({ status: 'adopted', adopted_at: timestamp(adoptedAt), updated_at: timestamp(adoptedAt) }).where('id', '=', id).execute();
  const plan = await plans.selectFrom('action_plans').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  await logOutcome(tx, {
    kind: adoptedKind, record: planRecord(id), version: 1, actor: null, now: adoptedAt,
    content: {
      plan: id, initiative: initiativeId, title: plan.title, starts_on: plan.starts_on, ends_on: plan.ends_on, description: plan.description, language: plan.language,
      adopted_at: timestamp(adoptedAt), adopted_by: null,
      items: items.map((i) => ({ id: i.id, topic: i.topic_key, action: i.action, responsible: { kind: i.responsible_kind, name: i.responsible_name }, mechanism: i.mechanism, due_on: i.due_on, status: i.status, source: null })),
    },
  });
  for (const [index, demo] of demoItems.entries()) {
    const itemId = itemIds[index]!;
    let previous = 'planned';
    for (const [step, status] of demo.steps.entries()) {
      const at = new Date(now.getTime() - (90 - step * 30) * dayMs);
      await plans.updateTable('action_plan_items').set({ status, logged_versions: step + 1, updated_at: timestamp(at) }).where('id', '=', itemId).execute();
      await logOutcome(tx, { kind: statusKind, record: itemRecord(itemId), version: step + 1, actor: null, now: at, content: { item: itemId, plan: id, status, previous, changed_at: timestamp(at), changed_by: null } });
      previous = status;
    }
    for (const update of demo.updates) {
      await plans.insertInto('action_plan_updates').values({
        id: newId(), item_id: itemId, written_on: dayFrom(now, update.days), text: update.text, percent: update.percent, evidence: JSON.stringify(update.evidence),
        created_by: null, created_at: timestamp(new Date(now.getTime() + update.days * dayMs)),
      }).execute();
    }
  }
  await indexRecords(tx, planSearch, [id]);
  await indexRecords(tx, itemSearch, itemIds);
  await audit(tx, { user: null }, now, { action: 'plan.adopted', subjectType: 'action_plan', subjectId: id, isPublic: true, details: { demo: true } });
  return id;
}

/** The Colombian forum's demo action plan (when the demo initiatives are loaded); seeding twice adds nothing. */
export async function seedDemoPlans({ db, now, onlyIfEmpty }: SeedOptions): Promise<string | null> {
  const plans = plansDb(db);
  if (onlyIfEmpty && (await plans.selectFrom('action_plans').select('id').limit(1).executeTakeFirst())) return null;
  const { items } = await listInitiatives(db, { q: 'Colombian Internet Governance Forum', status: 'any', sort: 'name' }, { limit: 1, offset: 0 });
  const initiative = items[0];
  if (!initiative) return null;
  if (await plans.selectFrom('action_plans').select('id').where('initiative_id', '=', initiative.id).limit(1).executeTakeFirst()) return null;
  await plans.transaction().execute((tx) => insertDemo(tx, initiative.id, now));
  return `Added a demo action plan to ${initiative.name}.`;
}
