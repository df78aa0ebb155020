import type { BrowserContext, Page } from 'playwright-core';
import { newContext, type Site } from './browser.ts';
import { newId, timestamp } from '../../src/platform/db/index.ts';
import { sessionCookie } from '../../src/platform/auth/identity.ts';
import { startSession } from '../../src/modules/accounts/sessions.ts';
import { accountsDb } from '../../src/modules/accounts/tables.ts';

/** A verified person of a stakeholder group, signed in, in Portuguese, with scripts off (the consultations' journeys). */
export async function person(site: Site, email: string, name: string, group: string): Promise<{ id: string; context: BrowserContext }> {
  const id = newId();
  const stamp = timestamp(new Date());
  await accountsDb(site.database.db).insertInto('users').values({
    id, email, name, password_hash: 'x', locale: 'pt', country: 'BR', stakeholder_group: group, affiliation: null, capacity: 'personal',
    email_verified_at: stamp, is_secretariat: 0, created_at: stamp, updated_at: stamp,
  }).execute();
  const context = await newContext(site, 'pt', { javaScriptEnabled: false });
  await context.addCookies([{ name: sessionCookie, value: await startSession(site.database.db, id, new Date()), url: site.baseUrl }]);
  return { id, context };
}

/** Submits a form by its button and answers the page it lands on. */
export async function submit(page: Page, button: string) {
  const [response] = await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: button, exact: true }).first().click()]);
  return response;
}

/** The day `offset` days from today, as the consultations' phase fields take it. */
export const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
