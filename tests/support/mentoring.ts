import assert from 'node:assert/strict';
import type { TestApp } from './app.ts';
import type { TestClient } from './client.ts';
import { registerInitiative, verifiedPerson } from './factories.ts';
import { registryDb } from '../../src/modules/initiatives/tables.ts';

/** An initiative and its coordinator, signed in. */
export interface Side {
  client: TestClient;
  slug: string;
  id: string;
  name: string;
}

/** An initiative registered by its coordinator through the form; recognised (listed) unless said. */
export async function initiative(t: TestApp, name: string, fields: Record<string, string | string[]> = {}, listed = true): Promise<Side> {
  const client = await verifiedPerson(t, { email: `${name.toLowerCase().replace(/\W+/g, '.')}@example.org`, group: 'civil_society' });
  const slug = await registerInitiative(client, { name, acronym: '', create_anyway: 'on', ...fields });
  const registry = registryDb(t.database.db);
  const { id } = await registry.selectFrom('initiatives').select('id').where('slug', '=', slug).executeTakeFirstOrThrow();
  if (listed) await registry.updateTable('initiatives').set({ status: 'listed' }).where('id', '=', id).execute();
  return { client, slug, id, name };
}

export const offerFields = { languages: ['es', 'en'], regions: ['latin_america_caribbean'], topics: ['community_networks'], steps: ['programme', 'logistics', 'finances'], capacity: '1', note: 'Nos reunimos cada dos semanas.' };

export async function offer(side: Side, fields: Record<string, string | string[]> = {}): Promise<void> {
  const page = await side.client.post(`/initiatives/${side.slug}/mentoring/offer`, { ...offerFields, ...fields });
  assert.equal(page.status, 303, page.html.slice(0, 3000));
}

