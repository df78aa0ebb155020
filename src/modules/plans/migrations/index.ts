import type { ModuleMigration } from '../../../platform/module.ts';
import * as plans from './202611301100_plans_plans.ts';
import * as consultationSource from './202612080000_plans_consultation_source.ts';

export const plansMigrations: Record<string, ModuleMigration> = {
  '202611301100_plans_plans': plans,
  '202612080000_plans_consultation_source': consultationSource,
};
