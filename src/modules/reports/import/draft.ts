/**
 * An imported relatoría as a report's content (docs/decisions/025, "The command and the demo"):
 * its people matched to the session's, its lists as the report's, checked by the same schema as
 * the report's form, so an import stores nothing a rapporteur could not have typed.
 */
import { foldForSearch } from '../../../platform/text.ts';
import { stakeholderKeys } from '../../../platform/stakeholders.ts';
import type { Values } from '../../../platform/i18n/index.ts';
import type { ReportSessionPerson } from '../../events/index.ts';
import { ContentSchema, contentOf, maxItem, maxItems, maxParticipants, maxSummary, type ReportContent } from '../content.ts';
import type { ImportedParticipant, ImportedReport, ReportSection } from './types.ts';

/**
 * A person's name as compared: folded (the sample writes "Capitulo", the program "Capítulo"),
 * without what brackets add ("Rosa Quispe (demo)": the file's brackets start an organisation).
 */
export const foldName = (name: string) => foldForSearch(name.replace(/\([^)]*\)/g, ' ')).replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

export interface DraftParticipant {
  name: string;
  role: ImportedParticipant['role'];
  organisation: string | null;
  stakeholder_group: string | null;
  line: number;
  /** Whether the session names this person (their name, organisation and group are then the session's). */
  matched: boolean;
}

/**
 * The file's people, each matched to the session's person of the same folded name when there is
 * one: the session knows how they write their name, their organisation and their stakeholder
 * group; the role stays the file's (it says what they did in the session).
 */
export function matchParticipants(imported: readonly ImportedParticipant[], sessionPeople: readonly ReportSessionPerson[]): DraftParticipant[] {
  const known = new Map<string, ReportSessionPerson>();
  // A person named twice in the session (organiser and speaker) is the one whose group is known.
  for (const person of sessionPeople) {
    const key = foldName(person.name);
    if (!known.has(key) || (!known.get(key)!.stakeholder_group && person.stakeholder_group)) known.set(key, person);
  }
  return imported.map((p) => {
    const person = known.get(foldName(p.name));
    const group = person?.stakeholder_group && (stakeholderKeys as readonly string[]).includes(person.stakeholder_group) ? person.stakeholder_group : null;
    return person
      ? { name: person.name, role: p.role, organisation: person.organisation ?? p.organisation ?? null, stakeholder_group: group, line: p.line, matched: true }
      : { name: p.name, role: p.role, organisation: p.organisation ?? null, stakeholder_group: null, line: p.line, matched: false };
  });
}

/** "Gobiernos: abrir una consulta" or "**Governments**: open…": who should act, then what. */
const whoThenWhat = /^\s*(?:\*\*|__)?([^:*_\n.!?]{2,120}?)(?:\*\*|__)?\s*:(?:\*\*|__)?\s+(\S[\s\S]*)$/;

/** A call to action as the report holds it; `who` is `unknown` when the item does not say. */
export function callToAction(item: string, unknown: string): { who: string; what: string; named: boolean } {
  const split = whoThenWhat.exec(item);
  return split ? { who: split[1]!.trim(), what: split[2]!.trim(), named: true } : { who: unknown, what: item, named: false };
}

/** What cannot be stored as read, as a catalog key of the command's messages and its values. */
export interface DraftRefusal {
  key: string;
  values: Values;
}

export type DraftResult = { ok: true; content: ReportContent; participants: DraftParticipant[]; unnamedCalls: number } | { ok: false; refusal: DraftRefusal };

/**
 * The report's content from the imported text, or why it cannot be stored (a part over the
 * report's limits, or a character the report's fields refuse), naming the file's line when
 * the part has one.
 */
export function draftContent(report: ImportedReport, sessionPeople: readonly ReportSessionPerson[], unknownWho: string): DraftResult {
  const participants = matchParticipants(report.participants, sessionPeople);
  const calls = report.sections.callsToAction.map((item) => callToAction(item, unknownWho));
  const texts = (section: ReportSection) => report.sections[section].map((text) => ({ text }));
  const input = {
    summary: report.summary || undefined,
    key_issues: texts('keyIssues'), takeaways: texts('takeaways'), proposals: texts('proposals'), follow_ups: texts('followUp'),
    calls_to_action: calls.map(({ who, what }) => ({ who, what })),
    participants: participants.map(({ name, role, organisation, stakeholder_group }) => ({ name, role, organisation: organisation ?? undefined, stakeholder_group: stakeholder_group ?? undefined })),
    // A relatoría's counts and links stay in its text for the rapporteur to move (decision 025).
    participation: { onsite: { groups: {}, genders: {} }, online: { groups: {}, genders: {} } },
    links: {},
  };
  const parsed = ContentSchema.safeParse(input);
  if (!parsed.success) return { ok: false, refusal: refusalOf(parsed.error.issues[0]!.path, input, participants) };
  return { ok: true, content: contentOf(parsed.data), participants, unnamedCalls: calls.filter((c) => !c.named).length };
}

/** The first part the schema refused, in the words of the command's messages. */
function refusalOf(path: ReadonlyArray<PropertyKey>, input: { summary?: string; participants: unknown[] } & Record<string, unknown>, participants: DraftParticipant[]): DraftRefusal {
  const [part, index] = path as [string, number | undefined];
  if (part === 'summary') return { key: 'reports.import.cli.summary_too_long', values: { length: input.summary?.length ?? 0, max: maxSummary } };
  if (part === 'participants') {
    return index === undefined
      ? { key: 'reports.import.cli.too_many_participants', values: { count: participants.length, max: maxParticipants } }
      : { key: 'reports.import.cli.participant_invalid', values: { line: participants[index]!.line, name: participants[index]!.name } };
  }
  const count = (input[part] as unknown[] | undefined)?.length ?? 0;
  return index === undefined
    ? { key: 'reports.import.cli.too_many_items', values: { list: part, count, max: maxItems } }
    : { key: 'reports.import.cli.item_invalid', values: { list: part, n: index + 1, max: maxItem } };
}
