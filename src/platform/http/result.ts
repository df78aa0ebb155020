import type { Values } from '../i18n/index.ts';

/** Why a command refused: a catalog key, and the field it concerns (otherwise the whole form). */
export interface Refusal {
  message: string;
  values?: Values;
  field?: string;
  /** 404 when what it names is gone, 409 when the state of things forbids it, 422 when the input does, 429 for limits. */
  status: 404 | 409 | 422 | 429;
  /** For 429: seconds until trying again makes sense (the Retry-After header). */
  retryAfter?: number;
  /** For the JSON API: extension members of the problem document (RFC 9457 §3.2), such as the records a conflict is with. */
  extensions?: Record<string, unknown>;
}

/**
 * What a command answers. Reading the value needs checking `ok` first, so a refusal cannot be
 * ignored by accident.
 */
export type Result<T> = { ok: true; value: T } | { ok: false; refusal: Refusal };

export function ok<T>(value: T): Result<T>;
export function ok(): Result<void>;
export function ok<T>(value?: T): Result<T | undefined> {
  return { ok: true, value };
}

export function refuse(message: string, options: Partial<Omit<Refusal, 'message'>> = {}): { ok: false; refusal: Refusal } {
  return { ok: false, refusal: { message, status: 422, ...options } };
}
