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

/** The kinds of uploaded file Cabildo accepts somewhere, as their first bytes show them. */
export type SniffedType = 'application/pdf' | 'image/png' | 'image/jpeg' | 'image/webp' | 'image/gif';

/**
 * What an uploaded file is, by its first bytes (never its name or declared type); null for
 * anything else. SVG and HTML are never accepted: they can carry script.
 */
export function sniffType(bytes: Uint8Array): SniffedType | null {
  const starts = (...signature: number[]) => signature.every((b, i) => bytes[i] === b);
  const ascii = (at: number, text: string) => [...text].every((ch, i) => bytes[at + i] === ch.charCodeAt(0));
  if (ascii(0, '%PDF-')) return 'application/pdf';
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  if (starts(0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (ascii(0, 'GIF87a') || ascii(0, 'GIF89a')) return 'image/gif';
  if (ascii(0, 'RIFF') && ascii(8, 'WEBP')) return 'image/webp';
  return null;
}
