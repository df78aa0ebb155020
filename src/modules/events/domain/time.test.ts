import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eventSpan, startOfDay, zoneOffset } from './time.ts';

test("an event's dates run from the first day's midnight to the end of the last, in its zone", () => {
  assert.deepEqual(eventSpan('2026-10-14', '2026-10-16', 'America/Bogota'), { start: Date.parse('2026-10-14T05:00:00Z'), end: Date.parse('2026-10-17T05:00:00Z') });
  assert.deepEqual(eventSpan('2026-12-31', '2026-12-31', 'UTC'), { start: Date.parse('2026-12-31T00:00:00Z'), end: Date.parse('2027-01-01T00:00:00Z') });
  assert.equal(zoneOffset(Date.parse('2026-07-01T12:00:00Z'), 'Europe/Lisbon'), 3_600_000);
  assert.equal(zoneOffset(Date.parse('2026-07-01T12:00:00Z'), 'Asia/Kolkata'), 5.5 * 3_600_000);
});

test('across a change of the clocks the day still starts at its own midnight', () => {
  // Lisbon leaves summer time on 25 October 2026 at 02:00: that day is 25 hours long.
  const span = eventSpan('2026-10-24', '2026-10-25', 'Europe/Lisbon');
  assert.equal(span.start, Date.parse('2026-10-23T23:00:00Z'));
  assert.equal(span.end, Date.parse('2026-10-26T00:00:00Z'));
  // Santiago enters summer time on 6 September 2026 at 00:00, straight to 01:00: the day starts then.
  assert.equal(startOfDay('2026-09-06', 'America/Santiago'), Date.parse('2026-09-06T04:00:00Z'));
  assert.equal(startOfDay('2026-09-05', 'America/Santiago'), Date.parse('2026-09-05T04:00:00Z'));
  assert.equal(startOfDay('2026-09-07', 'America/Santiago'), Date.parse('2026-09-07T03:00:00Z'));
});

test('bad dates and unknown zones are refused', () => {
  assert.throws(() => startOfDay('14/10/2026', 'UTC'), RangeError);
  assert.throws(() => eventSpan('2026-10-14', 'soon', 'UTC'), RangeError);
  assert.throws(() => startOfDay('2026-10-14', 'Mars/Olympus'), RangeError);
});
