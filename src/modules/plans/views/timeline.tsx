/**
 * The plan's timeline, drawn on the server (docs/decisions/030): each item on its due day, one row
 * each, numbered as in the table that follows it. Status is told by shape and by a word beside
 * each marker; an overdue item has a hatched square and the word "overdue", never colour alone.
 */
import { useView } from '../../../platform/views/context.ts';
import type { PlanItem } from '../queries.ts';

const WIDTH = 640;
const AXIS = 34;
const ROW = 24;
const FONT = 12;
const SIDE = 16;
const INK = '#1a1a1a';
const BAD = '#a4221b';
const dayMs = 86_400_000;

const at = (day: string) => Date.parse(`${day}T00:00:00Z`);

/** The first day of each month (or each quarter, over more than 18 months) from `from` to `to`. */
function ticks(from: number, to: number): number[] {
  const start = new Date(from);
  const months = (new Date(to).getUTCFullYear() - start.getUTCFullYear()) * 12 + new Date(to).getUTCMonth() - start.getUTCMonth();
  const step = months > 18 ? 3 : 1;
  const result: number[] = [];
  for (let m = 0; m <= months + 1; m += step) {
    const tick = Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + m, 1);
    if (tick >= from && tick <= to) result.push(tick);
  }
  return result;
}

/** A marker's shape by status (and overdue): the legend names each. */
function Marker({ x, y, status, overdue }: { x: number; y: number; status: string; overdue: boolean }) {
  if (overdue) return <rect x={x - 7} y={y - 7} width="14" height="14" fill="url(#plan-overdue-hatch)" stroke={BAD} stroke-width="2" />;
  if (status === 'done') return <circle cx={x} cy={y} r="6" fill={INK} />;
  if (status === 'in_progress') return <path d={`M ${x} ${y - 7} L ${x + 7} ${y} L ${x} ${y + 7} L ${x - 7} ${y} Z`} fill="#fff" stroke={INK} stroke-width="2" />;
  if (status === 'dropped') return <path d={`M ${x - 5} ${y - 5} L ${x + 5} ${y + 5} M ${x + 5} ${y - 5} L ${x - 5} ${y + 5}`} stroke={INK} stroke-width="2" />;
  return <circle cx={x} cy={y} r="6" fill="#fff" stroke={INK} stroke-width="2" />;
}

export function Timeline({ items, from, to, today }: { items: readonly PlanItem[]; from: string; to: string; today: string }) {
  const { t, locale } = useView();
  if (items.length === 0) return null;
  const dues = items.map((i) => at(i.due_on));
  const start = Math.min(at(from), ...dues) - 7 * dayMs;
  const end = Math.max(at(to), ...dues) + 7 * dayMs;
  const x = (time: number) => SIDE + ((time - start) / (end - start)) * (WIDTH - 2 * SIDE);
  const height = AXIS + items.length * ROW + 8;
  const month = new Intl.DateTimeFormat(locale, { month: 'short', year: '2-digit', timeZone: 'UTC' });
  const overdue = items.filter((i) => i.overdue).length;
  const now = at(today);
  return (
    <figure class="chart" id="timeline">
      <figcaption id="timeline-title">{t('plans.timeline.title')}</figcaption>
      <svg width={WIDTH} height={height} viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-labelledby="timeline-title timeline-desc" font-size={FONT} fill={INK}>
        <desc id="timeline-desc">{t('plans.timeline.desc', { count: items.length, from, to, overdue })}</desc>
        <defs>
          <pattern id="plan-overdue-hatch" width="4" height="4" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect width="4" height="4" fill="#fff" /><line x1="0" y1="0" x2="0" y2="4" stroke={BAD} stroke-width="2" />
          </pattern>
        </defs>
        {ticks(start, end).map((tick) => (
          <g>
            <line x1={x(tick)} y1={AXIS - 10} x2={x(tick)} y2={height} stroke="#c8c8c8" stroke-width="1" />
            <text x={x(tick) + 2} y={FONT}>{month.format(new Date(tick))}</text>
          </g>
        ))}
        {now >= start && now <= end && (
          <g>
            <line x1={x(now)} y1={AXIS - 14} x2={x(now)} y2={height} stroke={INK} stroke-width="2" stroke-dasharray="4 3" />
            <text x={x(now) + 3} y={AXIS - 4} font-weight="bold">{t('plans.timeline.today')}</text>
          </g>
        )}
        {items.map((item, i) => {
          const cx = x(at(item.due_on));
          const cy = AXIS + i * ROW + ROW / 2;
          const leftward = cx > WIDTH * 0.6;
          const label = `${i + 1}. ${t(`plans.status.${item.status}`)}${item.overdue ? ` · ${t('plans.overdue')}` : ''}`;
          return (
            <g>
              <Marker x={cx} y={cy} status={item.status} overdue={item.overdue} />
              <text x={leftward ? cx - 12 : cx + 12} y={cy + 4} text-anchor={leftward ? 'end' : 'start'} font-weight={item.overdue ? 'bold' : undefined} fill={item.overdue ? BAD : INK}>{label}</text>
            </g>
          );
        })}
      </svg>
      <p class="meta">{t('plans.timeline.legend')}:{' '}
        {(['planned', 'in_progress', 'done', 'dropped'] as const).map((status) => (
          <span><svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true"><Marker x={8} y={8} status={status} overdue={false} /></svg> {t(`plans.status.${status}`)}{' '}</span>
        ))}
        <span><svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true"><defs><pattern id="plan-overdue-hatch-legend" width="4" height="4" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="4" height="4" fill="#fff" /><line x1="0" y1="0" x2="0" y2="4" stroke={BAD} stroke-width="2" /></pattern></defs><rect x="1" y="1" width="14" height="14" fill="url(#plan-overdue-hatch-legend)" stroke={BAD} stroke-width="2" /></svg> {t('plans.overdue')}</span>
      </p>
    </figure>
  );
}

/** One topic's progress: a bar of its items by status, with the counts written out beside it. */
export function ProgressBar({ id, counts, total }: { id: string; counts: Record<'planned' | 'in_progress' | 'done' | 'dropped' | 'overdue', number>; total: number }) {
  const { t } = useView();
  const width = 300;
  const parts: Array<['done' | 'in_progress' | 'planned' | 'dropped', string]> = [['done', INK], ['in_progress', '#5a5a5a'], ['planned', '#fff'], ['dropped', '#d0d0d0']];
  let left = 0;
  const summary = t('plans.progress.counts', { done: counts.done, in_progress: counts.in_progress, planned: counts.planned, dropped: counts.dropped, total });
  return (
    <div class="plan-progress">
      <svg width={width} height="18" viewBox={`0 0 ${width} 18`} role="img" aria-labelledby={`${id}-bar`}>
        <title id={`${id}-bar`}>{summary}</title>
        <rect x="0.5" y="0.5" width={width - 1} height="17" fill="#fff" stroke={INK} />
        {parts.map(([status, fill]) => {
          const w = total ? (counts[status] / total) * (width - 2) : 0;
          const rect = w > 0 ? <rect x={1 + left} y="1" width={w} height="16" fill={fill} stroke={status === 'planned' ? 'none' : '#fff'} stroke-width="1" /> : null;
          left += w;
          return rect;
        })}
      </svg>
      <p class="meta">{summary}{counts.overdue > 0 ? ` · ${t('plans.progress.overdue', { count: counts.overdue })}` : ''}</p>
    </div>
  );
}
