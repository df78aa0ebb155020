import { isWellFormed } from '../text.ts';

/** Where relative addresses are resolved to check them; never sent anywhere. */
const here = 'http://cabildo.invalid';

/**
 * Characters a `next` address may never hold: C0 controls, DEL and C1 controls (a Location header
 * may not carry them: Node refuses the whole response), the backslash (browsers read it as a
 * slash, so `/\evil.org` is another host), and bidi overrides and isolates (an address that
 * reads differently from what it is).
 */
const unsafe = /[\u0000-\u001F\u007F-\u009F\\\u202A-\u202E\u2066-\u2069]/;

/**
 * The one guard for every redirect to an address the visitor supplied (after login, a language
 * change, a notification): only a path on this site, and only in a form a Location header can
 * carry (plain ASCII, anything else percent-encoded); anything else goes to `fallback`.
 */
export function safeNext(next: string | undefined, fallback = '/'): string {
  if (!next || next.length > 2000 || !next.startsWith('/') || next.startsWith('//') || unsafe.test(next) || !isWellFormed(next)) {
    return fallback;
  }
  let url: URL;
  try {
    url = new URL(next, here);
  } catch {
    return fallback;
  }
  if (url.origin !== here) return fallback;
  // The serialised form is ASCII. The parser also removes dot segments, so `/.//evil.org` would
  // become `//evil.org`, an address on another host: check again what is actually sent.
  const path = url.pathname + url.search + url.hash;
  if (path.startsWith('//') || !/^[\u0021-\u007E]+$/.test(path)) return fallback;
  return path;
}
