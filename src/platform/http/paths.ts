/**
 * The words of Cabildo's own addresses (`new` in /initiatives/new, `edit`, `secretariat`, …),
 * learnt from the routes when the app is built, so that a record's slug never takes one: an
 * initiative called "New" at /initiatives/new would be hidden behind the creation form, and a
 * route added later would hide a record that took its word first.
 */
const routeWords = new Set<string>();

/** Learns the fixed words of the given route paths (`/initiatives/:slug/edit` → initiatives, edit). */
export function learnRouteWords(routes: ReadonlyArray<{ path: string }>): void {
  for (const { path } of routes) {
    for (const segment of path.split('/')) {
      if (segment && !segment.startsWith(':') && !segment.includes('*')) routeWords.add(segment.toLowerCase());
    }
  }
}

/** Whether a word is one of the site's own address words, and so not a record's to take. */
export function isRouteWord(word: string): boolean {
  return routeWords.has(word.toLowerCase());
}
