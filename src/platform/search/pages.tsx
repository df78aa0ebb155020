import type { Hono } from 'hono';
import { raw } from 'hono/html';
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv, Services } from '../http/env.ts';
import { page } from '../http/context.ts';
import { problemResponse } from '../http/openapi.ts';
import { languageName, type Locale } from '../i18n/index.ts';
import { countryName } from '../geo/countryName.ts';
import { useView } from '../views/context.ts';
import { TextField } from '../views/components.tsx';
import { countedMatches, facetNames, rankedMatches, search, type FacetCount, type FacetName, type SearchResults, type SearchSource } from './index.ts';

export const searchPageSize = 20;
/** Beyond this page, a person refines the query instead. */
const lastPage = 500;

const text = (max: number) => z.preprocess((v) => (typeof v === 'string' ? v.slice(0, max) : undefined), z.string().optional());
const token = z.string().max(100).regex(/^[\p{L}\p{N}_.:-]+$/u).optional().catch(undefined);

/** The page's query: anything odd is dropped rather than refused, so a link never breaks. */
const SearchPageQuery = z.object({
  q: text(200),
  kind: token,
  initiative: token,
  country: z.string().regex(/^[A-Za-z]{2}$/).transform((v) => v.toUpperCase()).optional().catch(undefined),
  language: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/).optional().catch(undefined),
  year: z.coerce.number().int().min(1900).max(2200).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(lastPage).default(1).catch(1),
});
type SearchPageQuery = z.output<typeof SearchPageQuery>;

function href(query: SearchPageQuery, changes: Partial<SearchPageQuery>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...query, page: 1, ...changes })) {
    if (value === undefined || value === '' || (key === 'page' && value === 1)) continue;
    params.set(key, String(value));
  }
  return `/search?${params}`;
}

/** The form at the top of the page: the words, and the filters chosen (kept as hidden fields). */
function SearchForm({ query }: { query: SearchPageQuery }) {
  const { t } = useView();
  return (
    <form method="get" action="/search" role="search" class="filters search-form" aria-label={t('common.search.title')}>
      <TextField name="q" type="search" label={t('common.search.query')} value={query.q ?? ''} maxlength={200} hint={t('common.search.hint')} />
      {facetNames.map((facet) => query[facet] !== undefined && <input type="hidden" name={facet} value={String(query[facet])} />)}
      <div class="field"><button type="submit">{t('common.search.submit')}</button></div>
    </form>
  );
}

function Facets({ query, results, label }: { query: SearchPageQuery; results: SearchResults; label: (facet: FacetName, f: FacetCount) => string }) {
  const { t } = useView();
  // Each initiative is its own value of the initiative facet: listed for initiatives alone, it would only repeat the results.
  const repeatsResults = (facet: FacetName) => facet === 'initiative' && results.facets.initiative.every((f) => f.count === 1);
  const groups = facetNames.filter((facet) => query[facet] !== undefined || (results.facets[facet].length > 0 && !repeatsResults(facet)));
  if (groups.length === 0) return null;
  return (
    <nav aria-labelledby="facets-title" class="facets">
      <h2 id="facets-title">{t('common.search.facets')}</h2>
      {groups.map((facet) => (
        <section aria-labelledby={`facet-${facet}`}>
          <h3 id={`facet-${facet}`}>{t(`common.search.facet.${facet}`)}</h3>
          <ul>
            {results.facets[facet].slice(0, 12).map((f) => {
              const chosen = String(query[facet] ?? '') === f.value;
              const name = label(facet, f);
              return (
                <li>
                  {chosen ? (
                    <a href={href(query, { [facet]: undefined })} aria-current="true">
                      {t('common.search.remove_filter', { value: name })}
                    </a>
                  ) : (
                    <a href={href(query, { [facet]: facet === 'year' ? Number(f.value) : f.value })}>{name}</a>
                  )}{' '}
                  <span class="meta">({f.count})</span>
                </li>
              );
            })}
          </ul>
        </section>
      ))}
    </nav>
  );
}

function Pager({ query, total }: { query: SearchPageQuery; total: number }) {
  const { t } = useView();
  const pages = Math.min(lastPage, Math.max(1, Math.ceil(total / searchPageSize)));
  if (pages === 1) return null;
  return (
    <nav aria-label={t('common.pagination.label')}>
      <ul class="pager">
        {query.page > 1 && <li><a href={href(query, { page: query.page - 1 })} rel="prev">{t('common.pagination.previous')}</a></li>}
        <li aria-current="page">{t('common.pagination.page_of', { page: query.page, pages })}</li>
        {query.page < pages && <li><a href={href(query, { page: query.page + 1 })} rel="next">{t('common.pagination.next')}</a></li>}
      </ul>
    </nav>
  );
}

function SearchPage({ query, results, kinds }: { query: SearchPageQuery; results: SearchResults | null; kinds: Map<string, string> }) {
  const { t, locale } = useView();
  const label = (facet: FacetName, f: FacetCount): string => {
    if (facet === 'kind') return kinds.has(f.value) ? t(kinds.get(f.value)!) : f.value;
    if (facet === 'country') return countryName(f.value, locale);
    if (facet === 'language') return languageName(f.value, locale as Locale);
    return f.label ?? f.value;
  };
  const filtered = facetNames.some((facet) => query[facet] !== undefined);
  return (
    <>
      <p><a href="/">{t('common.layout.back_home')}</a></p>
      <h1>{t('common.search.title')}</h1>
      <SearchForm query={query} />
      {results === null ? (
        <p>{t('common.search.empty')}</p>
      ) : (
        <div class="search-results">
          <section aria-labelledby="results">
            <h2 id="results">{t(results.more ? 'common.search.results_more' : 'common.search.results', { count: results.total, q: query.q ?? '' })}</h2>
            {results.total > results.ranked && <p>{t('common.search.broad', { ranked: results.ranked })}</p>}
            {results.items.length === 0 ? (
              <p>
                {t('common.search.none')}
                {filtered && <> <a href={`/search?${new URLSearchParams({ q: query.q ?? '' })}`}>{t('common.search.clear_filters')}</a></>}
              </p>
            ) : (
              <ol class="results" start={(query.page - 1) * searchPageSize + 1}>
                {results.items.map((item) => (
                  <li>
                    <h3><a href={item.url}>{item.title}</a></h3>
                    <p class="meta">
                      {label('kind', { value: item.kind, label: null, count: 0 })} · {languageName(item.language, locale as Locale)}
                    </p>
                    {item.snippet && <p lang={item.language}>{raw(item.snippet)}</p>}
                  </li>
                ))}
              </ol>
            )}
            <Pager query={query} total={results.total} />
          </section>
          <Facets query={query} results={results} label={label} />
        </div>
      )}
    </>
  );
}

const SearchItem = z
  .object({
    kind: z.string().openapi({ example: 'initiative' }),
    title: z.string(),
    url: z.string().openapi({ description: 'Absolute address of the page' }),
    snippet: z.string().openapi({ description: 'HTML: the matching passage, escaped, with the matching words in <mark>' }),
    language: z.string().openapi({ description: 'BCP 47 language of the snippet', example: 'es' }),
  })
  .openapi('SearchItem');

const SearchList = z
  .object({
    total: z.number().int().openapi({ description: `Matches, counted up to ${countedMatches}` }),
    more: z.boolean().openapi({ description: `More than ${countedMatches} match: counting stopped` }),
    items: z.array(SearchItem),
  })
  .openapi('SearchResults');

const ApiQuery = z.object({
  q: z.string().max(200).optional().openapi({
    description: 'Words in any of es, en, pt, fr (accents and case do not matter); "an exact phrase" in double quotes',
    example: 'financiacion',
  }),
  kind: z.string().max(100).optional().openapi({ example: 'initiative' }),
  lang: z.string().max(35).regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/).optional().openapi({ description: 'Only documents with text in this language', example: 'fr' }),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).max(10_000).default(0),
});

/** `/search` and `GET /api/search`: every module's search sources, as the visitor may see them. */
export function searchPages(app: Hono<AppEnv>, services: Services, sources: readonly SearchSource[]): void {
  const kinds = new Map(sources.map((s) => [s.kind, s.label]));
  app.get('/search', async (c) => {
    const query = SearchPageQuery.parse(c.req.query());
    const t = c.get('t');
    const q = query.q?.trim();
    const results = q
      ? await search(services.db, sources, c.get('actor'), {
          q, kind: query.kind, initiative: query.initiative, country: query.country, language: query.language, year: query.year,
          limit: searchPageSize, offset: (query.page - 1) * searchPageSize, locale: c.get('locale'), facets: true,
        })
      : null;
    const title = q ? t('common.search.title_for', { q }) : t('common.search.title');
    return page(c, title, <SearchPage query={{ ...query, q }} results={results} kinds={kinds} />);
  });
}

export function searchApi(api: OpenAPIHono<AppEnv>, services: Services, sources: readonly SearchSource[]): void {
  api.openapi(
    createRoute({
      method: 'get', path: '/search', summary: 'Search every kind of content in four languages',
      description: `Results the caller may see, best first (title matches above text matches, recent first among equals). When more than ${rankedMatches} match, the ${rankedMatches} most recent are ranked and the others follow, most recent first.`,
      request: { query: ApiQuery },
      responses: { 200: { description: 'A page of results', content: { 'application/json': { schema: SearchList } } }, 422: problemResponse('Invalid query') },
    }),
    async (c) => {
      const { q, kind, lang, limit, offset } = c.req.valid('query');
      const results = q?.trim()
        ? await search(services.db, sources, c.get('actor'), { q, kind, language: lang, limit, offset, locale: c.get('locale') })
        : { total: 0, more: false, items: [] };
      const items = results.items.map((i) => ({ kind: i.kind, title: i.title, url: `${services.config.baseUrl}${i.url}`, snippet: i.snippet, language: i.language }));
      return c.json({ total: results.total, more: results.more, items }, 200);
    },
  );
}
