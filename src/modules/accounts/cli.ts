import { parseArgs } from 'node:util';
import { createInterface } from 'node:readline/promises';
import { UsageError, type CliCommand } from '../../platform/cli.ts';
import { emailAddress } from '../../platform/validation.ts';
import { isLocale } from '../../platform/i18n/index.ts';
import { createAdmin } from './commands/createAdmin.ts';

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
