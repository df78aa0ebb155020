import type { ModuleMigration } from '../module.ts';
import * as auditLog from './202611230000_platform_audit_log.ts';
import * as dataVersion from './202611250000_platform_data_version.ts';
import * as jobs from './202611260000_platform_jobs.ts';
import * as notifications from './202611260100_platform_notifications.ts';
import * as rateLimits from './202611260200_platform_rate_limits.ts';
import * as transparencyLog from './202611260230_platform_transparency_log.ts';
import * as search from './202611260200_platform_search.ts';
import * as searchSpeed from './202611260700_platform_search_speed.ts';
import * as searchRecency from './202611291400_platform_search_recency.ts';
import * as searchFoldAscii from './202612090201_platform_search_fold_ascii.ts';
import * as searchTermsHalves from './202612090300_platform_search_terms_halves.ts';

/** The platform's own tables (see ModuleMigration for the naming). */
export const platformMigrations: Record<string, ModuleMigration> = {
  '202611230000_platform_audit_log': { ...auditLog, formerly: '001_foundation' },
  '202611250000_platform_data_version': dataVersion,
  '202611260000_platform_jobs': jobs,
  '202611260100_platform_notifications': notifications,
  '202611260200_platform_rate_limits': rateLimits,
  '202611260230_platform_transparency_log': transparencyLog,
  '202611260200_platform_search': search,
  '202611260700_platform_search_speed': searchSpeed,
  '202611291400_platform_search_recency': searchRecency,
  '202612090201_platform_search_fold_ascii': searchFoldAscii,
  '202612090300_platform_search_terms_halves': searchTermsHalves,
};

/** The platform's tables that hold data (backed up); `data_versions` and `rate_limits` are bookkeeping, like the migrator's. */
export const platformTables = ['audit_log', 'jobs', 'notifications', 'notification_preferences',
  'log_entries', 'log_nodes', 'log_checkpoints', 'log_witnessed'] as const;
