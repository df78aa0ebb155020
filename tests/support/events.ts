import assert from 'node:assert/strict';
import type { TestApp } from './app.ts';
import type { TestClient } from './client.ts';
import { registerInitiative, verifiedPerson } from './factories.ts';

/** A hybrid forum in Bogotá, as the form sends it (times in the event's zone). */
export const eventFields = {
  kind: 'annual_forum',
  format: 'hybrid',
  title: 'Foro Colombiano de Gobernanza de Internet',
  description_locale: 'es',
  description: 'Dos días de diálogo multisectorial.',
  venue_name: 'Biblioteca Virgilio Barco',
  venue_city: 'Bogotá',
  venue_country: 'CO',
  time_zone: 'America/Bogota',
  start: '2026-12-01T09:00',
  end: '2026-12-02T18:00',
  languages: ['es', 'en'],
  interpretation: ['en-es'],
};

/** A coordinator with an initiative, signed in; answers the client and the initiative's slug. */
export async function organiser(t: TestApp): Promise<{ coordinator: TestClient; initiative: string }> {
  const coordinator = await verifiedPerson(t, { email: 'coord@example.org', group: 'civil_society' });
  return { coordinator, initiative: await registerInitiative(coordinator) };
}

/** Creates an event through the form; answers its slug. */
export async function createEvent(client: TestClient, initiative: string, fields: Record<string, string | string[]> = {}): Promise<string> {
  const page = await client.post(`/initiatives/${initiative}/events/new`, { ...eventFields, ...fields });
  assert.equal(page.status, 303, `creation failed: ${page.html.slice(0, 2000)}`);
  return page.location!.split('?')[0]!.replace('/events/', '');
}
