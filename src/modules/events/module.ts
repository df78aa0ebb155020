import type { ModuleManifest } from '../../platform/module.ts';
import { isSecretariat } from '../../platform/policy.ts';
import { eventMigrations } from './migrations/index.ts';
import { eventsTables } from './tables.ts';
import { eventLogKinds } from './outcomes.ts';
import { programLogKinds } from './program/outcomes.ts';
import { eventSearch } from './search.ts';
import { seedDemoEvents } from './seeds.ts';
import { proposalSearch } from './call/search.ts';
import { reviewLogKinds, proposalDecided, reviewsAssigned } from './review/outcomes.ts';

export const eventsModule: ModuleManifest = {
  name: 'events',
  catalogs: new URL('./i18n/', import.meta.url),
  migrations: eventMigrations,
  tables: eventsTables,
  seedDemo: seedDemoEvents,
  routes: async () => ({ pages: (await import('./pages.tsx')).eventPages, api: (await import('./api.ts')).eventApi }),
  logKinds: { ...eventLogKinds, ...programLogKinds, ...reviewLogKinds },
  notifications: [proposalDecided, reviewsAssigned],
  search: [eventSearch, proposalSearch],
  nav: [
    { href: '/events', label: 'events.nav.events' },
    { href: '/my/events', label: 'events.nav.mine', visible: (actor) => actor.user !== null },
    { href: '/secretariat/topics', label: 'events.topics.admin_title', visible: (actor) => actor.user !== null && isSecretariat(actor.user) },
  ],
};
