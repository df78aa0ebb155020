import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { parseCsv } from '../../../platform/csv.ts';
import { readCsvStream } from './csvStream.ts';

/** Every record as strings, read through the stream with a given chunk size. */
function streamed(file: string, chunkSize: number): { line: number; fields: string[] }[] {
  const records: { line: number; fields: string[] }[] = [];
  readCsvStream(
    file,
    (header, line) => records.push({ line, fields: header }),
    (record) => records.push({ line: record.line, fields: Array.from({ length: record.count }, (_, i) => record.text(i)) }),
    { chunkSize },
  );
  return records;
}

const tricky =
  '\uFEFFa,b,c\r\n1,"two, with comma",3\n"multi\nline ""quoted"" text",,x\r\n\n4,5,"6"\n"",é ü,"ends\r\nwith CRLF"\n7,8,';

test('the streamed records equal the whole-file parser at every chunk size (quotes, CRLF, BOM, blank lines, UTF-8)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'csv-'));
  try {
    const file = join(dir, 'x.csv');
    writeFileSync(file, tricky);
    const expected = parseCsv(tricky, 'x.csv')
      .filter((r) => !(r.fields.length === 1 && r.fields[0] === ''))
      .map((r, i) => ({ line: r.line, fields: i === 0 ? r.fields.map((f) => f.trim()) : r.fields }));
    for (const chunkSize of [16, 17, 19, 23, 31, 64, 1 << 20]) assert.deepEqual(streamed(file, chunkSize), expected, `chunk ${chunkSize}`);
  } finally {
    rmSync(dir, { recursive: true });
  }
});

test('syntax errors name the file and the line where the record starts', () => {
  const dir = mkdtempSync(join(tmpdir(), 'csv-'));
  try {
    const file = join(dir, 'bad.csv');
    const cases: [string, RegExp][] = [
      ['a,b\n1,"never closed\n2,3\n', /bad\.csv:2: a quoted field is never closed/],
      ['a,b\n1,2\n3,x"y\n', /bad\.csv:3: a quote inside an unquoted field/],
      ['a,b\n"q"x,2\n', /bad\.csv:2: unexpected text after a closing quote/],
      ['', /bad\.csv:1: the file is empty/],
    ];
    for (const [text, message] of cases) {
      writeFileSync(file, text);
      for (const chunkSize of [16, 1 << 20]) assert.throws(() => streamed(file, chunkSize), message);
    }
  } finally {
    rmSync(dir, { recursive: true });
  }
});

test('integers are read from the bytes; anything else is not an integer', () => {
  const dir = mkdtempSync(join(tmpdir(), 'csv-'));
  try {
    const file = join(dir, 'n.csv');
    writeFileSync(file, 'v\n0\n-1\n123456789012345\n01\n1.0\n\n abc\n-\n');
    const values: number[] = [];
    readCsvStream(file, () => {}, (record) => values.push(record.integer(0)));
    assert.deepEqual(values, [0, -1, 123456789012345, -Infinity, -Infinity, -Infinity, -Infinity]);
  } finally {
    rmSync(dir, { recursive: true });
  }
});
