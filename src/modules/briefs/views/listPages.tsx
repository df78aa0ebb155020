import { useView } from '../../../platform/views/context.ts';
import { Pager, SelectField } from '../../../platform/views/components.tsx';
import { gridItems, kinds, ratings } from '../grid.ts';
import type { ListedBrief, ListFilters } from '../queries.ts';
import { WordDiff, type DiffPart } from '../../../platform/views/wordDiff.tsx';
import { useJurisdiction, useJurisdictionOptions } from './common.tsx';

/** `/briefs`: published briefs, filtered by a GET form (no script). */
export function BriefListPage(props: { filters: ListFilters; items: ListedBrief[]; total: number; page: number; pages: number; query: URLSearchParams; canStart: boolean }) {
  const { t } = useView();
  const jurisdiction = useJurisdiction();
  const jurisdictions = useJurisdictionOptions();
  const { filters } = props;
  const pageHref = (page: number) => {
    const q = new URLSearchParams(props.query);
    q.set('page', String(page));
    return `/briefs?${q}`;
  };
  return (
    <>
      <nav aria-label={t('briefs.page.breadcrumb')}><p><a href="/">{t('briefs.list.home')}</a></p></nav>
      <h1>{t('briefs.list.title')}</h1>
      <p>{t('briefs.list.intro')}</p>
      {props.canStart && <p><a href="/briefs/new">{t('briefs.list.start')}</a> · <a href="/my/briefs">{t('briefs.mine.title')}</a></p>}
      <form method="get" action="/briefs" class="filters" aria-labelledby="filters-title">
        <h2 id="filters-title">{t('briefs.list.filters')}</h2>
        <SelectField name="jurisdiction" label={t('briefs.field.jurisdiction')} blank={t('briefs.list.any')} value={filters.jurisdiction} options={jurisdictions} />
        <SelectField name="kind" label={t('briefs.field.kind')} blank={t('briefs.list.any')} value={filters.kind} options={kinds.map((k) => ({ value: k, label: t(`briefs.kind.${k}`) }))} />
        <SelectField name="rating" label={t('briefs.list.rating')} blank={t('briefs.list.any')} value={filters.rating} options={ratings.map((r) => ({ value: r, label: t(`briefs.rating.${r}`) }))} />
        <SelectField name="item" label={t('briefs.list.item')} hint={t('briefs.list.item_hint')} blank={t('briefs.list.any_item')} value={filters.item} options={gridItems.map((i) => ({ value: i, label: t(`briefs.item.${i}.name`) }))} />
        <button type="submit">{t('briefs.list.apply')}</button>
      </form>
      <h2>{t('briefs.list.results', { count: props.total })}</h2>
      {props.items.length === 0 ? <p>{t('briefs.list.none')}</p> : (
        <ul class="brief-list">
          {props.items.map((b) => (
            <li>
              <a href={`/briefs/${b.id}`} lang={b.language}>{b.title}</a>
              <br />{t(`briefs.kind.${b.kind}`)} · {jurisdiction(b.jurisdiction)} · {t(`briefs.stage.${b.stage}`)} · {t('briefs.page.version', { version: b.version })}
            </li>
          ))}
        </ul>
      )}
      <Pager page={props.page} pages={props.pages} href={pageHref} />
      <p><a href="/api/briefs">{t('briefs.list.api')}</a></p>
    </>
  );
}

/** `/my/briefs`: the briefs the visitor writes. */
export function MyBriefsPage({ briefs, reviews }: { briefs: Array<{ id: string; title: string; status: string; version: number }>; reviews: Array<{ id: string; title: string; reviewed: boolean }> }) {
  const { t } = useView();
  return (
    <>
      <nav aria-label={t('briefs.page.breadcrumb')}><p><a href="/briefs">{t('briefs.page.back')}</a></p></nav>
      <h1>{t('briefs.mine.title')}</h1>
      {briefs.length > 0
        ? <ul>{briefs.map((b) => <li><a href={`/briefs/${b.id}?view=draft`}>{b.title}</a> ({t(`briefs.status.${b.status}`)}{b.version > 0 ? `, ${t('briefs.page.version', { version: b.version })}` : ''})</li>)}</ul>
        : <p>{t('briefs.mine.none')}</p>}
      <p><a href="/briefs/new">{t('briefs.list.start')}</a></p>
      {reviews.length > 0 && (
        <section aria-labelledby="reviews-asked">
          <h2 id="reviews-asked">{t('briefs.mine.reviews')}</h2>
          <ul>{reviews.map((r) => <li><a href={`/briefs/${r.id}?view=draft#reviews-title`}>{r.title}</a> ({t(r.reviewed ? 'briefs.mine.reviewed' : 'briefs.mine.to_review')})</li>)}</ul>
        </section>
      )}
    </>
  );
}

export interface ShownVersion {
  version: number;
  published_at: string;
  snapshot_sha256: string;
  diff: DiffPart[] | null;
}

/** `/briefs/<id>/versions`: every published version and what changed, word by word. */
export function VersionsPage({ brief, versions }: { brief: { id: string; title: string; language: string }; versions: ShownVersion[] }) {
  const { t } = useView();
  return (
    <>
      <nav aria-label={t('briefs.page.breadcrumb')}><p><a href={`/briefs/${brief.id}`}>{t('briefs.edit.back', { title: brief.title })}</a></p></nav>
      <h1>{t('briefs.versions.title', { title: brief.title })}</h1>
      <p>{t('briefs.versions.intro')}</p>
      {[...versions].reverse().map((v) => (
        <section aria-labelledby={`version-${v.version}`}>
          <h2 id={`version-${v.version}`}>{t('briefs.page.version', { version: v.version })}</h2>
          <p>{t('briefs.versions.published_at', { at: v.published_at.slice(0, 16).replace('T', ' ') })}</p>
          <p class="hint">{t('briefs.versions.hash')} <code>{v.snapshot_sha256}</code></p>
          {v.diff && <WordDiff diff={v.diff} language={brief.language} legend={t('briefs.versions.legend')} />}
        </section>
      ))}
    </>
  );
}
