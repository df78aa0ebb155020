import type { ModuleManifest } from '../../platform/module.ts';
import { isSecretariat } from '../../platform/policy.ts';
import { initiativeMigrations } from './migrations/index.ts';
import { registryTables } from './tables.ts';
import { seedDemoInitiatives } from './seeds.ts';
import { importNris } from './cli.ts';
import { registryNotifications } from './notifications.ts';
import { registryLogKinds } from './outcomes.ts';
import { initiativeSearch } from './search.ts';
import { registrationJourney } from './journey.ts';

export const initiativesModule: ModuleManifest = {
  name: 'initiatives',
  catalogs: new URL('./i18n/', import.meta.url),
  migrations: initiativeMigrations,
  tables: registryTables,
  seedDemo: seedDemoInitiatives,
  cli: [importNris],
  routes: async () => ({ pages: (await import('./pages.tsx')).initiativePages, api: (await import('./api.ts')).initiativeApi }),
  notifications: registryNotifications,
  logKinds: registryLogKinds,
  search: [initiativeSearch],
  journeys: [registrationJourney],
  nav: [
    { href: '/initiatives', label: 'initiatives.nav.directory' },
    { href: '/my/initiatives', label: 'initiatives.nav.mine', visible: (actor) => actor.user !== null },
    { href: '/secretariat/recognition', label: 'initiatives.nav.queue', visible: (actor) => actor.user !== null && isSecretariat(actor.user) },
  ],
};
