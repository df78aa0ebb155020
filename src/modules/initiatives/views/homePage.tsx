import { useView } from '../../../platform/views/context.ts';
import { InitiativesMap, RegistryCounts } from './map.tsx';

interface Props {
  counts: ReadonlyMap<string, number>;
  byType: Map<string | null, number>;
  byRegion: Map<string | null, number>;
  total: number;
}

/** `/`: what Cabildo is, and the portal of listed initiatives. */
export function HomePage({ counts, byType, byRegion, total }: Props) {
  const { t, actor } = useView();
  return (
    <>
      <h1>{t('initiatives.home.title')}</h1>
      <p>{t('initiatives.home.intro')}</p>
      <p>{t('initiatives.home.portal', { count: total })}</p>
      <p>
        <a class="button" href="/initiatives">{t('initiatives.home.browse')}</a>{' '}
        <a href={actor.user ? '/initiatives/new' : '/signup'}>{t('initiatives.home.register')}</a>
      </p>
      <h2>{t('initiatives.map.title')}</h2>
      <InitiativesMap counts={counts} />
      <h2>{t('initiatives.counts.title')}</h2>
      <RegistryCounts byType={byType} byRegion={byRegion} />
    </>
  );
}
