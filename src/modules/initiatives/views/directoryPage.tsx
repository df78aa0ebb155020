import { useView } from '../../../platform/views/context.ts';
import { Pager, SelectField, TextField } from '../../../platform/views/components.tsx';
import { countryOptions, languageOptions } from '../../../platform/views/options.ts';
import type { DirectoryQuery } from '../schema.ts';
import { directorySorts } from '../schema.ts';
import type { InitiativeSummary, RegistryOverview } from '../queries.ts';
import { commonLanguages, initiativeTypes, regions, statusFilters } from '../vocabulary.ts';
import { InitiativeCard } from './initiativeCard.tsx';
import { RegistryOverviewSection } from './map.tsx';

export const directoryPageSize = 20;

/** How many pages the results fill (one, even when empty). */
export function pageCount(total: number): number {
  return Math.max(1, Math.ceil(total / directoryPageSize));
}

interface Props {
  query: DirectoryQuery;
  total: number;
  items: InitiativeSummary[];
  overview: RegistryOverview;
}

/** The directory's query string for a page, keeping the filters. */
export function pageHref(query: DirectoryQuery, page: number): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...query, page })) {
    if (value === undefined || value === '' || (key === 'page' && value === 1) || (key === 'status' && value === 'listed') || (key === 'sort' && value === 'name')) continue;
    params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `/initiatives?${search}` : '/initiatives';
}

function Filters({ query }: { query: DirectoryQuery }) {
  const { t, locale } = useView();
  const any = t('initiatives.directory.any');
  return (
    <form method="get" action="/initiatives" class="filters" role="search" aria-label={t('initiatives.directory.filters')}>
      <TextField name="q" type="search" label={t('initiatives.directory.search')} value={query.q ?? ''} maxlength={100} />
      <SelectField name="type" label={t('initiatives.fields.type')} blank={any} value={query.type}
        options={initiativeTypes.map((v) => ({ value: v, label: t(`initiatives.type.${v}`) }))} />
      <SelectField name="region" label={t('initiatives.fields.region')} blank={any} value={query.region}
        options={regions.map((v) => ({ value: v, label: t(`initiatives.region.${v}`) }))} />
      <SelectField name="country" label={t('initiatives.fields.country')} blank={any} value={query.country} options={countryOptions(locale)} />
      <SelectField name="language" label={t('initiatives.fields.language')} blank={any} value={query.language}
        options={languageOptions(commonLanguages, locale)} />
      <SelectField name="status" label={t('initiatives.fields.status')} value={query.status}
        options={Object.keys(statusFilters).map((v) => ({ value: v, label: t(`initiatives.status_filter.${v}`) }))} />
      <SelectField name="sort" label={t('initiatives.directory.sort')} value={query.sort}
        options={directorySorts.map((v) => ({ value: v, label: t(`initiatives.sort.${v}`) }))} />
      <div class="field"><button type="submit">{t('initiatives.directory.apply')}</button></div>
    </form>
  );
}


/** `/initiatives`: filters, results, map and counts. */
export function DirectoryPage({ query, total, items, overview }: Props) {
  const { t } = useView();
  const csv = pageHref({ ...query, page: 1 }, 1).replace('/initiatives', '/initiatives.csv');
  return (
    <>
      <h1>{t('initiatives.directory.title')}</h1>
      <Filters query={query} />
      <h2 id="results" aria-live="polite">{t('initiatives.directory.results', { count: total })}</h2>
      {items.length === 0 ? (
        <p>{t('initiatives.directory.none')} <a href="/initiatives">{t('initiatives.directory.clear')}</a></p>
      ) : (
        <ul class="cards" aria-labelledby="results">
          {items.map((initiative) => <InitiativeCard initiative={initiative} />)}
        </ul>
      )}
      <Pager page={query.page} pages={pageCount(total)} href={(page) => pageHref(query, page)} />
      <p>
        <a href={csv}>{t('initiatives.directory.download_csv')}</a> · <a href="/api/initiatives">{t('initiatives.directory.api')}</a>
      </p>
      <RegistryOverviewSection overview={overview} />
    </>
  );
}
