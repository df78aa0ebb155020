import { useView } from '../../../platform/views/context.ts';
import type { InitiativeSummary } from '../queries.ts';
import { placeNames, regionLabel, typeLabel } from './labels.ts';

/** One initiative in a list: name, type, place and status. */
export function InitiativeCard({ initiative, note }: { initiative: InitiativeSummary; note?: string }) {
  const { t, locale } = useView();
  return (
    <li>
      <h3><a href={`/initiatives/${initiative.slug}`}>{initiative.name}</a></h3>
      <p class="meta">
        {[initiative.acronym, typeLabel(t, initiative.type), regionLabel(t, initiative.region)].filter(Boolean).join(' · ')}
      </p>
      {initiative.countries.length > 0 && <p class="meta">{placeNames(initiative.countries, locale)}</p>}
      <p class="meta">
        {initiative.year_established !== null && t('initiatives.card.since', { year: String(initiative.year_established) })}{' '}
        {initiative.status !== 'listed' && <span class="badge">{t(`initiatives.status.${initiative.status}`)}</span>}
      </p>
      {note && <p class="meta">{note}</p>}
    </li>
  );
}
