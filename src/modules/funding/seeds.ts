import type { SeedOptions } from '../../platform/module.ts';
import { newId, timestamp, type Db } from '../../platform/db/index.ts';
import { appendToLog } from '../../platform/log/index.ts';
import { indexRecords } from '../../platform/search/index.ts';
import { audit } from '../../platform/audit.ts';
import { findEventBySlug } from '../events/index.ts';
import { entryLogContent, entryPublishedKind, entryRecord } from './outcomes.ts';
import { fundingSearch } from './search.ts';
import { fundingDb, type FundingEntriesTable } from './tables.ts';

/** The events module's demo forum (src/modules/events/seeds.ts): its initiative's ledger is the demo's. */
const demoForum = 'demo-lacigf-foro-regional';
const day = 86_400_000;

type Demo = Pick<FundingEntriesTable, 'kind' | 'sponsor' | 'stakeholder_group' | 'support' | 'conditions' | 'category' | 'description' | 'amount' | 'currency'> & { daysAgo: number; forum?: boolean };

const income = (sponsor: string, group: string, support: 'cash' | 'in_kind', amount: number, daysAgo: number, conditions: string | null, description: string | null = null): Demo =>
  ({ kind: 'income', sponsor, stakeholder_group: group, support, conditions, category: null, description, amount, currency: 'USD', daysAgo });
const expense = (category: string, amount: number, daysAgo: number, description: string): Demo =>
  ({ kind: 'expense', sponsor: null, stakeholder_group: null, support: null, conditions: null, category, description, amount, currency: 'USD', daysAgo, forum: true });

/** Sponsors of five stakeholder groups and a venue lent in kind (amounts in US cents); demo data, named as such. */
const demoEntries: Demo[] = [
  income('Registro de nombres de dominio .uy (demostración)', 'technical_community', 'cash', 1_200_000, 150, 'Apoyo general al foro, sin condiciones sobre el programa.'),
  income('Operador regional de telecomunicaciones (demostración)', 'private_sector', 'cash', 800_000, 140, 'Su logo en la web del foro; ninguna intervención en el programa ni en la elección de oradores.'),
  income('Universidad de la República (demostración)', 'academia', 'in_kind', 300_000, 120, null, 'Transmisión en línea y voluntarios de la carrera de comunicación.'),
  income('Ministerio de Industria, Energía y Minería (demostración)', 'government', 'cash', 1_000_000, 110, 'Informe de gastos al cierre del ejercicio.'),
  income('Fundación para los derechos digitales (demostración)', 'civil_society', 'cash', 500_000, 100, 'Becas de viaje para participantes de la sociedad civil del Caribe.'),
  income('Agencia de Gobierno Electrónico (demostración)', 'government', 'in_kind', 600_000, 90, null, 'Uso de la Torre Ejecutiva durante dos días, valorado a precio de mercado.'),
  expense('catering', 420_000, 59, 'Almuerzos y pausas de café para 250 personas, dos días.'),
  expense('interpretation', 950_000, 59, 'Interpretación simultánea inglés–español y español–portugués.'),
];

async function publish(tx: Db, row: FundingEntriesTable, now: Date) {
  await tx.insertInto('funding_entries').values(row).execute();
  await appendToLog(tx, { kind: entryPublishedKind, record: entryRecord(row.id), version: 1, content: entryLogContent(row), actor: null, time: now });
  await audit(tx, { user: null }, now, { action: 'funding.entry_published', subjectType: 'funding_entry', subjectId: row.id, isPublic: true, details: { demo: true } });
}

/**
 * A published ledger for the demo forum's initiative: six sponsors, two expenses on the forum, one
 * correction (the operator gave less than first entered), a budget for the forum and a threshold
 * of 35 %, which the government's two contributions pass, so the warning shows. Published by the
 * installation itself and in the log, as the demo events are. Seeding twice adds nothing.
 */
export async function seedDemoFunding({ db, now }: SeedOptions): Promise<string | null> {
  const forum = await findEventBySlug(db, demoForum);
  if (!forum) return null;
  const funding = fundingDb(db);
  if (await funding.selectFrom('funding_entries').select('id').where('initiative_id', '=', forum.initiative_id).limit(1).executeTakeFirst()) return null;
  await funding.transaction().execute(async (tx) => {
    const stamp = timestamp(now);
    const rows: FundingEntriesTable[] = demoEntries.map((d) => ({
      id: newId(), initiative_id: forum.initiative_id, kind: d.kind, status: 'published', corrects_id: null, sponsor: d.sponsor, stakeholder_group: d.stakeholder_group,
      support: d.support, conditions: d.conditions, category: d.category, event_id: d.forum ? forum.id : null, description: d.description, amount: d.amount, currency: d.currency,
      occurred_on: new Date(now.getTime() - d.daysAgo * day).toISOString().slice(0, 10), created_by: null, created_at: stamp, published_by: null, published_at: stamp,
    }));
    for (const row of rows) await publish(tx, row, now);
    const operator = rows[1]!;
    const correction: FundingEntriesTable = {
      ...operator, id: newId(), corrects_id: operator.id, amount: 750_000,
      description: 'Corrección: el convenio firmado fue por USD 7.500, no 8.000 como se registró.',
    };
    await publish(tx, correction, now);
    await tx.insertInto('funding_budgets').values({ id: newId(), initiative_id: forum.initiative_id, event_id: forum.id, currency: 'USD', amount: 2_000_000, updated_at: stamp }).execute();
    await tx.insertInto('funding_settings').values({ initiative_id: forum.initiative_id, max_share: 35, updated_at: stamp }).execute();
    await indexRecords(tx, fundingSearch, [...rows.map((r) => r.id), correction.id]);
  });
  return `Added a demo funding ledger of ${demoEntries.length + 1} entries to the initiative of "${forum.title}".`;
}
