import type { ModuleManifest } from '../../platform/module.ts';
import { mentoringMigrations } from './migrations/index.ts';
import { mentoringTables } from './tables.ts';
import { mentoringNotifications } from './notifications.ts';
import { unansweredHandler, unansweredRequests } from './expiry.ts';
import { offerSearch } from './search.ts';
import { seedDemoMentoring } from './seeds.ts';
import { mentoringPolicy } from './policy.ts';

/** Mentoring between initiatives, "apadrinamiento" (docs/decisions/035-mentoring.md). */
export const mentoringModule: ModuleManifest = {
  name: 'mentoring',
  catalogs: new URL('./i18n/', import.meta.url),
  migrations: mentoringMigrations,
  tables: mentoringTables,
  routes: async () => {
    const [{ mentoringPages }, { mentoringApi }] = await Promise.all([import('./pages.tsx'), import('./api.ts')]);
    return { pages: mentoringPages, api: mentoringApi };
  },
  jobs: { [unansweredRequests.kind]: unansweredHandler },
  recurring: [unansweredRequests],
  notifications: mentoringNotifications,
  search: [offerSearch],
  seedDemo: seedDemoMentoring,
  initiativeLinks: [{
    label: 'mentoring.initiative_link',
    path: (slug) => `/initiatives/${slug}/mentoring`,
    // Its committee's place to ask for a mentor, offer to mentor and follow its mentorships.
    shown: async (_, actor, initiative) => mentoringPolicy.viewInitiative(actor, initiative),
  }],
  nav: [
    { href: '/mentoring', label: 'mentoring.nav.public' },
    { href: '/secretariat/mentoring', label: 'mentoring.nav.secretariat', visible: (actor) => mentoringPolicy.administer(actor, undefined) },
  ],
};
