import { gridItems, jurisdictions, kinds, ratings } from './grid.ts';
import type { ListFilters } from './queries.ts';

const known = (values: readonly string[], value: string | undefined) => (value && values.includes(value) ? value : undefined);

/** The list's filters from a query string: unknown values are ignored, as a list's filters are links people edit. */
export function listFilters(read: (name: string) => string | undefined): ListFilters {
  return {
    jurisdiction: known(jurisdictions, read('jurisdiction')), kind: known(kinds, read('kind')),
    item: known(gridItems, read('item')), rating: known(ratings, read('rating')),
  };
}
