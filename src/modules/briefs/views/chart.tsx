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
const WIDTH = 400;
const FONT = 14;
const LINE = FONT + 4;
const BAR = 16;
const CENTRE = WIDTH / 2;
/** Room beside the centre for the rating's name, on the side its bar does not take. */
const STEP = (WIDTH / 2 - 8) / 2;
/** An item's name longer than this goes on two lines (at 14 px, about 7 px a character). */
const LINE_CHARACTERS = 50;

/** Breaks a label at spaces into lines of at most `max` characters (a longer word stands alone). */
export function wrap(text: string, max = LINE_CHARACTERS): string[] {
  const lines: string[] = [];
  for (const word of text.split(' ')) {
    const last = lines[lines.length - 1];
    if (last !== undefined && `${last} ${word}`.length <= max) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}

/** The bar (or mark) of one rating at `y`, and the rating's name beside it on the free side. */
function Mark({ rating, label, y }: { rating: Rating | null; label: string; y: number }) {
  const score = rating ? ratingScore[rating] : null;
  const text = (x: number, anchor: 'start' | 'end') => <text x={x} y={y + BAR - 3} text-anchor={anchor} font-weight="bold">{label}</text>;
  if (rating === null) return text(CENTRE + 8, 'start');
  if (score === null) {
    return (
      <g>
        <rect x={CENTRE - 12} y={y} width="24" height={BAR} fill="none" stroke={TEXT} stroke-dasharray="3 2" />
        <text x={CENTRE} y={y + BAR - 3} text-anchor="middle" font-weight="bold">?</text>
        {text(CENTRE + 18, 'start')}
      </g>
    );
  }
  if (score === 0) return <g><path d={`M${CENTRE} ${y} l8 ${BAR / 2} l-8 ${BAR / 2} l-8 ${-BAR / 2} z`} fill={TEXT} />{text(CENTRE + 14, 'start')}</g>;
  const width = Math.abs(score) * STEP;
  return (
    <g>
      <rect x={score < 0 ? CENTRE - width : CENTRE} y={y} width={width} height={BAR} fill={score < 0 ? 'url(#brief-negative)' : 'url(#brief-positive)'} stroke={score < 0 ? NEGATIVE : POSITIVE} />
      {score < 0 ? text(CENTRE + 6, 'start') : text(CENTRE - 6, 'end')}
    </g>
  );
}

export function BriefChart({ grid, id = 'brief-chart' }: { grid: Grid; id?: string }) {
  const { t } = useView();
  const ratingName = (r: Rating | null) => (r ? t(`briefs.rating.${r}`) : t('briefs.rating.missing'));
  const sections: Array<{ title: string; items: readonly GridItem[] }> = [
    { title: t('briefs.chart.properties'), items: properties },
    { title: t('briefs.chart.enablers'), items: enablers },
  ];
  let top = 0;
  const rows: unknown[] = [];
  for (const section of sections) {
    rows.push(<text x="0" y={top + FONT} font-weight="bold">{section.title}</text>);
    top += LINE + 8;
    for (const item of section.items) {
      const lines = wrap(t(`briefs.item.${item}.name`));
      rows.push(
        <g>
          <text x="0" y={top + FONT}>{lines.map((line, i) => <tspan x="0" dy={i === 0 ? 0 : LINE}>{line}</tspan>)}</text>
          {/* The centre line, row by row, so it never crosses a label. */}
          <line x1={CENTRE} y1={top + lines.length * LINE + 1} x2={CENTRE} y2={top + lines.length * LINE + BAR + 7} stroke={TEXT} stroke-width="1" />
          <Mark rating={grid[item].rating} label={ratingName(grid[item].rating)} y={top + lines.length * LINE + 4} />
        </g>,
      );
      top += lines.length * LINE + 4 + BAR + 12;
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
