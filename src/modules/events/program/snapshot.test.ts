import assert from 'node:assert/strict';
import { test } from 'node:test';
import { changesBetween, snapshotHash, type ProgramSnapshot, type SnapshotSession } from './snapshot.ts';
import { SessionSchema, sessionErrorsToFields, sessionFromForm } from './schema.ts';

const session = (id: string, fields: Partial<SnapshotSession> = {}): SnapshotSession => ({
  id, title: `Sesión ${id}`, description: null, original_locale: 'es', start: '2026-12-01T14:00:00.000Z', end: '2026-12-01T15:00:00.000Z',
  room: { id: 'r1', name: 'Auditorio' }, track: null, format: 'panel', modality: 'hybrid', people: [], ...fields,
});
const program = (...sessions: SnapshotSession[]): ProgramSnapshot => ({ time_zone: 'America/Bogota', sessions });

test('the changelog says what was added, removed, renamed and moved (in time or room), and nothing else', () => {
  const before = program(session('a'), session('b'), session('c'), session('d'));
  const after = program(
    session('a'),
    session('b', { title: 'Nuevo título' }),
    session('c', { room: { id: 'r2', name: 'Sala 2' } }),
    session('e'),
    session('d', { start: '2026-12-01T16:00:00.000Z', end: '2026-12-01T17:00:00.000Z', title: 'Otra' }),
  );
  assert.deepEqual(changesBetween(before, after).map((c) => [c.kind, c.id]), [['retitled', 'b'], ['moved', 'c'], ['added', 'e'], ['retitled', 'd'], ['moved', 'd']]);
  assert.deepEqual(changesBetween(after, program(session('a'))).map((c) => [c.kind, c.id]), [['removed', 'b'], ['removed', 'c'], ['removed', 'e'], ['removed', 'd']]);
  assert.deepEqual(changesBetween(before, before), []);
  const speaker = { name: 'Ana', role: 'speaker', organisation: null, stakeholder_group: null, presence: 'online' };
  assert.deepEqual(changesBetween(before, program(session('a', { people: [speaker] }))).map((c) => [c.kind, c.id]).slice(0, 1), [['people', 'a']]);
});

test('a snapshot’s hash depends on its content, not on the order keys were written in', () => {
  const one = program(session('a'));
  const same = JSON.parse(JSON.stringify({ sessions: one.sessions, time_zone: one.time_zone })) as ProgramSnapshot;
  assert.equal(snapshotHash(one), snapshotHash(same));
  assert.notEqual(snapshotHash(one), snapshotHash(program(session('a', { title: 'Otra' }))));
});

test('the form’s rows of people: blank rows are no one, each error stays on its row', () => {
  const form = {
    title: 'Mesa', original_locale: 'es', modality: 'hybrid',
    person_0_name: 'Raquel Gatto', person_0_role: 'moderator', person_0_confirmed: 'on',
    person_1_name: '', person_1_role: 'speaker',
    person_2_name: '', person_2_role: 'speaker', person_2_organisation: 'ACME',
    person_3_name: 'Jimena Sierra', person_3_role: 'rapporteur', person_3_stakeholder_group: 'government', person_3_country: 'mx',
  };
  const failed = SessionSchema.safeParse(sessionFromForm(form));
  assert.equal(failed.success, false);
  const paths = failed.error!.issues.map((i) => i.path.join('.'));
  assert.deepEqual(paths, ['people.2.name']);
  assert.deepEqual(Object.keys(sessionErrorsToFields({ 'people.2.name': 'x', title: 'y' })), ['person_2_name', 'title']);
  const fixed = SessionSchema.parse(sessionFromForm({ ...form, person_2_organisation: '' }));
  assert.deepEqual(fixed.people.map((p) => [p.name, p.role, p.confirmed, p.country ?? null]), [['Raquel Gatto', 'moderator', true, null], ['Jimena Sierra', 'rapporteur', false, 'MX']]);
});
