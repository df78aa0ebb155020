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

/** Accented Latin letters (U+00C0–U+024F) that fold to plain ASCII letters, by code − 0xC0: "É" → "e". */
const latin: (string | undefined)[] = [];
for (let code = 0xc0; code <= 0x24f; code++) {
  const folded = fold(String.fromCharCode(code));
  latin[code - 0xc0] = /^[a-z]+$/.test(folded) ? folded : undefined;
}

/** Where the one-pass fold writes its characters, reused so that folding a name allocates only the answer. */
let buffer = new Uint16Array(256);

/**
 * Lower case, no accents, words separated by one space: "  María-José PÉREZ " → "maria jose perez".
 * It runs for every person of a program on every check, so Latin text is folded in one pass over
 * its characters; anything else (another script, "ß", "ø") takes the full fold, which gives the
 * same answer more slowly.
 */
export function normaliseText(text: string | null | undefined): string {
  if (!text) return '';
  if (text.length > 4096) return fold(text);
  if (buffer.length < text.length * 2) buffer = new Uint16Array(text.length * 2);
  let length = 0;
  let gap = false;
  for (let i = 0; i < text.length; i++) {
    let code = text.charCodeAt(i);
    let several: string | undefined;
    if (code < 0x80) {
      if (code >= 0x41 && code <= 0x5a) code += 0x20;
      else if (!((code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39))) {
        gap = length > 0;
        continue;
      }
    } else if (code >= 0x300 && code <= 0x36f) {
      continue; // a combining accent: part of the letter before it
    } else {
      const mapped = code >= 0xc0 && code <= 0x24f ? latin[code - 0xc0] : undefined;
      if (mapped === undefined) return fold(text);
      if (mapped.length === 1) code = mapped.charCodeAt(0);
      else several = mapped;
    }
    if (gap) {
      buffer[length++] = 0x20;
      gap = false;
    }
    if (several === undefined) buffer[length++] = code;
    else for (let j = 0; j < several.length; j++) buffer[length++] = several.charCodeAt(j);
  }
  return String.fromCharCode.apply(null, buffer.subarray(0, length) as unknown as number[]);
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
  /** Name key → the one id seen with it, or null when several were (namesakes). */
  readonly #idByName = new Map<string, string | null>();
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
      const known = this.#idByName.get(key);
      if (known === undefined) this.#idByName.set(key, person.id);
      else if (known !== person.id) this.#idByName.set(key, null);
    }
  }

  /** The key naming this person. */
  keyOf(person: PersonRef): string {
    if (hasId(person)) return `id:${person.id}`;
    const key = this.#nameKey(person);
    const id = this.#idByName.get(key);
    return id ? `id:${id}` : `name:${key}`;
  }

  /**
   * The keys under which an index that did not know this record filed the same person: a person
   * with an id is also the name-only records of their name when the index knew no id for that name.
   */
  aliasesOf(person: PersonRef): string[] {
    const own = this.keyOf(person);
    if (!hasId(person)) return [own];
    const key = this.#nameKey(person);
    return this.#idByName.has(key) ? [own] : [own, `name:${key}`];
  }
}
