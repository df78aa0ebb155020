import { z } from 'zod';
import { isWellFormed } from './text.ts';

/** C0/C1 control characters other than tab and newlines never belong in user text. */
const controlCharacters = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
const lineBreak = /[\r\n]/;
/**
 * Bidi embedding, override and isolate controls: invisible, they make text read as something else
 * ("\u202Egro.elpmaxe" shows as "example.org"), so a name could pass for another.
 */
const directionControls = /[\u202A-\u202E\u2066-\u2069]/;

/**
 * What every user text must be, whatever its field: whole characters (a lone UTF-16 surrogate
 * cannot be stored as UTF-8) and no direction controls. Checked here, in the one place every
 * form and API field passes through, so that no field can forget it.
 */
function wholeText() {
  return z
    .string()
    .refine((v) => isWellFormed(v), { message: 'common.errors.broken_characters', abort: true })
    .refine((v) => !directionControls.test(v), { message: 'common.errors.direction_controls', abort: true });
}

/** Browsers send textarea line breaks as CRLF; store one kind, so lengths and paragraphs agree. */
function cleanText(value: unknown): unknown {
  return typeof value === 'string' ? value.replace(/\r\n?/g, '\n').normalize('NFC').trim() : value;
}

function blankToUndefined(value: unknown): unknown {
  const cleaned = cleanText(value);
  return cleaned === '' || cleaned === null ? undefined : cleaned;
}

/** A required one-line text of at most `max` characters. */
export function singleLine(max: number, min = 1) {
  return z.preprocess(
    cleanText,
    wholeText()
      .refine((v) => !controlCharacters.test(v) && !lineBreak.test(v), { message: 'common.errors.control_characters', abort: true })
      .min(min)
      .max(max),
  );
}

/** A required multi-line text (paragraphs allowed). */
export function multiLine(max: number, min = 1) {
  return z.preprocess(
    cleanText,
    wholeText()
      .refine((v) => !controlCharacters.test(v), { message: 'common.errors.control_characters', abort: true })
      .min(min)
      .max(max),
  );
}

/** Makes any field optional, reading an empty form field as absent. */
export function optional<T extends z.ZodTypeAny>(schema: T) {
  return z.preprocess(blankToUndefined, schema.optional());
}

export const emailAddress = z.preprocess(
  (v) => (typeof v === 'string' ? v.normalize('NFC').trim().toLowerCase() : v),
  z.string().max(254).email(),
);

/** "www.igf.uy" or "igf.uy/foro": a host name (with a dot) and no scheme, as people type addresses. */
const bareHost = /^[\p{L}\p{N}-]+(\.[\p{L}\p{N}-]+)+(:\d+)?([/?#]\S*)?$/u;

/** Reads an address typed without its scheme as https (the form's hint says so). */
function withScheme(value: unknown): unknown {
  const cleaned = cleanText(value);
  if (typeof cleaned !== 'string') return cleaned;
  if (cleaned.startsWith('//')) return `https:${cleaned}`;
  return bareHost.test(cleaned) ? `https://${cleaned}` : cleaned;
}

/** A web address; one typed without https:// gets it. */
export const webAddress = z.preprocess(
  withScheme,
  wholeText()
    .max(500)
    .url()
    .refine((v) => /^https?:\/\//i.test(v), { message: 'common.errors.invalid_url' }),
);

/** A whole number read from a form field or JSON. */
export function wholeNumber(min: number, max: number) {
  return z.preprocess(
    (v) => (typeof v === 'string' && /^\s*-?\d+\s*$/.test(v) ? Number(v) : v),
    z.number().int().min(min).max(max),
  );
}

/** A list read from repeated form fields or a JSON array; a single value becomes a list of one. */
export function list<T extends z.ZodTypeAny>(item: T, max: number) {
  return z.preprocess(
    (v) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v.filter((x) => x !== '') : [v]),
    z.array(item).max(max),
  );
}

/** An accepted checkbox: "on"/"true"/true. */
export const checked = z.preprocess((v) => v === 'on' || v === 'true' || v === true || v === '1', z.boolean());
