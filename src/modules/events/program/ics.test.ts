import assert from 'node:assert/strict';
import { test } from 'node:test';
import { programCalendar } from './ics.ts';
import type { ProgramSnapshot } from './snapshot.ts';

const unfold = (ics: string) => ics.replace(/\r\n[ \t]/g, '').split('\r\n').filter(Boolean);

const program: ProgramSnapshot = {
  time_zone: 'America/Montevideo',
  sessions: [
    {
      id: 's1', title: 'Mesa de coordinación\u0007 de iniciativas\u202E nacionales', description: 'Primera línea\r\nsegunda; con, signos\\', original_locale: 'es',
      start: '2026-09-27T17:00:00.000Z', end: '2026-09-27T18:30:00.000Z', room: { id: 'r1', name: 'Sala Montevideo' }, track: null, format: 'roundtable', modality: 'hybrid',
      people: [{ name: 'Raquel Gatto', role: 'moderator', organisation: 'Internet Society, Capítulo Brasil', stakeholder_group: 'civil_society', presence: 'onsite' }],
    },
    {
      id: 's2', title: 'x'.repeat(300), description: null, original_locale: 'es', start: '2026-09-28T12:00:00.000Z', end: '2026-09-28T13:00:00.000Z', room: null,
      track: null, format: null, modality: 'online', people: [],
    },
  ],
};

test('a program calendar: one VEVENT per session in the event zone, the room as LOCATION, the people in DESCRIPTION, no control characters', () => {
  const ics = programCalendar({ name: 'Foro', baseUrl: 'https://cabildo.example', slug: 'foro', program, stamp: new Date('2026-09-01T00:00:00Z'), roleLabel: (r) => (r === 'moderator' ? 'Moderación' : r) });
  for (const line of ics.split('\r\n')) assert.ok(Buffer.byteLength(line) <= 75, `a line longer than 75 octets: ${line.slice(0, 40)}`);
  assert.doesNotMatch(ics, /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u202A-\u202E]/);
  const lines = unfold(ics);
  assert.equal(lines.filter((l) => l === 'BEGIN:VEVENT').length, 2);
  assert.ok(lines.includes('BEGIN:VTIMEZONE'));
  assert.ok(lines.includes('TZID:America/Montevideo'));
  assert.ok(lines.includes('DTSTART;TZID=America/Montevideo:20260927T140000'));
  assert.ok(lines.includes('DTEND;TZID=America/Montevideo:20260927T153000'));
  assert.ok(lines.includes('SUMMARY:Mesa de coordinación de iniciativas nacionales'));
  assert.ok(lines.includes('LOCATION:Sala Montevideo'));
  assert.ok(lines.includes('UID:session-s1@cabildo.example'));
  const description = lines.find((l) => l.startsWith('DESCRIPTION:Primera'))!;
  assert.ok(description.includes('Primera línea\\nsegunda\\; con\\, signos\\\\'), description);
  assert.ok(description.includes('Moderación: Raquel Gatto (Internet Society\\, Capítulo Brasil)'));
  assert.ok(lines.includes('SUMMARY:' + 'x'.repeat(300)), 'a long title is folded, not cut');
  assert.equal(lines.filter((l) => l.startsWith('LOCATION:')).length, 1, 'a session without a room has no LOCATION');
});
