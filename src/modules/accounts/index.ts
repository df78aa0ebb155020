/** The accounts module's public entry: what other modules may use. */
export { publicPeople, mailboxes, secretariatMailboxes, accountByEmail, accountsByEmail } from './queries.ts';
export type { PublicPerson, Mailbox } from './queries.ts';
export { createAdmin } from './commands/createAdmin.ts';
export { demoAccount } from './demo.ts';
