import type { ModuleMigration } from '../../../platform/module.ts';
import * as consultations from './202612010001_consultations_consultations.ts';

export const consultationsMigrations: Record<string, ModuleMigration> = {
  '202612010001_consultations_consultations': consultations,
};
