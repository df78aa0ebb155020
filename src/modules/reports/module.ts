import type { ModuleManifest } from '../../platform/module.ts';
import { provideOverdueReportOrganisers } from '../events/index.ts';
import { reportMigrations } from './migrations/index.ts';
import { reportsTables } from './tables.ts';
import { reportLogKinds } from './outcomes.ts';
import { annualLogKind, annualPublishedKind } from './annual/outcomes.ts';
import { reminderHandler, reminderJob } from './reminders.ts';
import { overdueReportOrganisers } from './index.ts';
import { importReportCommand } from './cli.ts';
import { seedDemoReports } from './seeds.ts';
import { reportSearch } from './search.ts';
import { annualSearch } from './annual/search.ts';
import { reportNotifications } from './notifications.ts';
import { unstartedHandler, unstartedReminders } from './unstarted.ts';

// The events call's screening rule `reports_filed` asks who is late with a report: reports depends
// on events, never the reverse, so it registers its answer there (docs/decisions/024).
provideOverdueReportOrganisers(overdueReportOrganisers);

export const reportsModule: ModuleManifest = {
  name: 'reports',
  catalogs: new URL('./i18n/', import.meta.url),
  migrations: reportMigrations,
  tables: reportsTables,
  routes: async () => {
    const [{ reportPages }, { annualPages }, { translationPages }, { reportApi }] = await Promise.all([
      import('./pages.tsx'), import('./annual/pages.tsx'), import('./translations/pages.tsx'), import('./api.ts'),
    ]);
    return { pages: (app, services) => { reportPages(app, services); annualPages(app, services); translationPages(app, services); }, api: reportApi };
  },
  logKinds: { ...reportLogKinds, [annualPublishedKind]: annualLogKind },
  jobs: { [reminderJob]: reminderHandler, [unstartedReminders.kind]: unstartedHandler },
  recurring: [unstartedReminders],
  notifications: reportNotifications,
  seedDemo: seedDemoReports,
  cli: [importReportCommand],
  search: [reportSearch, annualSearch],
  nav: [
    { href: '/reports', label: 'reports.nav.archive' },
    { href: '/my/reports', label: 'reports.nav.mine', visible: (actor) => actor.user !== null },
    { href: '/topics', label: 'reports.topics.nav' },
  ],
};
