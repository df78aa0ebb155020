/**
 * Receipts (docs/decisions/029): one optional file per entry, a PDF or a photo, checked by its
 * first bytes and its size. It is attached, replaced or removed while the entry is a draft;
 * publishing makes it final with the entry, and the log's hash of the entry covers its SHA-256.
 */
import { createHash } from 'node:crypto';
import type { CommandContext, SignedIn } from '../../platform/http/env.ts';
import { serializeOn, timestamp, type Db } from '../../platform/db/index.ts';
import { audit } from '../../platform/audit.ts';
import { sniffType } from '../../platform/files.ts';
import { ok, refuse, type Result } from '../../platform/http/result.ts';
import { fundingDb } from './tables.ts';

/** A scanned invoice or a phone's photo of one fits; larger files cost too much on slow links. */
export const maxReceiptBytes = 1024 * 1024;
export const receiptTypes = ['application/pdf', 'image/png', 'image/jpeg', 'image/webp'] as const;

/** The file name's ending for a receipt's kind, as downloaded. */
export const receiptExtension = (mediaType: string) => ({ 'application/pdf': 'pdf', 'image/png': 'png', 'image/jpeg': 'jpg', 'image/webp': 'webp' })[mediaType] ?? 'bin';

/** What the ledger shows of a receipt (never its bytes). */
export interface ReceiptInfo {
  media_type: string;
  bytes: number;
  sha256: string;
  is_public: boolean;
}

/** The receipts of these entries, by entry. */
export async function receiptsOf(db: Db, entryIds: readonly string[]): Promise<Map<string, ReceiptInfo>> {
  if (entryIds.length === 0) return new Map();
  const rows = await fundingDb(db).selectFrom('funding_receipts').select(['entry_id', 'media_type', 'bytes', 'sha256', 'is_public']).where('entry_id', 'in', [...entryIds]).execute();
  return new Map(rows.map((r) => [r.entry_id, { media_type: r.media_type, bytes: Number(r.bytes), sha256: r.sha256, is_public: Number(r.is_public) === 1 }]));
}

/** A receipt's file, to send. */
export async function receiptFile(db: Db, entryId: string) {
  return fundingDb(db).selectFrom('funding_receipts').select(['media_type', 'data', 'is_public']).where('entry_id', '=', entryId).executeTakeFirst();
}

/** Which draft of this ledger the receipt is for; the refusal when it is gone or already final. */
async function draftOf(tx: Db, ledgerId: string, entryId: string) {
  const row = await fundingDb(tx).selectFrom('funding_entries').select(['id', 'status']).where('id', '=', entryId).where('initiative_id', '=', ledgerId).executeTakeFirst();
  if (!row) return refuse('funding.errors.gone', { status: 404 });
  if (row.status !== 'draft') return refuse('funding.errors.receipt_final', { status: 409 });
  return null;
}

/** Attaches (or replaces) a draft's receipt. */
export async function attachReceipt(ctx: CommandContext<SignedIn>, ledger: { id: string }, entryId: string, upload: File | null, isPublic: boolean): Promise<Result<void>> {
  if (!upload || upload.size === 0) return refuse('funding.errors.receipt_missing', { field: 'receipt' });
  if (upload.size > maxReceiptBytes) return refuse('funding.errors.receipt_too_large', { field: 'receipt' });
  const bytes = new Uint8Array(await upload.arrayBuffer());
  const mediaType = sniffType(bytes);
  if (!mediaType || !(receiptTypes as readonly string[]).includes(mediaType)) return refuse('funding.errors.receipt_type', { field: 'receipt' });
  return fundingDb(ctx.db).transaction().execute(async (tx) => {
    await serializeOn(tx, `funding:${ledger.id}`);
    const refusal = await draftOf(tx, ledger.id, entryId);
    if (refusal) return refusal;
    const receipt = {
      media_type: mediaType, bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex'), data: Buffer.from(bytes).toString('base64'),
      is_public: isPublic ? 1 : 0, uploaded_by: ctx.actor.user.id, uploaded_at: timestamp(ctx.now),
    };
    await tx.insertInto('funding_receipts').values({ entry_id: entryId, ...receipt }).onConflict((oc) => oc.column('entry_id').doUpdateSet(receipt)).execute();
    await audit(tx, ctx.actor, ctx.now, { action: 'funding.receipt_attached', subjectType: 'funding_entry', subjectId: entryId, details: { media_type: mediaType, bytes: bytes.length, public: isPublic } });
    return ok();
  });
}

/** Removes a draft's receipt. */
export async function removeReceipt(ctx: CommandContext<SignedIn>, ledger: { id: string }, entryId: string): Promise<Result<void>> {
  return fundingDb(ctx.db).transaction().execute(async (tx) => {
    await serializeOn(tx, `funding:${ledger.id}`);
    const refusal = await draftOf(tx, ledger.id, entryId);
    if (refusal) return refusal;
    await tx.deleteFrom('funding_receipts').where('entry_id', '=', entryId).execute();
    await audit(tx, ctx.actor, ctx.now, { action: 'funding.receipt_removed', subjectType: 'funding_entry', subjectId: entryId });
    return ok();
  });
}
