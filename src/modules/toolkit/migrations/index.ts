import type { ModuleMigration } from '../../../platform/module.ts';
import * as ticks from './202611301300_toolkit_ticks.ts';
import * as guidanceIndex from './202611301301_toolkit_guidance_index.ts';

export const toolkitMigrations: Record<string, ModuleMigration> = {
  '202611301300_toolkit_ticks': ticks,
  '202611301301_toolkit_guidance_index': guidanceIndex,
};
