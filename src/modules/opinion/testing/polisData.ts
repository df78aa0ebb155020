/** Where the shared Polis conversations live: `<repo>/../shared/data/polis`. Missing data fails loudly. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

export function polisDataDir(): string {
  const dir = process.env.CABILDO_POLIS_DATA ?? join(REPO_ROOT, '..', 'shared', 'data', 'polis');
  if (!existsSync(join(dir, '15-per-hour-seattle', 'comments.csv'))) {
    throw new Error(`Polis data not found at ${dir}: clone the shared data beside the repository (../shared/data/polis)`);
  }
  return dir;
}

export function polisConversationDir(name: string): string {
  return join(polisDataDir(), name);
}
