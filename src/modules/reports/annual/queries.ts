import type { Db } from '../../../platform/db/index.ts';
import { reportsDb, type AnnualReportsTable } from '../tables.ts';
import type { AnnualSnapshot } from './commands.ts';

export type AnnualRow = AnnualReportsTable;

export async function findAnnual(db: Db, initiativeId: string, year: number): Promise<AnnualRow | undefined> {
  return reportsDb(db).selectFrom('annual_reports').selectAll().where('initiative_id', '=', initiativeId).where('year', '=', year).executeTakeFirst();
}

/** The initiative's annual reports, newest year first: published ones only, unless drafts are asked for. */
export async function annualReportsOf(db: Db, initiativeId: string, withDrafts: boolean): Promise<Array<Pick<AnnualRow, 'year' | 'status' | 'published_at'>>> {
  let query = reportsDb(db).selectFrom('annual_reports').select(['year', 'status', 'published_at']).where('initiative_id', '=', initiativeId);
  if (!withDrafts) query = query.where('status', '=', 'published');
  return (await query.orderBy('year', 'desc').execute()).map((r) => ({ ...r, year: Number(r.year) }));
}

export const readAnnualSnapshot = (row: AnnualRow): AnnualSnapshot | null => (row.snapshot ? (JSON.parse(row.snapshot) as AnnualSnapshot) : null);
