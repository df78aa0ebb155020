import type { ModuleMigration } from '../../../platform/module.ts';
import * as registry from './202611230002_initiatives_registry.ts';
import * as recognitionOutcomes from './202611260240_initiatives_recognition_outcomes.ts';
import * as directoryOrder from './202611260300_initiatives_directory_order.ts';
import * as demoClaims from './202611260700_initiatives_demo_claims.ts';
import * as annualReport from './202611290700_initiatives_annual_report.ts';

export const initiativeMigrations: Record<string, ModuleMigration> = {
  '202611230002_initiatives_registry': { ...registry, formerly: '001_foundation' },
  '202611260240_initiatives_recognition_outcomes': recognitionOutcomes,
  '202611260300_initiatives_directory_order': directoryOrder,
  '202611260700_initiatives_demo_claims': demoClaims,
  '202611290700_initiatives_annual_report': annualReport,
};
