/**
 * A horizontal bar chart of an organising committee's members per stakeholder group, drawn as
 * SVG on the server. Multistakeholder balance is a recognition criterion, so the chart must be
 * readable by everyone: every bar has its group's name above it and its number beside it (colour
 * only tells groups apart at a glance), and screen readers get the same values from `<desc>`.
 *
 * Each label sits on its own line above its bar, so a long translated name ("Organisations
 * intergouvernementales") never needs measuring or truncating on the server.
 */

/** Dark grey for all text: 14.7:1 on white (WCAG 1.4.3 needs 4.5:1). */
const TEXT = '#1f2937';
const WIDTH = 480;
/** Room kept right of the longest bar for its number. */
const NUMBER_ROOM = 56;
const FONT = 14;
const BAR = 16;
/** A row: label line, gap, bar, gap. */
const ROW = FONT + 6 + BAR + 10;

/**
 * Bar colours for the default groups; every one is ≥ 5:1 on white, above the 3:1 that WCAG 1.4.11
 * asks of graphics. Bars are never adjacent (a label line separates them), so they need no
 * contrast with each other.
 */
export const groupColours: Readonly<Record<string, string>> = {
  government: '#1d5fa6',
  intergovernmental: '#6a3d9a',
  civil_society: '#b34700',
  private_sector: '#1b7a3e',
  technical_community: '#a3195b',
  academia: '#8a6a00',
};

/** Colours for groups an installation adds; ≥ 5:1 on white too. */
const EXTRA_COLOURS = ['#00717a', '#5b5b5b', '#1d5fa6', '#6a3d9a', '#b34700', '#1b7a3e'];

/** The colour for a group key: fixed for the defaults, a stable hash of the key otherwise. */
export function groupColour(key: string): string {
  const fixed = groupColours[key];
  if (fixed) return fixed;
  let hash = 0;
  for (const ch of key) hash = (hash * 31 + (ch.codePointAt(0) ?? 0)) >>> 0;
  return EXTRA_COLOURS[hash % EXTRA_COLOURS.length] as string;
}

export type StakeholderGroupCount = { key: string; label: string; count: number };

export type StakeholderBalanceProps = {
  /** One entry per group in display order, including groups with no member (count 0). */
  groups: ReadonlyArray<StakeholderGroupCount>;
  /** The figure caption, also the chart's accessible name. */
  title: string;
  /** The line under the bars, e.g. (n) => `${n} members`; a string is printed as given. */
  totalLabel: string | ((total: number) => string);
  /** Number formatting for the reader's locale; defaults to plain digits. */
  formatNumber?: (n: number) => string;
  /** Prefix for element ids; pass distinct ones when a page shows two charts. */
  id?: string;
};

/** The committee balance figure: caption, then the labelled bars and the total. */
export function StakeholderBalance({
  groups,
  title,
  totalLabel,
  formatNumber = String,
  id = 'stakeholder-balance',
}: StakeholderBalanceProps) {
  const total = groups.reduce((sum, g) => sum + g.count, 0);
  const max = Math.max(1, ...groups.map((g) => g.count));
  const scale = (WIDTH - NUMBER_ROOM) / max;
  const height = groups.length * ROW + FONT + 4;
  const totalText = typeof totalLabel === 'function' ? totalLabel(total) : totalLabel;
  const titleId = `${id}-title`;
  const descId = `${id}-desc`;

  return (
    <figure class="chart chart-balance">
      <figcaption id={titleId}>{title}</figcaption>
      <svg
        width={WIDTH}
        height={height}
        viewBox={`0 0 ${WIDTH} ${height}`}
        role="img"
        aria-labelledby={`${titleId} ${descId}`}
        font-size={FONT}
        fill={TEXT}
      >
        <desc id={descId}>
          {groups.map((g) => `${g.label}: ${formatNumber(g.count)}`).join('; ')}. {totalText}
        </desc>
        {groups.map((g, i) => {
          const top = i * ROW;
          const width = Math.round(g.count * scale);
          return (
            <g>
              <text x="0" y={top + FONT}>
                {g.label}
              </text>
              {width > 0 && <rect x="0" y={top + FONT + 6} width={width} height={BAR} fill={groupColour(g.key)} />}
              <text x={width + 6} y={top + FONT + 6 + BAR - 3} font-weight="bold">
                {formatNumber(g.count)}
              </text>
            </g>
          );
        })}
        <text x="0" y={groups.length * ROW + FONT}>
          {totalText}
        </text>
      </svg>
    </figure>
  );
}
