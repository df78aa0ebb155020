import type { Db } from '../../../platform/db/index.ts';
import { timestamp } from '../../../platform/db/index.ts';
import { audit } from '../../../platform/audit.ts';
import { canonicalJson } from '../../../platform/log/index.ts';
import type { CommandContext, SignedIn } from '../../../platform/http/env.ts';
import { ok, type Result } from '../../../platform/http/result.ts';
import { reportsDb } from '../tables.ts';
import type { Report } from '../queries.ts';
import { textsFor, type TranslatedTexts, type TranslationInput } from './content.ts';

/** The languages a report is translated into, by language code. */
export async function translationsOf(db: Db, reportId: string): Promise<string[]> {
  return (await reportsDb(db).selectFrom('report_translations').select('language').where('report_id', '=', reportId).orderBy('language').execute()).map((r) => r.language);
}

/** A translation's texts and the original's version it was made from. */
export async function findTranslation(db: Db, reportId: string, language: string): Promise<{ texts: TranslatedTexts; version: number } | undefined> {
  const row = await reportsDb(db).selectFrom('report_translations').select(['content', 'version']).where('report_id', '=', reportId).where('language', '=', language).executeTakeFirst();
  return row && { texts: JSON.parse(row.content) as TranslatedTexts, version: Number(row.version) };
}

/**
 * Saves a translation as its writers type it. It is not the record: the log covers the original,
 * and a translation may be improved at any time by those who may write the report.
 */
export async function saveTranslation(ctx: CommandContext<SignedIn>, report: Report, language: string, input: TranslationInput): Promise<Result<void>> {
  const content = canonicalJson(textsFor(report.content, input));
  const stamp = timestamp(ctx.now);
  await reportsDb(ctx.db).transaction().execute(async (tx) => {
    const fields = { content, version: report.version, updated_by: ctx.actor.user.id, updated_at: stamp };
    await tx.insertInto('report_translations').values({ report_id: report.id, language, ...fields })
      .onConflict((oc) => oc.columns(['report_id', 'language']).doUpdateSet(fields)).execute();
    await audit(tx, ctx.actor, ctx.now, { action: 'report.translated', subjectType: 'report', subjectId: report.id, details: { language } });
  });
  return ok();
}
