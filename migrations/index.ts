import type { Migration } from 'kysely';
import * as m001 from './001_foundation.ts';

/** Every migration in order; the name is what the migration table records. */
export const migrations: Record<string, Migration> = {
  '001_foundation': m001,
};
