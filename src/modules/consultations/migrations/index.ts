import type { ModuleMigration } from '../../../platform/module.ts';
import * as consultations from './202612010001_consultations_consultations.ts';
import * as consensus from './202612060001_consultations_consensus.ts';
import * as opinion from './202612070001_consultations_opinion.ts';
import * as opinionNumbers from './202612090001_consultations_opinion_numbers.ts';
import * as event from './202612090101_consultations_event.ts';

export const consultationsMigrations: Record<string, ModuleMigration> = {
  '202612010001_consultations_consultations': consultations,
  '202612060001_consultations_consensus': consensus,
  '202612070001_consultations_opinion': opinion,
  '202612090001_consultations_opinion_numbers': opinionNumbers,
  '202612090101_consultations_event': event,
};
