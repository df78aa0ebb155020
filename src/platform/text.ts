/** Lower-case text without accents, so "Financiación" and "financiacion" compare equal. */
export function foldForSearch(text: string): string {
  return text.normalize('NFD').replace(/\p{Mn}/gu, '').toLowerCase();
}

/** A url-safe slug from a name: "Mesa Colombiana de Gobernanza" → "mesa-colombiana-de-gobernanza". */
export function slugify(text: string): string {
  const slug = foldForSearch(text)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return slug || 'initiative';
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
