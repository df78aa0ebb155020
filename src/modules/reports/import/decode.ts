/**
 * From a file's bytes (or text already read) to numbered lines, or the reason it is not a text
 * file we can read, with the line where that shows. Lines are numbered as an editor numbers
 * them (LF, CRLF or a lone CR ends a line), so a failure's line is the one the user opens.
 */
import { isWellFormed } from '../../../platform/text.ts';
import type { ImportFailure, ImportWarning } from './types.ts';

export interface SourceLine {
  /** 1-based, as in an editor. */
  number: number;
  text: string;
}

export type Decoded = { ok: true; lines: SourceLine[]; warnings: ImportWarning[] } | { ok: false; failure: ImportFailure };

const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

/** Files people save instead of text: recognised by their first bytes, so the message can say what to do. */
const signatures: Array<[bytes: number[], format: 'pdf' | 'zip' | 'doc' | 'rtf' | 'utf16']> = [
  [ascii('%PDF-'), 'pdf'],
  [[0x50, 0x4b, 0x03, 0x04], 'zip'], // .docx, .odt: a zip of XML
  [[0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], 'doc'], // Word 97–2003
  [ascii('{\\rtf'), 'rtf'],
  [[0xff, 0xfe], 'utf16'],
  [[0xfe, 0xff], 'utf16'],
];

/** C0 controls other than tab, line feed, vertical tab, form feed and carriage return; and DEL. */
const control = /[\u0000-\u0008\u000E-\u001F\u007F]/;

/**
 * UTF-8 once read as Latin-1 or Windows-1252 and saved again ("RelatorÃ­a" for "Relatoría",
 * "â€œ" for a quote). The file is valid UTF-8, so it imports, with a warning naming the first such line.
 */
const mojibake = /Ã[\u0080-\u00BF]|â€/;

export function decodeRelatoria(input: string | Uint8Array, maxBytes: number): Decoded {
  let text: string;
  if (typeof input === 'string') {
    const bytes = Buffer.byteLength(input, 'utf8');
    // The line holding the first byte past the limit, counted on the bytes as for a file.
    if (bytes > maxBytes) return fail({ reason: 'too_large', line: countLineEnds(Buffer.from(input, 'utf8'), maxBytes) + 1, bytes, limit: maxBytes });
    text = input;
  } else {
    if (input.length > maxBytes) return fail({ reason: 'too_large', line: countLineEnds(input, maxBytes) + 1, bytes: input.length, limit: maxBytes });
    const format = signatures.find(([bytes]) => bytes.every((b, i) => input[i] === b))?.[1];
    if (format) return fail({ reason: 'binary', line: 1, format });
    try {
      // The decoder drops a leading byte order mark.
      text = new TextDecoder('utf-8', { fatal: true }).decode(input);
    } catch {
      return fail({ reason: 'invalid_utf8', line: firstLineNotUtf8(input) });
    }
  }
  if (text.startsWith('\uFEFF')) text = text.slice(1);
  if (text.startsWith('%PDF-')) return fail({ reason: 'binary', line: 1, format: 'pdf' });
  if (text.startsWith('{\\rtf')) return fail({ reason: 'binary', line: 1, format: 'rtf' });

  const physical = text.split(/\r\n|\r|\n/);
  const lines: SourceLine[] = [];
  const warnings: ImportWarning[] = [];
  for (const [index, raw] of physical.entries()) {
    const number = index + 1;
    // A lone surrogate or U+FFFD: the text was decoded from bytes that were not UTF-8 before it reached us.
    if (!isWellFormed(raw) || raw.includes('\uFFFD')) return fail({ reason: 'invalid_utf8', line: number });
    const bad = control.exec(raw);
    if (bad) return fail({ reason: 'binary', line: number, format: 'control', character: codePoint(bad[0]) });
    if (!warnings.length && mojibake.test(raw)) warnings.push({ code: 'mojibake', line: number });
    // pdftotext marks pages with a form feed; Word writes a line break inside a paragraph as a
    // vertical tab. Neither starts a line in an editor, so the number stays the same.
    for (const part of raw.replaceAll('\f', '').split('\v')) lines.push({ number, text: part.normalize('NFC') });
  }
  if (lines.every((l) => l.text.trim() === '')) return fail({ reason: 'empty', line: 1 });
  return { ok: true, lines, warnings };
}

function fail(failure: ImportFailure): Decoded {
  return { ok: false, failure };
}

function codePoint(character: string): string {
  return `U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Line ends before `end`: LF, CRLF (counted once) or a lone CR, as the text is split later. */
function countLineEnds(bytes: Uint8Array, end: number): number {
  let count = 0;
  for (let i = 0; i < end && i < bytes.length; i++) {
    if (bytes[i] === 0x0a || (bytes[i] === 0x0d && bytes[i + 1] !== 0x0a)) count++;
  }
  return count;
}

/** CR and LF are never part of a multi-byte sequence, so each line can be checked alone. */
function firstLineNotUtf8(bytes: Uint8Array): number {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let start = 0;
  let line = 1;
  for (let i = 0; i <= bytes.length; i++) {
    const end = i === bytes.length || bytes[i] === 0x0a || (bytes[i] === 0x0d && bytes[i + 1] !== 0x0a);
    if (!end) continue;
    try {
      decoder.decode(bytes.subarray(start, i));
    } catch {
      return line;
    }
    start = i + 1;
    line++;
  }
  return line;
}
