import type { ModuleMigration } from '../../../platform/module.ts';
import * as plans from './202611301100_plans_plans.ts';

export const plansMigrations: Record<string, ModuleMigration> = {
  '202611301100_plans_plans': plans,
};
