import assert from 'node:assert/strict';
import { test } from 'node:test';
import { registerCatalogs, translator } from '../../../platform/i18n/index.ts';
import { fieldErrors } from '../../../platform/http/forms.ts';
import { AvailabilityText, availabilityInEvent, eventDaysInZone, maxWindows, readLines, windowsAsText } from './format.ts';

registerCatalogs('events', new URL('../i18n/', import.meta.url));

const bogota = { time_zone: 'America/Bogota', firstDay: '2026-12-01', lastDay: '2026-12-02' };
const utc = (iso: string) => Date.parse(iso);

test('one window per line: a day with times, a whole day, the end of the day, blank lines skipped', () => {
  const read = readLines('2026-12-01 09:00-13:00\n\n  2026-12-02  \n2026-12-01 14:30 – 24:00\n2026-12-01T9:05-9:45');
  assert.deepEqual(read, {
    ok: true,
    windows: [
      { line: 1, day: '2026-12-01', from: '09:00', to: '13:00' },
      { line: 3, day: '2026-12-02', from: '00:00', to: '24:00' },
      { line: 4, day: '2026-12-01', from: '14:30', to: '24:00' },
      { line: 5, day: '2026-12-01', from: '09:05', to: '09:45' },
    ],
  });
  assert.deepEqual(readLines(''), { ok: true, windows: [] });
});

test('a line that cannot be read, a time no clock shows, or an end not after its start is named by its number', () => {
  const cases: Array<[string, string, number]> = [
    ['2026-12-01 09:00-13:00\nmañana por la tarde', 'unreadable', 2],
    ['2026-12-01 09:00-13:00\n\n2026-02-30', 'unreadable', 3],
    ['2026-12-01 25:00-26:00', 'unreadable', 1],
    ['2026-12-01 09:60-10:00', 'unreadable', 1],
    ['2026-12-01 09:00-24:30', 'unreadable', 1],
    ['2026-12-01 09:00', 'unreadable', 1],
    ['1/12/2026 09:00-13:00', 'unreadable', 1],
    ['2026-12-01 09:00-13:00\n2026-12-01 13:00-09:00', 'end_before_start', 2],
    ['2026-12-01 10:00-10:00', 'end_before_start', 1],
  ];
  for (const [text, error, line] of cases) {
    const read = readLines(text);
    assert.deepEqual(read, { ok: false, issue: { message: `events.availability.errors.${error}`, line } }, text);
  }
  const many = Array.from({ length: maxWindows + 1 }, () => '2026-12-01').join('\n');
  assert.deepEqual(readLines(many), { ok: false, issue: { message: 'events.availability.errors.too_many', values: { max: maxWindows } } });
});

test('the schema reads a textarea, a JSON string or a JSON list of lines, and its errors speak the reader’s language with the line', () => {
  assert.deepEqual(AvailabilityText.parse(''), []);
  assert.deepEqual(AvailabilityText.parse(null), []);
  assert.deepEqual(AvailabilityText.parse('2026-12-01 09:00-13:00\r\n2026-12-02'), AvailabilityText.parse(['2026-12-01 09:00-13:00', '2026-12-02']));
  const failed = AvailabilityText.safeParse('2026-12-01\n2026-12-01 18:00-17:00');
  assert.equal(failed.success, false);
  const messages = Object.fromEntries((['en', 'es', 'pt', 'fr'] as const).map((l) => [l, fieldErrors(failed.error!, translator(l))._form]));
  assert.deepEqual(messages, {
    en: 'Line 2: the end must come after the start.',
    es: 'Línea 2: el final debe ser posterior al inicio.',
    pt: 'Linha 2: o fim deve vir depois do início.',
    fr: 'Ligne 2 : la fin doit venir après le début.',
  });
  const unreadable = AvailabilityText.safeParse('tomorrow');
  assert.match(fieldErrors(unreadable.error!, translator('en'))._form!, /^Line 1 cannot be read/);
  assert.equal(AvailabilityText.safeParse('2026-12-01\u202E').success, false, 'user text rules still apply');
});

test('windows become instants in the event’s zone, within its days; outside them, or at a skipped time, the line is named', () => {
  const inBogota = availabilityInEvent(bogota);
  assert.deepEqual(inBogota.parse(AvailabilityText.parse('2026-12-01 09:00-13:00\n2026-12-02\n2026-12-02 20:00-24:00')), [
    { start: utc('2026-12-01T14:00:00Z'), end: utc('2026-12-01T18:00:00Z') },
    { start: utc('2026-12-02T05:00:00Z'), end: utc('2026-12-03T05:00:00Z') },
    { start: utc('2026-12-03T01:00:00Z'), end: utc('2026-12-03T05:00:00Z') },
  ]);
  for (const [text, line] of [['2026-12-01\n2026-12-03 09:00-10:00', 2], ['2026-11-30', 1]] as const) {
    const failed = inBogota.safeParse(AvailabilityText.parse(text));
    assert.equal(failed.success, false);
    assert.equal(fieldErrors(failed.error!, translator('es'))._form, `La línea ${line} queda fuera de los días del evento (del 2026-12-01 al 2026-12-02).`);
  }
  // Paris: clocks go forward at 02:00 on 29 March 2026, so 02:30 is no time at all.
  const paris = availabilityInEvent({ time_zone: 'Europe/Paris', firstDay: '2026-03-28', lastDay: '2026-03-29' });
  const skipped = paris.safeParse(AvailabilityText.parse('2026-03-28\n2026-03-29 02:30-04:00'));
  assert.equal(fieldErrors(skipped.error!, translator('en'))._form, 'Line 2: that time does not exist in the event’s time zone (the clocks change then).');
  // The whole of that short day is 23 hours long.
  const [day] = paris.parse(AvailabilityText.parse('2026-03-29'));
  assert.equal(day!.end - day!.start, 23 * 3_600_000);
});

test('stored windows are written back as typed, in the event’s zone', () => {
  const text = '2026-12-01 09:00-13:00\n2026-12-02\n2026-12-02 20:00-24:00\n2026-12-01 00:00-06:00';
  const windows = availabilityInEvent(bogota).parse(AvailabilityText.parse(text));
  assert.equal(windowsAsText(windows, 'America/Bogota'), text);
  assert.deepEqual(eventDaysInZone({ time_zone: 'America/Bogota', starts_at: '2026-12-01T14:00:00.000Z', ends_at: '2026-12-02T23:00:00.000Z' }), bogota);
  // A late evening in Bogotá is already the next day in UTC: the day is the event's.
  assert.deepEqual(eventDaysInZone({ time_zone: 'America/Bogota', starts_at: '2026-12-02T03:00:00.000Z', ends_at: '2026-12-03T03:00:00.000Z' }), { time_zone: 'America/Bogota', firstDay: '2026-12-01', lastDay: '2026-12-02' });
});
