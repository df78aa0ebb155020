import type { ModuleManifest } from '../../platform/module.ts';
import { fundingMigrations } from './migrations/index.ts';
import { fundingTables } from './tables.ts';
import { fundingLogKinds } from './outcomes.ts';
import { fundingSearch } from './search.ts';
import { seedDemoFunding } from './seeds.ts';
import { hasPublishedFunding } from './queries.ts';
import { fundingPolicy } from './policy.ts';

/** The open funding ledger of each initiative (docs/decisions/029-funding.md). */
export const fundingModule: ModuleManifest = {
  name: 'funding',
  catalogs: new URL('./i18n/', import.meta.url),
  migrations: fundingMigrations,
  tables: fundingTables,
  routes: async () => {
    const [{ fundingPages }, { fundingApi }] = await Promise.all([import('./pages.tsx'), import('./api.ts')]);
    return { pages: fundingPages, api: fundingApi };
  },
  logKinds: fundingLogKinds,
  seedDemo: seedDemoFunding,
  search: [fundingSearch],
  // A phone's photo of a receipt is often a few megabytes: it must arrive to be refused beside
  // its field with a way to fix it (receipts.ts keeps at most 1 MB); beyond 8 MB, the 413 page.
  largeBodies: [{ path: /^\/initiatives\/[^/]+\/funding\/entries\/[^/]+\/receipt\/attach$/, maxBytes: 8 * 1024 * 1024 }],
  initiativeLinks: [{
    label: 'funding.initiative_link',
    path: (slug) => `/initiatives/${slug}/funding`,
    // Its committee finds the forms to start the ledger; everyone else, what was published.
    shown: async (db, actor, initiative) => fundingPolicy.seeDrafts(actor, initiative) || hasPublishedFunding(db, initiative.id),
  }],
};
