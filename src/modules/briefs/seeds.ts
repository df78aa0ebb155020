import type { SeedOptions } from '../../platform/module.ts';
import type { CommandContext, SignedIn } from '../../platform/http/env.ts';
import type { JobQueue } from '../../platform/jobs/index.ts';
import { demoAccount } from '../accounts/index.ts';
import { addAuthor, addComment, publishBrief, replyToComment, saveBrief, startBrief } from './commands.ts';
import { findBrief } from './queries.ts';
import { gridItems, type GridItem, type Rating } from './grid.ts';
import type { BriefSaveInput } from './schema.ts';
import { briefsDb } from './tables.ts';

const authors = [
  { email: 'mariana.ruiz@demo.cabildo.example', name: 'Mariana Ruiz (demostración)', stakeholder_group: 'civil_society', affiliation: 'Red Ciudadana por los Derechos Digitales', country: 'CO', locale: 'es' },
  { email: 'andres.pena@demo.cabildo.example', name: 'Andrés Peña (demostración)', stakeholder_group: 'private_sector', affiliation: 'Asociación de Proveedores de Internet', country: 'CO', locale: 'es' },
];

/** The demo brief's grid: a fictional national data-localisation bill, rated and reasoned in Spanish. */
const localisation: Record<GridItem, [Rating, string]> = {
  accessible_infrastructure: ['none', 'El proyecto no cambia cómo se conectan las redes ni el protocolo común que usan.'],
  open_architecture: ['negative', 'Obliga a montar servicios con proveedores de nube locales certificados, lo que encarece combinar componentes abiertos disponibles en cualquier lugar.'],
  decentralised_management: ['negative', 'Exige registrar ante el regulador los centros de datos y las rutas de tráfico internacional de datos personales, un primer paso hacia un control centralizado.'],
  global_identifiers: ['none', 'Los nombres de dominio y las direcciones IP no se ven afectados.'],
  technology_neutral: ['negative', 'Al reservar ciertos datos a infraestructura nacional, la red deja de ser igual de útil para cualquier aplicación.'],
  easy_access: ['negative', 'Los costos de cumplimiento recaerían en los usuarios: los servicios extranjeros pequeños podrían dejar de ofrecerse en el país.'],
  unrestricted_use: ['strongly_negative', 'Prohíbe desplegar servicios que guarden datos de residentes fuera del territorio, aunque cifren la información.'],
  collaborative_governance: ['negative', 'El texto se redactó sin consulta pública; la reglamentación queda en manos de una sola autoridad.'],
  unrestricted_reachability: ['negative', 'Los servicios que no cumplan podrían ser bloqueados, lo que impediría llegar a ellos desde el país.'],
  available_capacity: ['unknown', 'No hay datos públicos sobre la capacidad de los centros de datos nacionales ni sobre su interconexión.'],
  data_confidentiality: ['negative', 'Concentrar los datos en pocos centros nacionales los vuelve un blanco atractivo; el proyecto no exige cifrado.'],
  integrity: ['none', 'No se prevén cambios en cómo se protege la integridad de la información.'],
  reliability: ['strongly_negative', 'Impide las copias de respaldo en otras regiones, que son la principal defensa ante desastres locales.'],
  accountability: ['positive', 'Crea un registro público de incidentes de seguridad, que hoy no existe.'],
  privacy: ['negative', 'Facilita el acceso de autoridades locales a los datos sin que el proyecto fije controles judiciales.'],
};

const grid = (rated: Partial<Record<GridItem, [Rating, string]>>): BriefSaveInput['grid'] =>
  Object.fromEntries(gridItems.map((item) => [item, { rating: rated[item]?.[0], reasoning: rated[item]?.[1], evidence: undefined, notes: {} }])) as BriefSaveInput['grid'];

/**
 * A published brief on a fictional national data-localisation bill, by two authors from different
 * stakeholder groups (demo accounts nobody can sign in as), and a draft. Seeding twice adds nothing.
 */
export async function seedDemoBriefs({ db, now, onlyIfEmpty }: SeedOptions): Promise<string | null> {
  const b = briefsDb(db);
  if (onlyIfEmpty && (await b.selectFrom('briefs').select('id').limit(1).executeTakeFirst())) return null;
  if (await b.selectFrom('briefs').select('id').where('title', 'like', '%(demostración)').limit(1).executeTakeFirst()) return null;
  const [first, second] = await Promise.all(authors.map((a) => demoAccount(db, a, now)));
  const actorOf = (id: string, i: number) => ({ user: { id, email: authors[i]!.email, name: authors[i]!.name, locale: 'es', country: 'CO', stakeholder_group: authors[i]!.stakeholder_group, affiliation: authors[i]!.affiliation, capacity: 'personal', email_verified_at: now.toISOString(), is_secretariat: 0 } });
  // The demo authors' addresses have no mailbox: their notifications are shown in Cabildo, never mailed.
  const noMail: JobQueue = { enqueue: async () => {} };
  const ctx: CommandContext<SignedIn> = { db, actor: actorOf(first!, 0), locale: 'es', now, jobs: noMail };
  const fail = (what: string, r: { ok: boolean }) => { if (!r.ok) throw new Error(`The demo brief did not ${what}: ${JSON.stringify(r)}`); };

  const started = await startBrief(ctx, { title: 'Proyecto de ley de localización obligatoria de datos (demostración)', kind: 'law', jurisdiction: 'CO', language: 'es' });
  fail('start', started);
  const id = started.ok ? started.value.id : '';
  fail('add its co-author', await addAuthor(ctx, (await findBrief(db, id))!, { email: authors[1]!.email }));
  fail('save', await saveBrief({ ...ctx, actor: actorOf(second!, 1) }, (await findBrief(db, id))!, {
    title: 'Proyecto de ley de localización obligatoria de datos (demostración)', kind: 'law', jurisdiction: 'CO', language: 'es', stage: 'full',
    summary: 'Un proyecto de ley ficticio obligaría a guardar en el país los datos personales de sus residentes y a registrar los flujos internacionales de datos. Este análisis concluye que debilitaría la resiliencia y la apertura de Internet sin mejorar la privacidad.',
    links: ['https://www.internetsociety.org/issues/internet-way-of-networking/'],
    grid: grid(localisation),
  }));
  fail('publish', await publishBrief(ctx, (await findBrief(db, id))!));

  const draft = await startBrief(ctx, { title: 'Norma sobre bloqueo de sitios por DNS (demostración)', kind: 'regulation', jurisdiction: 'regional', language: 'es' });
  fail('start the draft', draft);
  const draftId = draft.ok ? draft.value.id : '';
  fail('save the draft', await saveBrief(ctx, (await findBrief(db, draftId))!, {
    title: 'Norma sobre bloqueo de sitios por DNS (demostración)', kind: 'regulation', jurisdiction: 'regional', language: 'es', stage: 'preliminary',
    summary: 'Análisis preliminar de una norma regional ficticia que pediría a los proveedores bloquear sitios mediante sus servidores DNS.', links: [],
    grid: grid({ global_identifiers: ['negative', 'Las respuestas DNS dejarían de ser las mismas en todas partes.'], unrestricted_reachability: ['negative', 'Los sitios bloqueados dejarían de ser alcanzables para los usuarios de la región.'] }),
  }));
  // The draft's two authors discuss one item beside it (docs/decisions/036).
  fail('add the draft\'s co-author', await addAuthor(ctx, (await findBrief(db, draftId))!, { email: authors[1]!.email }));
  const asSecond = { ...ctx, actor: actorOf(second!, 1) };
  const comment = await addComment(asSecond, (await findBrief(db, draftId))!, { anchor: 'global_identifiers', comment: '¿Tenemos datos de cuántos resolvedores DNS de la región usarían la lista de bloqueo? Sin eso, «negativo» es difícil de sostener.' });
  fail('comment on the draft', comment);
  fail('answer the comment', await replyToComment(ctx, (await findBrief(db, draftId))!, comment.ok ? comment.value.id : '', { reply: 'Pedí las cifras a la asociación de proveedores; las agrego como evidencia cuando lleguen.' }));
  return 'Added two demo Internet impact briefs: one published (a data-localisation bill), one draft with a comment and its answer.';
}
