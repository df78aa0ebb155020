import type { ModuleManifest } from '../../platform/module.ts';
import { briefMigrations } from './migrations/index.ts';
import { briefsTables } from './tables.ts';
import { briefLogKinds } from './outcomes.ts';
import { briefSearch } from './search.ts';
import { seedDemoBriefs } from './seeds.ts';
import { briefNotifications } from './notifications.ts';

/** Internet impact briefs (docs/decisions/031). */
export const briefsModule: ModuleManifest = {
  name: 'briefs',
  catalogs: new URL('./i18n/', import.meta.url),
  migrations: briefMigrations,
  tables: briefsTables,
  routes: async () => {
    const [{ briefPages }, { briefApi }] = await Promise.all([import('./pages.tsx'), import('./api.ts')]);
    return { pages: briefPages, api: briefApi };
  },
  logKinds: briefLogKinds,
  search: [briefSearch],
  notifications: briefNotifications,
  seedDemo: seedDemoBriefs,
  nav: [{ href: '/briefs', label: 'briefs.nav.briefs' }],
};
