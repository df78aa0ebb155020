/**
 * A self-contained HTML page of an opinion report, in the reader's language: the opinion map
 * with its groups named A, B, C… and a sentence on how to read it; what sets each group
 * apart; the statements every group supports, with the score said in words; the statements
 * that divide the groups. Agree, disagree and pass are told apart by pattern and by written
 * counts, never by colour alone. No script and no external resource; every text is escaped.
 * The same view can be rendered inside consultations from the same report.
 */
import { translate, type Locale, type Values } from '../../platform/i18n/index.ts';
import { ensureOpinionCatalogs } from './i18n.ts';
import type { GroupStatementStats, MissingGroup, OpinionReport, RankedStatement } from './report.ts';

/** Okabe–Ito colours, distinguishable with the common colour-vision deficiencies; groups also carry their letter. */
const COLOURS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9'];

export interface HtmlOptions {
  locale: Locale;
  /** The conversation's name, for the title. */
  name: string;
  /** How many bridging and divisive statements to list (default 15 and 10). */
  bridgingLimit?: number;
  divisiveLimit?: number;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

/** Text from the catalog, escaped for HTML; `t.plain` gives it unescaped, to be put into another message. */
interface T {
  (key: string, values?: Values): string;
  plain: (key: string, values?: Values) => string;
}

function translator(locale: Locale): T {
  const plain = (key: string, values?: Values): string => translate(locale, `opinion.map.${key}`, values);
  return Object.assign((key: string, values?: Values) => escapeHtml(plain(key, values)), { plain });
}

function colour(group: number): string {
  return COLOURS[group % COLOURS.length];
}

/** A share for "at least …": rounded down, so the words never claim more than the bound. */
function floorShare(x: number): number {
  return Math.floor(x * 100) / 100;
}

export function renderHtml(report: OpinionReport, options: HtmlOptions): string {
  ensureOpinionCatalogs();
  const t = translator(options.locale);
  const title = t('title', { name: options.name });
  return `<!doctype html>
<html lang="${options.locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<style>${STYLE}</style>
</head>
<body>
<header><h1>${title}</h1>
<p>${t('summary', { participants: report.participants, statements: report.statements, votes: report.votes })}</p></header>
<main>
${groupsSection(report, t)}
${profilesSection(report, t)}
${bridgingSection(report, t, options.bridgingLimit ?? 15)}
${divisiveSection(report, t, options.divisiveLimit ?? 10)}
</main>
</body>
</html>
`;
}

const STYLE = [
  'body{font-family:system-ui,sans-serif;max-width:60rem;margin:0 auto;padding:1rem;color:#1a1a1a;line-height:1.45;overflow-wrap:anywhere}',
  'h1{font-size:1.5rem}h2{font-size:1.25rem;margin-top:2rem}h3{font-size:1.05rem}',
  'svg{max-width:100%;height:auto;display:block}',
  '.groups{list-style:none;padding:0}.groups li{margin:.25rem 0}',
  '.swatch{display:inline-block;width:.9em;height:.9em;margin-right:.4em;vertical-align:-.1em;border:1px solid #1a1a1a}',
  'ol.statements>li{margin-bottom:1.2rem}.statement{margin:.2rem 0;font-weight:600}.note{margin:.2rem 0}.id{color:#595959;font-weight:normal;font-size:.85em}',
  '.provisional{color:#6b4400}',
  '.bars{list-style:none;padding:0;margin:.3rem 0}.bars li{display:grid;grid-template-columns:minmax(5rem,9rem) 1fr;gap:.1rem .6rem;align-items:center;margin:.25rem 0}',
  '.bar{display:flex;height:.9rem;border:1px solid #1a1a1a;background:#fff}.bar span{display:block;height:100%}',
  '.agree{background:#1b7837}',
  '.disagree{background:repeating-linear-gradient(45deg,#b2182b 0 3px,#fff 3px 6px)}',
  '.pass{background:radial-gradient(circle,#595959 1.2px,#fff 1.4px) 0 0/5px 5px}',
  '.counts{grid-column:2;font-size:.9em;font-variant-numeric:tabular-nums}',
  '@media (max-width:30rem){.bars li{grid-template-columns:1fr}.counts{grid-column:1}}',
].join('');

interface GroupMark {
  label: string;
  x: number;
  y: number;
}

/** Each group's centre on the map: the size-weighted mean of its base clusters. */
function groupMarks(report: OpinionReport): GroupMark[] {
  return report.opinion_groups.map((group) => {
    let x = 0;
    let y = 0;
    let total = 0;
    for (const point of report.map) {
      if (point.group !== group.id) continue;
      x += point.x * point.size;
      y += point.y * point.size;
      total += point.size;
    }
    return { label: group.label, x: x / (total || 1), y: y / (total || 1) };
  });
}

/** The opinion map: base clusters as circles (area ∝ participants), each group's letter at its centre. */
function opinionMap(report: OpinionReport, t: T): string {
  const size = 480;
  const pad = 28;
  const extent = Math.max(1e-9, ...report.map.map((p) => Math.max(Math.abs(p.x), Math.abs(p.y))));
  const largest = Math.max(1, ...report.map.map((p) => p.size));
  const scale = (v: number): string => (size / 2 + (v / extent) * (size / 2 - pad)).toFixed(1);
  const circles = report.map
    .map((p) => `<circle cx="${scale(p.x)}" cy="${scale(-p.y)}" r="${(2.5 + 16 * Math.sqrt(p.size / largest)).toFixed(1)}" fill="${colour(p.group)}" fill-opacity="0.75" stroke="#fff" stroke-width="0.5"/>`)
    .join('');
  const letters = groupMarks(report)
    .map((m) => `<text x="${scale(m.x)}" y="${scale(-m.y)}" text-anchor="middle" dominant-baseline="central" font-size="26" font-weight="700" fill="#111" stroke="#fff" stroke-width="4" paint-order="stroke">${escapeHtml(m.label)}</text>`)
    .join('');
  const groups = report.opinion_groups.map((g) => t('svgGroup', { label: g.label, size: g.size })).join('; ');
  return `<svg role="img" aria-labelledby="map-title map-desc" viewBox="0 0 ${size} ${size}" width="${size}" height="${size}" xmlns="http://www.w3.org/2000/svg">
<title id="map-title">${t('svgTitle')}</title>
<desc id="map-desc">${t('svgDescription', { groups })}</desc>
<rect width="${size}" height="${size}" fill="#fff" stroke="#767676"/>
<line x1="${size / 2}" y1="0" x2="${size / 2}" y2="${size}" stroke="#ccc"/><line x1="0" y1="${size / 2}" x2="${size}" y2="${size / 2}" stroke="#ccc"/>
${circles}${letters}</svg>`;
}

function groupsSection(report: OpinionReport, t: T): string {
  const clustered = Math.max(1, report.participants_clustered);
  const items = report.opinion_groups
    .map((g) => `<li><span class="swatch" style="background:${colour(g.id)}"></span>${t('groupSize', { label: g.label, size: g.size, share: g.size / clustered })}</li>`)
    .join('\n');
  const stakeholders = report.stakeholder_groups
    ? `<p>${t('stakeholderSummary', { count: report.stakeholder_groups.length, groups: report.stakeholder_groups.map((g) => `${g.id} (${g.size})`).join(', ') })}</p>`
    : '';
  return `<section aria-labelledby="groups-heading"><h2 id="groups-heading">${t('groupsHeading')}</h2>
<p>${t('howToRead')}</p>
<p>${t('unclustered', { count: report.participants - report.participants_clustered, min: report.min_votes_to_cluster })}</p>
${opinionMap(report, t)}
<ul class="groups">
${items}
</ul>
${stakeholders}</section>`;
}

function statementText(t: T, text: string, id: string): string {
  return text.trim() ? escapeHtml(text) : t('statementFallback', { id });
}

/** One bar per group: agree, disagree and pass as patterned segments, with the counts written out. */
function groupBars(t: T, rows: { name: string; stats: Pick<GroupStatementStats, 'agree' | 'disagree' | 'pass'> }[]): string {
  const items = rows.map(({ name, stats }) => {
    const n = stats.agree + stats.disagree + stats.pass;
    const width = (count: number): string => (n > 0 ? ((100 * count) / n).toFixed(1) : '0');
    return `<li><span>${escapeHtml(name)}</span><span class="bar"><span class="agree" style="width:${width(stats.agree)}%"></span><span class="disagree" style="width:${width(stats.disagree)}%"></span><span class="pass" style="width:${width(stats.pass)}%"></span></span><span class="counts">${t('counts', { agree: stats.agree, disagree: stats.disagree, pass: stats.pass })}</span></li>`;
  });
  return `<ul class="bars">\n${items.join('\n')}\n</ul>`;
}

function statsOf(report: OpinionReport, statementId: string): OpinionReport['statement_stats'][number] | undefined {
  return report.statement_stats.find((s) => s.statement_id === statementId);
}

/** Bars for the opinion groups and, when declared, the stakeholder groups. */
function allBars(report: OpinionReport, t: T, statementId: string): string {
  const stats = statsOf(report, statementId);
  if (!stats) return '';
  const opinion = groupBars(
    t,
    stats.opinion_groups.map((s) => ({ name: t.plain('groupLabel', { label: s.group }), stats: s })),
  );
  if (!stats.stakeholder_groups) return opinion;
  const stakeholder = groupBars(t, stats.stakeholder_groups.map((s) => ({ name: s.group, stats: s })));
  return `<p class="note">${t('byOpinionGroup')}</p>\n${opinion}\n<p class="note">${t('byStakeholderGroup')}</p>\n${stakeholder}`;
}

/** "group B" for an opinion group (translated), the declared name for a stakeholder group; not escaped. */
function groupName(t: T, group: MissingGroup): string {
  return group.family === 'opinion' ? t.plain('opinionGroup', { label: group.group }) : group.group;
}

/** The votes of every opinion group but `label` on a statement, added up. */
function everyoneElse(report: OpinionReport, statementId: string, label: string): Pick<GroupStatementStats, 'agree' | 'disagree' | 'pass'> {
  const rest = { agree: 0, disagree: 0, pass: 0 };
  for (const s of statsOf(report, statementId)?.opinion_groups ?? []) {
    if (s.group === label) continue;
    rest.agree += s.agree;
    rest.disagree += s.disagree;
    rest.pass += s.pass;
  }
  return rest;
}

function profilesSection(report: OpinionReport, t: T): string {
  const groups = report.opinion_groups.map((g) => {
    const items = g.representative.map((r) => {
      const n = r.agree + r.disagree + r.pass || 1;
      const bars = groupBars(t, [
        { name: t.plain('groupLabel', { label: g.label }), stats: r },
        { name: t.plain('everyoneElse'), stats: everyoneElse(report, r.statement_id, g.label) },
      ]);
      return `<li><p class="statement">${statementText(t, r.text, r.statement_id)} <span class="id">${t('statementId', { id: r.statement_id })}</span></p>
<p class="note">${t('profileShares', { label: g.label, agree: r.agree / n, disagree: r.disagree / n })}</p>
${bars}</li>`;
    });
    const body = items.length > 0 ? `<ol class="statements">\n${items.join('\n')}\n</ol>` : `<p>${t('profileNone')}</p>`;
    return `<h3>${t('profileGroup', { label: g.label, size: g.size })}</h3>\n${body}`;
  });
  return `<section aria-labelledby="profiles-heading"><h2 id="profiles-heading">${t('profileHeading')}</h2>
<p>${t('profileIntro')}</p>
<p>${t('legend')}</p>
${groups.join('\n')}
</section>`;
}

function provisionalNote(t: T, item: RankedStatement): string {
  if (!item.provisional) return '';
  return `<p class="note provisional">${t('provisional', { groups: item.missing_groups.map((g) => groupName(t, g)).join(', ') })}</p>`;
}

function bridgingSection(report: OpinionReport, t: T, limit: number): string {
  const items = report.bridging.slice(0, limit).map(
    (item) => `<li><p class="statement">${statementText(t, item.text, item.statement_id)} <span class="id">${t('statementId', { id: item.statement_id })}</span></p>
<p class="note">${t('bridgingScore', { share: floorShare(item.score), confidence: report.method.confidence })}</p>
${provisionalNote(t, item)}${allBars(report, t, item.statement_id)}</li>`,
  );
  const body = items.length > 0 ? `<ol class="statements">\n${items.join('\n')}\n</ol>` : `<p>${t('none')}</p>`;
  return `<section aria-labelledby="bridging-heading"><h2 id="bridging-heading">${t('bridgingHeading')}</h2>
<p>${t('bridgingIntro')}</p>
${body}
</section>`;
}

/** The least and most agreeing groups (among those with enough votes) of a divisive statement. */
function agreementRange(report: OpinionReport, statementId: string): { low: number; lowGroup: MissingGroup; high: number; highGroup: MissingGroup } | null {
  const stats = statsOf(report, statementId);
  if (!stats) return null;
  const min = report.method.min_votes_per_group;
  const rows = [
    ...stats.opinion_groups.map((s) => ({ s, family: 'opinion' as const })),
    ...(stats.stakeholder_groups ?? []).map((s) => ({ s, family: 'stakeholder' as const })),
  ].filter(({ s }) => s.agree + s.disagree + s.pass >= min);
  if (rows.length < 2) return null;
  rows.sort((a, b) => a.s.agree_rate - b.s.agree_rate);
  const low = rows[0];
  const high = rows[rows.length - 1];
  return {
    low: low.s.agree_rate,
    lowGroup: { family: low.family, group: low.s.group },
    high: high.s.agree_rate,
    highGroup: { family: high.family, group: high.s.group },
  };
}

function divisiveSection(report: OpinionReport, t: T, limit: number): string {
  const items = report.divisive.slice(0, limit).map((item) => {
    const range = agreementRange(report, item.statement_id);
    const words = range
      ? `<p class="note">${t('divisiveScore', { low: range.low, lowGroup: groupName(t, range.lowGroup), high: range.high, highGroup: groupName(t, range.highGroup) })}</p>`
      : '';
    return `<li><p class="statement">${statementText(t, item.text, item.statement_id)} <span class="id">${t('statementId', { id: item.statement_id })}</span></p>
${words}${provisionalNote(t, item)}${allBars(report, t, item.statement_id)}</li>`;
  });
  const body = items.length > 0 ? `<ol class="statements">\n${items.join('\n')}\n</ol>` : `<p>${t('none')}</p>`;
  return `<section aria-labelledby="divisive-heading"><h2 id="divisive-heading">${t('divisiveHeading')}</h2>
<p>${t('divisiveIntro')}</p>
${body}
</section>`;
}
