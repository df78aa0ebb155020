/**
 * `cabildo consultation import FILE.md --initiative SLUG --title T`: a text written elsewhere as
 * the draft of version 1 of a new consultation (docs/decisions/034). The operator's command: it
 * runs with the database's own rights, so no policy rule applies; the initiative's coordinators
 * chair the consultation, name its people and publish it from its page.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { UsageError, type CliCommand } from '../../platform/cli.ts';
import { isLocale, locales, registerCatalogs, translator, type Locale } from '../../platform/i18n/index.ts';
import { findInitiativeBySlug } from '../initiatives/index.ts';
import { importConsultation } from './commands.ts';
import { ConsultationSchema, textKinds } from './schema.ts';
import { fieldErrors } from '../../platform/http/forms.ts';

const usage = 'FILE.md --initiative SLUG --title TITLE [--slug SLUG] [--kind declaration|action_plan|policy_proposal] [--text-lang es|en|pt|fr] [--lang es|en|pt|fr]';
const options = {
  initiative: { type: 'string' }, title: { type: 'string' }, slug: { type: 'string' }, kind: { type: 'string' },
  'text-lang': { type: 'string' }, lang: { type: 'string' }, help: { type: 'boolean', short: 'h' },
} as const;

let catalogsLoaded = false;
/** The consultations' messages for a command's output (no server has loaded them), in `--lang`. */
export function cliTranslator(lang: string | undefined) {
  if (!catalogsLoaded) {
    registerCatalogs('common', new URL('../../platform/i18n/', import.meta.url));
    registerCatalogs('consultations', new URL('./i18n/', import.meta.url));
    catalogsLoaded = true;
  }
  return translator((lang ?? 'en') as Locale);
}

/** `--lang` and `--text-lang`, when given, are one of the four languages. */
export function checkLanguageFlags(values: { lang?: string; 'text-lang'?: string }): void {
  for (const [flag, value] of [['--lang', values.lang], ['--text-lang', values['text-lang']]] as const) {
    if (value !== undefined && !isLocale(value)) throw new UsageError(`${flag} must be one of ${locales.join(', ')}, not "${value}"`);
  }
}

const day = 86_400_000;
const dayAfter = (now: Date, days: number) => new Date(now.getTime() + days * day).toISOString().slice(0, 10);
/** An imported consultation's phases: comments from today, then two weeks, two weeks, one week and one week. */
export const importedPhases = (now: Date) => ({
  comments_from: dayAfter(now, 0), amendments_from: dayAfter(now, 14), positions_from: dayAfter(now, 28), consensus_from: dayAfter(now, 35), closes_on: dayAfter(now, 42),
});

export const importConsultationCommand: CliCommand = {
  name: 'consultation import',
  usage,
  summary: 'read a text in Markdown (a declaration, an action plan, a policy proposal)\ninto the draft of version 1 of a new consultation of an initiative,\nits phases two weeks apart from today; a text it cannot split imports\nnothing and names the line (messages in --lang, default en)',
  async run(args, { io, withDatabase, config }) {
    let parsed;
    try {
      parsed = parseArgs({ args, options, allowPositionals: true, strict: true });
    } catch (error) {
      throw new UsageError(`consultation import: ${(error as Error).message}`);
    }
    const { values, positionals } = parsed;
    if (values.help) {
      io.stdout(`Usage: cabildo consultation import ${usage}\n\n${this.summary}\n`);
      return 0;
    }
    const [file, ...extra] = positionals;
    if (!file || extra.length || !values.initiative || !values.title) throw new UsageError(`did you mean: cabildo consultation import ${usage}`);
    checkLanguageFlags(values);
    if (values.kind !== undefined && !(textKinds as readonly string[]).includes(values.kind)) throw new UsageError(`--kind must be one of ${textKinds.join(', ')}, not "${values.kind}"`);
    const t = cliTranslator(values.lang);
    let markdown: string;
    try {
      markdown = readFileSync(file, 'utf8');
    } catch (error) {
      io.stderr(`cabildo: ${t('consultations.cli.unreadable', { file, reason: (error as NodeJS.ErrnoException).code ?? String(error) })}\n`);
      return 2;
    }
    const now = new Date();
    const language = (values['text-lang'] ?? 'es') as Locale;
    const input = ConsultationSchema.safeParse({
      title: values.title, slug: values.slug, text_kind: values.kind ?? 'declaration', language, languages: [language], markdown,
      ...importedPhases(now),
      chairs: [], drafters: [], moderators: [],
    });
    if (!input.success) {
      const errors = Object.entries(fieldErrors(input.error, t)).map(([field, message]) => `${field}: ${message}`);
      io.stderr(`${file}: ${errors.join('; ')}\n${t('consultations.cli.nothing_imported')}\n`);
      return 1;
    }
    const settings = config();
    return withDatabase(async ({ db }) => {
      const initiative = await findInitiativeBySlug(db, values.initiative!);
      if (!initiative) {
        io.stderr(`cabildo: ${t('consultations.cli.no_initiative', { slug: values.initiative! })}\n`);
        return 1;
      }
      const outcome = await importConsultation(db, now, { ...input.data, initiative_id: initiative.id });
      if (!outcome.ok) {
        io.stderr(`${file}: ${t(outcome.refusal.message, outcome.refusal.values)}\n${t('consultations.cli.nothing_imported')}\n`);
        return 1;
      }
      io.stdout(`${t('consultations.cli.imported', { initiative: initiative.name, url: `${settings.baseUrl.replace(/\/$/, '')}/consultations/${outcome.value.slug}` })}\n`);
      return 0;
    });
  },
};
