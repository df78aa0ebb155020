import type { ModuleManifest } from '../../platform/module.ts';
import { provideOverdueReportOrganisers } from '../events/index.ts';
import { reportMigrations } from './migrations/index.ts';
import { reportsTables } from './tables.ts';
import { reportLogKinds } from './outcomes.ts';
import { reminderHandler, reminderJob } from './reminders.ts';
import { overdueReportOrganisers } from './index.ts';
import { importReportCommand } from './cli.ts';
import { seedDemoReports } from './seeds.ts';

// The events call's screening rule `reports_filed` asks who is late with a report: reports depends
// on events, never the reverse, so it registers its answer there (docs/decisions/024).
provideOverdueReportOrganisers(overdueReportOrganisers);

export const reportsModule: ModuleManifest = {
  name: 'reports',
  catalogs: new URL('./i18n/', import.meta.url),
  migrations: reportMigrations,
  tables: reportsTables,
  routes: async () => ({ pages: (await import('./pages.tsx')).reportPages, api: (await import('./api.ts')).reportApi }),
  logKinds: reportLogKinds,
  jobs: { [reminderJob]: reminderHandler },
  seedDemo: seedDemoReports,
  cli: [importReportCommand],
  nav: [{ href: '/my/reports', label: 'reports.nav.mine', visible: (actor) => actor.user !== null }, { href: '/topics', label: 'reports.topics.nav' }],
};
