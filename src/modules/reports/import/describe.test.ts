import { test } from 'node:test';
import assert from 'node:assert/strict';
import { locales, registerCatalogs } from '../../../platform/i18n/index.ts';
import { describeImportProblem } from './describe.ts';
import type { ImportFailure, ImportWarning } from './types.ts';

registerCatalogs('reports', new URL('../i18n/', import.meta.url));

/** One of every failure and warning the importer gives. */
const failures: ImportFailure[] = [
  { reason: 'empty', line: 1 },
  { reason: 'binary', line: 1, format: 'pdf' },
  { reason: 'binary', line: 1, format: 'zip' },
  { reason: 'binary', line: 1, format: 'doc' },
  { reason: 'binary', line: 1, format: 'rtf' },
  { reason: 'binary', line: 1, format: 'utf16' },
  { reason: 'binary', line: 37, format: 'control', character: 'U+0000' },
  { reason: 'too_large', line: 37, bytes: 2_000_000, limit: 1_048_576 },
  { reason: 'invalid_utf8', line: 37 },
  { reason: 'role_without_name', line: 37, label: 'Moderadora' },
];
const warnings: ImportWarning[] = [
  { code: 'title_missing', line: null },
  { code: 'title_guessed', line: 37 },
  { code: 'date_unreadable', line: 37, text: 'a definir' },
  { code: 'date_ambiguous', line: 37, text: '03/04/2024' },
  { code: 'language_undetected', line: null, assumed: 'en' },
  { code: 'language_differs', line: null, given: 'pt', detected: 'es' },
  { code: 'no_participants', line: null },
  { code: 'role_placeholder', line: 37, label: 'Relator' },
  { code: 'role_heading_without_names', line: 37, label: 'Speakers' },
  { code: 'role_label_in_text', line: 37, label: 'Moderador' },
  { code: 'not_a_name', line: 37, text: 'la representante del MAG' },
  { code: 'duplicate_participant', line: 37, name: 'Ana Pérez' },
  { code: 'paragraphs_joined', line: 37 },
  { code: 'empty_section', line: 37, heading: 'Conclusiones' },
  { code: 'mojibake', line: 37 },
  { code: 'no_summary', line: null },
];

test('every failure and warning reads in es, en, pt and fr, naming its line and what it is about', () => {
  const lineWord = { es: 'Línea 37', en: 'Line 37', pt: 'Linha 37', fr: 'Ligne 37' };
  for (const locale of locales) {
    const seen = new Set<string>();
    for (const problem of [...failures, ...warnings]) {
      const text = describeImportProblem(problem, locale);
      assert.doesNotMatch(text, /reports\.import|[{}]/, `${locale}: ${text}`);
      assert.ok(!seen.has(text), `${locale}: two problems read the same: ${text}`);
      seen.add(text);
      if (problem.line === 37) assert.ok(text.startsWith(`${lineWord[locale]}`), `${locale}: ${text}`);
      for (const value of ['label', 'text', 'name', 'heading', 'character'] as const) {
        const given = (problem as unknown as Record<string, string | undefined>)[value];
        if (given) assert.ok(text.includes(given), `${locale}: ${text} lacks ${given}`);
      }
    }
  }
  assert.equal(describeImportProblem({ code: 'language_differs', line: null, given: 'pt', detected: 'es' }, 'en'), 'The text reads as Spanish, but Portuguese was given; Portuguese was kept.');
  assert.equal(describeImportProblem({ reason: 'role_without_name', line: 3, label: 'Moderadora' }, 'es'), 'Línea 3: «Moderadora:» no nombra a nadie. Escriba el nombre a continuación o quite la línea.');
  assert.match(describeImportProblem({ reason: 'too_large', line: 37, bytes: 2_000_000, limit: 1_048_576 }, 'fr'), /2\s000\s000 octets/);
});
