import { safeNext } from './http/redirects.ts';

/**
 * A journey: a way a person walks across modules towards one goal (register an initiative), in
 * named steps. A module declares its journeys in its manifest; the platform shows where the
 * visitor is on one with `<JourneySteps>`, on any module's page, so a module (accounts) can show
 * the steps of another's journey (initiatives) without knowing it.
 *
 * The visitor's intent travels as the validated `next` address (the one redirect guard,
 * `safeNext`) through sign-up, the verification mail and log-in; a `next` that is a journey's
 * destination puts the visitor on that journey.
 */
export interface Journey {
  /** `<module>.<what>`, for pages that name it. */
  key: string;
  /** The catalog key naming the journey (the steps' accessible name). */
  label: string;
  /** The path (no query) the journey leads to: a `next` to it means the visitor is on the journey. */
  destination: string;
  /** In order: each step's key and catalog key. `identitySteps` mark the steps the accounts pages show. */
  steps: ReadonlyArray<{ key: string; label: string }>;
}

/** The steps every journey that needs an account shares, shown by the identity pages (sign-up, verification, log-in). */
export const identitySteps = { account: 'account', verify: 'verify' } as const;

let journeys: Journey[] = [];

/** The app sets the journeys once, from the module manifests; a key or destination used twice is a programming error. */
export function setJourneys(declared: Journey[]): void {
  for (const [i, journey] of declared.entries()) {
    if (declared.some((other, j) => j < i && (other.key === journey.key || other.destination === journey.destination))) {
      throw new Error(`journey ${journey.key} is declared twice`);
    }
  }
  journeys = declared;
}

export function journeyByKey(key: string): Journey | undefined {
  return journeys.find((j) => j.key === key);
}

/** The journey a `next` address leads along, if any: it must pass the redirect guard and be a journey's destination. */
export function journeyTowards(next: string | undefined): Journey | undefined {
  const safe = safeNext(next, '');
  if (!safe) return undefined;
  const path = new URL(safe, 'http://cabildo.invalid').pathname;
  return journeys.find((j) => j.destination === path);
}
