import { useView } from '../../../platform/views/context.ts';
import { WorldMap } from '../../../platform/views/charts/worldMap.tsx';
import { countryName } from '../../../platform/geo/countryName.ts';
import type { RegistryOverview } from '../queries.ts';

/** The map of listed initiatives; each shaded country links to the directory filtered by it. */
function InitiativesMap({ counts }: { counts: ReadonlyMap<string, number> }) {
  const { t, locale } = useView();
  return (
    <WorldMap
      counts={counts}
      hrefFor={(code) => `/initiatives?country=${code}`}
      labelFor={(code, count) => t('initiatives.map.country', { country: countryName(code, locale), count })}
      title={t('initiatives.map.title')}
      legendLabels={{ zero: t('initiatives.map.zero'), one: t('initiatives.map.one'), many: t('initiatives.map.many') }}
    />
  );
}

/** Counts of listed initiatives by type and by region, each linking to the directory filtered by it. */
function RegistryCounts({ byType, byRegion }: { byType: Map<string | null, number>; byRegion: Map<string | null, number> }) {
  const { t } = useView();
  const entries = (map: Map<string | null, number>) => [...map.entries()].sort((a, b) => b[1] - a[1]);
  // "Type: 3", "Type : 3" in French: the catalog's own punctuation around a linked label.
  const separator = t('common.format.labelled', { label: '', value: '' });
  return (
    <div class="stats">
      <section aria-labelledby="counts-by-type">
        <h3 id="counts-by-type">{t('initiatives.counts.by_type')}</h3>
        <ul>
          {entries(byType).map(([type, n]) => (
            <li><a href={`/initiatives?type=${type}`}>{t(`initiatives.type.${type}`)}</a>{separator}{n}</li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="counts-by-region">
        <h3 id="counts-by-region">{t('initiatives.counts.by_region')}</h3>
        <ul>
          {entries(byRegion).map(([region, n]) => (
            <li>
              {region ? <a href={`/initiatives?region=${region}`}>{t(`initiatives.region.${region}`)}</a> : t('initiatives.region.none')}{separator}{n}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}

/** The map and the counts, as the home page and the directory show them. */
export function RegistryOverviewSection({ overview }: { overview: RegistryOverview }) {
  const { t } = useView();
  return (
    <>
      <h2>{t('initiatives.map.title')}</h2>
      <InitiativesMap counts={overview.byCountry} />
      <h2>{t('initiatives.counts.title')}</h2>
      <RegistryCounts byType={overview.byType} byRegion={overview.byRegion} />
    </>
  );
}
