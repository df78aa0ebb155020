/**
 * Writing and publishing Internet impact briefs (docs/decisions/031). Each command runs in one
 * transaction, locks the brief's row when it changes it, and is audited.
 */
import type { z } from 'zod';
import type { CommandContext, SignedIn } from '../../platform/http/env.ts';
import { lockRow, newId, timestamp, type Db } from '../../platform/db/index.ts';
import { audit } from '../../platform/audit.ts';
import { canonicalJson } from '../../platform/log/index.ts';
import { ok, refuse, type Result } from '../../platform/http/result.ts';
import { translator } from '../../platform/i18n/index.ts';
import { indexRecords } from '../../platform/search/index.ts';
import { accountByEmail } from '../accounts/index.ts';
import { emptyGrid, gridItems, readGrid, unrated } from './grid.ts';
import { publishVersion, type BriefSnapshot } from './outcomes.ts';
import { authorsOf, threadOf, workingCopyHash, type Brief } from './queries.ts';
import { gridOf, type AddAuthorSchema, type BriefSaveInput, type BriefStartSchema, type CommentSchema, type ReplySchema, type ReviewSchema, type ReviewerSchema } from './schema.ts';
import { briefSearch } from './search.ts';
import { briefsDb } from './tables.ts';
import { briefAuthorAdded, briefComment, briefPublished, briefReviewRequested, briefReviewed, tellAuthors } from './notifications.ts';

/** Starts a brief as a preliminary analysis, its starter its first author. */
export async function startBrief(ctx: CommandContext<SignedIn>, input: z.output<typeof BriefStartSchema>): Promise<Result<{ id: string }>> {
  return briefsDb(ctx.db).transaction().execute(async (tx) => {
    const id = newId();
    const now = timestamp(ctx.now);
    await tx.insertInto('briefs').values({
      id, title: input.title, kind: input.kind, jurisdiction: input.jurisdiction, summary: null, links: '[]', stage: 'preliminary', status: 'draft',
      grid: canonicalJson(emptyGrid()), language: input.language, version: 0, created_by: ctx.actor.user.id, created_at: now, updated_at: now,
    }).execute();
    await tx.insertInto('brief_authors').values({ brief_id: id, user_id: ctx.actor.user.id, added_by: ctx.actor.user.id, added_at: now }).execute();
    await audit(tx, ctx.actor, ctx.now, { action: 'brief.started', subjectType: 'brief', subjectId: id });
    return ok({ id });
  });
}

async function lockedRow(tx: Db, id: string) {
  await lockRow(tx, 'briefs', id);
  return briefsDb(tx).selectFrom('briefs').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * Saves the working copy. A brief that was published keeps its published version public, and
 * becomes the next draft until its authors publish again.
 */
export async function saveBrief(ctx: CommandContext<SignedIn>, brief: Brief, input: BriefSaveInput): Promise<Result<{ status: string }>> {
  return briefsDb(ctx.db).transaction().execute(async (tx) => {
    const row = await lockedRow(tx, brief.id);
    if (!row) return refuse('briefs.errors.gone', { status: 404 });
    const fields = {
      title: input.title, kind: input.kind, jurisdiction: input.jurisdiction, language: input.language, summary: input.summary ?? null,
      links: canonicalJson(input.links), stage: input.stage, grid: canonicalJson(gridOf(input.grid)),
    };
    const changed = (Object.keys(fields) as Array<keyof typeof fields>).some((k) => fields[k] !== row[k]);
    const status = changed ? 'draft' : row.status;
    await tx.updateTable('briefs').set({ ...fields, status, updated_at: timestamp(ctx.now) }).where('id', '=', brief.id).execute();
    await audit(tx, ctx.actor, ctx.now, { action: 'brief.saved', subjectType: 'brief', subjectId: brief.id, details: { next_version: Number(row.version) + 1 } });
    return ok({ status });
  });
}

/** The starter adds a co-author by the address of their (verified) account. */
export async function addAuthor(ctx: CommandContext<SignedIn>, brief: Brief, input: z.output<typeof AddAuthorSchema>): Promise<Result<void>> {
  const account = await accountByEmail(ctx.db, input.email);
  if (!account || !account.verified) return refuse('briefs.errors.no_such_account', { field: 'email' });
  return briefsDb(ctx.db).transaction().execute(async (tx) => {
    await lockRow(tx, 'briefs', brief.id);
    const already = await tx.selectFrom('brief_authors').select('user_id').where('brief_id', '=', brief.id).where('user_id', '=', account.id).executeTakeFirst();
    if (already) return refuse('briefs.errors.already_author', { field: 'email', status: 409 });
    await tx.insertInto('brief_authors').values({ brief_id: brief.id, user_id: account.id, added_by: ctx.actor.user.id, added_at: timestamp(ctx.now) }).execute();
    await tellAuthors(ctx, tx, briefAuthorAdded, brief, [account.id], { by: ctx.actor.user.name });
    await audit(tx, ctx.actor, ctx.now, { action: 'brief.author_added', subjectType: 'brief', subjectId: brief.id });
    return ok();
  });
}

/**
 * Publishes the working copy as the next numbered version, in the public log: refused while any
 * item of the grid has no rating (the refusal names them, in the reader's language).
 */
export async function publishBrief(ctx: CommandContext<SignedIn>, brief: Brief): Promise<Result<{ version: number }>> {
  return briefsDb(ctx.db).transaction().execute(async (tx) => {
    const row = await lockedRow(tx, brief.id);
    if (!row) return refuse('briefs.errors.gone', { status: 404 });
    if (row.status === 'published') return refuse('briefs.errors.nothing_to_publish', { status: 409 });
    const grid = readGrid(row.grid);
    const missing = unrated(grid);
    if (missing.length > 0) {
      const t = translator(ctx.locale);
      return refuse('briefs.errors.unrated', { status: 422, values: { count: missing.length, items: missing.map((item) => t(`briefs.item.${item}.name`)).join('; ') } });
    }
    const version = Number(row.version) + 1;
    const authors = await authorsOf(tx, brief.id);
    const snapshot: BriefSnapshot = {
      id: row.id, version, title: row.title, kind: row.kind, jurisdiction: row.jurisdiction, language: row.language, stage: row.stage, summary: row.summary,
      links: JSON.parse(row.links) as string[], authors: authors.map((a) => ({ name: a.name, stakeholder_group: a.stakeholder_group })), grid,
    };
    await publishVersion(tx, { snapshot, actorId: ctx.actor.user.id, now: ctx.now });
    const now = timestamp(ctx.now);
    await tx.updateTable('briefs').set({ status: 'published', version, updated_at: now }).where('id', '=', row.id).execute();
    // The list and its rating filter read the latest version.
    const listing = { title: row.title, kind: row.kind, jurisdiction: row.jurisdiction, stage: row.stage, language: row.language, version, updated_at: now };
    await tx.insertInto('brief_listing').values({ brief_id: row.id, ...listing, published_at: now })
      .onConflict((oc) => oc.column('brief_id').doUpdateSet(listing)).execute();
    await tx.deleteFrom('brief_ratings').where('brief_id', '=', row.id).execute();
    await tx.insertInto('brief_ratings').values(gridItems.map((item) => ({ brief_id: row.id, item, rating: grid[item].rating! }))).execute();
    await indexRecords(tx, briefSearch, [row.id]);
    await tellAuthors(ctx, tx, briefPublished, row, authors.map((a) => a.user_id), { version, by: ctx.actor.user.name });
    await audit(tx, ctx.actor, ctx.now, { action: 'brief.published', subjectType: 'brief', subjectId: row.id, isPublic: true, details: { version } });
    return ok({ version });
  });
}

/** The authors' ids as they are now (in the command's transaction). */
async function authorIds(tx: Db, briefId: string): Promise<string[]> {
  return (await briefsDb(tx).selectFrom('brief_authors').select('user_id').where('brief_id', '=', briefId).execute()).map((r) => r.user_id);
}

/** The next number of a brief's comments or reviews; the caller holds the brief's lock. */
async function nextSeq(tx: Db, table: 'brief_comments' | 'brief_reviews', briefId: string): Promise<number> {
  const row = await briefsDb(tx).selectFrom(table).select((eb) => eb.fn.max('seq').as('last')).where('brief_id', '=', briefId).executeTakeFirst();
  return Number(row?.last ?? 0) + 1;
}

/** A comment of an author or a reviewer on the working copy, about the whole brief, its summary or one item; the authors are told. */
export async function addComment(ctx: CommandContext<SignedIn>, brief: Brief, input: z.output<typeof CommentSchema>): Promise<Result<{ id: string }>> {
  return briefsDb(ctx.db).transaction().execute(async (tx) => {
    await lockRow(tx, 'briefs', brief.id);
    const id = newId();
    const seq = await nextSeq(tx, 'brief_comments', brief.id);
    await tx.insertInto('brief_comments').values({ id, brief_id: brief.id, parent_id: null, anchor: input.anchor ?? null, author_id: ctx.actor.user.id, body: input.comment, seq, created_at: timestamp(ctx.now) }).execute();
    await tellAuthors(ctx, tx, briefComment, brief, await authorIds(tx, brief.id), { by: ctx.actor.user.name });
    await audit(tx, ctx.actor, ctx.now, { action: 'brief.commented', subjectType: 'brief', subjectId: brief.id, details: { comment: id } });
    return ok({ id });
  });
}

/** A reply in a thread (replies answer its first comment, so threads stay one level deep); the authors and the thread's starter are told. */
export async function replyToComment(ctx: CommandContext<SignedIn>, brief: Brief, threadId: string, input: z.output<typeof ReplySchema>): Promise<Result<{ id: string; thread: string }>> {
  return briefsDb(ctx.db).transaction().execute(async (tx) => {
    await lockRow(tx, 'briefs', brief.id);
    const thread = await threadOf(tx, brief.id, threadId);
    if (!thread) return refuse('briefs.errors.no_such_comment', { status: 404 });
    const id = newId();
    const seq = await nextSeq(tx, 'brief_comments', brief.id);
    await tx.insertInto('brief_comments').values({ id, brief_id: brief.id, parent_id: thread.id, anchor: thread.anchor, author_id: ctx.actor.user.id, body: input.reply, seq, created_at: timestamp(ctx.now) }).execute();
    const told = [...(await authorIds(tx, brief.id)), ...(thread.author_id ? [thread.author_id] : [])];
    await tellAuthors(ctx, tx, briefComment, brief, told, { by: ctx.actor.user.name });
    await audit(tx, ctx.actor, ctx.now, { action: 'brief.commented', subjectType: 'brief', subjectId: brief.id, details: { comment: id, thread: thread.id } });
    return ok({ id, thread: thread.id });
  });
}

/** An author asks someone with a confirmed address (not an author) for a peer review; they are told. */
export async function requestReview(ctx: CommandContext<SignedIn>, brief: Brief, input: z.output<typeof ReviewerSchema>): Promise<Result<void>> {
  const account = await accountByEmail(ctx.db, input.reviewer_email);
  if (!account || !account.verified) return refuse('briefs.errors.no_such_account', { field: 'reviewer_email' });
  return briefsDb(ctx.db).transaction().execute(async (tx) => {
    // Two authors asking the same person at once: the second waits, then finds the first's request.
    await lockRow(tx, 'briefs', brief.id);
    if ((await authorIds(tx, brief.id)).includes(account.id)) return refuse('briefs.errors.reviewer_is_author', { field: 'reviewer_email' });
    const already = await tx.selectFrom('brief_reviewers').select('user_id').where('brief_id', '=', brief.id).where('user_id', '=', account.id).executeTakeFirst();
    if (already) return refuse('briefs.errors.already_reviewer', { field: 'reviewer_email', status: 409 });
    await tx.insertInto('brief_reviewers').values({ brief_id: brief.id, user_id: account.id, requested_by: ctx.actor.user.id, requested_at: timestamp(ctx.now) }).execute();
    await tellAuthors(ctx, tx, briefReviewRequested, brief, [account.id], { by: ctx.actor.user.name });
    await audit(tx, ctx.actor, ctx.now, { action: 'brief.review_requested', subjectType: 'brief', subjectId: brief.id });
    return ok();
  });
}

/**
 * A reviewer's verdict on the working copy as it stands; the authors are told. One review per
 * reviewer per state of the working copy: after a save they may review again.
 */
export async function submitReview(ctx: CommandContext<SignedIn>, brief: Brief, input: z.output<typeof ReviewSchema>): Promise<Result<void>> {
  return briefsDb(ctx.db).transaction().execute(async (tx) => {
    const row = await lockedRow(tx, brief.id);
    if (!row) return refuse('briefs.errors.gone', { status: 404 });
    const asked = await tx.selectFrom('brief_reviewers').select('user_id').where('brief_id', '=', brief.id).where('user_id', '=', ctx.actor.user.id).executeTakeFirst();
    if (!asked) return refuse('briefs.errors.not_reviewer', { status: 409 });
    const reviewed = workingCopyHash(row);
    const same = await tx.selectFrom('brief_reviews').select('id').where('brief_id', '=', brief.id).where('reviewer_id', '=', ctx.actor.user.id).where('draft_sha256', '=', reviewed).executeTakeFirst();
    if (same) return refuse('briefs.errors.already_reviewed', { field: 'review', status: 409 });
    await tx.insertInto('brief_reviews').values({
      id: newId(), brief_id: brief.id, reviewer_id: ctx.actor.user.id, verdict: input.verdict, body: input.review, next_version: Number(row.version) + 1, seq: await nextSeq(tx, 'brief_reviews', brief.id),
      draft_sha256: reviewed, submitted_at: timestamp(ctx.now),
    }).execute();
    await tellAuthors(ctx, tx, briefReviewed, row, await authorIds(tx, brief.id), { by: ctx.actor.user.name, verdict: input.verdict });
    await audit(tx, ctx.actor, ctx.now, { action: 'brief.reviewed', subjectType: 'brief', subjectId: brief.id, details: { verdict: input.verdict } });
    return ok();
  });
}
