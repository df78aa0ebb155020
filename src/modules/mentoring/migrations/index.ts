import type { ModuleMigration } from '../../../platform/module.ts';
import * as mentoring from './202612020001_mentoring_mentoring.ts';

export const mentoringMigrations: Record<string, ModuleMigration> = {
  '202612020001_mentoring_mentoring': mentoring,
};
