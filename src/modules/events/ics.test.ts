import assert from 'node:assert/strict';
import { test } from 'node:test';
import { eventsCalendar, calendarText } from './ics.ts';
import type { EventSummary } from './queries.ts';

const base: EventSummary = {
  id: 'e1', slug: 'foro-2026', initiative_id: 'i1', kind: 'annual_forum', format: 'hybrid', title: 'Foro', description: 'Diálogo', original_locale: 'es',
  venue_name: 'Biblioteca', venue_city: 'Bogotá', venue_country: 'CO', time_zone: 'America/Bogota', starts_at: '2026-12-01T14:00:00.000Z',
  ends_at: '2026-12-02T23:00:00.000Z', status: 'published', is_demo: 0, created_by: null, created_at: '2026-11-01T00:00:00.000Z',
  updated_at: '2026-11-02T00:00:00.000Z', languages: ['es'], interpretation: [], initiative: { id: 'i1', slug: 'mcgi', name: 'MCGI', acronym: null },
};

const calendar = (events: EventSummary[]) => eventsCalendar({ name: 'Events', baseUrl: 'https://cabildo.example', events, stamp: new Date('2026-11-23T10:00:00Z') });

/** The content lines of an iCalendar text, unfolded (RFC 5545 §3.1). */
function unfold(ics: string): string[] {
  return ics.replace(/\r\n[ \t]/g, '').split('\r\n').filter(Boolean);
}

test('a calendar is RFC 5545: CRLF lines of at most 75 octets, a VTIMEZONE per zone used, times in the event zone', () => {
  const paris = { ...base, id: 'e2', slug: 'paris', time_zone: 'Europe/Paris', starts_at: '2026-07-01T08:00:00.000Z', ends_at: '2026-07-01T10:00:00.000Z', title: 'x'.repeat(300) };
  const ics = calendar([base, paris]);
  assert.ok(ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:'));
  assert.ok(ics.trimEnd().endsWith('END:VCALENDAR'));
  for (const line of ics.split('\r\n')) {
    assert.ok(Buffer.byteLength(line) <= 75, `a line longer than 75 octets: ${line.slice(0, 40)}…`);
    assert.doesNotMatch(line, /[\r\n]/);
  }
  const lines = unfold(ics);
  assert.deepEqual(lines.filter((l) => l.startsWith('TZID:')), ['TZID:America/Bogota', 'TZID:Europe/Paris']);
  assert.ok(lines.includes('DTSTART;TZID=America/Bogota:20261201T090000'));
  assert.ok(lines.includes('DTEND;TZID=America/Bogota:20261202T180000'));
  assert.ok(lines.includes('DTSTART;TZID=Europe/Paris:20260701T100000'), 'summer time in Paris: UTC+2');
  assert.equal(lines.filter((l) => l === 'BEGIN:VEVENT').length, 2);
  assert.equal(lines.filter((l) => l === 'END:VEVENT').length, 2);
  assert.ok(lines.includes('UID:event-e1@cabildo.example'));
  assert.ok(lines.includes('LOCATION:Biblioteca\\, Bogotá\\, Colombia'));
  assert.ok(lines.includes('SUMMARY:' + 'x'.repeat(300)), 'a long title is folded, not cut');
});

test('control characters never break the file: stripped, and line breaks and separators escaped', () => {
  const hostile = {
    ...base,
    title: 'Foro\u0000\u0007 de\r\nEND:VCALENDAR\u001b;x,y\\z\u202E',
    description: 'a\u0001b\nBEGIN:VEVENT\u0085c',
    venue_name: 'Sala\tA\u000b',
  };
  const ics = calendar([hostile]);
  assert.doesNotMatch(ics, /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E]/);
  const lines = unfold(ics);
  assert.equal(lines.filter((l) => l === 'END:VCALENDAR').length, 1, 'text cannot end the calendar');
  assert.equal(lines.filter((l) => l === 'BEGIN:VEVENT').length, 1, 'text cannot start an event');
  assert.ok(lines.includes('SUMMARY:Foro de\\nEND:VCALENDAR\\;x\\,y\\\\z'), lines.find((l) => l.startsWith('SUMMARY')));
  assert.ok(lines.some((l) => l.startsWith('DESCRIPTION:ab\\nBEGIN:VEVENTc')));
  assert.ok(lines.includes('LOCATION:SalaA\\, Bogotá\\, Colombia'));
  assert.equal(calendarText('ok\r\nok'), 'ok\nok');
});

test('a zone without a VTIMEZONE description is written in UTC rather than left undefined', () => {
  const lines = unfold(calendar([{ ...base, time_zone: 'Etc/GMT+5' }]));
  const start = lines.slice(lines.indexOf('BEGIN:VEVENT')).find((l) => l.startsWith('DTSTART'));
  assert.ok(start === 'DTSTART:20261201T140000Z' || start === 'DTSTART;TZID=Etc/GMT+5:20261201T090000', start);
  if (start!.includes('TZID')) assert.ok(lines.includes('TZID:Etc/GMT+5'), 'a TZID used is described');
});
