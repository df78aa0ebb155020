import { useView } from '../../../platform/views/context.ts';
import { languageName } from '../../../platform/i18n/index.ts';
import { gridItems, isProperty, perspectives } from '../grid.ts';
import type { VersionRow } from '../queries.ts';
import { BriefChart } from './chart.tsx';
import { useJurisdiction } from './common.tsx';

/**
 * `/briefs/<id>/print`: the latest published version on paper (docs/decisions/036). The site's
 * print rules leave out the header, the footer and the way back; what remains is the brief: its
 * facts and authors, the chart, the whole grid as one table, and where to check it (its version's
 * entry in the transparency log, written out so the address survives printing).
 */
export function PrintPage({ version, baseUrl }: { version: VersionRow; baseUrl: string }) {
  const { t, groupLabel, locale } = useView();
  const jurisdiction = useJurisdiction();
  const brief = version.snapshot;
  const lang = brief.language;
  const logEntry = version.log_index === null ? null : `${baseUrl}/api/log/entries?start=${version.log_index}&end=${version.log_index}`;
  return (
    <article class="brief-print">
      <nav aria-label={t('briefs.page.breadcrumb')} class="no-print"><p><a href={`/briefs/${brief.id}`}>{t('briefs.edit.back', { title: brief.title })}</a></p></nav>
      <p class="meta">{t('briefs.print.kicker')}</p>
      <h1 lang={lang}>{brief.title}</h1>
      <p>{t('briefs.page.version', { version: version.version })} · {t(`briefs.stage.${brief.stage}`)} · {t('briefs.versions.published_at', { at: version.published_at.slice(0, 16).replace('T', ' ') })}</p>
      <dl class="facts">
        <dt>{t('briefs.field.kind')}</dt><dd>{t(`briefs.kind.${brief.kind}`)}</dd>
        <dt>{t('briefs.field.jurisdiction')}</dt><dd>{jurisdiction(brief.jurisdiction)}</dd>
        <dt>{t('briefs.field.language')}</dt><dd>{languageName(lang, locale)}</dd>
      </dl>
      <dl>
        <dt>{t('briefs.page.authors')}</dt>
        <dd>{brief.authors.map((a, i) => <>{i > 0 ? '; ' : ''}{a.name}{a.stakeholder_group ? ` (${groupLabel(a.stakeholder_group)})` : ''}</>)}</dd>
        <dt>{t('briefs.print.address')}</dt><dd><a href={`/briefs/${brief.id}`}>{`${baseUrl}/briefs/${brief.id}`}</a></dd>
        {logEntry && <><dt>{t('briefs.print.log_entry')}</dt><dd><a href={logEntry}>{logEntry}</a></dd></>}
        <dt>{t('briefs.versions.hash')}</dt><dd><code>{version.snapshot_sha256}</code></dd>
      </dl>
      {brief.summary && (
        <section aria-labelledby="summary-title">
          <h2 id="summary-title">{t('briefs.field.summary')}</h2>
          <p class="prose" lang={lang}>{brief.summary}</p>
        </section>
      )}
      <section aria-labelledby="chart-section">
        <h2 id="chart-section">{t('briefs.chart.heading')}</h2>
        <BriefChart grid={brief.grid} />
      </section>
      <section aria-labelledby="grid-title">
        <h2 id="grid-title">{t('briefs.grid.title')}</h2>
        <table class="stack">
          <caption class="visually-hidden">{t('briefs.grid.title')}</caption>
          <thead><tr><th scope="col">{t('briefs.grid.item')}</th><th scope="col">{t('briefs.grid.rating')}</th><th scope="col">{t('briefs.print.analysis')}</th></tr></thead>
          <tbody>
            {gridItems.map((item) => {
              const e = brief.grid[item];
              return (
                <tr>
                  <td data-label={t('briefs.grid.item')}>{t(`briefs.item.${item}.name`)} <span class="meta">({t(isProperty(item) ? 'briefs.grid.property' : 'briefs.grid.enabler')})</span></td>
                  <td data-label={t('briefs.grid.rating')}><strong>{e.rating ? t(`briefs.rating.${e.rating}`) : t('briefs.rating.missing')}</strong></td>
                  <td data-label={t('briefs.print.analysis')} lang={lang}>
                    {e.reasoning && <p class="prose">{e.reasoning}</p>}
                    {e.evidence && <p class="prose"><strong lang={locale}>{t('briefs.grid.evidence')}:</strong> {e.evidence}</p>}
                    {perspectives.filter((p) => e.notes[p]).map((p) => <p class="prose"><strong lang={locale}>{t(`briefs.perspective.${p}`)}:</strong> {e.notes[p]}</p>)}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>
      {brief.links.length > 0 && (
        <section aria-labelledby="links-title">
          <h2 id="links-title">{t('briefs.field.links')}</h2>
          <ul>{brief.links.map((href) => <li><a href={href} rel="nofollow noopener">{href}</a></li>)}</ul>
        </section>
      )}
    </article>
  );
}
