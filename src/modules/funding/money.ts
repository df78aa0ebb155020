import type { Locale } from '../../platform/i18n/index.ts';
import { exponentOf } from './currencies.ts';

/** The largest amount a ledger takes, in minor units: far above any forum's budget, and exact in a JS number. */
export const maxMinorUnits = 1_000_000_000_000_000;

/**
 * An amount as people write it in its currency ("1500", "1500.50", "1500,50": no thousands
 * separators) as integer minor units, read from the text so no float ever rounds it. Answers a
 * reason instead when it is not a plain non-negative number, or has more decimals than the
 * currency has (a fraction of its smallest unit).
 */
export function toMinorUnits(text: string, currency: string): number | 'not_a_number' | 'negative' | 'too_precise' | 'too_large' {
  const cleaned = text.trim().replace(/\s/g, '');
  if (/^-/.test(cleaned)) return 'negative';
  const match = /^(\d{1,16})(?:[.,](\d+))?$/.exec(cleaned);
  if (!match) return 'not_a_number';
  const digits = exponentOf(currency);
  const decimals = (match[2] ?? '').replace(/0+$/, '');
  if (decimals.length > digits) return 'too_precise';
  const minor = Number(match[1]!) * 10 ** digits + Number(decimals.padEnd(digits, '0') || '0');
  return minor > maxMinorUnits ? 'too_large' : minor;
}

/** Minor units as a plain decimal in the currency ("1500.50"), exact, as forms and exports show it. */
export function toDecimal(minor: number, currency: string): string {
  const digits = exponentOf(currency);
  const negative = minor < 0;
  const text = String(Math.abs(minor)).padStart(digits + 1, '0');
  const whole = digits ? `${text.slice(0, -digits)}.${text.slice(-digits)}` : text;
  return negative ? `-${whole}` : whole;
}

/** An amount in the reader's locale, with the currency's own number of decimals ("US$ 1.500,50", "¥1,500"). */
export function formatMoney(minor: number, currency: string, locale: Locale): string {
  const digits = exponentOf(currency);
  // A decimal string is formatted exactly (Intl.NumberFormat v3); a float of large amounts might not be.
  const format = new Intl.NumberFormat(locale, { style: 'currency', currency, minimumFractionDigits: digits, maximumFractionDigits: digits });
  return format.format(toDecimal(minor, currency) as unknown as number);
}

/** A share as a percentage in the reader's locale, to one decimal ("45.5 %"). */
export function formatShare(part: number, whole: number, locale: Locale): string {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(whole === 0 ? 0 : part / whole);
}
