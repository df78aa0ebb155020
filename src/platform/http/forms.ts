import type { z } from 'zod';
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { AppEnv } from './env.ts';
import type { Translate, Values } from '../i18n/index.ts';

export type FormValues = Record<string, string | string[]>;
export type FieldErrors = Record<string, string>;

/** Reads a urlencoded or multipart body as strings; uploaded files are not accepted here. */
export async function readForm(c: Context<AppEnv>): Promise<FormValues> {
  let body: Awaited<ReturnType<typeof c.req.parseBody>>;
  try {
    body = await c.req.parseBody({ all: true });
  } catch (error) {
    throw unreadableBody(error);
  }
  const values: FormValues = {};
  for (const [key, value] of Object.entries(body)) {
    if (key === '_csrf') continue;
    if (Array.isArray(value)) values[key] = value.filter((v): v is string => typeof v === 'string');
    else if (typeof value === 'string') values[key] = value;
  }
  return values;
}

/** A body that is too large (413) or broken (400), as an error the app's error page renders. */
export function unreadableBody(error: unknown): HTTPException {
  return new HTTPException((error as Error).name === 'BodyLimitError' ? 413 : 400, { message: 'the body cannot be read' });
}

/** Turns each zod issue into a message in the reader's language, one per field. */
export function fieldErrors(error: z.ZodError, t: Translate): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const field = issue.path.map(String).join('.') || '_form';
    if (errors[field]) continue;
    errors[field] = describeIssue(issue, t);
  }
  return errors;
}

function describeIssue(issue: z.core.$ZodIssue, t: Translate): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined || issue.input === null
        ? t('common.errors.required')
        : t('common.errors.invalid_value');
    case 'too_small':
      if (issue.origin === 'string') {
        return Number(issue.minimum) <= 1 ? t('common.errors.required') : t('common.errors.too_short', { min: Number(issue.minimum) });
      }
      if (issue.origin === 'array') return t('common.errors.choose_at_least', { min: Number(issue.minimum) });
      return t('common.errors.number_too_small', { min: Number(issue.minimum) });
    case 'too_big':
      if (issue.origin === 'string') return t('common.errors.too_long', { max: Number(issue.maximum) });
      if (issue.origin === 'array') return t('common.errors.too_many', { max: Number(issue.maximum) });
      return t('common.errors.number_too_big', { max: Number(issue.maximum) });
    case 'invalid_format':
      if (issue.format === 'email') return t('common.errors.invalid_email');
      if (issue.format === 'url') return t('common.errors.invalid_url');
      return t('common.errors.invalid_value');
    case 'invalid_value':
      return t('common.errors.invalid_choice');
    case 'custom':
      // A custom issue may carry the values its message names (a line number, a limit) as its params.
      return /^[a-z]+\.[a-z_.]+$/.test(issue.message) ? t(issue.message, issue.params as Values | undefined) : t('common.errors.invalid_value');
    default:
      return t('common.errors.invalid_value');
  }
}

export type Parsed<T> = { ok: true; data: T } | { ok: false; errors: FieldErrors };

/** Validates values against a schema, with errors ready to show beside their fields. */
export function validate<S extends z.ZodType>(schema: S, values: unknown, t: Translate): Parsed<z.output<S>> {
  const result = schema.safeParse(values);
  if (result.success) return { ok: true, data: result.data };
  return { ok: false, errors: fieldErrors(result.error, t) };
}

/** A single value of a form field, for re-displaying what the user typed. */
export function valueOf(values: FormValues | undefined, field: string): string {
  const value = values?.[field];
  return Array.isArray(value) ? (value[0] ?? '') : (value ?? '');
}

export function valuesOf(values: FormValues | undefined, field: string): string[] {
  const value = values?.[field];
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}
