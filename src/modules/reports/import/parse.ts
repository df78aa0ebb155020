/**
 * `parseRelatoria`: an existing session report (relatoría), in Markdown or plain text, read
 * into a draft: title, date, language, participants with their roles, the summary in Markdown
 * and the items under the IGF template's headings. Pure: no database, no files; the command
 * line reads the file and gives its bytes. Heuristics and why: docs/decisions/025-report-import.md.
 */
import { decodeRelatoria, type SourceLine } from './decode.ts';
import { readDate } from './dates.ts';
import { detectLanguage } from './language.ts';
import { parsePerson, splitPeople } from './people.ts';
import {
  defaultMaxBytes, reportSections,
  type ImportFailure, type ImportWarning, type ImportedParticipant, type ImportedReport, type ParseOptions, type ParseResult,
  type ParticipantRole, type ReportLanguage, type ReportSection,
} from './types.ts';
import {
  isPlaceholder, isTitleOpening, knownLabel, labelKey, sectionOfHeading, type KnownLabel,
} from './vocabulary.ts';

export type * from './types.ts';
export { defaultMaxBytes, participantRoles, reportLanguages, reportSections } from './types.ts';
export { describeImportProblem } from './describe.ts';

type Target = 'summary' | ReportSection;

/** A Markdown block as it is read; turned into text at the end, after broken paragraphs are rejoined. */
type Block =
  | { kind: 'paragraph'; parts: string[]; line: number; barrier: boolean }
  | { kind: 'list'; items: Array<{ marker: string; parts: string[] }>; line: number; barrier: boolean }
  | { kind: 'heading'; level: number; text: string; line: number; barrier: boolean }
  | { kind: 'verbatim'; lines: string[]; line: number; barrier: boolean };

/** Who the lines after a label or heading name, until something else begins. */
interface PeopleContext {
  role: ParticipantRole;
  label: string;
  line: number;
  /** "Moderadora:" on its line must be followed by a name; a heading ("## Speakers") may introduce prose. */
  kind: 'line' | 'heading';
  /** A role label ("Relator:"), not a list heading ("Participantes:"). */
  isRole: boolean;
  count: number;
  /** The index of the line of the last person read, to tell one odd entry inside a list from the list's end. */
  lastIndex: number;
}

/** Bullets as written in Markdown and in word processors: -, *, +, •, –, —, ·, ▪, ◦, ●, ■, ►, ➢, ✓; or "1." / "1)". */
const bullet = /^(?:([-*+•–—·▪◦●○■►➢✓])|(\d{1,3})[.)])\s+(.*)$/u;
const atxHeading = /^(#{1,6})\s+(.*?)(?:\s+#+)?\s*$/;
const boldLine = /^(\*\*|__)(.+?)\1\s*[:：]?\s*$/;
const setextUnderline = /^(=+|-+)\s*$/;
const fence = /^(```|~~~)/;
/** Numbering before a heading: "1.", "2)", "IV.", "B." */
const numbering = /^(?:\d{1,2}|[IVX]{1,4}|[A-H])[.)]\s+/;
/** A sentence's end: ., !, ?, …, : or ; and any closing quotes or brackets after it. */
const terminal = /[.!?…:;]["'”’»)\]]*$/u;
const startsLowercase = /^["'“«(]*\p{Ll}/u;

class Failed extends Error {
  constructor(readonly failure: ImportFailure) {
    super(failure.reason);
  }
}

export function parseRelatoria(input: string | Uint8Array, options: ParseOptions = {}): ParseResult {
  const decoded = decodeRelatoria(input, options.maxBytes ?? defaultMaxBytes);
  if (!decoded.ok) return decoded;
  try {
    return { ok: true, report: new Reader(decoded.lines, decoded.warnings).read(options.language) };
  } catch (error) {
    if (error instanceof Failed) return { ok: false, failure: error.failure };
    throw error;
  }
}

class Reader {
  private title: string | null = null;
  private dateLine: { line: number; text: string } | null = null;
  /** A date label alone on its line ("Fecha:"): the date is on the next line. */
  private pendingDate: { line: number; label: string } | null = null;
  private readonly participants: ImportedParticipant[] = [];
  /** role and folded name of each person read, to notice one named twice. */
  private readonly named = new Set<string>();
  private readonly blocks = new Map<Target, Block[]>([['summary', []], ...reportSections.map((s): [Target, Block[]] => [s, []])]);
  private readonly headings = new Map<ReportSection, { line: number; text: string }>();
  private target: Target = 'summary';
  private people: PeopleContext | null = null;
  /** The block the previous line went into, if that line was text (a following line continues it). */
  private open: Block | null = null;
  /** A line that was not text came since the last block: paragraphs on either side of it are not rejoined. */
  private barrier = false;
  /** The labels recognised, each with the languages it is a word of. */
  private readonly hints: ReportLanguage[][] = [];

  constructor(
    private readonly lines: SourceLine[],
    private readonly warnings: ImportWarning[],
  ) {}

  read(given: ReportLanguage | undefined): ImportedReport {
    let first = true;
    let fenced: Block | null = null;
    for (let i = 0; i < this.lines.length; i++) {
      const { number } = this.lines[i]!;
      const text = this.lines[i]!.text.trim();
      if (fenced) {
        if (fenced.kind === 'verbatim') fenced.lines.push(this.lines[i]!.text);
        if (fence.test(text)) fenced = null;
        continue;
      }
      if (text === '') {
        this.open = null;
        continue;
      }
      if (first) {
        first = false;
        const consumed = this.titleLine(text, i);
        if (consumed) {
          i += consumed - 1;
          this.consumed();
          continue;
        }
      }
      if (fence.test(text)) {
        fenced = this.add({ kind: 'verbatim', lines: [this.lines[i]!.text], line: number, barrier: false });
        this.open = null;
        continue;
      }
      if (this.pendingDate) {
        const pending = this.pendingDate;
        this.pendingDate = null;
        // Every way of writing a date has a number in it.
        if (/\d/.test(text) && !this.labelWithValue(text)) {
          this.dateLine = { line: number, text };
          this.consumed();
          continue;
        }
        this.warnings.push({ code: 'date_unreadable', line: pending.line, text: pending.label });
      }
      const heading = this.headingOf(text, i);
      if (heading && this.onHeading(heading, number, text)) {
        i += heading.extra;
        continue;
      }
      const item = bullet.exec(text);
      // "## Moderadora: Raquel Gatto" and "**Relator:** Jimena Sierra" are label lines too.
      const content = heading?.form === 'atx' ? heading.inner : item ? item[3]! : text;
      if (this.onLabelLine(content, number, i)) continue;
      if (this.onPerson(content, Boolean(item), number, i)) continue;
      this.onText(text, item, number);
    }
    this.closePeople();
    if (this.pendingDate) this.warnings.push({ code: 'date_unreadable', line: this.pendingDate.line, text: this.pendingDate.label });
    return this.finish(given);
  }

  // -------------------------------------------------------------------------------------------
  // Lines

  /** The first line: "Relatoría de la sesión: …", "# Title", "**Title**", or a short line alone. Answers how many lines it took. */
  private titleLine(text: string, index: number): number {
    const next = this.lines[index + 1]?.text.trim() ?? '';
    const atx = atxHeading.exec(text);
    const bold = boldLine.exec(text);
    const setext = !bullet.test(text) && setextUnderline.test(next) && next.length >= 2 ? next : null;
    const inner = (atx && atx[1]!.length <= 2 ? atx[2]! : bold ? bold[2]! : setext ? text : null)?.trim();
    const line = this.lines[index]!.number;
    const opened = this.opening(inner ?? text);
    if (opened !== null) {
      if (opened) this.title = opened;
      return setext ? 2 : 1;
    }
    if (inner && !knownLabel(inner) && !sectionOfHeading(inner)) {
      this.title = unquote(inner);
      return setext ? 2 : 1;
    }
    // A smaller heading on top ("### Contexto") is not the report's title.
    if (atx) return 0;
    // A short line alone on top that is nothing else we know is most likely the title; said so.
    const alone = next === '' || index + 1 >= this.lines.length;
    if (!inner && alone && text.length <= 200 && !terminal.test(text) && !bullet.test(text) && !this.labelWithValue(text) && !knownLabel(text) && !sectionOfHeading(text)) {
      this.title = unquote(text);
      this.warnings.push({ code: 'title_guessed', line });
      return 1;
    }
    return 0;
  }

  /** "Relatoría de la sesión: X" → X; "Session report" alone → '' (a label, no title); anything else → null. */
  private opening(text: string): string | null {
    const colon = text.search(/[:：]/);
    const label = colon === -1 ? text : text.slice(0, colon);
    const found = isTitleOpening(label);
    if (!found) return null;
    this.hints.push(found.languages);
    return colon === -1 ? '' : unquote(text.slice(colon + 1).trim());
  }

  /** A heading in any of the forms rapporteurs use; `extra` is the underline of a setext heading. */
  private headingOf(text: string, index: number): { inner: string; level: number; form: 'atx' | 'setext' | 'bold' | 'label' | 'bare'; extra: number } | null {
    const atx = atxHeading.exec(text);
    if (atx) return { inner: atx[2]!.trim(), level: atx[1]!.length, form: 'atx', extra: 0 };
    const next = this.lines[index + 1]?.text.trim() ?? '';
    if (!bullet.test(text) && next.length >= 2 && setextUnderline.test(next) && this.open === null) {
      return { inner: text, level: next.startsWith('=') ? 1 : 2, form: 'setext', extra: 1 };
    }
    const bold = boldLine.exec(text);
    if (bold) return { inner: bold[2]!.trim(), level: 3, form: 'bold', extra: 0 };
    // "Ponentes:" alone, also as a list item ("- Relator:" inside the participants' list).
    const label = /^(.{1,80}?)\s*[:：]$/.exec(bullet.exec(text)?.[3] ?? text);
    if (label) return { inner: label[1]!, level: 3, form: 'label', extra: 0 };
    // A short line standing alone, with nothing after it but a blank line or a list.
    const previous = this.lines[index - 1]?.text.trim() ?? '';
    if (text.length <= 80 && !terminal.test(text) && previous === '' && (next === '' || bullet.test(next)) && !bullet.test(text)) {
      return { inner: text, level: 3, form: 'bare', extra: 0 };
    }
    return null;
  }

  /** Answers whether the heading was taken: a list of people, a date, a section, or (Markdown) any other heading. */
  private onHeading(heading: NonNullable<ReturnType<Reader['headingOf']>>, line: number, text: string): boolean {
    const inner = heading.inner.replace(/\*\*|__/g, '').trim();
    // "## Moderadora: Raquel Gatto" is a label line, read as one.
    if (this.labelWithValue(inner)) return false;
    const bare = inner.replace(numbering, '').replace(/[:：]\s*$/, '');
    // A colon says a name follows ("Relatora:", "**Relatora:**"): without one, the line is broken.
    const kind = heading.form === 'label' || /[:：]\s*(?:\*\*|__)?\s*$/.test(text) ? 'line' : 'heading';
    const known = knownLabel(bare);
    const listOf = known?.list;
    const role = known?.role;
    if (listOf || role) {
      this.hints.push((listOf ?? role)!.languages);
      this.closePeople();
      this.people = { role: role?.value ?? 'speaker', label: inner.replace(/[:：]\s*$/, ''), line, kind, isRole: !listOf, count: 0, lastIndex: -1 };
      this.consumed();
      return true;
    }
    const date = known?.date;
    if (date) {
      this.hints.push(date.languages);
      this.pendingDate = { line, label: text };
      this.consumed();
      return true;
    }
    const section = sectionOfHeading(bare);
    if (section) {
      this.hints.push(section.languages);
      this.closePeople();
      this.target = section.value === 'summary' ? 'summary' : section.value;
      if (section.value !== 'summary' && !this.headings.has(section.value)) this.headings.set(section.value, { line, text: bare });
      this.consumed();
      return true;
    }
    if (heading.form === 'atx' || heading.form === 'setext' || heading.form === 'bold') {
      // Another heading ends a list of people or a section; it stays in the summary as written.
      this.closePeople();
      this.target = 'summary';
      this.open = null;
      if (heading.form === 'bold') this.add({ kind: 'paragraph', parts: [`**${inner}**`], line, barrier: false });
      else this.add({ kind: 'heading', level: heading.level, text: inner, line, barrier: false });
      this.open = null;
      return true;
    }
    return false;
  }

  /** "Label: value" (or "Label – value" for a role) when the label is one we know. */
  private labelWithValue(text: string): { label: string; value: string; known: KnownLabel } | null {
    const colon = /^([^:：]{1,60}?)\s*[:：]\s*(.*)$/.exec(text);
    if (colon) {
      const value = colon[2]!.replace(/^[*_\s]+/, '').trim();
      const known = value ? knownLabel(colon[1]!) : null;
      if (known) return { label: colon[1]!.replace(/[*_]/g, '').trim(), value, known };
    }
    const dash = /^(.{1,40}?)\s+[–—-]\s+(.+)$/.exec(text);
    const known = dash ? knownLabel(dash[1]!) : null;
    if (known && (known.role || known.list)) return { label: dash![1]!.replace(/[*_]/g, '').trim(), value: dash![2]!.trim(), known };
    return null;
  }

  /** A role, list, date or title label followed by its value on the same line. */
  private onLabelLine(content: string, line: number, index: number): boolean {
    const found = this.labelWithValue(content);
    if (!found) return false;
    const { label, value, known } = found;
    const role = known.role;
    const listOf = known.list;
    if (role || listOf) {
      const as: ParticipantRole = role?.value ?? 'speaker';
      if (isPlaceholder(value)) {
        this.hints.push((role ?? listOf)!.languages);
        this.beforeLabelLine();
        this.warnings.push({ code: 'role_placeholder', line, label });
        this.consumed();
        return true;
      }
      const key = labelKey(label);
      const plural = /s$/.test(key) || /\s(?:por|by|par|de)$/.test(key) || Boolean(listOf);
      const people = splitPeople(value, plural).map(parsePerson);
      if (people.some((p) => p === null)) {
        // "Moderador: el moderador abrió la sesión…": a sentence, kept as text.
        this.warnings.push({ code: 'role_label_in_text', line, label });
        return false;
      }
      this.hints.push((role ?? listOf)!.languages);
      this.beforeLabelLine();
      for (const person of people) this.addPerson({ ...person!, role: as, line });
      if (this.people) this.people.lastIndex = index;
      this.consumed();
      return true;
    }
    const date = known.date;
    if (date) {
      this.hints.push(date.languages);
      this.beforeLabelLine();
      this.dateLine = { line, text: value };
      this.consumed();
      return true;
    }
    const title = known.title;
    if (title && this.title === null) {
      this.hints.push(title.languages);
      this.beforeLabelLine();
      this.title = unquote(value);
      this.consumed();
      return true;
    }
    return false;
  }

  /**
   * A labelled line ends a role label that named nobody ("Moderadora:" then "Relator: X"); under
   * a list heading ("Participantes:") it is one of the list's entries.
   */
  private beforeLabelLine(): void {
    if (this.people?.isRole && this.people.count === 0) this.closePeople();
  }

  /** An entry in a list of people: "- Manuel Haces – NIC.MX …", or a plain line that reads as a person. */
  private onPerson(content: string, bulleted: boolean, line: number, index: number): boolean {
    const context = this.people;
    if (!context) return false;
    // "Relator: jimena sierra" is not a person called "Relator".
    const person = knownLabel(content.split(/[:：]/)[0]!) ? null : parsePerson(content);
    const plainEntry = person && person.name.split(/\s+/).length >= 2 && content.length <= 160 && !(terminal.test(content) && content.split(/\s+/).length >= 10);
    if (person && (bulleted || plainEntry)) {
      this.addPerson({ ...person, role: context.role, line });
      context.lastIndex = index;
      this.consumed();
      return true;
    }
    // One entry that is not a name inside a list of names ("- Representante del MAG" between two
    // people) is kept as written, with a warning; anywhere else it ends the list.
    if (bulleted && context.count > 0 && content.length <= 120 && this.previousNonBlank(index) === context.lastIndex && this.nextIsPerson(index)) {
      this.warnings.push({ code: 'not_a_name', line, text: content });
      this.participants.push({ name: content, role: context.role, line });
      context.count++;
      context.lastIndex = index;
      this.consumed();
      return true;
    }
    this.closePeople();
    return false;
  }

  private previousNonBlank(index: number): number {
    let i = index - 1;
    while (i >= 0 && this.lines[i]!.text.trim() === '') i--;
    return i;
  }

  private nextIsPerson(index: number): boolean {
    let i = index + 1;
    while (i < this.lines.length && this.lines[i]!.text.trim() === '') i++;
    const item = bullet.exec(this.lines[i]?.text.trim() ?? '');
    return Boolean(item && parsePerson(item[3]!));
  }

  private addPerson(person: ImportedParticipant): void {
    const key = `${person.role}\u0000${labelKey(person.name)}`;
    if (this.named.has(key)) {
      this.warnings.push({ code: 'duplicate_participant', line: person.line, name: person.name });
    } else {
      this.named.add(key);
      this.participants.push(person.organisation ? person : { name: person.name, role: person.role, line: person.line });
    }
    if (this.people) this.people.count++;
  }

  private closePeople(): void {
    const context = this.people;
    this.people = null;
    if (!context || context.count > 0) return;
    // "Relatora:" with no name after it is a broken line; a heading may introduce prose instead.
    if (context.kind === 'line' && context.isRole) {
      throw new Failed({ reason: 'role_without_name', line: context.line, label: context.label });
    }
    this.warnings.push({ code: 'role_heading_without_names', line: context.line, label: context.label });
  }

  /** Prose, a list item, a quote or a table row, into the current section or the summary. */
  private onText(text: string, item: RegExpExecArray | null, line: number): void {
    const open = this.open;
    if (item) {
      const marker = item[2] ? `${item[2]}.` : '-';
      const blocks = this.blocks.get(this.target)!;
      const last = blocks[blocks.length - 1];
      // Items of one list may be separated by blank lines (a loose list).
      const list = open?.kind === 'list' ? open : last?.kind === 'list' && !this.barrier ? last : null;
      if (list) list.items.push({ marker, parts: [item[3]!] });
      this.open = list ?? this.add({ kind: 'list', items: [{ marker, parts: [item[3]!] }], line, barrier: false });
      return;
    }
    if (/^[>|]/.test(text)) {
      if (open?.kind === 'verbatim') open.lines.push(text);
      else this.open = this.add({ kind: 'verbatim', lines: [text], line, barrier: false });
      return;
    }
    if (open?.kind === 'paragraph') open.parts.push(text);
    else if (open?.kind === 'list') open.items[open.items.length - 1]!.parts.push(text);
    else this.open = this.add({ kind: 'paragraph', parts: [text], line, barrier: false });
  }

  private add<B extends Block>(block: B): B {
    block.barrier = this.barrier;
    this.barrier = false;
    this.blocks.get(this.target)!.push(block);
    return block;
  }

  /** The line was not text: what follows starts a new block, and is not joined to what came before. */
  private consumed(): void {
    this.open = null;
    this.barrier = true;
  }

  // -------------------------------------------------------------------------------------------
  // The draft

  private finish(given: ReportLanguage | undefined): ImportedReport {
    const paragraphs = this.blocks.get('summary')!.length ? render(this.rejoin(this.blocks.get('summary')!)) : [];
    // A section's items: each list item, each paragraph.
    const sections = Object.fromEntries(reportSections.map((s) => [s, render(this.rejoin(this.blocks.get(s)!), true)])) as Record<ReportSection, string[]>;
    for (const [section, heading] of this.headings) {
      if (!sections[section].length) this.warnings.push({ code: 'empty_section', line: heading.line, heading: heading.text });
    }

    const everything = this.lines.map((l) => l.text).join('\n');
    const detected = detectLanguage(everything, this.hints);
    let language: ReportLanguage;
    if (given) {
      language = given;
      if (detected.language && detected.language !== given) this.warnings.push({ code: 'language_differs', line: null, given, detected: detected.language });
    } else if (detected.language) {
      language = detected.language;
    } else {
      // Too little text to tell: the language with most evidence, else English (the platform's default).
      language = detected.likeliest ?? 'en';
      this.warnings.push({ code: 'language_undetected', line: null, assumed: language });
    }

    let date: string | null = null;
    if (this.dateLine) {
      const read = readDate(this.dateLine.text, language);
      if ('date' in read) date = read.date;
      else this.warnings.push({ code: read.problem === 'ambiguous' ? 'date_ambiguous' : 'date_unreadable', line: this.dateLine.line, text: this.dateLine.text });
    }
    if (this.title === null) this.warnings.unshift({ code: 'title_missing', line: null });
    if (!this.participants.length) this.warnings.push({ code: 'no_participants', line: null });
    if (!paragraphs.length) this.warnings.push({ code: 'no_summary', line: null });

    return {
      title: this.title,
      date,
      language,
      languageSource: given ? 'given' : 'detected',
      participants: this.participants,
      summary: paragraphs.join('\n\n'),
      paragraphs,
      sections,
      warnings: this.warnings.sort((a, b) => (a.line ?? 0) - (b.line ?? 0)),
    };
  }

  /**
   * Joins a paragraph to the one before it when that one ends without a sentence's end and this
   * one starts in lower case: a sentence cut by a page or a stray blank line ("…y dio a" / "conocer que…").
   */
  private rejoin(blocks: Block[]): Block[] {
    const out: Block[] = [];
    for (const block of blocks) {
      const previous = out[out.length - 1];
      if (block.kind === 'paragraph' && previous?.kind === 'paragraph' && !block.barrier
        && !terminal.test(previous.parts[previous.parts.length - 1]!) && startsLowercase.test(block.parts[0]!)) {
        previous.parts.push(...block.parts);
        this.warnings.push({ code: 'paragraphs_joined', line: block.line });
        continue;
      }
      out.push(block);
    }
    return out;
  }

}

/** Blocks as Markdown; `asItems` gives each list item apart, without its bullet. */
function render(blocks: Block[], asItems = false): string[] {
  return blocks.flatMap((block) => {
    switch (block.kind) {
      case 'paragraph':
        return [block.parts.join(' ')];
      case 'list': {
        const items = block.items.map((item) => [item.marker, item.parts.join(' ')] as const);
        return asItems ? items.map(([, text]) => text) : [items.map(([marker, text]) => `${marker} ${text}`).join('\n')];
      }
      case 'heading':
        return [asItems ? block.text : `${'#'.repeat(block.level)} ${block.text}`];
      case 'verbatim':
        return [block.lines.join('\n')];
    }
  });
}

/** A title as written, without quotes around it. */
function unquote(text: string): string {
  const trimmed = text.trim();
  const pairs: Record<string, string> = { '"': '"', '“': '”', '«': '»', "'": "'", '‘': '’' };
  const close = pairs[trimmed[0] ?? ''];
  if (close && trimmed.length > 1 && trimmed.endsWith(close)) return trimmed.slice(1, -1).replace(/^\s+|\s+$/g, '');
  return trimmed;
}
