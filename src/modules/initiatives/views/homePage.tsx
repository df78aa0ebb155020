import { useView } from '../../../platform/views/context.ts';
import { RegistryOverviewSection } from './map.tsx';
import type { RegistryOverview } from '../queries.ts';

/** `/`: what Cabildo is, and the portal of listed initiatives. */
export function HomePage({ overview }: { overview: RegistryOverview }) {
  const { t, actor } = useView();
  return (
    <>
      <h1>{t('initiatives.home.title')}</h1>
      <p>{t('initiatives.home.intro')}</p>
      <p>{t('initiatives.home.portal', { count: overview.total })}</p>
      <p>
        <a class="button" href="/initiatives">{t('initiatives.home.browse')}</a>{' '}
        <a href={actor.user ? '/initiatives/new' : '/signup'}>{t('initiatives.home.register')}</a>
      </p>
      <RegistryOverviewSection overview={overview} />
    </>
  );
}
