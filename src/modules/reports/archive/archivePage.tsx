import { useView } from '../../../platform/views/context.ts';
import { ChoiceField, SelectField } from '../../../platform/views/components.tsx';
import { countryOptions, languageOptions } from '../../../platform/views/options.ts';
import { languageName, locales } from '../../../platform/i18n/index.ts';
import { archivePageSize, type ArchiveChoices, type ArchiveFilters, type ArchiveItem, type ArchiveQuery } from './query.ts';

/** How many pages the results fill (one, even when empty). */
export const pageCount = (total: number) => Math.max(1, Math.ceil(total / archivePageSize));

/** The archive's query string, keeping the filters: for a page, an export or a feed. */
export function archiveHref(path: string, filters: ArchiveFilters & { page?: number }): string {
  const params = new URLSearchParams();
  for (const key of ['initiative', 'country', 'year', 'track', 'language'] as const) {
    const value = filters[key];
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  for (const group of filters.group) params.append('group', group);
  if (filters.page && filters.page > 1) params.set('page', String(filters.page));
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

function Filters({ query, choices }: { query: ArchiveQuery; choices: ArchiveChoices }) {
  const { t, locale, stakeholders } = useView();
  const any = t('reports.archive.any');
  return (
    <form method="get" action="/reports" class="filters" role="search" aria-label={t('reports.archive.filters')}>
      <SelectField name="initiative" label={t('reports.archive.initiative')} blank={any} value={query.initiative}
        options={choices.initiatives.map((i) => ({ value: i.slug, label: i.name }))} />
      <SelectField name="country" label={t('reports.archive.country')} blank={any} value={query.country} options={countryOptions(locale)} />
      <SelectField name="year" label={t('reports.archive.year')} blank={any} value={query.year ? String(query.year) : undefined}
        options={choices.years.map((y) => ({ value: String(y), label: String(y) }))} />
      {choices.tracks.length > 0 && (
        <SelectField name="track" label={t('reports.archive.track')} blank={any} value={query.track} options={choices.tracks.map((v) => ({ value: v, label: v }))} />
      )}
      <SelectField name="language" label={t('reports.archive.language')} blank={any} value={query.language} options={languageOptions(locales, locale)} />
      <ChoiceField type="checkbox" name="group" label={t('reports.archive.groups')} hint={t('reports.archive.groups_hint')} value={query.group}
        options={stakeholders.groups.map((g) => ({ value: g, label: t(stakeholders.labelKey(g)) }))} />
      <div class="field"><button type="submit">{t('reports.archive.apply')}</button></div>
    </form>
  );
}

function Pager({ query, total }: { query: ArchiveQuery; total: number }) {
  const { t } = useView();
  const pages = pageCount(total);
  if (pages === 1) return null;
  return (
    <nav aria-label={t('common.pagination.label')}>
      <ul class="pager">
        {query.page > 1 && <li><a href={archiveHref('/reports', { ...query, page: query.page - 1 })} rel="prev">{t('common.pagination.previous')}</a></li>}
        <li aria-current="page">{t('common.pagination.page_of', { page: query.page, pages })}</li>
        {query.page < pages && <li><a href={archiveHref('/reports', { ...query, page: query.page + 1 })} rel="next">{t('common.pagination.next')}</a></li>}
      </ul>
    </nav>
  );
}

/** One published report in the list: what a reader needs to choose it. */
export function ArchiveEntry({ item }: { item: ArchiveItem }) {
  const { t, locale } = useView();
  return (
    <li>
      <h3 lang={item.language}><a href={`/reports/${item.report_id}`}>{item.title}</a></h3>
      <p>
        <a href={`/initiatives/${item.initiative.slug}`}>{item.initiative.name}</a>
        {' · '}<time datetime={item.held_on}>{t('reports.archive.held_on', { date: item.held_on })}</time>
        {' · '}{t('reports.archive.in_language', { language: languageName(item.language, locale) })}
        {item.track && <>{' · '}{item.track}</>}
      </p>
    </li>
  );
}

/** `/reports`: the public archive of published session reports. */
export function ArchivePage({ query, total, items, choices }: { query: ArchiveQuery; total: number; items: ArchiveItem[]; choices: ArchiveChoices }) {
  const { t } = useView();
  return (
    <>
      <p><a href="/initiatives">{t('reports.archive.back')}</a></p>
      <h1>{t('reports.archive.title')}</h1>
      <p>{t('reports.archive.intro')}</p>
      <form method="get" action="/search" role="search" aria-label={t('reports.archive.search')} class="filters">
        <input type="hidden" name="kind" value="report" />
        <div class="field">
          <label for="archive-q">{t('reports.archive.search')}</label>
          <input id="archive-q" type="search" name="q" maxlength={200} />
        </div>
        <div class="field"><button type="submit">{t('reports.archive.search_button')}</button></div>
      </form>
      <Filters query={query} choices={choices} />
      <h2 id="results" aria-live="polite">{t('reports.archive.results', { count: total })}</h2>
      {items.length === 0 ? (
        <p>{t('reports.archive.none')} <a href="/reports">{t('reports.archive.clear')}</a></p>
      ) : (
        <ul class="cards archive" aria-labelledby="results">{items.map((item) => <ArchiveEntry item={item} />)}</ul>
      )}
      <Pager query={query} total={total} />
      <section aria-labelledby="downloads-title">
        <h2 id="downloads-title">{t('reports.archive.downloads')}</h2>
        <ul>
          <li><a href={archiveHref('/reports.csv', { ...query, page: 1 })}>{t('reports.archive.csv')}</a></li>
          <li><a href={archiveHref('/reports.json', { ...query, page: 1 })}>{t('reports.archive.json')}</a></li>
          <li><a href={archiveHref('/reports.atom', { ...query, page: 1 })} type="application/atom+xml">{t('reports.archive.feed')}</a></li>
          <li><a href="/api/openapi.json">{t('reports.archive.api')}</a></li>
        </ul>
      </section>
    </>
  );
}
