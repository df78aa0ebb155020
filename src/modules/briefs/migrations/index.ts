import type { ModuleMigration } from '../../../platform/module.ts';
import * as briefs from './202611301200_briefs_briefs.ts';

export const briefMigrations: Record<string, ModuleMigration> = {
  '202611301200_briefs_briefs': briefs,
};
