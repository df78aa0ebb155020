import type { Db } from '../../../platform/db/index.ts';
import { timestamp } from '../../../platform/db/index.ts';
import { audit } from '../../../platform/audit.ts';
import { canonicalJson } from '../../../platform/log/index.ts';
import type { CommandContext, SignedIn } from '../../../platform/http/env.ts';
import { ok, type Result } from '../../../platform/http/result.ts';
import { reportsDb } from '../tables.ts';
import type { Report } from '../queries.ts';
import { textsFor, type TranslatedTexts, type TranslationInput } from './content.ts';

/** The languages a report is translated into, in the order of the platform's languages. */
export async function translationsOf(db: Db, reportId: string): Promise<string[]> {
  return (await reportsDb(db).selectFrom('report_translations').select('language').where('report_id', '=', reportId).orderBy('language').execute()).map((r) => r.language);
}

export async function findTranslation(db: Db, reportId: string, language: string): Promise<TranslatedTexts | undefined> {
  const row = await reportsDb(db).selectFrom('report_translations').select('content').where('report_id', '=', reportId).where('language', '=', language).executeTakeFirst();
  return row && (JSON.parse(row.content) as TranslatedTexts);
}

/**
 * Saves a translation as its writers type it. It is not the record: the log covers the original,
 * and a translation may be improved at any time by those who may write the report.
 */
export async function saveTranslation(ctx: CommandContext<SignedIn>, report: Report, language: string, input: TranslationInput): Promise<Result<void>> {
  const content = canonicalJson(textsFor(report.content, input));
  const stamp = timestamp(ctx.now);
  await reportsDb(ctx.db).transaction().execute(async (tx) => {
    await tx.insertInto('report_translations').values({ report_id: report.id, language, content, updated_by: ctx.actor.user.id, updated_at: stamp })
      .onConflict((oc) => oc.columns(['report_id', 'language']).doUpdateSet({ content, updated_by: ctx.actor.user.id, updated_at: stamp })).execute();
    await audit(tx, ctx.actor, ctx.now, { action: 'report.translated', subjectType: 'report', subjectId: report.id, details: { language } });
  });
  return ok();
}
