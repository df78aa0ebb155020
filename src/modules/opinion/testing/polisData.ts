/** Where the Polis conversations used by tests and benchmarks live: `tests/fixtures/polis` (CC BY 4.0, see its README). */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

export function polisDataDir(): string {
  const dir = join(REPO_ROOT, 'tests', 'fixtures', 'polis');
  if (!existsSync(join(dir, '15-per-hour-seattle', 'comments.csv'))) {
    throw new Error(`Polis fixtures not found at ${dir}: the repository is incomplete`);
  }
  return dir;
}

export function polisConversationDir(name: string): string {
  return join(polisDataDir(), name);
}
