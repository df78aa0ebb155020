import { linkSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';

/**
 * Writes a file readable by its owner only unless it exists, and answers the content that stays
 * there. Several processes sharing a data directory may start at once: the content is written to
 * a file of this process's own and then linked into place, which only one of them can do, so
 * none ever reads a half-written file and all end up using the same content.
 */
export function writeOnce(file: string, content: string): string {
  const own = `${file}.${process.pid}.tmp`;
  writeFileSync(own, content, { mode: 0o600 });
  try {
    linkSync(own, file);
    return content;
  } catch (error) {
    if ((error as { code?: string }).code === 'EEXIST') return readFileSync(file, 'utf8');
    throw error;
  } finally {
    unlinkSync(own);
  }
}
