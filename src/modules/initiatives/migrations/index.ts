import type { ModuleMigration } from '../../../platform/module.ts';
import * as registry from './202611230002_initiatives_registry.ts';

export const initiativeMigrations: Record<string, ModuleMigration> = {
  '202611230002_initiatives_registry': { ...registry, formerly: '001_foundation' },
};
