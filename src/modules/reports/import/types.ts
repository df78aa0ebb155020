/**
 * What `cabildo import report FILE` makes of a relatoría before anything is stored: a draft for
 * the rapporteur to check, or the reason the file cannot be read, with its line.
 * See docs/decisions/025-report-import.md.
 */

export const reportLanguages = ['es', 'en', 'pt', 'fr'] as const;
export type ReportLanguage = (typeof reportLanguages)[number];

/** The roles a session report names (the same words as the events module's session people). */
export const participantRoles = ['moderator', 'speaker', 'rapporteur', 'online_moderator'] as const;
export type ParticipantRole = (typeof participantRoles)[number];

export interface ImportedParticipant {
  /** As written, without a leading honorific ("Dra.", "Mr."). */
  name: string;
  /** Whatever follows the name: organisation, position, country, as written. */
  organisation?: string;
  role: ParticipantRole;
  /** The line of the file that names this person (1-based). */
  line: number;
}

/** The parts of a report the IGF's template asks for, each a list of items in Markdown. */
export const reportSections = ['keyIssues', 'takeaways', 'callsToAction', 'proposals', 'followUp'] as const;
export type ReportSection = (typeof reportSections)[number];

export interface ImportedReport {
  title: string | null;
  /** The session's calendar date, `YYYY-MM-DD`, when the file gives one that reads one way only. */
  date: string | null;
  language: ReportLanguage;
  /** Whether the language was given by the caller or read from the text. */
  languageSource: 'given' | 'detected';
  participants: ImportedParticipant[];
  /** The text that is not a participant, a heading or a section below: Markdown paragraphs, lists and headings. */
  summary: string;
  /** The same text, one Markdown block (paragraph, list, heading) each. */
  paragraphs: string[];
  /** Items under a heading such as "Key takeaways", "Conclusiones", "Encaminhamentos", "Appel à l'action". */
  sections: Record<ReportSection, string[]>;
  /** What the import guessed or left out, for the rapporteur to check. */
  warnings: ImportWarning[];
}

/** Why a file could not be read at all: nothing is imported. */
export type ImportFailure =
  | { reason: 'empty'; line: number }
  | {
      reason: 'binary';
      line: number;
      /** What the bytes look like: a PDF, a Word or OpenDocument file (zip), an old Word file, RTF, UTF-16 text, or a control character. */
      format: 'pdf' | 'zip' | 'doc' | 'rtf' | 'utf16' | 'control';
      /** For `control`: the character, as U+XXXX. */
      character?: string;
    }
  | { reason: 'too_large'; line: number; bytes: number; limit: number }
  | { reason: 'invalid_utf8'; line: number }
  | { reason: 'role_without_name'; line: number; label: string };

export type ImportWarning =
  | { code: 'title_missing'; line: null }
  | { code: 'title_guessed'; line: number }
  | { code: 'date_unreadable'; line: number; text: string }
  | { code: 'date_ambiguous'; line: number; text: string }
  | { code: 'language_undetected'; line: null; assumed: ReportLanguage }
  | { code: 'language_differs'; line: null; given: ReportLanguage; detected: ReportLanguage }
  | { code: 'no_participants'; line: null }
  | { code: 'role_placeholder'; line: number; label: string }
  | { code: 'role_heading_without_names'; line: number; label: string }
  | { code: 'role_label_in_text'; line: number; label: string }
  | { code: 'not_a_name'; line: number; text: string }
  | { code: 'duplicate_participant'; line: number; name: string }
  | { code: 'paragraphs_joined'; line: number }
  | { code: 'empty_section'; line: number; heading: string }
  | { code: 'mojibake'; line: number }
  | { code: 'no_summary'; line: null };

export type ImportWarningCode = ImportWarning['code'];

export type ParseResult = { ok: true; report: ImportedReport } | { ok: false; failure: ImportFailure };

export interface ParseOptions {
  /** The report's language when the caller knows it; otherwise it is read from the text. */
  language?: ReportLanguage;
  /** The largest file accepted, in bytes of UTF-8 (default 1 MiB: a long relatoría is 50 KB). */
  maxBytes?: number;
}

export const defaultMaxBytes = 1024 * 1024;
