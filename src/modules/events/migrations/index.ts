import type { ModuleMigration } from '../../../platform/module.ts';
import * as events from './202611260600_events_events.ts';

export const eventMigrations: Record<string, ModuleMigration> = {
  '202611260600_events_events': events,
};
