/**
 * An RFC 4180 CSV reader: quoted fields may hold commas, doubled quotes and line breaks;
 * records end in LF or CRLF. Errors name the file and the line where the record starts.
 */

export interface CsvRecord {
  /** 1-based line on which the record starts. */
  line: number;
  fields: string[];
}

export class CsvError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    detail: string,
  ) {
    super(`${file}:${line}: ${detail}`);
    this.name = 'CsvError';
  }
}

/** Parses the whole text into records; a trailing newline does not make an empty record. */
export function parseCsv(text: string, file: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let recordLine = 1;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let fieldStarted = false;
  const n = text.length;
  const endRecord = (): void => {
    fields.push(field);
    records.push({ line: recordLine, fields });
    fields = [];
    field = '';
    fieldStarted = false;
  };
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 34 /* " */) {
      if (fieldStarted) throw new CsvError(file, line, 'a quote inside an unquoted field');
      const quoteLine = line;
      i++;
      let closed = false;
      let start = i;
      let value = '';
      while (i < n) {
        const d = text.charCodeAt(i);
        if (d === 34) {
          if (text.charCodeAt(i + 1) === 34) {
            value += text.slice(start, i + 1);
            i += 2;
            start = i;
            continue;
          }
          value += text.slice(start, i);
          i++;
          closed = true;
          break;
        }
        if (d === 10) line++;
        i++;
      }
      if (!closed) throw new CsvError(file, quoteLine, 'a quoted field is never closed');
      field = value;
      fieldStarted = true;
      const next = text.charCodeAt(i);
      if (i < n && next !== 44 && next !== 10 && !(next === 13 && text.charCodeAt(i + 1) === 10)) {
        throw new CsvError(file, line, 'unexpected text after a closing quote');
      }
      continue;
    }
    if (c === 44 /* , */) {
      fields.push(field);
      field = '';
      fieldStarted = false;
      i++;
      continue;
    }
    if (c === 13 && text.charCodeAt(i + 1) === 10) {
      endRecord();
      i += 2;
      line++;
      recordLine = line;
      continue;
    }
    if (c === 10) {
      endRecord();
      i++;
      line++;
      recordLine = line;
      continue;
    }
    // Plain run of characters up to the next delimiter.
    let j = i;
    while (j < n) {
      const d = text.charCodeAt(j);
      if (d === 44 || d === 10 || d === 34 || (d === 13 && text.charCodeAt(j + 1) === 10)) break;
      j++;
    }
    field += text.slice(i, j);
    fieldStarted = true;
    i = j;
  }
  if (fieldStarted || fields.length > 0) endRecord();
  return records;
}

/** A parsed file with a header: the column index of each name and the data records. */
export interface CsvTable {
  file: string;
  header: string[];
  records: CsvRecord[];
  column(name: string): number;
}

/** Parses a file with a header row and checks that every record has the header's width. */
export function parseCsvTable(text: string, file: string, required: readonly string[] = []): CsvTable {
  const all = parseCsv(text, file);
  const first = all[0];
  if (!first) throw new CsvError(file, 1, 'the file is empty (a header row is expected)');
  const header = first.fields.map((h) => h.trim());
  for (const name of required) {
    if (!header.includes(name)) throw new CsvError(file, first.line, `missing column "${name}" in the header`);
  }
  const records = all.slice(1).filter((r) => !(r.fields.length === 1 && r.fields[0] === ''));
  for (const r of records) {
    if (r.fields.length !== header.length) {
      throw new CsvError(file, r.line, `expected ${header.length} fields, found ${r.fields.length}`);
    }
  }
  return {
    file,
    header,
    records,
    column(name: string): number {
      return header.indexOf(name);
    },
  };
}

/** Reads a file with a header row as one object per record, keyed by column name. */
export function parseCsvObjects(text: string, file: string, required: readonly string[] = []): Array<Record<string, string>> {
  const table = parseCsvTable(text, file, required);
  return table.records.map((record) => Object.fromEntries(table.header.map((name, i) => [name, record.fields[i]!])));
}

/** Quotes a cell for CSV, and defuses spreadsheet formulas (=, +, -, @) in user text. */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(header: string[], rows: Array<Array<string | number | null | undefined>>): string {
  return csvLines([header, ...rows]);
}

/** Records as CSV lines, each ending in CRLF (nothing for no records): a part of a streamed file. */
export function csvLines(rows: Array<Array<string | number | null | undefined>>): string {
  let text = '';
  for (const cells of rows) text += cells.map(csvCell).join(',') + '\r\n';
  return text;
}
