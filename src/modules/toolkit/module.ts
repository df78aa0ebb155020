import type { ModuleManifest } from '../../platform/module.ts';
import { toolkitPolicy } from './policy.ts';
import { toolkitMigrations } from './migrations/index.ts';
import { toolkitTables } from './tables.ts';
import { catalogsDir, toolkitSearch } from './search.ts';
import { seedDemoToolkit } from './seeds.ts';
import { toolkitNotifications } from './notifications.ts';

/** The setup toolkit as a live checklist per initiative (docs/decisions/032-toolkit.md). */
export const toolkitModule: ModuleManifest = {
  name: 'toolkit',
  catalogs: catalogsDir,
  migrations: toolkitMigrations,
  tables: toolkitTables,
  routes: async () => {
    const [{ toolkitPages }, { toolkitApi }] = await Promise.all([import('./pages.tsx'), import('./api.ts')]);
    return { pages: toolkitPages, api: toolkitApi };
  },
  search: [toolkitSearch],
  notifications: toolkitNotifications,
  seedDemo: seedDemoToolkit,
  initiativeLinks: [{
    label: 'toolkit.initiative_link',
    path: (slug) => `/initiatives/${slug}/toolkit`,
    shown: async (_, actor, initiative) => toolkitPolicy.viewProgress(actor, initiative),
  }],
  nav: [
    { href: '/toolkit', label: 'toolkit.nav.guide' },
    { href: '/secretariat/toolkit', label: 'toolkit.nav.stuck', visible: (actor) => toolkitPolicy.seeWhereStuck(actor, undefined) },
  ],
};
