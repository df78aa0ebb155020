/**
 * Country names in the reader's language, from the runtime's CLDR data (`Intl.DisplayNames`),
 * so Cabildo ships no name tables and every locale Node knows works without a catalog entry.
 */
const cache = new Map<string, Intl.DisplayNames>();

/**
 * The name of the country with alpha-2 `code` in `locale` (BCP 47), e.g.
 * `countryName('CO', 'es')` → "Colombia". Falls back to the code itself when the runtime has
 * no name for it or the locale is invalid, so a page never fails over a name.
 */
export function countryName(code: string, locale: string): string {
  let names = cache.get(locale);
  if (!names) {
    try {
      names = new Intl.DisplayNames([locale, 'en'], { type: 'region', fallback: 'code' });
    } catch {
      names = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'code' });
    }
    cache.set(locale, names);
  }
  try {
    return names.of(code) ?? code;
  } catch {
    return code;
  }
}
