import type { ModuleMigration } from '../../../platform/module.ts';
import * as briefs from './202611301200_briefs_briefs.ts';
import * as review from './202612030001_briefs_review.ts';

export const briefMigrations: Record<string, ModuleMigration> = {
  '202611301200_briefs_briefs': briefs,
  '202612030001_briefs_review': review,
};
