import type { ModuleManifest } from '../../platform/module.ts';
import { plansMigrations } from './migrations/index.ts';
import { plansTables } from './tables.ts';
import { planLogKinds } from './outcomes.ts';
import { planNotifications } from './notifications.ts';
import { overdueHandler, overdueReminders } from './reminders.ts';
import { itemSearch, planSearch } from './search.ts';
import { seedDemoPlans } from './seeds.ts';
import { plansOf } from './queries.ts';
import { planPolicy } from './policy.ts';

/** Action plans (docs/decisions/030): per initiative, grouped by topic, with people responsible and progress. */
export const plansModule: ModuleManifest = {
  name: 'plans',
  catalogs: new URL('./i18n/', import.meta.url),
  migrations: plansMigrations,
  tables: plansTables,
  routes: async () => {
    const [{ planPages }, { planApi }] = await Promise.all([import('./pages.tsx'), import('./api.ts')]);
    return { pages: planPages, api: planApi };
  },
  logKinds: planLogKinds,
  jobs: { [overdueReminders.kind]: overdueHandler },
  recurring: [overdueReminders],
  notifications: planNotifications,
  seedDemo: seedDemoPlans,
  search: [planSearch, itemSearch],
  nav: [{ href: '/action-plans', label: 'plans.nav' }],
  initiativeLinks: [{
    label: 'plans.initiative_link',
    path: (slug) => `/initiatives/${slug}/action-plans`,
    // Its committee finds where to write a first plan; everyone else, the adopted ones.
    shown: async (db, actor, initiative) => planPolicy.write(actor, { status: 'none', committee: initiative.committee }) || (await plansOf(db, initiative.id, false)).length > 0,
  }],
};
