/**
 * Canonical JSON: one text for one value, so that its hash is the value's hash. Keys sorted (by
 * UTF-16 code units, as RFC 8785 does), no insignificant whitespace, strings and numbers as
 * ECMAScript's JSON.stringify writes them, encoded as UTF-8. A value that has no single JSON text
 * (a lone surrogate, NaN, -0, undefined, a Date, a Map, a cycle) is refused, never approximated.
 */
export class NotCanonical extends Error {}

const loneSurrogate = /\p{Cs}/u;
const maxDepth = 64;

export function canonicalJson(value: unknown): string {
  return write(value, '$', 0);
}

function write(value: unknown, path: string, depth: number): string {
  if (depth > maxDepth) throw new NotCanonical(`${path}: nested more than ${maxDepth} levels`);
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) throw new NotCanonical(`${path}: ${value} is not a JSON number`);
      if (Object.is(value, -0)) throw new NotCanonical(`${path}: -0 would be written as 0`);
      return JSON.stringify(value);
    case 'string':
      if (loneSurrogate.test(value)) throw new NotCanonical(`${path}: a lone surrogate cannot be written in UTF-8`);
      return JSON.stringify(value);
    case 'object': {
      if (Array.isArray(value)) {
        const items: string[] = [];
        for (let i = 0; i < value.length; i++) {
          if (!(i in value)) throw new NotCanonical(`${path}[${i}]: a hole in an array`);
          items.push(write(value[i], `${path}[${i}]`, depth + 1));
        }
        return `[${items.join(',')}]`;
      }
      const prototype = Object.getPrototypeOf(value);
      if (prototype !== Object.prototype && prototype !== null) throw new NotCanonical(`${path}: only plain objects have a JSON form`);
      const keys = Object.keys(value).sort();
      if (Object.getOwnPropertySymbols(value).length) throw new NotCanonical(`${path}: symbol keys have no JSON form`);
      return `{${keys
        .map((key) => {
          if (loneSurrogate.test(key)) throw new NotCanonical(`${path}: the key ${JSON.stringify(key)} holds a lone surrogate`);
          return `${JSON.stringify(key)}:${write((value as Record<string, unknown>)[key], `${path}.${key}`, depth + 1)}`;
        })
        .join(',')}}`;
    }
    default:
      // undefined, functions, symbols and bigints: JSON.stringify drops or refuses them; so do we, loudly.
      throw new NotCanonical(`${path}: a ${typeof value} has no JSON form`);
  }
}

/** Parses a text that must already be canonical (an entry read back from the log). */
export function parseCanonical(text: string): unknown {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new NotCanonical('not JSON');
  }
  if (canonicalJson(value) !== text) throw new NotCanonical('JSON, but not in its canonical form');
  return value;
}
