import type { ModuleMigration } from '../../../platform/module.ts';
import * as reports from './202611280600_reports_reports.ts';
import * as archive from './202611290600_reports_archive.ts';
import * as annual from './202611290800_reports_annual.ts';
import * as topics from './202611291000_reports_topics.ts';
import * as benchIndexes from './202611291200_reports_bench_indexes.ts';
import * as translations from './202611291300_reports_translations.ts';

export const reportMigrations: Record<string, ModuleMigration> = {
  '202611280600_reports_reports': reports,
  '202611290600_reports_archive': archive,
  '202611290800_reports_annual': annual,
  '202611291000_reports_topics': topics,
  '202611291200_reports_bench_indexes': benchIndexes,
  '202611291300_reports_translations': translations,
};
