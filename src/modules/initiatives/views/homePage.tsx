import { useView } from '../../../platform/views/context.ts';
import { formatDate } from '../../../platform/i18n/index.ts';
import { RegistryOverviewSection } from './map.tsx';
import { InitiativeCard } from './initiativeCard.tsx';
import type { InitiativeSummary, RegistryOverview } from '../queries.ts';

const steps = ['register', 'committee', 'recognition'] as const;

/** `/`: what Cabildo is, how an initiative gets listed, the newest recognised, and the portal. */
export function HomePage({ overview, recent }: { overview: RegistryOverview; recent: Array<InitiativeSummary & { recognised_at: string }> }) {
  const { t, actor, locale } = useView();
  return (
    <>
      <section class="hero" aria-labelledby="home-title">
        <h1 id="home-title">{t('initiatives.home.title')}</h1>
        <p class="lead">{t('initiatives.home.intro')}</p>
        <p class="lead">{t('initiatives.home.portal', { count: overview.total })}</p>
        <p class="actions">
          <a class="button" href="/initiatives">{t('initiatives.home.browse')}</a>
          <a class="button secondary" href={actor.user ? '/initiatives/new' : `/signup?next=${encodeURIComponent('/initiatives/new')}`}>{t('initiatives.home.register')}</a>
        </p>
      </section>
      <section aria-labelledby="steps-title">
        <h2 id="steps-title">{t('initiatives.home.steps_title')}</h2>
        <ol class="steps">
          {steps.map((step) => (
            <li>
              <h3>{t(`initiatives.home.step_${step}`)}</h3>
              <p>{t(`initiatives.home.step_${step}_text`)}</p>
            </li>
          ))}
        </ol>
      </section>
      {recent.length > 0 && (
        <section aria-labelledby="recent-title">
          <h2 id="recent-title">{t('initiatives.home.recent_title')}</h2>
          <ul class="cards">
            {recent.map((initiative) => (
              <InitiativeCard initiative={initiative} note={t('initiatives.home.recognised_on', { date: formatDate(initiative.recognised_at, locale) })} />
            ))}
          </ul>
        </section>
      )}
      <RegistryOverviewSection overview={overview} />
    </>
  );
}
