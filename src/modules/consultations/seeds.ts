import type { SeedOptions } from '../../platform/module.ts';
import { newId, timestamp, type Db } from '../../platform/db/index.ts';
import { audit } from '../../platform/audit.ts';
import { indexRecords } from '../../platform/search/index.ts';
import { demoAccount } from '../accounts/index.ts';
import { listInitiatives } from '../initiatives/index.ts';
import { consultationRecord, logOutcome, versionContent, versionPublishedKind } from './outcomes.ts';
import { consultationSearch } from './search.ts';
import { consultationsDb } from './tables.ts';
import { canonicalText, carryAnchors, numberBlocks, replaceParagraph, splitText, type NumberedBlock } from './text.ts';

const day = 86_400_000;
export const demoSlug = 'demo-declaracion-igf-uruguay';

/** A national IGF's closing declaration, invented for the demonstration. */
const declaration = `# Preámbulo

Las personas reunidas en el Foro de Gobernanza de Internet de Uruguay, de gobiernos, sociedad civil, sector privado, comunidad técnica y academia, reconocemos que Internet es un recurso común que debe gestionarse de manera abierta y multisectorial.

# Acceso y conectividad

Instamos a las autoridades a ampliar la conectividad en zonas rurales, con metas públicas y medibles.

Alentamos el desarrollo de redes comunitarias como complemento de los operadores comerciales.

# Derechos en línea

Los derechos que las personas tienen fuera de línea deben protegerse también en línea, incluida la privacidad de sus datos.

# Seguimiento

El comité del foro publicará cada año un informe sobre el avance de estos compromisos.
`;

const people = [
  { email: 'demo.ana.silva@example.org', name: 'Ana Silva (demostración)', stakeholder_group: 'civil_society', affiliation: 'Colectivo por los derechos digitales' },
  { email: 'demo.martin.perez@example.org', name: 'Martín Pérez (demostración)', stakeholder_group: 'government', affiliation: 'Agencia de Gobierno Electrónico' },
  { email: 'demo.lucia.fernandez@example.org', name: 'Lucía Fernández (demostración)', stakeholder_group: 'technical_community', affiliation: 'Registro de dominios .uy' },
  { email: 'demo.diego.rodriguez@example.org', name: 'Diego Rodríguez (demostración)', stakeholder_group: 'private_sector', affiliation: 'Cámara de empresas de telecomunicaciones' },
  { email: 'demo.sofia.gomez@example.org', name: 'Sofía Gómez (demostración)', stakeholder_group: 'academia', affiliation: 'Universidad de la República' },
] as const;

async function publishVersion(tx: Db, c: { id: string; slug: string; title: string; text_kind: string; language: string; initiative_id: string }, number: number, markdown: string, blocks: NumberedBlock[], applied: string[], by: string, at: Date) {
  const id = newId();
  const stamp = timestamp(at);
  const store = consultationsDb(tx);
  await store.insertInto('consultation_versions').values({ id, consultation_id: c.id, number, status: 'published', markdown, created_by: by, created_at: stamp, updated_at: stamp, published_by: by, published_at: stamp }).execute();
  await store.insertInto('consultation_blocks').values(blocks.map((b, position) => ({ version_id: id, position, anchor: b.anchor, kind: b.kind, number: b.number, level: b.level, text: b.text }))).execute();
  await store.updateTable('consultations').set({ published_version: number, updated_at: stamp }).where('id', '=', c.id).execute();
  await logOutcome(tx, { kind: versionPublishedKind, record: consultationRecord(c.id), version: number, actor: by, now: at, content: versionContent(c, { number, blocks, applied }, by, at) });
}

/**
 * IGF Uruguay's demo declaration, in its positions phase (positions from five groups, no call yet): version 1 published a month ago,
 * comments from four stakeholder groups (one answered), an amendment the drafting group accepted
 * (endorsed by three groups) and version 2 with it applied, both versions in the public log. The
 * people are invented and cannot sign in. Seeding twice adds nothing.
 */
export async function seedDemoConsultation({ db, now }: SeedOptions): Promise<string | null> {
  const { items } = await listInitiatives(db, { q: 'IGF Uruguay', status: 'any', sort: 'name' }, { limit: 1, offset: 0 });
  const initiative = items[0];
  if (!initiative) return null;
  const store = consultationsDb(db);
  if (await store.selectFrom('consultations').select('id').where('slug', '=', demoSlug).executeTakeFirst()) return null;
  const ids: string[] = [];
  for (const p of people) ids.push(await demoAccount(db, { ...p, country: 'UY', locale: 'es' }, now));
  const [ana, martin, lucia, diego, sofia] = ids as [string, string, string, string, string];
  const at = (days: number) => new Date(now.getTime() + days * day);
  const dayOn = (days: number) => at(days).toISOString().slice(0, 10);
  await store.transaction().execute(async (tx) => {
    const c = { id: newId(), slug: demoSlug, title: 'Declaración del Foro de Gobernanza de Internet de Uruguay 2026 (demostración)', text_kind: 'declaration', language: 'es', initiative_id: initiative.id, event_id: null };
    await tx.insertInto('consultations').values({
      ...c, languages: JSON.stringify(['es', 'en']), comments_from: dayOn(-30), amendments_from: dayOn(-10), positions_from: dayOn(-2), consensus_from: dayOn(12), closes_on: dayOn(30),
      min_per_group: 3, appeal_days: 14, published_version: 0, created_by: martin, created_at: timestamp(at(-31)), updated_at: timestamp(at(-31)),
    }).execute();
    await tx.insertInto('consultation_people').values([
      { consultation_id: c.id, user_id: martin, role: 'chair', added_at: timestamp(at(-31)) },
      { consultation_id: c.id, user_id: lucia, role: 'drafter', added_at: timestamp(at(-31)) },
      { consultation_id: c.id, user_id: ana, role: 'drafter', added_at: timestamp(at(-31)) },
      { consultation_id: c.id, user_id: sofia, role: 'moderator', added_at: timestamp(at(-31)) },
    ]).execute();
    const split = splitText(declaration);
    if (!split.ok) throw new Error('the demo declaration does not split');
    const first = numberBlocks(split.blocks, carryAnchors(split.blocks, []));
    await publishVersion(tx, c, 1, declaration, first, [], martin, at(-30));
    const rural = first.find((b) => b.text.startsWith('Instamos'))!;
    const rights = first.find((b) => b.text.startsWith('Los derechos'))!;
    const comment = async (anchor: string, author: string, body: string, days: number, parent: string | null = null) => {
      const id = newId();
      await tx.insertInto('consultation_comments').values({ id, consultation_id: c.id, anchor, version_number: 1, parent_id: parent, author_id: author, body, created_at: timestamp(at(days)) }).execute();
      return id;
    };
    const asked = await comment(rural.anchor, ana, 'Las metas deberían incluir la asequibilidad, no solo la cobertura: hay zonas con señal donde nadie puede pagar el servicio.', -25);
    await comment(rural.anchor, diego, 'Las empresas podemos compartir datos de cobertura si se acuerda un formato común.', -24, asked);
    await comment(rural.anchor, sofia, 'La universidad tiene mediciones de calidad de acceso en el interior que pueden servir de línea de base.', -22);
    await comment(rights.anchor, martin, 'Proponemos mencionar la ley de protección de datos personales vigente.', -20);
    const proposed = 'Instamos a las autoridades a ampliar la conectividad asequible en zonas rurales, con metas públicas y medibles de cobertura y de precio.';
    const amendment = newId();
    await tx.insertInto('consultation_amendments').values({
      id: amendment, consultation_id: c.id, anchor: rural.anchor, version_number: 1, original: rural.text, proposed,
      rationale: 'Recoge los comentarios sobre asequibilidad: sin metas de precio, la cobertura no garantiza el acceso.', author_id: ana, status: 'accepted',
      decided_by: lucia, decided_at: timestamp(at(-5)), reason: 'El grupo de redacción la acepta: tiene apoyo de varios sectores y nadie se opuso.', applied_in: 2, created_at: timestamp(at(-9)),
    }).execute();
    await tx.insertInto('consultation_endorsements').values([martin, diego, sofia].map((user, i) => ({
      amendment_id: amendment, user_id: user, stakeholder_group: people[ids.indexOf(user)]!.stakeholder_group, created_at: timestamp(at(-8 + i)),
    }))).execute();
    const second = replaceParagraph(first, rural.anchor, proposed);
    await publishVersion(tx, c, 2, canonicalText(second), second, [amendment], lucia, at(-3));
    // Positions from five groups, one person each: the tally warns of groups under three and an absent one (docs/decisions/038).
    const position = (user: string, target: string, stance: string, reason: string | null, days: number) => ({
      id: newId(), consultation_id: c.id, target, user_id: user, stance, reason, blocking: null, stakeholder_group: people[ids.indexOf(user)]!.stakeholder_group,
      version_number: 2, created_at: timestamp(at(days)), updated_at: timestamp(at(days)),
    });
    await tx.insertInto('consultation_positions').values([
      position(martin, 'text', 'support', null, -2),
      position(lucia, 'text', 'support', null, -2),
      position(sofia, 'text', 'live_with', 'Apoyamos el texto, aunque el seguimiento anual nos parece poco ambicioso.', -1),
      position(diego, 'text', 'live_with', null, -1),
      position(ana, 'text', 'object', 'La sección de derechos no menciona la vigilancia masiva; sin eso la declaración queda corta.', -1),
      position(ana, rights.anchor, 'object', 'Falta una referencia explícita a la vigilancia masiva y a su control independiente.', -1),
      position(diego, rights.anchor, 'support', null, -1),
    ]).execute();
    await indexRecords(tx, consultationSearch, [c.id]);
    await audit(tx, { user: null }, now, { action: 'consultation.opened', subjectType: 'consultation', subjectId: c.id, isPublic: true, details: { demo: true } });
  });
  return `Added a demo consultation on IGF Uruguay's declaration, with version 2 published (/consultations/${demoSlug}).`;
}
