import type { ModuleManifest } from '../../platform/module.ts';
import { accountPages } from './pages.tsx';

export const accountsModule: ModuleManifest = {
  name: 'accounts',
  catalogs: new URL('./i18n/', import.meta.url),
  pages: accountPages,
};
