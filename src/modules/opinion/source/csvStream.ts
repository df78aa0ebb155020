/**
 * A streaming RFC 4180 CSV reader over bytes, for vote files too big to hold as one string.
 *
 * The file is read in chunks into one reusable buffer; each record is handed to the caller as
 * a view (field boundaries into that buffer), so no string or object is made per field unless
 * the caller asks for one. Quoted fields may hold commas, doubled quotes and line breaks;
 * records end in LF or CRLF; a leading BOM is skipped. Errors are CsvErrors naming the file
 * and the line where the record starts, like the platform's whole-file reader.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { CsvError } from '../../../platform/csv.ts';
import { COMMA, CR, DOUBLE_QUOTE as QUOTE, LF, MINUS, NINE, SPACE, TAB, ZERO } from './bytes.ts';

const QUOTED = 1;
const ESCAPED = 2;

const utf8 = new TextDecoder('utf-8');

/** One record, valid only during the callback: its fields are ranges of `bytes`. */
export class CsvRecordView {
  bytes: Uint8Array = new Uint8Array(0);
  /** 1-based line on which the record starts. */
  line = 0;
  count = 0;
  starts = new Int32Array(16);
  ends = new Int32Array(16);
  /** Per field: QUOTED, and ESCAPED when it holds doubled quotes to undo. */
  flags = new Uint8Array(16);
  /** Line breaks inside quoted fields of this record. */
  newlines = 0;

  constructor(readonly file: string) {}

  /** The field as text (UTF-8, doubled quotes undone), not trimmed. */
  text(field: number): string {
    const raw = utf8.decode(this.bytes.subarray(this.starts[field], this.ends[field]));
    return this.flags[field] & ESCAPED ? raw.replaceAll('""', '"') : raw;
  }

  isEmpty(field: number): boolean {
    for (let i = this.starts[field]; i < this.ends[field]; i++) {
      const c = this.bytes[i];
      if (c !== SPACE && c !== TAB) return false;
    }
    return true;
  }

  /**
   * The field as a canonical non-negative or negative integer (digits, optional leading minus,
   * no leading zero, at most 15 digits), or -Infinity when it is anything else. Lets numeric
   * ids and votes be read without making a string.
   */
  integer(field: number): number {
    let i = this.starts[field];
    const end = this.ends[field];
    const bytes = this.bytes;
    let sign = 1;
    if (i < end && bytes[i] === MINUS) {
      sign = -1;
      i++;
    }
    const digits = end - i;
    if (digits < 1 || digits > 15 || (digits > 1 && bytes[i] === ZERO)) return -Infinity;
    let value = 0;
    for (; i < end; i++) {
      const c = bytes[i];
      if (c < ZERO || c > NINE) return -Infinity;
      value = value * 10 + (c - ZERO);
    }
    return sign * value;
  }

  error(detail: string): CsvError {
    return new CsvError(this.file, this.line, detail);
  }

  push(start: number, end: number, flags: number): void {
    if (this.count === this.starts.length) this.grow();
    this.starts[this.count] = start;
    this.ends[this.count] = end;
    this.flags[this.count] = flags;
    this.count++;
  }

  private grow(): void {
    const size = this.starts.length * 2;
    const starts = new Int32Array(size);
    starts.set(this.starts);
    const ends = new Int32Array(size);
    ends.set(this.ends);
    const flags = new Uint8Array(size);
    flags.set(this.flags);
    this.starts = starts;
    this.ends = ends;
    this.flags = flags;
  }
}

export interface CsvStreamOptions {
  /** Bytes read per system call (default 1 MiB). */
  chunkSize?: number;
}

/** Where one record ends, or that the buffer ran out before it did. */
const INCOMPLETE = -1;

/**
 * Reads `file` record by record. The first record is the header (trimmed names); every later
 * non-blank record goes to `onRecord`. Blank lines are skipped.
 */
export function readCsvStream(
  file: string,
  onHeader: (header: string[], line: number) => void,
  onRecord: (record: CsvRecordView) => void,
  options: CsvStreamOptions = {},
): void {
  const fd = openSync(file, 'r');
  try {
    readRecords(fd, file, options.chunkSize ?? 1 << 20, onHeader, onRecord);
  } finally {
    closeSync(fd);
  }
}

function readRecords(
  fd: number,
  file: string,
  chunkSize: number,
  onHeader: (header: string[], line: number) => void,
  onRecord: (record: CsvRecordView) => void,
): void {
  let buffer = new Uint8Array(Math.max(chunkSize, 16));
  let filled = 0;
  let position = 0;
  let eof = false;
  let line = 1;
  let sawHeader = false;
  let first = true;
  const record = new CsvRecordView(file);
  for (;;) {
    if (!eof) {
      if (filled === buffer.length) {
        const bigger = new Uint8Array(buffer.length * 2);
        bigger.set(buffer);
        buffer = bigger;
      }
      const read = readSync(fd, buffer, filled, buffer.length - filled, null);
      if (read === 0) eof = true;
      filled += read;
    }
    if (first && filled >= 3 && buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf) position = 3;
    if (first && (filled >= 3 || eof)) first = false;
    record.bytes = buffer;
    while (position < filled) {
      record.count = 0;
      record.line = line;
      const end = parseRecord(buffer, position, filled, eof, record);
      if (end === INCOMPLETE) break;
      line += 1 + record.newlines;
      position = end;
      if (record.count === 1 && record.starts[0] === record.ends[0] && record.flags[0] === 0) continue; // a blank line
      if (!sawHeader) {
        sawHeader = true;
        onHeader(Array.from({ length: record.count }, (_, i) => record.text(i).trim()), record.line);
      } else onRecord(record);
    }
    if (eof && position >= filled) break;
    if (eof && position < filled) throw new CsvError(file, line, 'a quoted field is never closed');
    // Keep the unfinished record at the start of the buffer and read on.
    buffer.copyWithin(0, position, filled);
    filled -= position;
    position = 0;
  }
  if (!sawHeader) throw new CsvError(file, 1, 'the file is empty (a header row is expected)');
}

/**
 * Parses the record starting at `start`; fills `record` and returns the position after its
 * line break, or INCOMPLETE when the buffer ends first and more bytes may come.
 */
function parseRecord(buffer: Uint8Array, start: number, filled: number, eof: boolean, record: CsvRecordView): number {
  let i = start;
  let newlines = 0;
  record.newlines = 0;
  for (;;) {
    if (i < filled && buffer[i] === QUOTE) {
      const contentStart = ++i;
      let escaped = false;
      let closed = false;
      while (i < filled) {
        const c = buffer[i];
        if (c === QUOTE) {
          if (i + 1 >= filled && !eof) return INCOMPLETE;
          if (buffer[i + 1] === QUOTE && i + 1 < filled) {
            escaped = true;
            i += 2;
            continue;
          }
          closed = true;
          break;
        }
        if (c === LF) newlines++;
        i++;
      }
      if (!closed) {
        if (!eof) return INCOMPLETE;
        throw new CsvError(record.file, record.line, 'a quoted field is never closed');
      }
      record.push(contentStart, i, QUOTED | (escaped ? ESCAPED : 0));
      record.newlines = newlines;
      i++;
      if (i < filled) {
        const next = buffer[i];
        if (next !== COMMA && next !== LF && next !== CR) throw new CsvError(record.file, record.line + newlines, 'unexpected text after a closing quote');
        if (next === CR && i + 1 >= filled && !eof) return INCOMPLETE;
        if (next === CR && buffer[i + 1] !== LF) throw new CsvError(record.file, record.line + newlines, 'unexpected text after a closing quote');
      } else if (!eof) return INCOMPLETE;
    } else {
      const fieldStart = i;
      while (i < filled) {
        const c = buffer[i];
        // Digits, letters and '-' all sort above the comma: one comparison passes most bytes.
        if (c > COMMA) {
          i++;
          continue;
        }
        if (c === COMMA || c === LF) break;
        if (c === CR) {
          if (i + 1 >= filled && !eof) return INCOMPLETE;
          if (buffer[i + 1] === LF) break;
        }
        if (c === QUOTE) throw new CsvError(record.file, record.line + newlines, 'a quote inside an unquoted field');
        i++;
      }
      if (i >= filled && !eof) return INCOMPLETE;
      record.push(fieldStart, i, 0);
    }
    if (i >= filled) return i;
    const delimiter = buffer[i];
    if (delimiter === COMMA) {
      i++;
      if (i >= filled && !eof) return INCOMPLETE;
      if (i >= filled) {
        record.push(i, i, 0);
        return i;
      }
      continue;
    }
    if (delimiter === CR) return i + 2;
    return i + 1;
  }
}
