import type { Context, Handler } from 'hono';
import type { z } from 'zod';
import type { Actor, AppEnv, CommandContext } from './env.ts';
import { commandContext } from './context.ts';
import { forgetDataVersion } from '../audit.ts';
import { authorize, type Rule } from '../policy.ts';
import { fieldErrors, readForm, unreadableBody, type FieldErrors, type FormValues } from './forms.ts';
import { problem } from './problem.ts';
import type { Refusal, Result } from './result.ts';
import { HTTPException } from 'hono/http-exception';

/** What a failed form shows again: what was typed, and an error per field (`_form`: the whole form). */
export interface FailedForm {
  values: FormValues;
  errors: FieldErrors;
}

export type FailedStatus = 409 | 422 | 429;

/** The steps every write declares, for a form or for JSON. */
interface Steps<Subject, A extends Actor, Schema extends z.ZodType, Value> {
  /** Finds what the action is about; nothing found answers 404. */
  load?: (c: Context<AppEnv>) => Promise<Subject | undefined>;
  /** The 404 page when `load` finds nothing, if not the generic one. */
  missing?: (c: Context<AppEnv>) => Response | Promise<Response>;
  /** The policy rule; it also types the actor the command receives. */
  allow: Rule<Subject, A>;
  /**
   * The rule does not depend on what is loaded (a secretariat-only area): check it first, so
   * that visitors who may not act there learn nothing of what exists.
   */
  authorizeBeforeLoading?: boolean;
  /** A limit checked once allowed, before the input is validated: a refusal to show, or null to go on. */
  limit?: (c: Context<AppEnv>, actor: A, subject: Subject) => Refusal | null | Promise<Refusal | null>;
  schema: Schema;
  run: (ctx: CommandContext<A>, input: z.output<Schema>, subject: Subject) => Promise<Result<Value>>;
}

export interface FormActionSpec<Subject, A extends Actor, Schema extends z.ZodType, Value> extends Steps<Subject, A, Schema, Value> {
  /** Form values as the schema's input, for forms whose fields are named differently. */
  fromForm?: (values: FormValues) => unknown;
  /** Schema error paths as form field names. */
  toFields?: (errors: FieldErrors) => FieldErrors;
  /** After success: a URL to go to (303 See Other), or a page. */
  done: (c: Context<AppEnv>, value: Value, step: { subject: Subject; actor: A; input: z.output<Schema> }) => string | Response | Promise<string | Response>;
  /** The page again, with the form as it was sent and its errors. */
  retry: (c: Context<AppEnv>, failed: FailedForm, step: { subject: Subject; actor: A; status: FailedStatus }) => Response | Promise<Response>;
}

export interface JsonActionSpec<Subject, A extends Actor, Schema extends z.ZodType, Value> extends Steps<Subject, A, Schema, Value> {
  /** The body as the schema's input (a merge patch over the current record, say); default: the JSON itself. */
  fromBody?: (body: unknown, subject: Subject) => unknown;
  /** The answer after success. */
  present: (c: Context<AppEnv>, value: Value, step: { subject: Subject; actor: A }) => Response | Promise<Response>;
}

/**
 * A command's result, once its transaction has ended: public pages built before it are not served
 * again, and the jobs it queued start.
 */
async function settled<T>(c: Context<AppEnv>, running: Promise<T>): Promise<T> {
  try {
    return await running;
  } finally {
    const { db, jobs } = c.get('services');
    forgetDataVersion(db);
    // Mail the command queued leaves now rather than at the next poll.
    jobs.wake();
  }
}

/** The message of a refusal, in the reader's language, placed on its field. */
function refusalErrors(c: Context<AppEnv>, refusal: Refusal): FieldErrors {
  if (refusal.retryAfter) c.header('Retry-After', String(refusal.retryAfter));
  return { [refusal.field ?? '_form']: c.get('t')(refusal.message, refusal.values) };
}

async function loadAndAuthorize<Subject, A extends Actor>(
  c: Context<AppEnv>,
  steps: Pick<Steps<Subject, A, z.ZodType, unknown>, 'load' | 'allow' | 'authorizeBeforeLoading'>,
) {
  const actor = c.get('actor');
  if (steps.authorizeBeforeLoading) authorize(actor, steps.allow, undefined as Subject);
  const subject = (steps.load ? await steps.load(c) : undefined) as Subject | undefined;
  if (steps.load && subject === undefined) return null;
  authorize(actor, steps.allow, subject as Subject);
  return { subject: subject as Subject, actor };
}

/**
 * An HTML form's POST: load → 404 → authorize → limit → read and validate → command → redirect
 * with a notice, or the form again with its errors (status 422, 409 or 429).
 */
export function formAction<Subject, A extends Actor, Schema extends z.ZodType, Value>(
  spec: FormActionSpec<Subject, A, Schema, Value>,
): Handler<AppEnv> {
  return async (c) => {
    const missing = () => (spec.missing ? spec.missing(c) : c.notFound());
    const found = await loadAndAuthorize(c, spec);
    if (!found) return missing();
    const { subject, actor } = found;
    const values = await readForm(c);
    // A command's refusal may name a schema path (a speaker's availability), like the schema's own errors.
    const onFields = (errors: Record<string, string>) => (spec.toFields ? spec.toFields(errors) : errors);
    const failed = (refusal: Refusal) =>
      refusal.status === 404 ? missing() : spec.retry(c, { values, errors: onFields(refusalErrors(c, refusal)) }, { subject, actor, status: refusal.status });
    const limited = await spec.limit?.(c, actor, subject);
    if (limited) return failed(limited);
    const parsed = spec.schema.safeParse(spec.fromForm ? spec.fromForm(values) : values);
    if (!parsed.success) {
      return spec.retry(c, { values, errors: onFields(fieldErrors(parsed.error, c.get('t'))) }, { subject, actor, status: 422 });
    }
    const result = await settled(c, spec.run(commandContext(c, actor), parsed.data, subject));
    if (!result.ok) return failed(result.refusal);
    const next = await spec.done(c, result.value, { subject, actor, input: parsed.data });
    return typeof next === 'string' ? c.redirect(next, 303) : next;
  };
}

/**
 * A JSON write, the same steps with problem details (RFC 9457) for every refusal: 404, 401/403,
 * 415 for another body type, 400 for unreadable JSON, 422 with a pointer per field, 409, 429.
 */
export function jsonAction<Subject, A extends Actor, Schema extends z.ZodType, Value>(
  spec: JsonActionSpec<Subject, A, Schema, Value>,
): Handler<AppEnv> {
  return async (c) => {
    const found = await loadAndAuthorize(c, spec);
    if (!found) return problem(c, 404);
    const { subject, actor } = found;
    const limited = await spec.limit?.(c, actor, subject);
    if (limited) {
      refusalErrors(c, limited);
      return problem(c, limited.status, c.get('t')(limited.message, limited.values));
    }
    if (!(c.req.header('content-type') ?? '').startsWith('application/json')) return problem(c, 415);
    let body: unknown;
    try {
      body = await c.req.json();
    } catch (error) {
      if (error instanceof HTTPException) throw error;
      if ((error as Error).name === 'BodyLimitError') throw unreadableBody(error);
      return problem(c, 400, c.get('t')('common.errors.invalid_json'));
    }
    const t = c.get('t');
    const parsed = spec.schema.safeParse(spec.fromBody ? spec.fromBody(body, subject) : body);
    if (!parsed.success) return problem(c, 422, t('common.errors.invalid_request'), fieldErrors(parsed.error, t));
    const result = await settled(c, spec.run(commandContext(c, actor), parsed.data, subject));
    if (!result.ok) {
      const { refusal } = result;
      if (refusal.retryAfter) c.header('Retry-After', String(refusal.retryAfter));
      return problem(c, refusal.status, t(refusal.message, refusal.values), refusal.field ? refusalErrors(c, refusal) : undefined, refusal.extensions);
    }
    return spec.present(c, result.value, { subject, actor });
  };
}

/** A URL with a notice to show after a redirect, and the anchor of the section it concerns. */
export function withNotice(path: string, notice: string, anchor?: string): string {
  return `${path}${path.includes('?') ? '&' : '?'}notice=${notice}${anchor ? `#${anchor}` : ''}`;
}

/**
 * A form's own address asked for with GET: the page the form lives on, at the form. A failed post
 * leaves the browser at the form's address (`…/delist#delist`); reloading it, or sharing it, then
 * shows that page rather than 404 or 405.
 */
export function formAddress(pageOf: (c: Context<AppEnv>) => string, anchor?: string): Handler<AppEnv> {
  return (c) => c.redirect(`${pageOf(c)}${anchor ? `#${anchor}` : ''}`, 303);
}
