/**
 * `cabildo consultation import-polis DIR --initiative SLUG`: a Polis export (votes.csv or
 * participants-votes.csv, with comments.csv) becomes a new consultation of the initiative, its
 * statements, participants and votes, so the conversation goes on here (docs/decisions/039).
 * A broken file imports nothing; the opinion module's loader names the file and the line.
 */
import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { UsageError, type CliCommand } from '../../../platform/cli.ts';
import { CsvError } from '../../../platform/csv.ts';
import type { Locale } from '../../../platform/i18n/index.ts';
import { fieldErrors } from '../../../platform/http/forms.ts';
import { findInitiativeBySlug } from '../../initiatives/index.ts';
import { InputError, loadPolisConversation, loadStakeholderGroups, type Conversation } from '../../opinion/index.ts';
import { ConsultationSchema } from '../schema.ts';
import { checkLanguageFlags, cliTranslator, importedPhases } from '../cli.ts';
import { importPolisConversation, unknownGroup } from './import.ts';

const usage = 'DIR --initiative SLUG [--title TITLE] [--slug SLUG] [--text FILE.md] [--groups FILE.csv] [--text-lang es|en|pt|fr] [--lang es|en|pt|fr]';
const options = {
  initiative: { type: 'string' }, title: { type: 'string' }, slug: { type: 'string' }, text: { type: 'string' }, groups: { type: 'string' },
  'text-lang': { type: 'string' }, lang: { type: 'string' }, help: { type: 'boolean', short: 'h' },
} as const;


/** The loader's own message for a broken file: it names the file and, when it can, the line. */
function brokenFile(error: unknown): string | undefined {
  return error instanceof InputError || error instanceof CsvError ? error.message : undefined;
}

export const importPolisCommand: CliCommand = {
  name: 'consultation import-polis',
  usage,
  summary: 'continue a Polis conversation here: its export (votes.csv or\nparticipants-votes.csv, with comments.csv) becomes a draft consultation of\nthe initiative with its statements, participants (by Polis id, no accounts)\nand votes; --groups participant,group gives stakeholder groups. A broken file\nimports nothing and names the file and line (messages in --lang, default en)',
  async run(args, { io, withDatabase, config }) {
    let parsed;
    try {
      parsed = parseArgs({ args, options, allowPositionals: true, strict: true });
    } catch (error) {
      throw new UsageError(`consultation import-polis: ${(error as Error).message}`);
    }
    const { values, positionals } = parsed;
    if (values.help) {
      io.stdout(`Usage: cabildo consultation import-polis ${usage}\n\n${this.summary}\n`);
      return 0;
    }
    const [dir, ...extra] = positionals;
    if (!dir || extra.length || !values.initiative) throw new UsageError(`did you mean: cabildo consultation import-polis ${usage}`);
    checkLanguageFlags(values);
    const t = cliTranslator(values.lang);
    let conversation: Conversation;
    let groupOf: Array<string | null> | undefined;
    let markdown: string;
    const title = values.title ?? basename(resolve(dir));
    try {
      conversation = loadPolisConversation(dir);
      if (values.groups) {
        const groups = loadStakeholderGroups(values.groups, conversation.participantIds);
        const unknown = unknownGroup(groups.labels);
        if (unknown !== undefined) throw new InputError(values.groups, null, t('consultations.opinion.cli.bad_group', { group: unknown }));
        groupOf = Array.from(groups.groupOf, (g) => (g < 0 ? null : groups.labels[g]!));
      }
      markdown = values.text ? readFileSync(values.text, 'utf8') : `# ${title}\n\n${t('consultations.opinion.cli.default_text')}\n`;
    } catch (error) {
      const message = brokenFile(error) ?? (error as Error).message;
      io.stderr(`cabildo: ${message}\n${t('consultations.cli.nothing_imported')}\n`);
      return 1;
    }
    const now = new Date();
    const language = (values['text-lang'] ?? 'es') as Locale;
    const input = ConsultationSchema.safeParse({
      title, slug: values.slug, text_kind: 'declaration', language, languages: [language], markdown,
      ...importedPhases(now),
      chairs: [], drafters: [], moderators: [],
    });
    if (!input.success) {
      const errors = Object.entries(fieldErrors(input.error, t)).map(([field, message]) => `${field}: ${message}`);
      io.stderr(`${values.text ?? dir}: ${errors.join('; ')}\n${t('consultations.cli.nothing_imported')}\n`);
      return 1;
    }
    const settings = config();
    return withDatabase(async ({ db }) => {
      const initiative = await findInitiativeBySlug(db, values.initiative!);
      if (!initiative) {
        io.stderr(`cabildo: ${t('consultations.cli.no_initiative', { slug: values.initiative! })}\n`);
        return 1;
      }
      const outcome = await importPolisConversation(db, now, { consultation: { ...input.data, initiative_id: initiative.id }, conversation, groupOf });
      if (!outcome.ok) {
        io.stderr(`cabildo: ${t(outcome.refusal.message, outcome.refusal.values)}\n${t('consultations.cli.nothing_imported')}\n`);
        return 1;
      }
      io.stdout(`${t('consultations.opinion.cli.imported', { ...outcome.value, url: `${settings.baseUrl.replace(/\/$/, '')}/consultations/${outcome.value.slug}` })}\n`);
      return 0;
    });
  },
};
