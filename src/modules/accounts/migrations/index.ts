import type { ModuleMigration } from '../../../platform/module.ts';
import * as users from './202611230001_accounts_users.ts';

export const accountMigrations: Record<string, ModuleMigration> = {
  '202611230001_accounts_users': { ...users, formerly: '001_foundation' },
};
