/**
 * A failure or warning of the import in the reader's language, naming its line: what
 * `cabildo import report` prints, and what a page may show beside the draft. The messages are
 * the reports module's catalog keys `reports.import.*` (its i18n/, under `import`).
 */
import { languageName, translator, type Locale } from '../../../platform/i18n/index.ts';
import type { ImportFailure, ImportWarning } from './types.ts';

export function describeImportProblem(problem: ImportFailure | ImportWarning, locale: Locale): string {
  const t = translator(locale);
  if ('reason' in problem) {
    switch (problem.reason) {
      case 'empty':
        return t('reports.import.failure.empty', { line: problem.line });
      case 'binary':
        return t('reports.import.failure.binary', { line: problem.line, format: problem.format, character: problem.character ?? '' });
      case 'too_large':
        return t('reports.import.failure.too_large', { line: problem.line, bytes: problem.bytes, limit: problem.limit });
      case 'invalid_utf8':
        return t('reports.import.failure.invalid_utf8', { line: problem.line });
      case 'role_without_name':
        return t('reports.import.failure.role_without_name', { line: problem.line, label: problem.label });
    }
  }
  const language = (code: string) => languageName(code, locale);
  switch (problem.code) {
    case 'title_missing':
      return t('reports.import.warning.title_missing');
    case 'title_guessed':
      return t('reports.import.warning.title_guessed', { line: problem.line });
    case 'date_unreadable':
      return t('reports.import.warning.date_unreadable', { line: problem.line, text: problem.text });
    case 'date_ambiguous':
      return t('reports.import.warning.date_ambiguous', { line: problem.line, text: problem.text });
    case 'language_undetected':
      return t('reports.import.warning.language_undetected', { assumed: language(problem.assumed) });
    case 'language_differs':
      return t('reports.import.warning.language_differs', { given: language(problem.given), detected: language(problem.detected) });
    case 'no_participants':
      return t('reports.import.warning.no_participants');
    case 'role_placeholder':
      return t('reports.import.warning.role_placeholder', { line: problem.line, label: problem.label });
    case 'role_heading_without_names':
      return t('reports.import.warning.role_heading_without_names', { line: problem.line, label: problem.label });
    case 'role_label_in_text':
      return t('reports.import.warning.role_label_in_text', { line: problem.line, label: problem.label });
    case 'not_a_name':
      return t('reports.import.warning.not_a_name', { line: problem.line, text: problem.text });
    case 'duplicate_participant':
      return t('reports.import.warning.duplicate_participant', { line: problem.line, name: problem.name });
    case 'paragraphs_joined':
      return t('reports.import.warning.paragraphs_joined', { line: problem.line });
    case 'empty_section':
      return t('reports.import.warning.empty_section', { line: problem.line, heading: problem.heading });
    case 'mojibake':
      return t('reports.import.warning.mojibake', { line: problem.line });
    case 'no_summary':
      return t('reports.import.warning.no_summary');
  }
}
