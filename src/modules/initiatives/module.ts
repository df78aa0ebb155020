import type { ModuleManifest } from '../../platform/module.ts';
import { isSecretariat, isSignedIn } from '../../platform/policy.ts';
import { initiativePages } from './pages.tsx';
import { initiativeApi } from './api.ts';

export const initiativesModule: ModuleManifest = {
  name: 'initiatives',
  catalogs: new URL('./i18n/', import.meta.url),
  pages: initiativePages,
  api: initiativeApi,
  nav: [
    { href: '/initiatives', label: 'initiatives.nav.directory' },
    { href: '/my/initiatives', label: 'initiatives.nav.mine', visible: isSignedIn },
    { href: '/secretariat/recognition', label: 'initiatives.nav.queue', visible: isSecretariat },
  ],
};
