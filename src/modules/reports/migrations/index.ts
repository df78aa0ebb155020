import type { ModuleMigration } from '../../../platform/module.ts';
import * as reports from './202611280600_reports_reports.ts';

export const reportMigrations: Record<string, ModuleMigration> = {
  '202611280600_reports_reports': reports,
};
