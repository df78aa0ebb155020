import type { ModuleMigration } from '../../../platform/module.ts';
import * as ledger from './202611301000_funding_ledger.ts';
import * as receipts from './202611301500_funding_receipts.ts';

export const fundingMigrations: Record<string, ModuleMigration> = {
  '202611301000_funding_ledger': ledger,
  '202611301500_funding_receipts': receipts,
};
