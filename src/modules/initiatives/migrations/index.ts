import type { ModuleMigration } from '../../../platform/module.ts';
import * as registry from './202611230002_initiatives_registry.ts';
import * as recognitionOutcomes from './202611260240_initiatives_recognition_outcomes.ts';

export const initiativeMigrations: Record<string, ModuleMigration> = {
  '202611230002_initiatives_registry': { ...registry, formerly: '001_foundation' },
  '202611260240_initiatives_recognition_outcomes': recognitionOutcomes,
};
