/**
 * The session's date from a date line's value: "2024-10-08", "08/10/2024", "8 de octubre de
 * 2024", "Tuesday, 8th October 2024, 10:00 UTC", "October 8, 2024", "1er octobre 2024",
 * "8 de outubro de 2024". A calendar date only (`YYYY-MM-DD`): the session, not the file,
 * knows its time zone.
 */
import { foldForSearch } from '../../../platform/text.ts';
import { monthNumber } from './vocabulary.ts';
import type { ReportLanguage } from './types.ts';

export type ReadDate = { date: string } | { problem: 'unreadable' | 'ambiguous' };

export function readDate(text: string, language: ReportLanguage): ReadDate {
  const iso = /\b(\d{4})-(\d{1,2})-(\d{1,2})\b/.exec(text) ?? /\b(\d{4})\/(\d{1,2})\/(\d{1,2})\b/.exec(text);
  if (iso) return calendar(Number(iso[1]), Number(iso[2]), Number(iso[3]));

  const numeric = /\b(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})\b/.exec(text);
  if (numeric) {
    const [a, b] = [Number(numeric[1]), Number(numeric[2])];
    const year = numeric[3]!.length === 2 ? 2000 + Number(numeric[3]) : Number(numeric[3]);
    // Spanish, Portuguese and French write the day first. English may be either: we take the
    // order only when one of the two numbers cannot be a month, and never guess otherwise.
    if (language !== 'en' || a > 12 || a === b) return calendar(year, b, a);
    if (b > 12) return calendar(year, a, b);
    return { problem: 'ambiguous' };
  }

  const words = foldForSearch(text).split(/[^a-z0-9]+/).filter(Boolean);
  const month = words.map((w) => monthNumber(w)).find((m) => m !== undefined);
  const year = words.find((w) => /^\d{4}$/.test(w));
  const day = words.map((w) => /^(\d{1,2})(?:st|nd|rd|th|er|o|a)?$/.exec(w)?.[1]).find((d) => d !== undefined);
  if (month === undefined || !year || !day) return { problem: 'unreadable' };
  return calendar(Number(year), month, Number(day));
}

function calendar(year: number, month: number, day: number): ReadDate {
  const date = new Date(Date.UTC(year, month - 1, day));
  const real = year >= 1990 && year <= 2100 && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  if (!real) return { problem: 'unreadable' };
  return { date: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}` };
}
