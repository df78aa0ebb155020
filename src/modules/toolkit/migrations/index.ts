import type { ModuleMigration } from '../../../platform/module.ts';
import * as ticks from './202611301300_toolkit_ticks.ts';

export const toolkitMigrations: Record<string, ModuleMigration> = {
  '202611301300_toolkit_ticks': ticks,
};
