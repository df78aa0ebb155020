import type { ModuleManifest } from '../platform/module.ts';
import { accountsModule } from './accounts/module.ts';
import { initiativesModule } from './initiatives/module.ts';

/** Every domain module, in the order their routes are mounted. */
export const modules: ModuleManifest[] = [accountsModule, initiativesModule];
