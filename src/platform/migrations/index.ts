import type { ModuleMigration } from '../module.ts';
import * as auditLog from './202611230000_platform_audit_log.ts';

/** The platform's own tables (see ModuleMigration for the naming). */
export const platformMigrations: Record<string, ModuleMigration> = {
  '202611230000_platform_audit_log': { ...auditLog, formerly: '001_foundation' },
};

export const platformTables = ['audit_log'] as const;
