/**
 * The summary chart of a published brief, drawn on the server as SVG: one row per property and
 * enabler, a bar from the centre leftwards for a negative impact and rightwards for a positive
 * one (twice as long when strong), a diamond for none, a dashed box with "?" for unknown. Each
 * row's item and rating are written above its bar, so nothing depends on colour; negative bars are
 * hatched and positive ones dotted, so they differ in print and to those who do not see colour.
 * Screen readers get the same values from `<desc>`, and a table follows the figure.
 */
import { useView } from '../../../platform/views/context.ts';
import { enablers, properties, ratingScore, type Grid, type GridItem, type Rating } from '../grid.ts';

const TEXT = '#1f2937';
/** ≥ 5:1 on white, as WCAG 1.4.11 asks of graphics (3:1). */
const NEGATIVE = '#b34700';
const POSITIVE = '#1d5fa6';
const WIDTH = 520;
const FONT = 14;
const BAR = 16;
const ROW = FONT + 6 + BAR + 10;
const HEADING = FONT + 12;
const CENTRE = WIDTH / 2;
const STEP = (WIDTH / 2 - 8) / 2;

function Mark({ rating, top }: { rating: Rating | null; top: number }) {
  const y = top + FONT + 6;
  const score = rating ? ratingScore[rating] : null;
  if (rating === null) return null;
  if (score === null) {
    return (
      <g>
        <rect x={CENTRE - 14} y={y} width="28" height={BAR} fill="none" stroke={TEXT} stroke-dasharray="3 2" />
        <text x={CENTRE} y={y + BAR - 3} text-anchor="middle" font-weight="bold">?</text>
      </g>
    );
  }
  if (score === 0) return <path d={`M${CENTRE} ${y} l8 ${BAR / 2} l-8 ${BAR / 2} l-8 ${-BAR / 2} z`} fill={TEXT} />;
  const width = Math.abs(score) * STEP;
  return <rect x={score < 0 ? CENTRE - width : CENTRE} y={y} width={width} height={BAR} fill={score < 0 ? 'url(#brief-negative)' : 'url(#brief-positive)'} stroke={score < 0 ? NEGATIVE : POSITIVE} />;
}

export function BriefChart({ grid, id = 'brief-chart' }: { grid: Grid; id?: string }) {
  const { t } = useView();
  const ratingName = (r: Rating | null) => (r ? t(`briefs.rating.${r}`) : t('briefs.rating.missing'));
  const sections: Array<{ title: string; items: readonly GridItem[] }> = [
    { title: t('briefs.grid.properties'), items: properties },
    { title: t('briefs.grid.enablers'), items: enablers },
  ];
  let top = 0;
  const rows: unknown[] = [];
  for (const section of sections) {
    rows.push(<text x="0" y={top + FONT} font-weight="bold">{section.title}</text>);
    top += HEADING;
    for (const item of section.items) {
      rows.push(
        <g>
          <text x="0" y={top + FONT}>{t('briefs.chart.row', { item: t(`briefs.item.${item}.name`), rating: ratingName(grid[item].rating) })}</text>
          <Mark rating={grid[item].rating} top={top} />
        </g>,
      );
      top += ROW;
    }
  }
  const height = top + FONT + 8;
  const titleId = `${id}-title`;
  const descId = `${id}-desc`;
  return (
    <figure class="chart chart-brief">
      <figcaption id={titleId}>{t('briefs.chart.title')}</figcaption>
      <svg width={WIDTH} height={height} viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-labelledby={`${titleId} ${descId}`} font-size={FONT} fill={TEXT}>
        <desc id={descId}>{[...properties, ...enablers].map((item) => `${t(`briefs.item.${item}.name`)}: ${ratingName(grid[item].rating)}`).join('; ')}</desc>
        <defs>
          <pattern id="brief-negative" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect width="6" height="6" fill="#fff" />
            <rect width="3" height="6" fill={NEGATIVE} />
          </pattern>
          <pattern id="brief-positive" width="6" height="6" patternUnits="userSpaceOnUse">
            <rect width="6" height="6" fill={POSITIVE} />
            <circle cx="3" cy="3" r="1.3" fill="#fff" />
          </pattern>
        </defs>
        <line x1={CENTRE} y1={HEADING - 4} x2={CENTRE} y2={top} stroke={TEXT} stroke-width="1" />
        {rows}
        <text x="0" y={top + FONT}>{t('briefs.chart.negative_side')}</text>
        <text x={WIDTH} y={top + FONT} text-anchor="end">{t('briefs.chart.positive_side')}</text>
      </svg>
    </figure>
  );
}

/** The chart's values as a table: the same for those who cannot read the figure. */
export function BriefChartTable({ grid }: { grid: Grid }) {
  const { t } = useView();
  const rows = [...properties.map((item) => ({ item, group: t('briefs.grid.property') })), ...enablers.map((item) => ({ item, group: t('briefs.grid.enabler') }))];
  return (
    <details class="chart-table">
      <summary>{t('briefs.chart.as_table')}</summary>
      <table class="stack">
        <caption>{t('briefs.chart.title')}</caption>
        <thead><tr><th scope="col">{t('briefs.grid.item')}</th><th scope="col">{t('briefs.grid.group')}</th><th scope="col">{t('briefs.grid.rating')}</th></tr></thead>
        <tbody>
          {rows.map(({ item, group }) => (
            <tr>
              <th scope="row" data-label={t('briefs.grid.item')}>{t(`briefs.item.${item}.name`)}</th>
              <td data-label={t('briefs.grid.group')}>{group}</td>
              <td data-label={t('briefs.grid.rating')}>{grid[item].rating ? t(`briefs.rating.${grid[item].rating}`) : t('briefs.rating.missing')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
