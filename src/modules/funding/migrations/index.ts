import type { ModuleMigration } from '../../../platform/module.ts';
import * as ledger from './202611301000_funding_ledger.ts';

export const fundingMigrations: Record<string, ModuleMigration> = {
  '202611301000_funding_ledger': ledger,
};
