import { useView } from '../../../../platform/views/context.ts';
import { groupColour } from '../../../../platform/views/charts/stakeholderBalance.tsx';

export interface CountRow {
  key: string;
  label: string;
  /** The number as shown: digits, or a text standing for it (statistics show small cells as "<5"). */
  shown: string;
  /** The bar's length; null draws none (a hidden small cell must not show its size as a bar). */
  count: number | null;
}

/** Dark grey text, 14.7:1 on white. */
const TEXT = '#1f2937';
const WIDTH = 480;
const NUMBER_ROOM = 64;
const FONT = 14;
const BAR = 16;
const ROW = FONT + 6 + BAR + 10;

/**
 * A horizontal bar chart drawn on the server (as platform/views/charts/stakeholderBalance.tsx:
 * each label on its own line above its bar, the number beside it as text, colour only to tell
 * bars apart), with the same figures in a table under it, so every number is there as text.
 */
export function CountsFigure({ id, title, rows, total }: { id: string; title: string; rows: CountRow[]; total: string }) {
  const { t } = useView();
  const max = Math.max(1, ...rows.map((r) => r.count ?? 0));
  const scale = (WIDTH - NUMBER_ROOM) / max;
  const height = rows.length * ROW + FONT + 4;
  return (
    <div class="counts" id={id}>
      <figure class="chart">
        <figcaption id={`${id}-title`}>{title}</figcaption>
        <svg width={WIDTH} height={height} viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-labelledby={`${id}-title ${id}-desc`} font-size={FONT} fill={TEXT}>
          <desc id={`${id}-desc`}>{rows.map((r) => `${r.label}: ${r.shown}`).join('; ')}. {total}</desc>
          {rows.map((r, i) => {
            const top = i * ROW;
            const width = Math.round((r.count ?? 0) * scale);
            return (
              <g>
                <text x="0" y={top + FONT}>{r.label}</text>
                {width > 0 && <rect x="0" y={top + FONT + 6} width={width} height={BAR} fill={groupColour(r.key)} />}
                <text x={width + 6} y={top + FONT + 6 + BAR - 3} font-weight="bold">{r.shown}</text>
              </g>
            );
          })}
          <text x="0" y={rows.length * ROW + FONT}>{total}</text>
        </svg>
      </figure>
      <table>
        <caption class="visually-hidden">{title}</caption>
        <thead>
          <tr><th scope="col">{t('events.stats.category')}</th><th scope="col">{t('events.stats.count')}</th></tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr>
              <th scope="row">{r.label}</th>
              <td>{r.shown}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
