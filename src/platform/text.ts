/** Lower-case text without accents, so "Financiación" and "financiacion" compare equal. */
export function foldForSearch(text: string): string {
  return text.normalize('NFD').replace(/\p{Mn}/gu, '').toLowerCase();
}

/** A url-safe slug from a name: "Mesa Colombiana de Gobernanza" → "mesa-colombiana-de-gobernanza". */
export function slugify(text: string, max = 60): string {
  const whole = foldForSearch(text)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return cutAtWord(whole, max) || 'initiative';
}

/** At most `max` characters, ending at a whole word ("…-de-internet", never "…-de-inter"); one word longer than that is cut. */
function cutAtWord(slug: string, max: number): string {
  if (slug.length <= max) return slug;
  const boundary = slug.lastIndexOf('-', max);
  return boundary > 0 ? slug.slice(0, boundary) : slug.slice(0, max);
}

/** Escapes LIKE wildcards so a search for "100%" means the text "100%". */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (ch) => `\\${ch}`);
}

/** A UTF-16 surrogate without its pair: no character at all, and not storable as UTF-8. */
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Whether text is a whole sequence of characters (String.prototype.isWellFormed, for Node 20's typings). */
export function isWellFormed(text: string): boolean {
  return !loneSurrogate.test(text);
}
