import type { ModuleMigration } from '../../../platform/module.ts';
import * as users from './202611230001_accounts_users.ts';
import * as tokenExpiry from './202611260310_accounts_api_token_expiry.ts';

export const accountMigrations: Record<string, ModuleMigration> = {
  '202611230001_accounts_users': { ...users, formerly: '001_foundation' },
  '202611260310_accounts_api_token_expiry': tokenExpiry,
};
