import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseRelatoria, type ImportFailure, type ParseOptions } from './parse.ts';

/** The failure, or the test fails with the draft the importer made. */
function failure(input: string | Uint8Array, options?: ParseOptions): ImportFailure {
  const result = parseRelatoria(input, options);
  if (result.ok) assert.fail(`expected a failure, got a draft titled ${JSON.stringify(result.report.title)}`);
  return result.failure;
}

const utf8 = (text: string) => Buffer.from(text, 'utf8');

test('an empty file, or one of blank lines and a byte order mark, fails on line 1', () => {
  assert.deepEqual(failure(''), { reason: 'empty', line: 1 });
  assert.deepEqual(failure(utf8('\uFEFF\r\n   \r\n\t\n')), { reason: 'empty', line: 1 });
  assert.deepEqual(failure(new Uint8Array()), { reason: 'empty', line: 1 });
});

test('a binary file names what it looks like: PDF, Word/OpenDocument, old Word, RTF, UTF-16, or the control character and its line', () => {
  assert.deepEqual(failure(utf8('%PDF-1.7\n%âãÏÓ\n1 0 obj')), { reason: 'binary', line: 1, format: 'pdf' });
  assert.deepEqual(failure(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00])), { reason: 'binary', line: 1, format: 'zip' });
  assert.deepEqual(failure(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0])), { reason: 'binary', line: 1, format: 'doc' });
  assert.deepEqual(failure(utf8('{\\rtf1\\ansi Relatoría}')), { reason: 'binary', line: 1, format: 'rtf' });
  assert.deepEqual(failure(Buffer.from('\uFEFFRelatoría de la sesión: Prueba', 'utf16le')), { reason: 'binary', line: 1, format: 'utf16' });
  assert.deepEqual(
    failure(utf8('Relatoría de la sesión: Prueba\r\n\r\nModeradora: Ana Pérez\x00\x01\x02\r\n')),
    { reason: 'binary', line: 3, format: 'control', character: 'U+0000' },
  );
  assert.deepEqual(failure('Relatoría\n\nTexto\x1b[31m rojo'), { reason: 'binary', line: 3, format: 'control', character: 'U+001B' });
});

test('a file over the limit fails on the line that passes it, as bytes or as text; the limit is an option', () => {
  const line = 'x'.repeat(100);
  const text = Array.from({ length: 10 }, () => line).join('\n');
  const expected = { reason: 'too_large', line: 5, bytes: 1009, limit: 450 };
  assert.deepEqual(failure(utf8(text), { maxBytes: 450 }), expected);
  assert.deepEqual(failure(text, { maxBytes: 450 }), expected);
  assert.equal(failure(utf8(text.replaceAll('\n', '\r')), { maxBytes: 450 }).line, 5);
  assert.equal(failure(text.replaceAll('\n', '\r'), { maxBytes: 450 }).line, 5);
  assert.equal(parseRelatoria(text, { maxBytes: 1009 }).ok, true);
  // The default: 1 MiB ("Relatoría\n" is 11 bytes).
  assert.deepEqual(failure(`Relatoría\n${'a'.repeat(1024 * 1024)}`), { reason: 'too_large', line: 2, bytes: 1024 * 1024 + 11, limit: 1024 * 1024 });
});

test('text that is not UTF-8 fails on the line of the first bad byte', () => {
  // A relatoría saved as Latin-1 from line 4 on: "José" with é as one byte 0xE9.
  const latin1 = Buffer.concat([utf8('Relatoría de la sesión: Prueba\n\nModeradora: Ana Pérez\n'), Buffer.from('Relator: José\n', 'latin1')]);
  assert.deepEqual(failure(latin1), { reason: 'invalid_utf8', line: 4 });
  // The same with the old Mac line ends (a lone CR), and with Windows ones.
  assert.deepEqual(failure(Buffer.from(latin1.toString('latin1').replaceAll('\n', '\r'), 'latin1')), { reason: 'invalid_utf8', line: 4 });
  assert.deepEqual(failure(Buffer.from(latin1.toString('latin1').replaceAll('\n', '\r\n'), 'latin1')), { reason: 'invalid_utf8', line: 4 });
  // A multi-byte sequence cut at the end of line 2.
  assert.deepEqual(failure(Buffer.concat([utf8('Título\n'), Buffer.from([0x61, 0xc3]), utf8('\nmás\n')])), { reason: 'invalid_utf8', line: 2 });
  // Text already decoded with replacement characters, or holding half a surrogate pair.
  assert.deepEqual(failure('Relatoría\nModeradora: Ana P\uFFFDrez'), { reason: 'invalid_utf8', line: 2 });
  assert.deepEqual(failure('Relatoría\r\n\r\nTexto \uD800 roto'), { reason: 'invalid_utf8', line: 3 });
});

test('a role line with no name fails on that line, whatever follows it', () => {
  const cases: Array<[string, number, string]> = [
    ['Relatoría de la sesión: Prueba\n\nModeradora:\nRelator: Jimena Sierra\n\nTexto.', 3, 'Moderadora'],
    ['Relatoría de la sesión: Prueba\n\nModeradora: Raquel Gatto\nRelatora:', 4, 'Relatora'],
    ['Relatoría de la sesión: Prueba\n\nModeración remota:\n\nLa sesión trató el acceso a Internet en zonas rurales.', 3, 'Moderación remota'],
    ['Session report: Test\n\nParticipants:\n- Jane Doe – ISOC\n- Rapporteur:\n- Remote moderator: John Smith', 5, 'Rapporteur'],
    ['\uFEFFCompte rendu de la session : Test\r\n\r\nIntervenants :\r\n\r\n## Points à retenir\r\n- Un point.', 3, 'Intervenants'],
    ['Relatório da sessão: Teste\n\n**Relatora:**\n\nModeradora: Ana Souza', 3, 'Relatora'],
  ];
  for (const [text, line, label] of cases) assert.deepEqual(failure(text), { reason: 'role_without_name', line, label }, text);
});

test('not failures: a role said to be nobody, a heading of people with prose under it, a label in a sentence', () => {
  for (const text of [
    'Relatoría de la sesión: Prueba\n\nModeración remota: N/A\nModeradora: Ana Pérez',
    'Session report: Test\n\n## Speakers\n\nThe speakers came from five countries.',
    'Relatoría de la sesión: Prueba\n\nModerador: el moderador abrió la sesión con una pregunta.',
  ]) {
    assert.equal(parseRelatoria(text).ok, true, text);
  }
});

test('never throws: 2,000 seeded random mixes of labels, bullets, headings, prose and stray bytes give a draft or a failure on a line that exists', () => {
  let seed = 20261126;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const pick = <T,>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const pieces = [
    'Relatoría de la sesión: Prueba', 'Session report:', '# Título', '## Key takeaways', 'Conclusiones:', 'Participantes:', 'Speakers',
    'Moderadora:', 'Relator: Jimena Sierra – IFT', 'Moderación remota: N/A', '- Ana Pérez – ISOC', '• Luis Gómez, LACNIC', '* ', '–', '-',
    '1. Rodney Taylor (ISOC-BB)', '**Relatora:**', 'Fecha:', 'Date: 03/04/2024', 'la sesión continuó sin', 'Texto final.', '```', '> cita',
    '| a | b |', '===', '---', 'Ponentes: Ana Pérez; Luis Gómez', 'Moderador: el moderador habló', '(', ')', ':', '«', '»', 'Ã³', '\t', ' ',
  ];
  const breaks = ['\n', '\r\n', '\r', '\n\n', '\v', '\f'];
  for (let run = 0; run < 2000; run++) {
    let text = random() < 0.1 ? '\uFEFF' : '';
    const count = 1 + Math.floor(random() * 25);
    for (let i = 0; i < count; i++) text += pick(pieces) + (random() < 0.2 ? String.fromCharCode(Math.floor(random() * 0x3000)) : '') + pick(breaks);
    const input = random() < 0.5 ? text : Buffer.from(text, 'utf8');
    const lines = text.split(/\r\n|\r|\n/).length;
    const result = parseRelatoria(input);
    if (result.ok) {
      for (const p of result.report.participants) assert.ok(p.line >= 1 && p.line <= lines && p.name.trim() !== '', JSON.stringify({ text, p }));
      for (const w of result.report.warnings) assert.ok(w.line === null || (w.line >= 1 && w.line <= lines), JSON.stringify({ text, w }));
    } else {
      assert.ok(result.failure.line >= 1 && result.failure.line <= lines, JSON.stringify({ text, failure: result.failure }));
    }
  }
});
