import type { ModuleMigration } from '../../../platform/module.ts';
import * as events from './202611260600_events_events.ts';
import * as program from './202611270600_events_program.ts';
import * as proposals from './202611270700_events_proposals.ts';
import * as registrations from './202611270800_events_registrations.ts';
import * as floor from './202611271100_events_floor.ts';
import * as programVersions from './202611270900_events_program_versions.ts';
import * as review from './202611271000_events_review.ts';
import * as availability from './202611271200_events_availability.ts';
import * as criteriaLabels from './202611271300_events_review_criteria_labels.ts';
import * as topics from './202611291000_events_topics.ts';

export const eventMigrations: Record<string, ModuleMigration> = {
  '202611260600_events_events': events,
  '202611270600_events_program': program,
  '202611270700_events_proposals': proposals,
  '202611270800_events_registrations': registrations,
  '202611270900_events_program_versions': programVersions,
  '202611271100_events_floor': floor,
  '202611271000_events_review': review,
  '202611271200_events_availability': availability,
  '202611271300_events_review_criteria_labels': criteriaLabels,
  '202611291000_events_topics': topics,
};
