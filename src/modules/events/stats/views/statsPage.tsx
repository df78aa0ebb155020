import { useView } from '../../../../platform/views/context.ts';
import { CountsFigure } from '../../floor/views/countsTable.tsx';
import type { Cell, GroupStatistics } from '../counts.ts';
import type { EventStatistics } from '../statistics.ts';

const parts = ['registrations', 'speakers', 'floor'] as const;

/** How a cell reads: its number in the reader's locale, or "<5" when hidden. */
export function useShown() {
  const { t, locale } = useView();
  const format = new Intl.NumberFormat(locale);
  return (cell: Cell) => (cell.hidden ? t('events.stats.small', { n: 5 }) : format.format(cell.count));
}

function Part({ part, stats }: { part: (typeof parts)[number]; stats: GroupStatistics }) {
  const { t, groupLabel } = useView();
  const shown = useShown();
  const label = (dimension: string, key: string) => {
    if (key === 'unknown') return t('events.stats.unknown');
    if (dimension === 'stakeholder_group') return groupLabel(key);
    return t(`events.stats.${dimension}.${key}`);
  };
  const total = t('events.stats.total', { count: shown(stats.total) });
  return (
    <section aria-labelledby={`${part}-title`}>
      <h2 id={`${part}-title`}>{t(`events.stats.part.${part}`)}</h2>
      <p>{total}</p>
      {Object.entries(stats.by).map(([dimension, cells]) => (
        <CountsFigure id={`${part}-${dimension}`} title={t('events.stats.by', { part: t(`events.stats.part.${part}`), dimension: t(`events.stats.dimension.${dimension}`) })}
          total={total} rows={cells.map((c) => ({ key: dimension === 'stakeholder_group' ? c.key : `${dimension}-${c.key}`, label: label(dimension, c.key), shown: shown(c), count: c.hidden ? null : c.count }))} />
      ))}
    </section>
  );
}

/** `/events/<slug>/statistics`: who took part, as counts only. */
export function StatsPage({ event, stats }: { event: { slug: string; title: string }; stats: EventStatistics }) {
  const { t } = useView();
  return (
    <>
      <p><a href={`/events/${event.slug}`}>{t('events.stats.back', { title: event.title })}</a></p>
      <h1>{t('events.stats.title', { title: event.title })}</h1>
      <p class="hint">{t('events.stats.hint', { n: 5 })}</p>
      <p><a href={`/api/events/${event.slug}/statistics`}>{t('events.stats.json')}</a></p>
      <Part part="registrations" stats={stats.registrations} />
      <Part part="speakers" stats={stats.speakers} />
      <Part part="floor" stats={stats.floor} />
    </>
  );
}
