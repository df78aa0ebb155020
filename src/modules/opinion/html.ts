/**
 * A self-contained HTML page of an opinion report: an SVG opinion map of the base clusters,
 * per-group agreement bars for the bridging statements, and the divisive statements.
 * No script and no external resource; every text is escaped.
 */
import type { OpinionReport, RankedStatement } from './report.ts';

const COLOURS = ['#1f5f99', '#b3323f', '#2d7a3e', '#8a5700', '#6a4c93', '#00707a'];

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

function colour(group: number): string {
  return COLOURS[group % COLOURS.length];
}

/** The opinion map: base clusters as circles (area ∝ participants), coloured by opinion group. */
function opinionMap(report: OpinionReport): string {
  const size = 480;
  const pad = 24;
  const points = report.map;
  const extent = Math.max(1e-9, ...points.map((p) => Math.max(Math.abs(p.x), Math.abs(p.y))));
  const largest = Math.max(1, ...points.map((p) => p.size));
  const scale = (v: number): number => size / 2 + (v / extent) * (size / 2 - pad);
  const circles = points
    .map((p) => {
      const r = 2 + 14 * Math.sqrt(p.size / largest);
      return `<circle cx="${scale(p.x).toFixed(1)}" cy="${scale(-p.y).toFixed(1)}" r="${r.toFixed(1)}" fill="${colour(p.group)}" fill-opacity="0.7"/>`;
    })
    .join('');
  const legend = report.opinion_groups
    .map((g, i) => `<g transform="translate(8 ${16 + i * 18})"><rect width="12" height="12" fill="${colour(g.id)}"/><text x="18" y="11" font-size="12">Group ${g.id} (${g.size})</text></g>`)
    .join('');
  const summary = report.opinion_groups.map((g) => `group ${g.id}: ${g.size} participants`).join(', ');
  return `<svg role="img" aria-labelledby="map-title map-desc" viewBox="0 0 ${size} ${size}" width="${size}" height="${size}" xmlns="http://www.w3.org/2000/svg">
<title id="map-title">Opinion map</title>
<desc id="map-desc">Participants projected on the two principal components, drawn as clusters sized by membership; ${escapeHtml(summary)}.</desc>
<rect width="${size}" height="${size}" fill="#fff" stroke="#767676"/>
<line x1="${size / 2}" y1="0" x2="${size / 2}" y2="${size}" stroke="#ddd"/><line x1="0" y1="${size / 2}" x2="${size}" y2="${size / 2}" stroke="#ddd"/>
${circles}${legend}</svg>`;
}

/** One stacked bar per group: agree, disagree, pass shares of the group's votes. */
function groupBars(report: OpinionReport, statementId: string): string {
  const stats = report.statement_stats.find((s) => s.statement_id === statementId);
  if (!stats) return '';
  const width = 240;
  const rows = stats.opinion_groups.map((g, i) => {
    const n = g.agree + g.disagree + g.pass || 1;
    const a = (g.agree / n) * width;
    const d = (g.disagree / n) * width;
    const y = i * 18;
    return `<g><title>Group ${escapeHtml(g.group)}: ${g.agree} agree, ${g.disagree} disagree, ${g.pass} pass</title><text x="0" y="${y + 12}" font-size="11">G${escapeHtml(g.group)}</text><rect x="28" y="${y + 2}" width="${a.toFixed(1)}" height="12" fill="#2d7a3e"/><rect x="${(28 + a).toFixed(1)}" y="${y + 2}" width="${d.toFixed(1)}" height="12" fill="#b3323f"/><rect x="${(28 + a + d).toFixed(1)}" y="${y + 2}" width="${(width - a - d).toFixed(1)}" height="12" fill="#c8c8c8"/></g>`;
  });
  const height = stats.opinion_groups.length * 18 + 2;
  return `<svg role="img" aria-labelledby="bars-${escapeHtml(statementId)}" viewBox="0 0 ${width + 30} ${height}" width="${width + 30}" height="${height}" xmlns="http://www.w3.org/2000/svg"><title id="bars-${escapeHtml(statementId)}">Agree (green), disagree (red) and pass (grey) by opinion group</title>${rows.join('')}</svg>`;
}

function statementList(report: OpinionReport, list: RankedStatement[], limit: number): string {
  if (list.length === 0) return '<p>No statement has enough votes in every group yet.</p>';
  const items = list
    .slice(0, limit)
    .map((r) => `<li><p><span class="score">${r.score.toFixed(3)}</span> ${escapeHtml(r.text || `(statement ${r.statement_id})`)} <span class="id">#${escapeHtml(r.statement_id)}</span></p>${groupBars(report, r.statement_id)}</li>`)
    .join('\n');
  return `<ol>\n${items}\n</ol>`;
}

export function renderHtml(report: OpinionReport, title = 'Opinion map'): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
body{font-family:system-ui,sans-serif;max-width:60rem;margin:0 auto;padding:1rem;color:#1a1a1a;line-height:1.4}
.score{font-variant-numeric:tabular-nums;font-weight:bold}.id{color:#595959;font-size:.85em}
li{margin-bottom:.8rem}svg{max-width:100%;height:auto}
</style>
</head>
<body>
<header><h1>${escapeHtml(title)}</h1>
<p>${report.participants} participants, ${report.statements} statements, ${report.votes} votes; ${report.participants_clustered} participants in ${report.opinion_groups.length} opinion groups${report.stakeholder_groups ? ` and ${report.stakeholder_groups.length} stakeholder groups` : ''}.</p></header>
<main>
<section aria-labelledby="map-heading"><h2 id="map-heading">Opinion groups</h2>
${opinionMap(report)}
</section>
<section aria-labelledby="bridging-heading"><h2 id="bridging-heading">Bridging statements</h2>
<p>Ranked by the lowest support in any group (the lower end of a ${Math.round(report.method.confidence * 100)}% Jeffreys interval of the agree rate); each group weighs the same whatever its size. Statistics rank statements; they do not decide.</p>
${statementList(report, report.bridging, 15)}
</section>
<section aria-labelledby="divisive-heading"><h2 id="divisive-heading">Divisive statements</h2>
${statementList(report, report.divisive, 10)}
</section>
</main>
</body>
</html>
`;
}
