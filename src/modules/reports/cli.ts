/**
 * `cabildo import report FILE`: an existing relatoría as a draft report (docs/decisions/025, "The
 * command and the demo"). The operator's command, like `import nris`: it runs with the database's
 * own rights, so no policy rule applies; the organisers review the draft as any other.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { pino } from 'pino';
import { UsageError, type CliCommand, type CliIo } from '../../platform/cli.ts';
import { isLocale, languageName, locales, translator, type Locale, type Translate } from '../../platform/i18n/index.ts';
import { Jobs } from '../../platform/jobs/index.ts';
import type { StakeholderTaxonomy } from '../../platform/stakeholders.ts';
import { ensureImportCatalogs } from './import/catalogs.ts';
import { describeImportProblem } from './import/describe.ts';
import { importReport, type Imported, type ImportRequest } from './import/store.ts';
import type { DraftParticipant, DraftRefusal } from './import/draft.ts';

const usage = 'FILE (--session ID | --event SLUG [--session-title T] | --initiative SLUG [--title T] [--date YYYY-MM-DD] [--place P]) [--report-lang L] [--lang es|en|pt|fr]';

const options = {
  session: { type: 'string' }, event: { type: 'string' }, 'session-title': { type: 'string' },
  initiative: { type: 'string' }, title: { type: 'string' }, date: { type: 'string' }, place: { type: 'string' },
  lang: { type: 'string' }, 'report-lang': { type: 'string' }, help: { type: 'boolean', short: 'h' },
} as const;

type Values = ReturnType<typeof parseArgs<{ args: string[]; options: typeof options; allowPositionals: true }>>['values'];

/** Where the report goes, from the options; a message key when they do not say, or say two things. */
function targetOf(values: Values): ImportRequest['target'] | `reports.import.cli.${'needs_target' | 'bad_date' | 'standalone_only'}` {
  const ways = [values.session !== undefined, values.event !== undefined, values.initiative !== undefined].filter(Boolean).length;
  if (ways !== 1) return 'reports.import.cli.needs_target';
  // A session's title, day and place are the session's: silently dropping them would mislead.
  if (values.initiative === undefined && [values.title, values.date, values.place].some((v) => v !== undefined)) return 'reports.import.cli.standalone_only';
  if (values.session !== undefined) return { session: values.session };
  if (values.event !== undefined) return { event: values.event, sessionTitle: values['session-title'] };
  if (values.date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(values.date)) return 'reports.import.cli.bad_date';
  return { initiative: values.initiative!, title: values.title, date: values.date, place: values.place };
}

function localeOption(flag: string, value: string | undefined, fallback: Locale): Locale {
  if (value === undefined) return fallback;
  if (!isLocale(value)) throw new UsageError(`${flag} must be one of ${locales.join(', ')}, not "${value}"`);
  return value;
}

export const importReportCommand: CliCommand = {
  name: 'import report',
  usage,
  summary: 'read a relatoría (Markdown or plain text, es/en/pt/fr) into a draft\nreport: of a session (by id, or found in an event by its title),\nor standalone for an initiative; a file it cannot read imports\nnothing and names the line (messages in --lang, default en)',
  async run(args, { io, withDatabase, config }) {
    let parsed;
    try {
      parsed = parseArgs({ args, options, allowPositionals: true, strict: true });
    } catch (error) {
      throw new UsageError(`import report: ${(error as Error).message}`);
    }
    const { values, positionals } = parsed;
    if (values.help) {
      io.stdout(`Usage: cabildo import report ${usage}\n\n${this.summary}\n`);
      return 0;
    }
    const [file, ...extra] = positionals;
    if (!file || extra.length) throw new UsageError(`did you mean: cabildo import report ${usage}`);
    const locale = localeOption('--lang', values.lang, 'en');
    const language = values['report-lang'] === undefined ? undefined : localeOption('--report-lang', values['report-lang'], 'en');
    ensureImportCatalogs();
    const t = translator(locale);
    const target = targetOf(values);
    if (typeof target === 'string') {
      io.stderr(`cabildo: ${t(target, { date: values.date ?? '' })}\n`);
      return 2;
    }
    let bytes: Uint8Array;
    try {
      bytes = readFileSync(file);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      io.stderr(`cabildo: ${code === 'ENOENT' ? t('reports.import.cli.no_file', { file }) : t('reports.import.cli.unreadable', { file, reason: code ?? String(error) })}\n`);
      return 2;
    }
    const settings = config();
    return withDatabase(async ({ db }) => {
      const jobs = new Jobs({ db, secret: settings.secret, handlers: new Map(), log: pino({ level: 'silent' }), clock: () => new Date() });
      const outcome = await importReport({ db, now: new Date(), jobs }, { bytes, target, language });
      if (!outcome.ok) {
        const reason = 'failure' in outcome ? describeImportProblem(outcome.failure, locale) : refusalText(outcome.refusal, t, settings.baseUrl);
        io.stderr(`${file}: ${reason}\n${t('reports.import.cli.nothing_imported', { file })}\n`);
        return 1;
      }
      printImported(io, outcome.imported, { t, locale, baseUrl: settings.baseUrl, taxonomy: settings.stakeholders });
      return 0;
    });
  },
};

const editUrl = (baseUrl: string, id: string) => `${baseUrl.replace(/\/$/, '')}/reports/${id}/edit`;

function refusalText(refusal: DraftRefusal, t: Translate, baseUrl: string): string {
  const values = { ...refusal.values };
  if (typeof values.id === 'string') values.url = editUrl(baseUrl, values.id);
  if (typeof values.list === 'string' && refusal.key.includes('item')) values.list = t(`reports.list.${values.list}`);
  if (typeof values.status === 'string') values.status = t(`reports.status.${values.status}`);
  if (typeof values.field === 'string') values.field = t(`reports.field.${values.field}`);
  return t(refusal.key, values);
}

interface Printing {
  t: Translate;
  locale: Locale;
  baseUrl: string;
  taxonomy: StakeholderTaxonomy;
}

/** What was stored and what was guessed, for the operator to check before the rapporteur does. */
function printImported(io: CliIo, imported: Imported, { t, locale, baseUrl, taxonomy }: Printing): void {
  const url = editUrl(baseUrl, imported.id);
  const { session, report, content } = imported;
  const lines = [
    session
      ? t('reports.import.cli.imported_session', { session: session.title, event: session.event.title, url })
      : t('reports.import.cli.imported_standalone', { initiative: imported.initiativeName ?? '', url }),
    t('reports.import.cli.title', { from: imported.title.from, title: imported.title.value }),
    t('reports.import.cli.date', { from: imported.date.from, date: imported.date.value }),
  ];
  if (imported.date.file && imported.date.file !== imported.date.value) lines.push(t('reports.import.cli.date_differs', { file: imported.date.file }));
  lines.push(t('reports.import.cli.language', { source: report.languageSource, language: languageName(report.language, locale) }));
  lines.push(t('reports.import.cli.participants', { count: imported.participants.length }));
  for (const p of imported.participants) lines.push(`  ${t('reports.import.cli.participant', { line: p.line, role: t(`reports.role.${p.role}`), person: person(p, session !== null, t, taxonomy) })}`);
  lines.push(t('reports.import.cli.contents', {
    paragraphs: report.paragraphs.length, key_issues: content.key_issues.length, takeaways: content.takeaways.length, calls: content.calls_to_action.length,
    proposals: content.proposals.length, follow_ups: content.follow_ups.length,
  }));
  if (imported.unnamedCalls) lines.push(t('reports.import.cli.unnamed_calls', { count: imported.unnamedCalls, who: imported.unknownWho }));
  if (report.warnings.length) {
    lines.push(t('reports.import.cli.warnings', { count: report.warnings.length }));
    for (const warning of report.warnings) lines.push(`  ${describeImportProblem(warning, locale)}`);
  }
  io.stdout(`${lines.join('\n')}\n`);
}

/** "Raquel Gatto, Internet Society, Capítulo Brasil (Civil society) — the session's person". */
function person(p: DraftParticipant, inSession: boolean, t: Translate, taxonomy: StakeholderTaxonomy): string {
  const group = p.stakeholder_group ? ` (${t(taxonomy.labelKey(p.stakeholder_group))})` : '';
  const known = inSession ? ` — ${t(p.matched ? 'reports.import.cli.matched' : 'reports.import.cli.not_matched')}` : '';
  return `${[p.name, p.organisation].filter(Boolean).join(', ')}${group}${known}`;
}
