import type { ModuleManifest } from '../../platform/module.ts';
import { accountMigrations } from './migrations/index.ts';
import { accountTables } from './tables.ts';
import { accountIdentity } from './sessions.ts';
import { adminCreate, tokenCreate, tokenRevoke } from './cli.ts';

export const accountsModule: ModuleManifest = {
  name: 'accounts',
  catalogs: new URL('./i18n/', import.meta.url),
  migrations: accountMigrations,
  tables: accountTables,
  identity: accountIdentity,
  cli: [adminCreate, tokenCreate, tokenRevoke],
  routes: async () => ({ pages: (await import('./pages.tsx')).accountPages }),
};
