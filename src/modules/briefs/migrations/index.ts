import type { ModuleMigration } from '../../../platform/module.ts';
import * as briefs from './202611301200_briefs_briefs.ts';
import * as review from './202612030001_briefs_review.ts';
import * as consultations from './202612030500_briefs_consultations.ts';

export const briefMigrations: Record<string, ModuleMigration> = {
  '202611301200_briefs_briefs': briefs,
  '202612030001_briefs_review': review,
  '202612030500_briefs_consultations': consultations,
};
