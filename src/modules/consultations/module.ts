import type { ModuleManifest } from '../../platform/module.ts';
import { consultationsMigrations } from './migrations/index.ts';
import { consultationsTables } from './tables.ts';
import { opinionTables } from './opinion/tables.ts';
import { opinionMapJobs, opinionMapSchedule } from './opinion/jobs.ts';
import { consultationLogKinds } from './outcomes.ts';
import { consultationNotifications } from './notifications.ts';
import { consultationSearch } from './search.ts';
import { demoSlug, seedDemoConsultation } from './seeds.ts';
import { seedDemoOpinion } from './opinion/seeds.ts';
import { importConsultationCommand } from './cli.ts';
import { importPolisCommand } from './opinion/cli.ts';
import { consultationPolicy } from './policy.ts';
import { provideEventSection } from '../events/index.ts';

// The consultations opened on an event, on its page (docs/decisions/040); the view is loaded when a page asks, as routes are.
provideEventSection('consultations', async (...args) => (await import('./eventSection.tsx')).eventConsultations(...args));

/** Consultations on texts: comments, amendments and versions with stable anchors (docs/decisions/034). */
export const consultationsModule: ModuleManifest = {
  name: 'consultations',
  catalogs: new URL('./i18n/', import.meta.url),
  migrations: consultationsMigrations,
  tables: [...consultationsTables, ...opinionTables],
  jobs: opinionMapJobs,
  recurring: [opinionMapSchedule],
  routes: async () => {
    const [{ consultationPages }, { consultationApi }] = await Promise.all([import('./pages.tsx'), import('./api.ts')]);
    return { pages: consultationPages, api: consultationApi };
  },
  logKinds: consultationLogKinds,
  notifications: consultationNotifications,
  search: [consultationSearch],
  seedDemo: async (options) => {
    const added = [await seedDemoConsultation(options), await seedDemoOpinion(options, demoSlug)].filter((line) => line !== null);
    return added.length ? added.join('\n') : null;
  },
  cli: [importConsultationCommand, importPolisCommand],
  nav: [{ href: '/consultations', label: 'consultations.nav' }],
  initiativeLinks: [{
    label: 'consultations.initiative_link',
    path: (slug) => `/initiatives/${slug}/consultations/new`,
    shown: async (_, actor, initiative) => consultationPolicy.open(actor, { published_version: 0, people: [], committee: initiative.committee }),
  }],
};
