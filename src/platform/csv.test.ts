import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CsvError, parseCsv, parseCsvTable } from './csv.ts';

test('RFC 4180: quoted commas, doubled quotes, embedded newlines, CRLF and a final newline', () => {
  const text = 'a,b,c\r\n1,"x, y","say ""hi"""\r\n2,"line1\r\nline2",\r\n3,,last\n';
  const records = parseCsv(text, 'f.csv');
  assert.deepEqual(records.map((r) => r.fields), [
    ['a', 'b', 'c'],
    ['1', 'x, y', 'say "hi"'],
    ['2', 'line1\r\nline2', ''],
    ['3', '', 'last'],
  ]);
  assert.deepEqual(records.map((r) => r.line), [1, 2, 3, 5]);
});

test('a byte-order mark and a missing final newline are accepted', () => {
  assert.deepEqual(parseCsv('\ufeffa,b\n1,2', 'f.csv').map((r) => r.fields), [['a', 'b'], ['1', '2']]);
  assert.deepEqual(parseCsv('"",x', 'f.csv')[0].fields, ['', 'x']);
});

test('malformed CSV names the file and the line', () => {
  assert.throws(() => parseCsv('a,b\n1,"open\n2,3\n', 'open.csv'), (e: CsvError) => e instanceof CsvError && e.line === 2 && e.message.startsWith('open.csv:2:'));
  assert.throws(() => parseCsv('a\nx"y\n', 'q.csv'), /q\.csv:2: a quote inside an unquoted field/);
  assert.throws(() => parseCsv('a\n"x"y\n', 'q.csv'), /q\.csv:2: unexpected text after a closing quote/);
  assert.throws(() => parseCsvTable('a,b\n1,2\n3\n', 't.csv'), /t\.csv:3: expected 2 fields, found 1/);
  assert.throws(() => parseCsvTable('a,b\n', 't.csv', ['c']), /t\.csv:1: missing column "c"/);
  assert.throws(() => parseCsvTable('', 'e.csv'), /e\.csv:1: the file is empty/);
});
