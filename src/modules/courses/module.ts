import type { ModuleManifest } from '../../platform/module.ts';
import { courseMigrations } from './migrations/index.ts';
import { coursesTables } from './tables.ts';
import { courseLogKinds } from './outcomes.ts';
import { lessonSearch } from './search.ts';
import { seedStarterCourse } from './seeds.ts';

export const coursesModule: ModuleManifest = {
  name: 'courses',
  catalogs: new URL('./i18n/', import.meta.url),
  migrations: courseMigrations,
  tables: coursesTables,
  routes: async () => {
    const [{ coursePages }, { courseApi }] = await Promise.all([import('./pages.tsx'), import('./api.ts')]);
    return { pages: coursePages, api: courseApi };
  },
  logKinds: courseLogKinds,
  seedDemo: seedStarterCourse,
  search: [lessonSearch],
  nav: [{ href: '/courses', label: 'courses.nav.courses' }],
};
