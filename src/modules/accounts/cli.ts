import { parseArgs } from 'node:util';
import { createInterface } from 'node:readline/promises';
import { CommandError, UsageError, type CliCommand, type CliIo } from '../../platform/cli.ts';
import { emailAddress, singleLine } from '../../platform/validation.ts';
import { isLocale } from '../../platform/i18n/index.ts';
import { createAdmin } from './commands/createAdmin.ts';
import { issueApiToken, withdrawApiTokens } from './commands/apiTokens.ts';

/** The password from CABILDO_ADMIN_PASSWORD, or asked for (without echo on a terminal), or read from standard input. */
async function readPassword(): Promise<string> {
  if (process.env.CABILDO_ADMIN_PASSWORD) return process.env.CABILDO_ADMIN_PASSWORD;
  const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: process.stdin.isTTY });
  const password = await rl.question(process.stdin.isTTY ? 'Password (at least 10 characters): ' : '');
  rl.close();
  return password.trim();
}

export const adminCreate: CliCommand = {
  name: 'admin create',
  usage: '--email E --name N [--locale es|en|pt|fr]',
  summary: 'create the first secretariat account (or promote one); the\npassword is read from CABILDO_ADMIN_PASSWORD or asked for',
  async run(args, { io, withDatabase }) {
    const { values } = parseArgs({ args, options: { email: { type: 'string' }, name: { type: 'string' }, locale: { type: 'string', default: 'en' } } });
    const email = emailAddress.safeParse(values.email);
    if (!email.success) throw new UsageError('admin create needs --email with a valid address');
    const name = values.name?.trim();
    if (!name) throw new UsageError('admin create needs --name');
    const locale = values.locale!;
    if (!isLocale(locale)) throw new UsageError('--locale must be es, en, pt or fr');
    const password = await readPassword();
    if (password.length < 10) throw new UsageError('the password needs at least 10 characters');
    const outcome = await withDatabase(({ db }) =>
      createAdmin({ db, actor: { user: null }, now: new Date() }, { email: email.data, name, password, locale }),
    );
    io.stdout(outcome === 'created' ? `Secretariat account ${email.data} created.\n` : `${email.data} is now secretariat.\n`);
    return 0;
  },
};

/** The options of a `cabildo token` command, or null when it was asked for its help (printed). */
function tokenOptions(command: CliCommand, args: string[], io: CliIo, options: Record<string, { type: 'string' }>) {
  let parsed;
  try {
    parsed = parseArgs({ args, options: { ...options, help: { type: 'boolean', short: 'h' } }, strict: true });
  } catch (error) {
    throw new UsageError(`${command.name}: ${(error as Error).message}`);
  }
  if (parsed.values.help) {
    io.stdout(`Usage: cabildo ${command.name} ${command.usage}\n\n${command.summary}\n`);
    return null;
  }
  return parsed.values as Record<string, string | undefined>;
}

function tokenEmail(command: CliCommand, value: string | undefined): string {
  const email = emailAddress.safeParse(value);
  if (!email.success) throw new UsageError(`${command.name} needs --email with a valid address`);
  return email.data;
}

function tokenName(command: CliCommand, value: string | undefined): string {
  const name = singleLine(80).safeParse(value ?? '');
  if (!name.success) throw new UsageError(`${command.name} needs --name: one line of at most 80 characters, without control or direction characters`);
  return name.data;
}

export const tokenCreate: CliCommand = {
  name: 'token create',
  usage: '--email E --name N [--expires-days D]',
  summary: 'print a new personal API token for the account with that address\n(for scripts: only the token goes to standard output); it works\nuntil revoked, or for D days (1 to 3650)',
  async run(args, { io, withDatabase }) {
    const values = tokenOptions(this, args, io, { email: { type: 'string' }, name: { type: 'string' }, 'expires-days': { type: 'string' } });
    if (!values) return 0;
    const email = tokenEmail(this, values.email);
    const name = tokenName(this, values.name);
    const days = values['expires-days'];
    if (days !== undefined && !/^\d+$/.test(days)) throw new UsageError(`--expires-days must be a whole number of days from 1 to 3650, not "${days}"`);
    const expiresDays = days === undefined ? undefined : Number(days);
    if (expiresDays !== undefined && (expiresDays < 1 || expiresDays > 3650)) throw new UsageError(`--expires-days must be a whole number of days from 1 to 3650, not "${days}"`);
    const issued = await withDatabase(({ db }) => issueApiToken({ db, actor: { user: null }, now: new Date() }, { email, name, expiresDays }));
    if (!issued) throw new CommandError(`no account has the address ${email}`);
    io.stdout(`${issued.secret}\n`);
    io.stderr(`Token "${name}" (revoke with --id=${issued.id}) for ${email}, ${issued.expiresAt ? `valid until ${issued.expiresAt}` : 'valid until revoked'}. It is shown once: keep it secret.\n`);
    return 0;
  },
};

export const tokenRevoke: CliCommand = {
  name: 'token revoke',
  usage: '--id=ID | --email E --name N',
  summary: 'revoke a personal API token: by its id, or every token of that\naccount with that name',
  async run(args, { io, withDatabase }) {
    const values = tokenOptions(this, args, io, { id: { type: 'string' }, email: { type: 'string' }, name: { type: 'string' } });
    if (!values) return 0;
    const byId = values.id !== undefined;
    if (byId === (values.email !== undefined || values.name !== undefined)) throw new UsageError('token revoke needs either --id=ID, or --email E and --name N');
    const which = byId ? { id: values.id! } : { email: tokenEmail(this, values.email), name: tokenName(this, values.name) };
    const revoked = await withDatabase(({ db }) => withdrawApiTokens({ db, actor: { user: null }, now: new Date() }, which));
    if (revoked === null) throw new CommandError(`no account has the address ${'email' in which ? which.email : ''}`);
    if (revoked === 0) throw new CommandError('id' in which ? `no token has the id ${which.id}` : `${which.email} has no token named "${which.name}"`);
    io.stdout(`Revoked ${revoked} token${revoked === 1 ? '' : 's'}.\n`);
    return 0;
  },
};
