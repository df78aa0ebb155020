export class CsvError extends Error {}

/**
 * Parses RFC 4180 CSV (quoted fields, doubled quotes, line breaks inside quotes, CRLF) into
 * records keyed by the header row. A malformed row throws a CsvError naming the source and line.
 */
export function parseCsv(text: string, source: string): Array<Record<string, string>> {
  const rows: string[][] = [];
  const rowLines: number[] = [];
  let field = '';
  let row: string[] = [];
  let quoted = false;
  let line = 1;
  let rowStart = 1;
  const input = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  for (let i = 0; i < input.length; i++) {
    const ch = input[i]!;
    if (quoted) {
      if (ch === '"' && input[i + 1] === '"') { field += '"'; i++; }
      else if (ch === '"') {
        quoted = false;
        const next = input[i + 1];
        if (next !== undefined && next !== ',' && next !== '\n' && next !== '\r') {
          throw new CsvError(`${source}:${line}: unexpected character after a closing quote`);
        }
      } else {
        if (ch === '\n') line++;
        field += ch;
      }
    } else if (ch === '"') {
      if (field !== '') throw new CsvError(`${source}:${line}: a quote inside an unquoted field`);
      quoted = true;
    } else if (ch === ',') { row.push(field); field = ''; }
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && input[i + 1] === '\n') i++;
      row.push(field); field = '';
      rows.push(row); rowLines.push(rowStart);
      row = [];
      line++;
      rowStart = line;
    } else field += ch;
  }
  if (quoted) throw new CsvError(`${source}:${rowStart}: a quoted field is not closed`);
  if (field !== '' || row.length) { row.push(field); rows.push(row); rowLines.push(rowStart); }
  const [header, ...body] = rows.filter((r) => !(r.length === 1 && r[0] === ''));
  if (!header) throw new CsvError(`${source}:1: the file is empty (a header row is needed)`);
  return body.map((cells) => {
    if (cells.length !== header.length) {
      throw new CsvError(`${source}:${rowLines[rows.indexOf(cells)]}: ${cells.length} fields where the header has ${header.length}`);
    }
    return Object.fromEntries(header.map((name, i) => [name.trim(), cells[i]!]));
  });
}

/** Quotes a cell for CSV, and defuses spreadsheet formulas (=, +, -, @) in user text. */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(header: string[], rows: Array<Array<string | number | null | undefined>>): string {
  return [header, ...rows].map((cells) => cells.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
