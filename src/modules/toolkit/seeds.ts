import type { SeedOptions } from '../../platform/module.ts';
import { listInitiatives } from '../initiatives/index.ts';
import { tickStep } from './commands.ts';
import { toolkitDb } from './tables.ts';

/**
 * Two demo initiatives at different points of the toolkit, ticked through the same command as a
 * committee's (by the installation itself: demo entries have no committee yet). The regional forum
 * held its demo event (checked automatically) and ticked every manual step; the Colombian forum
 * has just started. Steps about the committee stay open: the registry's demo entries have none.
 */
const demoTicks: Array<{ initiativeQuery: string; ticks: Array<{ step: string; note?: string; link?: string }> }> = [
  {
    initiativeQuery: 'LACIGF',
    ticks: [
      { step: 'committee_balance', note: 'El comité tiene igual número de mujeres y hombres y miembros de las cuatro subregiones (datos de demostración).' },
      { step: 'programme', note: 'Programa construido a partir de la consulta pública de temas; 14 sesiones (datos de demostración).', link: 'https://lacigf.org/' },
      { step: 'logistics', note: 'Sede en Montevideo con accesibilidad física, transmisión e interpretación (datos de demostración).' },
      { step: 'outreach_sponsorship', note: 'Convocatoria difundida en redes y listas regionales; patrocinio de cuatro sectores (datos de demostración).' },
    ],
  },
  {
    initiativeQuery: 'Colombian Internet Governance Forum',
    ticks: [
      { step: 'programme', note: 'Primera consulta abierta de temas en curso (datos de demostración).' },
      { step: 'outreach_sponsorship', note: 'Lista de correo y cuenta en redes creadas (datos de demostración).' },
    ],
  },
];

export async function seedDemoToolkit({ db, now, onlyIfEmpty }: SeedOptions): Promise<string | null> {
  if (onlyIfEmpty && (await toolkitDb(db).selectFrom('toolkit_ticks').select('id').limit(1).executeTakeFirst())) return null;
  let ticked = 0;
  for (const demo of demoTicks) {
    const { items } = await listInitiatives(db, { q: demo.initiativeQuery, status: 'any', sort: 'name' }, { limit: 1, offset: 0 });
    const initiative = items[0];
    // Without the demo initiatives there is nothing to tick; an initiative with ticks keeps them, so seeding twice adds nothing.
    if (!initiative || (await toolkitDb(db).selectFrom('toolkit_ticks').select('id').where('initiative_id', '=', initiative.id).limit(1).executeTakeFirst())) continue;
    for (const tick of demo.ticks) {
      const result = await tickStep({ db, actor: { user: null }, now }, initiative, tick.step, tick);
      if (!result.ok) throw new Error(`The demo toolkit tick ${tick.step} was refused: ${result.refusal.message}`);
      ticked++;
    }
  }
  return ticked ? `Ticked ${ticked} toolkit steps of demo initiatives.` : null;
}
