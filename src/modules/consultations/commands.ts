/**
 * Opening a consultation, writing and publishing its versions, and taking part in it
 * (docs/decisions/034). Each command runs in one transaction, locks what two requests could race
 * for, re-checks what must hold there, is audited, and keeps search and the public log in step.
 */
import type { CommandContext, SignedIn } from '../../platform/http/env.ts';
import { lockRow, newId, serializeOn, timestamp, type Db } from '../../platform/db/index.ts';
import { audit } from '../../platform/audit.ts';
import type { Actor } from '../../platform/http/env.ts';
import { ok, refuse, type Result } from '../../platform/http/result.ts';
import { indexRecords } from '../../platform/search/index.ts';
import { slugify } from '../../platform/text.ts';
import { accountsByEmail } from '../accounts/index.ts';
import { amendmentDecided, commentReplied, follow, tell, tellFollowers, versionPublished } from './notifications.ts';
import { consultationRecord, logOutcome, versionContent, versionPublishedKind } from './outcomes.ts';
import { dayOf, mayAmend, mayComment, phaseOn, type Consultation } from './queries.ts';
import type { AmendmentInput, CommentInput, ConsultationInput, DecisionInput, Role, SettingsInput } from './schema.ts';
import { consultationSearch } from './search.ts';
import { consultationsDb, type ConsultationsTable } from './tables.ts';
import { canonicalText, carryAnchors, numberBlocks, replaceParagraph, splitText, type NumberedBlock } from './text.ts';

type Refused = { ok: false; refusal: import('../../platform/http/result.ts').Refusal };

/** A text's numbered blocks with anchors carried from `previous`, or the refusal naming the line at fault. */
function blocksOf(markdown: string, previous: readonly NumberedBlock[]): { ok: true; blocks: NumberedBlock[] } | Refused {
  const split = splitText(markdown);
  if (!split.ok) return refuse(split.problem.key, { field: 'markdown', values: { line: split.problem.line } });
  return { ok: true, blocks: numberBlocks(split.blocks, carryAnchors(split.blocks, previous)) };
}

async function writeBlocks(tx: Db, versionId: string, blocks: readonly NumberedBlock[]): Promise<void> {
  const store = consultationsDb(tx);
  await store.deleteFrom('consultation_blocks').where('version_id', '=', versionId).execute();
  // In slices: a long text would pass PostgreSQL's limit of parameters in one statement.
  for (let i = 0; i < blocks.length; i += 200) {
    await store.insertInto('consultation_blocks').values(blocks.slice(i, i + 200).map((b, j) => ({
      version_id: versionId, position: i + j, anchor: b.anchor, kind: b.kind, number: b.number, level: b.level, text: b.text,
    }))).execute();
  }
}

/** The accounts named for each role; a refusal names the field of an address nobody verified has. */
async function peopleByRole(db: Db, input: Pick<SettingsInput, 'chairs' | 'drafters' | 'moderators'>): Promise<{ ok: true; people: Array<{ user_id: string; role: Role }> } | Refused> {
  const fields = { chairs: 'chair', drafters: 'drafter', moderators: 'moderator' } as const;
  const accounts = await accountsByEmail(db, [...input.chairs, ...input.drafters, ...input.moderators]);
  const people: Array<{ user_id: string; role: Role }> = [];
  for (const [field, role] of Object.entries(fields) as Array<[keyof typeof fields, Role]>) {
    for (const email of new Set(input[field])) {
      const account = accounts.get(email);
      if (!account || !account.verified) return refuse('consultations.errors.no_such_account', { field, values: { email } });
      people.push({ user_id: account.id, role });
    }
  }
  return { ok: true, people };
}

async function writePeople(tx: Db, consultationId: string, people: ReadonlyArray<{ user_id: string; role: Role }>, now: string): Promise<void> {
  const store = consultationsDb(tx);
  await store.deleteFrom('consultation_people').where('consultation_id', '=', consultationId).execute();
  if (people.length) await store.insertInto('consultation_people').values(people.map((p) => ({ consultation_id: consultationId, user_id: p.user_id, role: p.role, added_at: now }))).execute();
}

const settingsColumns = (input: SettingsInput) => ({
  title: input.title, text_kind: input.text_kind, language: input.language,
  languages: JSON.stringify([...new Set([input.language, ...input.languages])]),
  comments_from: input.comments_from, amendments_from: input.amendments_from, positions_from: input.positions_from, consensus_from: input.consensus_from, closes_on: input.closes_on,
  min_per_group: input.min_per_group, appeal_days: input.appeal_days,
});

/** A free slug: the one asked for (refused if taken), or one made from the title, numbered if taken. */
async function freeSlug(tx: Db, asked: string | undefined, title: string): Promise<{ ok: true; slug: string } | Refused> {
  const store = consultationsDb(tx);
  const taken = async (slug: string) => (await store.selectFrom('consultations').select('id').where('slug', '=', slug).executeTakeFirst()) !== undefined;
  if (asked) return (await taken(asked)) ? refuse('consultations.errors.slug_taken', { field: 'slug', status: 409 }) : { ok: true, slug: asked };
  const base = slugify(title, 70) || 'consultation';
  for (let n = 1; ; n++) {
    const slug = n === 1 ? base : `${base}-${n}`;
    if (!(await taken(slug))) return { ok: true, slug };
  }
}

export interface NewConsultation extends ConsultationInput {
  initiative_id: string;
  /** The initiative's event it belongs to (docs/decisions/040); none for the initiative's own. */
  event_id?: string | null;
}

/** Stores a consultation with its people and draft version 1, in the caller's transaction (the form's command and the import's). */
export async function insertConsultation(tx: Db, actor: Actor, now: Date, input: NewConsultation, people: ReadonlyArray<{ user_id: string; role: Role }>): Promise<Result<{ id: string; slug: string }>> {
  const blocks = blocksOf(input.markdown, []);
  if (!blocks.ok) return blocks;
  await serializeOn(tx, 'consultations.slug');
  const slug = await freeSlug(tx, input.slug, input.title);
  if (!slug.ok) return slug;
  const id = newId();
  const versionId = newId();
  const stamp = timestamp(now);
  const store = consultationsDb(tx);
  await store.insertInto('consultations').values({
    id, initiative_id: input.initiative_id, event_id: input.event_id ?? null, slug: slug.slug, ...settingsColumns(input), published_version: 0, created_by: actor.user?.id ?? null, created_at: stamp, updated_at: stamp,
  }).execute();
  await writePeople(tx, id, people, stamp);
  await store.insertInto('consultation_versions').values({
    id: versionId, consultation_id: id, number: 1, status: 'draft', markdown: input.markdown, created_by: actor.user?.id ?? null, created_at: stamp, updated_at: stamp, published_by: null, published_at: null,
  }).execute();
  await writeBlocks(tx, versionId, blocks.blocks);
  await audit(tx, actor, now, { action: 'consultation.opened', subjectType: 'consultation', subjectId: id, ...(input.event_id ? { details: { event: input.event_id } } : {}) });
  return ok({ id, slug: slug.slug });
}

/** Where a consultation is opened: an initiative, or one of its events (docs/decisions/040), with the initiative's committee. */
export interface Opening {
  initiative_id: string;
  event_id: string | null;
  committee: ReadonlyArray<{ user_id: string; role: string }>;
}

/**
 * Its people as named, and the person opening it as a chair when they are not one of the
 * initiative's coordinators (who always act as chairs): an event's organiser who opens a
 * consultation must be able to configure it.
 */
export function withOpenerAsChair(people: ReadonlyArray<{ user_id: string; role: Role }>, opener: string, committee: Opening['committee']): Array<{ user_id: string; role: Role }> {
  const coordinates = committee.some((m) => m.user_id === opener && m.role === 'coordinator');
  const chairs = people.some((p) => p.user_id === opener && p.role === 'chair');
  return coordinates || chairs ? [...people] : [{ user_id: opener, role: 'chair' }, ...people];
}

/** An initiative's coordinators, or an event's organisers, open a consultation: its settings, people and the draft of version 1. */
export async function openConsultation(ctx: CommandContext<SignedIn>, opening: Opening, input: ConsultationInput): Promise<Result<{ id: string; slug: string }>> {
  const people = await peopleByRole(ctx.db, input);
  if (!people.ok) return people;
  const named = withOpenerAsChair(people.people, ctx.actor.user.id, opening.committee);
  return consultationsDb(ctx.db).transaction().execute((tx) =>
    insertConsultation(tx, ctx.actor, ctx.now, { ...input, initiative_id: opening.initiative_id, event_id: opening.event_id }, named));
}

/** The operator's import (`cabildo consultation import`): a draft consultation with no people yet; the initiative's coordinators chair it. */
export async function importConsultation(db: Db, now: Date, input: NewConsultation): Promise<Result<{ id: string; slug: string }>> {
  return consultationsDb(db).transaction().execute((tx) => insertConsultation(tx, { user: null }, now, input, []));
}

/** Its chairs change its settings and people; the text changes only through versions. */
export async function configure(ctx: CommandContext<SignedIn>, consultation: Consultation, input: SettingsInput): Promise<Result<void>> {
  const people = await peopleByRole(ctx.db, input);
  if (!people.ok) return people;
  return consultationsDb(ctx.db).transaction().execute(async (tx) => {
    await lockRow(tx, 'consultations', consultation.id);
    const now = timestamp(ctx.now);
    await tx.updateTable('consultations').set({ ...settingsColumns(input), updated_at: now }).where('id', '=', consultation.id).execute();
    await writePeople(tx, consultation.id, people.people, now);
    if (consultation.published_version > 0) await indexRecords(tx, consultationSearch, [consultation.id]);
    await audit(tx, ctx.actor, ctx.now, { action: 'consultation.configured', subjectType: 'consultation', subjectId: consultation.id, isPublic: consultation.published_version > 0 });
    return ok();
  });
}

/** The consultation's row, read under its lock: what the commands re-check. */
async function lockedConsultation(tx: Db, id: string): Promise<ConsultationsTable | undefined> {
  await lockRow(tx, 'consultations', id);
  const row = await consultationsDb(tx).selectFrom('consultations').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? { ...row, published_version: Number(row.published_version) } : undefined;
}

async function draftRow(tx: Db, row: ConsultationsTable) {
  return consultationsDb(tx).selectFrom('consultation_versions').selectAll().where('consultation_id', '=', row.id).where('number', '=', row.published_version + 1).where('status', '=', 'draft').executeTakeFirst();
}

async function blocksOfVersion(tx: Db, versionId: string): Promise<NumberedBlock[]> {
  const rows = await consultationsDb(tx).selectFrom('consultation_blocks').selectAll().where('version_id', '=', versionId).orderBy('position').execute();
  return rows.map((b) => ({ anchor: b.anchor, kind: b.kind as NumberedBlock['kind'], level: Number(b.level), number: Number(b.number), text: b.text }));
}

/**
 * The drafting group saves the draft's text. Only a draft is ever written: a published version has
 * no draft row to write to. Anchors are carried from the draft's blocks as they were.
 */
export async function saveDraft(ctx: CommandContext<SignedIn>, consultation: Consultation, markdown: string): Promise<Result<{ number: number }>> {
  return consultationsDb(ctx.db).transaction().execute(async (tx) => {
    const row = await lockedConsultation(tx, consultation.id);
    if (!row) return refuse('consultations.errors.gone', { status: 404 });
    const draft = await draftRow(tx, row);
    if (!draft) return refuse('consultations.errors.no_draft', { status: 409 });
    const blocks = blocksOf(markdown, await blocksOfVersion(tx, draft.id));
    if (!blocks.ok) return blocks;
    const now = timestamp(ctx.now);
    await tx.updateTable('consultation_versions').set({ markdown, updated_at: now }).where('id', '=', draft.id).where('status', '=', 'draft').execute();
    await writeBlocks(tx, draft.id, blocks.blocks);
    await audit(tx, ctx.actor, ctx.now, { action: 'consultation.draft_saved', subjectType: 'consultation', subjectId: consultation.id, details: { version: Number(draft.number) } });
    return ok({ number: Number(draft.number) });
  });
}

/**
 * The drafting group starts the next version: the latest published text with every accepted
 * amendment not yet applied put in its paragraph's place (its anchor stays). Comments and open
 * amendments need no carrying: they belong to anchors, which the new version keeps.
 */
export async function startVersion(ctx: CommandContext<SignedIn>, consultation: Consultation): Promise<Result<{ number: number; applied: number }>> {
  return consultationsDb(ctx.db).transaction().execute(async (tx) => {
    const row = await lockedConsultation(tx, consultation.id);
    if (!row) return refuse('consultations.errors.gone', { status: 404 });
    if (row.published_version === 0) return refuse('consultations.errors.not_published', { status: 409 });
    if (await draftRow(tx, row)) return refuse('consultations.errors.draft_exists', { status: 409 });
    const store = consultationsDb(tx);
    const published = await store.selectFrom('consultation_versions').select('id').where('consultation_id', '=', row.id).where('number', '=', row.published_version).executeTakeFirstOrThrow();
    let blocks = await blocksOfVersion(tx, published.id);
    const accepted = await store.selectFrom('consultation_amendments').select(['id', 'anchor', 'proposed']).where('consultation_id', '=', row.id)
      .where('status', '=', 'accepted').where('applied_in', 'is', null).orderBy('decided_at').orderBy('id').execute();
    const applicable = accepted.filter((a) => blocks.some((b) => b.anchor === a.anchor && b.kind === 'paragraph'));
    for (const amendment of applicable) blocks = replaceParagraph(blocks, amendment.anchor, amendment.proposed);
    const number = row.published_version + 1;
    const now = timestamp(ctx.now);
    const id = newId();
    await store.insertInto('consultation_versions').values({
      id, consultation_id: row.id, number, status: 'draft', markdown: canonicalText(blocks), created_by: ctx.actor.user.id, created_at: now, updated_at: now, published_by: null, published_at: null,
    }).execute();
    await writeBlocks(tx, id, blocks);
    if (applicable.length) await store.updateTable('consultation_amendments').set({ applied_in: number }).where('id', 'in', applicable.map((a) => a.id)).execute();
    await audit(tx, ctx.actor, ctx.now, { action: 'consultation.version_started', subjectType: 'consultation', subjectId: row.id, details: { version: number, applied: applicable.map((a) => a.id) } });
    return ok({ number, applied: applicable.length });
  });
}

/** Publishes the draft: from then on it is never changed, and it is in the public log and in search. */
export async function publishVersion(ctx: CommandContext<SignedIn>, consultation: Consultation): Promise<Result<{ number: number }>> {
  return consultationsDb(ctx.db).transaction().execute(async (tx) => {
    const row = await lockedConsultation(tx, consultation.id);
    if (!row) return refuse('consultations.errors.gone', { status: 404 });
    const draft = await draftRow(tx, row);
    if (!draft) return refuse('consultations.errors.no_draft', { status: 409 });
    const number = Number(draft.number);
    const blocks = await blocksOfVersion(tx, draft.id);
    const store = consultationsDb(tx);
    const applied = (await store.selectFrom('consultation_amendments').select('id').where('consultation_id', '=', row.id).where('applied_in', '=', number).orderBy('id').execute()).map((a) => a.id);
    const now = timestamp(ctx.now);
    await store.updateTable('consultation_versions').set({ status: 'published', published_by: ctx.actor.user.id, published_at: now, updated_at: now }).where('id', '=', draft.id).execute();
    await store.updateTable('consultations').set({ published_version: number, updated_at: now }).where('id', '=', row.id).execute();
    await logOutcome(tx, {
      kind: versionPublishedKind, record: consultationRecord(row.id), version: number, actor: ctx.actor.user.id, now: ctx.now,
      content: versionContent(row, { number, blocks, applied }, ctx.actor.user.id, ctx.now),
    });
    await indexRecords(tx, consultationSearch, [row.id]);
    await tellFollowers(ctx, tx, versionPublished, row.id, { title: row.title, number }, number > 1 ? `/consultations/${row.slug}/versions/${number}/diff` : `/consultations/${row.slug}`);
    await audit(tx, ctx.actor, ctx.now, { action: 'consultation.version_published', subjectType: 'consultation', subjectId: row.id, isPublic: true, details: { version: number } });
    return ok({ number });
  });
}

/** The published paragraph an anchor names, read under the consultation's lock, with the phase of today. */
async function paragraphNow(tx: Db, consultationId: string, anchor: string, now: Date) {
  const row = await lockedConsultation(tx, consultationId);
  if (!row || row.published_version === 0) return { row: undefined, block: undefined, phase: 'upcoming' as const };
  const version = await consultationsDb(tx).selectFrom('consultation_versions').select('id').where('consultation_id', '=', row.id).where('number', '=', row.published_version).executeTakeFirstOrThrow();
  const block = (await blocksOfVersion(tx, version.id)).find((b) => b.anchor === anchor && b.kind === 'paragraph');
  return { row, block, phase: phaseOn(row, dayOf(now)) };
}

/** A comment on a paragraph, or a reply to one (a reply to a reply joins the same thread); the one answered hears of it. */
export async function addComment(ctx: CommandContext<SignedIn>, consultation: Consultation, anchor: string, input: CommentInput): Promise<Result<{ id: string }>> {
  return consultationsDb(ctx.db).transaction().execute(async (tx) => {
    const { row, block, phase } = await paragraphNow(tx, consultation.id, anchor, ctx.now);
    if (!row || !block) return refuse('consultations.errors.gone', { status: 404 });
    if (!mayComment(phase)) return refuse('consultations.errors.comments_closed', { status: 409, values: { phase } });
    const store = consultationsDb(tx);
    let parent: { id: string; author_id: string } | undefined;
    if (input.parent) {
      const found = await store.selectFrom('consultation_comments').select(['id', 'parent_id', 'author_id']).where('id', '=', input.parent).where('consultation_id', '=', row.id).where('anchor', '=', anchor).executeTakeFirst();
      if (!found) return refuse('consultations.errors.gone', { status: 404 });
      parent = found.parent_id ? await store.selectFrom('consultation_comments').select(['id', 'author_id']).where('id', '=', found.parent_id).executeTakeFirstOrThrow() : found;
      // The person answered is the one whose comment the reply is under.
      if (found.author_id !== parent.author_id) parent = { id: parent.id, author_id: found.author_id };
    }
    const id = newId();
    await store.insertInto('consultation_comments').values({
      id, consultation_id: row.id, anchor, version_number: row.published_version, parent_id: parent?.id ?? null, author_id: ctx.actor.user.id, body: input.body, created_at: timestamp(ctx.now),
    }).execute();
    await follow(tx, row.id, ctx.actor.user.id, timestamp(ctx.now));
    if (parent) {
      await tell(ctx, tx, commentReplied, parent.author_id, { title: row.title, by: ctx.actor.user.name, number: block.number }, `/consultations/${row.slug}/paragraphs/${anchor}#comment-${id}`);
    }
    await audit(tx, ctx.actor, ctx.now, { action: parent ? 'consultation.replied' : 'consultation.commented', subjectType: 'consultation', subjectId: row.id, isPublic: true, details: { anchor, comment: id } });
    return ok({ id });
  });
}

/** New wording for a paragraph of the published version, with its reasons. */
export async function proposeAmendment(ctx: CommandContext<SignedIn>, consultation: Consultation, anchor: string, input: AmendmentInput): Promise<Result<{ id: string }>> {
  return consultationsDb(ctx.db).transaction().execute(async (tx) => {
    const { row, block, phase } = await paragraphNow(tx, consultation.id, anchor, ctx.now);
    if (!row || !block) return refuse('consultations.errors.gone', { status: 404 });
    if (!mayAmend(phase)) return refuse('consultations.errors.amendments_closed', { status: 409 });
    if (input.proposed.replace(/\s+/g, ' ') === block.text.replace(/\s+/g, ' ')) return refuse('consultations.errors.same_wording', { field: 'proposed' });
    const split = splitText(input.proposed);
    if (!split.ok) return refuse(split.problem.key, { field: 'proposed', values: { line: split.problem.line } });
    if (split.blocks.length !== 1 || split.blocks[0]!.kind !== 'paragraph') return refuse('consultations.errors.one_paragraph', { field: 'proposed' });
    const id = newId();
    await consultationsDb(tx).insertInto('consultation_amendments').values({
      id, consultation_id: row.id, anchor, version_number: row.published_version, original: block.text, proposed: input.proposed, rationale: input.rationale,
      author_id: ctx.actor.user.id, status: 'open', decided_by: null, decided_at: null, reason: null, applied_in: null, created_at: timestamp(ctx.now),
    }).execute();
    await follow(tx, row.id, ctx.actor.user.id, timestamp(ctx.now));
    await audit(tx, ctx.actor, ctx.now, { action: 'consultation.amendment_proposed', subjectType: 'consultation', subjectId: row.id, isPublic: true, details: { anchor, amendment: id } });
    return ok({ id });
  });
}

/** A participant endorses an open amendment: once, counted in the stakeholder group they declare. */
export async function endorse(ctx: CommandContext<SignedIn>, consultation: Consultation, amendmentId: string): Promise<Result<{ anchor: string }>> {
  return consultationsDb(ctx.db).transaction().execute(async (tx) => {
    // The amendment's lock makes two endorsements by the same person run one after the other; the second finds the first.
    await lockRow(tx, 'consultation_amendments', amendmentId);
    const store = consultationsDb(tx);
    const amendment = await store.selectFrom('consultation_amendments').selectAll().where('id', '=', amendmentId).where('consultation_id', '=', consultation.id).executeTakeFirst();
    if (!amendment) return refuse('consultations.errors.gone', { status: 404 });
    const row = await store.selectFrom('consultations').selectAll().where('id', '=', consultation.id).executeTakeFirstOrThrow();
    if (!mayAmend(phaseOn(row, dayOf(ctx.now)))) return refuse('consultations.errors.amendments_closed', { status: 409 });
    if (amendment.status !== 'open') return refuse('consultations.errors.decided', { status: 409 });
    if (amendment.author_id === ctx.actor.user.id) return refuse('consultations.errors.own_amendment', { status: 409 });
    const already = await store.selectFrom('consultation_endorsements').select('user_id').where('amendment_id', '=', amendmentId).where('user_id', '=', ctx.actor.user.id).executeTakeFirst();
    if (already) return refuse('consultations.errors.endorsed', { status: 409 });
    await store.insertInto('consultation_endorsements').values({ amendment_id: amendmentId, user_id: ctx.actor.user.id, stakeholder_group: ctx.actor.user.stakeholder_group, created_at: timestamp(ctx.now) }).execute();
    await audit(tx, ctx.actor, ctx.now, { action: 'consultation.endorsed', subjectType: 'consultation', subjectId: consultation.id, isPublic: true, details: { amendment: amendmentId } });
    return ok({ anchor: amendment.anchor });
  });
}

/** The drafting group accepts or rejects an open amendment, with its reason; the author hears of it. */
export async function decideAmendment(ctx: CommandContext<SignedIn>, consultation: Consultation, amendmentId: string, input: DecisionInput): Promise<Result<{ anchor: string }>> {
  return consultationsDb(ctx.db).transaction().execute(async (tx) => {
    await lockRow(tx, 'consultation_amendments', amendmentId);
    const store = consultationsDb(tx);
    const amendment = await store.selectFrom('consultation_amendments').selectAll().where('id', '=', amendmentId).where('consultation_id', '=', consultation.id).executeTakeFirst();
    if (!amendment) return refuse('consultations.errors.gone', { status: 404 });
    if (amendment.status !== 'open') return refuse('consultations.errors.decided', { status: 409 });
    await store.updateTable('consultation_amendments').set({ status: input.decision, reason: input.reason, decided_by: ctx.actor.user.id, decided_at: timestamp(ctx.now) }).where('id', '=', amendmentId).execute();
    await tell(ctx, tx, amendmentDecided, amendment.author_id, { title: consultation.title, decision: input.decision }, `/consultations/${consultation.slug}/paragraphs/${amendment.anchor}#amendment-${amendmentId}`);
    await audit(tx, ctx.actor, ctx.now, { action: `consultation.amendment_${input.decision}`, subjectType: 'consultation', subjectId: consultation.id, isPublic: true, details: { amendment: amendmentId } });
    return ok({ anchor: amendment.anchor });
  });
}
