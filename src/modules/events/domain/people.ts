/**
 * Recognising the same person across proposals and sessions. People typed into forms rarely carry
 * an id, and "María José Pérez, ACME" comes back as "maria jose  perez, acme": a person is the same
 * as another when both have the same id, or when one of them has no id and their names and
 * organisations are equal once case, accents, punctuation and spacing are set aside.
 */
import { foldForSearch } from '../../../platform/text.ts';
import type { PersonRef } from './types.ts';

/** The full fold, for any script: the platform's search fold, then anything not a letter or digit is a space. */
function fold(text: string): string {
  return foldForSearch(text).replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/** Accented Latin letters (U+00C0–U+024F) that fold to plain ASCII letters, by code: "É" → "e". */
const latin = new Map<number, string>();
for (let code = 0xc0; code <= 0x24f; code++) {
  const folded = fold(String.fromCharCode(code));
  if (/^[a-z]+$/.test(folded)) latin.set(code, folded);
}

/**
 * Lower case, no accents, words separated by one space: "  María-José PÉREZ " → "maria jose perez".
 * It runs for every person of a program on every check, so Latin text is folded in one pass over
 * its characters; anything else (another script, "ß", "ø") takes the full fold, which gives the
 * same answer more slowly.
 */
export function normaliseText(text: string | null | undefined): string {
  if (!text) return '';
  let out = '';
  let gap = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    let piece: string;
    if (code < 0x80) {
      if (code >= 0x41 && code <= 0x5a) piece = String.fromCharCode(code + 0x20);
      else if ((code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39)) piece = text[i]!;
      else piece = '';
    } else if (code >= 0x300 && code <= 0x36f) {
      continue; // a combining accent: part of the letter before it
    } else {
      const mapped = latin.get(code);
      if (mapped === undefined) return fold(text);
      piece = mapped;
    }
    if (piece === '') {
      gap = out.length > 0;
      continue;
    }
    if (gap) {
      out += ' ';
      gap = false;
    }
    out += piece;
  }
  return out;
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
  /** Organisations repeat across a program: each is folded once. */
  readonly #folded = new Map<string, string>();

  #nameKey(person: PersonRef): string {
    const organisation = person.organisation ?? '';
    let folded = this.#folded.get(organisation);
    if (folded === undefined) this.#folded.set(organisation, (folded = normaliseText(organisation)));
    return `${normaliseText(person.name)}|${folded}`;
  }

  constructor(people: Iterable<PersonRef>) {
    for (const person of people) {
      if (!hasId(person)) continue;
      const key = this.#nameKey(person);
      let ids = this.#idsByName.get(key);
      if (!ids) this.#idsByName.set(key, (ids = new Set()));
      ids.add(person.id);
    }
  }

  /** The key naming this person. */
  keyOf(person: PersonRef): string {
    if (hasId(person)) return `id:${person.id}`;
    const key = this.#nameKey(person);
    const ids = this.#idsByName.get(key);
    return ids?.size === 1 ? `id:${[...ids][0]}` : `name:${key}`;
  }

  /**
   * The keys under which an index that did not know this record filed the same person: a person
   * with an id is also the name-only records of their name when the index knew no id for that name.
   */
  aliasesOf(person: PersonRef): string[] {
    const own = this.keyOf(person);
    if (!hasId(person)) return [own];
    const key = this.#nameKey(person);
    return this.#idsByName.has(key) ? [own] : [own, `name:${key}`];
  }
}
