import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatInZone, fromLocalInput, isTimeZone, isoInZone, offsetLabel, toLocalInput } from './time.ts';

test('time zones are known to Intl or refused', () => {
  for (const zone of ['America/Bogota', 'Europe/Paris', 'Asia/Kathmandu', 'UTC', 'America/Argentina/Buenos_Aires']) assert.ok(isTimeZone(zone), zone);
  for (const zone of ['', 'Mars/Olympus', 'America/Bogotá', 'Europe/Paris\n', 'x'.repeat(65), '../etc']) assert.equal(isTimeZone(zone), false, JSON.stringify(zone));
});

test('wall-clock times in a zone become UTC instants and back, across daylight-saving changes', () => {
  assert.equal(fromLocalInput('2026-12-01T09:00', 'America/Bogota'), '2026-12-01T14:00:00.000Z');
  assert.equal(fromLocalInput('2026-07-01T09:00', 'Asia/Kathmandu'), '2026-07-01T03:15:00.000Z');
  assert.equal(fromLocalInput('2026-07-01T10:00', 'Europe/Paris'), '2026-07-01T08:00:00.000Z');
  assert.equal(fromLocalInput('2026-01-15T10:00', 'Europe/Paris'), '2026-01-15T09:00:00.000Z');
  // Clocks go forward at 02:00 on 29 March 2026 in Paris: 02:30 never happens.
  assert.equal(fromLocalInput('2026-03-29T02:30', 'Europe/Paris'), null);
  // They go back at 03:00 on 25 October: 02:30 happens twice, the first is taken.
  assert.equal(fromLocalInput('2026-10-25T02:30', 'Europe/Paris'), '2026-10-25T00:30:00.000Z');
  assert.equal(fromLocalInput('2026-12-01 09:00', 'America/Bogota'), null);
  assert.equal(fromLocalInput('2026-12-01T09:00', 'Nowhere/Land'), null);
  assert.equal(toLocalInput('2026-12-01T14:00:00.000Z', 'America/Bogota'), '2026-12-01T09:00');
});

test('times are shown with their offset, in the reader language', () => {
  assert.equal(offsetLabel('2026-12-01T14:00:00.000Z', 'America/Bogota'), 'UTC−05:00');
  assert.equal(offsetLabel('2026-07-01T03:15:00.000Z', 'Asia/Kathmandu'), 'UTC+05:45');
  assert.equal(isoInZone('2026-12-01T14:00:00.000Z', 'America/Bogota'), '2026-12-01T09:00:00-05:00');
  assert.equal(isoInZone('2026-12-01T14:00:00.000Z', 'UTC'), '2026-12-01T14:00:00Z');
  assert.equal(formatInZone('2026-12-01T14:00:00.000Z', 'America/Bogota', 'es'), 'martes, 1 de diciembre de 2026, 9:00 (UTC−05:00)');
});
