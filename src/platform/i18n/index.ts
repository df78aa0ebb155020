import { IntlMessageFormat } from 'intl-messageformat';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const locales = ['es', 'en', 'pt', 'fr'] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = 'en';

/** Each language's name in itself, for the switcher and the preferred-language field. */
export const localeNames: Record<Locale, string> = { es: 'Español', en: 'English', pt: 'Português', fr: 'Français' };

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value);
}

type Catalog = Map<string, string>;
const catalogs = new Map<Locale, Catalog>(locales.map((l) => [l, new Map()]));
const formatters = new Map<string, IntlMessageFormat>();

function flatten(tree: Record<string, unknown>, prefix: string, into: Catalog): void {
  for (const [key, value] of Object.entries(tree)) {
    const path = `${prefix}.${key}`;
    if (typeof value === 'string') into.set(path, value);
    else if (value && typeof value === 'object') flatten(value as Record<string, unknown>, path, into);
  }
}

/**
 * Loads a module's catalogs (`<dir>/{es,en,pt,fr}.json`) under a namespace, so that the key
 * `title` in the initiatives catalog is `initiatives.title`.
 */
export function registerCatalogs(namespace: string, dir: URL): void {
  for (const locale of locales) {
    const file = fileURLToPath(new URL(`${locale}.json`, dir));
    const tree = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    flatten(tree, namespace, catalogs.get(locale)!);
  }
}

export type Values = Record<string, string | number | Date | null | undefined>;
export type Translate = (key: string, values?: Values) => string;

/** Formats an ICU message; a missing key shows the key itself, and the catalog test catches it. */
export function translate(locale: Locale, key: string, values?: Values): string {
  const message = catalogs.get(locale)!.get(key);
  if (message === undefined) return key;
  const cacheKey = `${locale}\u0000${key}`;
  let formatter = formatters.get(cacheKey);
  if (!formatter) {
    formatter = new IntlMessageFormat(message, locale);
    formatters.set(cacheKey, formatter);
  }
  return String(formatter.format(values as Record<string, string | number | Date>));
}

export function translator(locale: Locale): Translate {
  return (key, values) => translate(locale, key, values);
}

/** Picks the best supported locale from an Accept-Language header (RFC 9110 q-values). */
export function negotiateLocale(header: string | undefined): Locale {
  if (!header) return defaultLocale;
  const ranked = header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const weight = q ? Number(q.slice(2)) : 1;
      return { language: tag.toLowerCase().split('-')[0] ?? '', weight: Number.isFinite(weight) ? weight : 0, index };
    })
    .filter((entry) => entry.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  return ranked.map((entry) => entry.language).find(isLocale) ?? defaultLocale;
}

/** Country and language names come from Intl in the reader's locale. */
export function languageName(code: string, locale: Locale): string {
  try {
    return new Intl.DisplayNames([locale], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

export function formatDate(iso: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(iso));
}

export function formatNumber(value: number, locale: Locale): string {
  return new Intl.NumberFormat(locale).format(value);
}
