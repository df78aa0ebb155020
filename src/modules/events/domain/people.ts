/**
 * Recognising the same person across proposals and sessions. People typed into forms rarely carry
 * an id, and "María José Pérez, ACME" comes back as "maria jose  perez, acme": a person is the same
 * as another when both have the same id, or when one of them has no id and their names and
 * organisations are equal once case, accents, punctuation and spacing are set aside.
 */
import { foldForSearch } from '../../../platform/text.ts';
import type { PersonRef } from './types.ts';

/** Lower case, no accents, words separated by one space: "  María-José PÉREZ " → "maria jose perez". */
export function normaliseText(text: string | null | undefined): string {
  return foldForSearch(text ?? '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The name-and-organisation key of a person (used when there is no id to go by). */
export function nameKey(person: PersonRef): string {
  return `${normaliseText(person.name)}|${normaliseText(person.organisation)}`;
}

const hasId = (person: PersonRef): person is PersonRef & { id: string } => typeof person.id === 'string' && person.id !== '';

/**
 * Gives every person one key, the same for all records of the same person. A record without an id
 * is the person with an id whose name and organisation it shares — when exactly one such person is
 * known; with two (namesakes in one organisation) it is matched to neither, rather than guessing.
 */
export class PeopleIndex {
  /** Name key → the ids seen with it. */
  readonly #idsByName = new Map<string, Set<string>>();

  constructor(people: Iterable<PersonRef>) {
    for (const person of people) {
      if (!hasId(person)) continue;
      const key = nameKey(person);
      let ids = this.#idsByName.get(key);
      if (!ids) this.#idsByName.set(key, (ids = new Set()));
      ids.add(person.id);
    }
  }

  /** The key naming this person. */
  keyOf(person: PersonRef): string {
    if (hasId(person)) return `id:${person.id}`;
    const key = nameKey(person);
    const ids = this.#idsByName.get(key);
    return ids?.size === 1 ? `id:${[...ids][0]}` : `name:${key}`;
  }
}
