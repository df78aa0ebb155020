/**
 * The public record of a consultation (docs/decisions/038): each published version, the consensus
 * call with every disposition, each appeal and its answer, each with its place in the public log;
 * and the discussion of paragraphs a later version removed. Shown as a page, a printable page,
 * Markdown and JSON, all from the same assembly.
 */
import type { Db } from '../../platform/db/index.ts';
import { treeSize } from '../../platform/log/store.ts';
import type { Translate } from '../../platform/i18n/index.ts';
import type { StakeholderTaxonomy } from '../../platform/stakeholders.ts';
import { stakeholderLabel } from '../../platform/stakeholders.ts';
import { appealsOf, callOf, lastAppealDay, logIndexes } from './consensus.ts';
import { appealRecord, callRecord, consultationRecord } from './outcomes.ts';
import { positionsOf } from './positions.ts';
import { amendmentsOf, commentsOn, findVersion, versionsOf, type Consultation } from './queries.ts';
import { stances, wholeText } from './consensusSchema.ts';
import type { LogRef, RecordView, RemovedParagraph } from './consensusViews.tsx';
import { consultationsDb } from './tables.ts';

/** Paragraphs some earlier version had and the latest has not, with the comments and amendments made on them. */
async function removedParagraphs(db: Db, c: Consultation, current: Set<string>): Promise<RemovedParagraph[]> {
  const store = consultationsDb(db);
  const [commented, amended] = await Promise.all([
    store.selectFrom('consultation_comments').select('anchor').distinct().where('consultation_id', '=', c.id).execute(),
    store.selectFrom('consultation_amendments').select('anchor').distinct().where('consultation_id', '=', c.id).execute(),
  ]);
  const gone = [...new Set([...commented, ...amended].map((r) => r.anchor))].filter((a) => !current.has(a));
  const removed: RemovedParagraph[] = [];
  for (let n = c.published_version - 1; n >= 1 && gone.length > removed.length; n--) {
    const version = await findVersion(db, c.id, n);
    for (const block of version?.blocks ?? []) {
      if (!gone.includes(block.anchor) || removed.some((r) => r.anchor === block.anchor)) continue;
      const [comments, amendments] = await Promise.all([commentsOn(db, c.id, block.anchor), amendmentsOf(db, c.id, block.anchor)]);
      removed.push({ anchor: block.anchor, number: block.number, text: block.text, lastVersion: n, comments, amendments });
    }
  }
  return removed.sort((a, b) => a.lastVersion - b.lastVersion || a.number - b.number);
}

export async function consultationRecordOf(db: Db, c: Consultation): Promise<RecordView> {
  const [latest, versions, positions, call, appeals, indexes, size, amendments] = await Promise.all([
    c.published_version > 0 ? findVersion(db, c.id, c.published_version) : undefined,
    versionsOf(db, c.id), positionsOf(db, c.id), callOf(db, c.id), appealsOf(db, c.id), logIndexes(db, c.id), treeSize(db), amendmentsOf(db, c.id),
  ]);
  const log = (record: string, version: number): LogRef | undefined => {
    const index = indexes.get(`${record}#${version}`);
    return index === undefined ? undefined : { index, treeSize: size };
  };
  const blocks = latest?.blocks ?? [];
  return {
    c, blocks, positions, amendments,
    versions: versions.filter((v) => v.status === 'published').reverse().map((v) => ({ number: v.number, published_at: v.published_at!, log: log(consultationRecord(c.id), v.number) })),
    call: call ? { ...call, log: log(callRecord(c.id), 1) } : undefined,
    appeals: appeals.map((a) => ({ ...a, filedLog: log(appealRecord(c.id, a.id), 1), answeredLog: log(appealRecord(c.id, a.id), 2) })),
    removed: await removedParagraphs(db, c, new Set(blocks.map((b) => b.anchor))),
    lastAppealDay: call ? lastAppealDay(call.called_at, Number(c.appeal_days)) : undefined,
  };
}

const logJson = (baseUrl: string, log: LogRef | undefined) => log ? {
  index: log.index,
  entry: `${baseUrl}/api/log/entries?start=${log.index}&end=${log.index}`,
  inclusion_proof: `${baseUrl}/api/log/proof/inclusion?index=${log.index}&tree_size=${log.treeSize}`,
} : null;

/** What a target is called in the exports: `text`, or the paragraph's number and anchor. */
function targetOf(record: RecordView, target: string) {
  if (target === wholeText) return { target: wholeText, paragraph: null, anchor: null };
  const block = record.blocks.find((b) => b.anchor === target);
  return { target: 'paragraph', paragraph: block?.number ?? null, anchor: target };
}

/** `record.json` and `GET /api/consultations/{slug}/record`. */
export function recordJson(record: RecordView, baseUrl: string) {
  const { c, call } = record;
  const byId = new Map(record.positions.map((p) => [p.id, p]));
  return {
    slug: c.slug, title: c.title, url: `${baseUrl}/consultations/${c.slug}`,
    versions: record.versions.map((v) => ({ number: v.number, published_at: v.published_at, url: `${baseUrl}/consultations/${c.slug}/versions/${v.number}`, log: logJson(baseUrl, v.log) })),
    consensus_call: call ? {
      version: call.version_number, outcome: call.outcome, strength: call.strength, called_by: call.chair, called_at: call.called_at,
      breakdown: call.breakdown.map((b) => ({ ...targetOf(record, b.target), people: b.tally.total, groups: b.tally.groups.map((g) => ({ group: g.group, people: g.people, ...g.counts })), equal_weight: b.tally.equalWeight, warnings: b.tally.warnings.map((w) => w.key) })),
      dispositions: call.dispositions.map((d) => {
        const o = byId.get(d.position_id);
        return {
          objection: { by: o?.author.name ?? '', stakeholder_group: o?.stakeholder_group ?? '', ...targetOf(record, o?.target ?? wholeText), reason: o?.reason ?? '', blocking: o?.blocking ?? null },
          disposition: d.kind, amendment: d.amendment_id, version: d.version_number, text: d.text,
        };
      }),
      log: logJson(baseUrl, call.log),
    } : null,
    appeals: record.appeals.map((a) => ({ by: a.author.name, body: a.body, filed_at: a.created_at, answer: a.answer, answered_by: a.answered_by, answered_at: a.answered_at, log: { filed: logJson(baseUrl, a.filedLog), answered: logJson(baseUrl, a.answeredLog) } })),
    appeals_until: record.lastAppealDay ?? null,
    removed_paragraphs: record.removed.map((r) => ({
      anchor: r.anchor, number: r.number, last_version: r.lastVersion, text: r.text,
      comments: r.comments.flatMap((cm) => [cm, ...cm.replies]).map((cm) => ({ by: cm.author.name, body: cm.body, at: cm.created_at })),
      amendments: r.amendments.map((a) => ({ by: a.author.name, proposed: a.proposed, status: a.status })),
    })),
  };
}

/** Text a reader typed, kept from being read as Markdown structure (headings, lists, links). */
const quoted = (text: string) => text.split('\n').map((line) => `> ${line.replace(/([\\`*_{}[\]()#+!|<>-])/g, '\\$1')}`).join('\n');

/** `record.md`: the same record as Markdown, in the reader's language. */
export function recordMarkdown(record: RecordView, baseUrl: string, t: Translate, taxonomy: StakeholderTaxonomy): string {
  const { c, call } = record;
  const group = (stored: string) => stakeholderLabel(taxonomy, t, stored);
  const json = recordJson(record, baseUrl);
  const logLine = (log: ReturnType<typeof logJson>) => log ? `${t('consultations.record.log_entry', { index: log.index })}: <${log.entry}> · <${log.inclusion_proof}>` : t('consultations.record.not_logged');
  const out: string[] = [`# ${t('consultations.record.title', { title: c.title.replace(/[\r\n]+/g, ' ') })}`, '', `<${json.url}>`, '', `## ${t('consultations.record.versions_title')}`, ''];
  for (const v of json.versions) out.push(`- ${t('consultations.version_n', { n: v.number })} (${v.published_at.slice(0, 10)}): <${v.url}>. ${logLine(v.log)}`);
  out.push('', `## ${t('consultations.record.call_title')}`, '');
  if (!call || !json.consensus_call) out.push(t('consultations.record.no_call'));
  else {
    out.push(t('consultations.record.called_by', { name: call.chair, date: call.called_at.slice(0, 10), n: call.version_number }), '',
      `**${t('consultations.record.outcome', { outcome: t(`consultations.consensus.outcome.${call.outcome}`) })}**`, '', quoted(call.strength), '', logLine(json.consensus_call.log), '',
      `### ${t('consultations.record.dispositions_title', { count: call.dispositions.length })}`, '');
    for (const d of json.consensus_call.dispositions) {
      const where = d.objection.target === wholeText ? t('consultations.positions.whole_text') : t('consultations.paragraph_n', { n: d.objection.paragraph ?? 0 });
      out.push(`- ${t('consultations.consensus.objection_by', { name: d.objection.by, group: group(d.objection.stakeholder_group), target: where })}${d.objection.blocking ? ` (${t(`consultations.positions.blocking_by.${d.objection.blocking}`)})` : ''}`, '',
        quoted(d.objection.reason).replace(/^/gm, '  '), '', `  **${t(`consultations.consensus.kind.${d.disposition}`)}**${d.version ? ` · ${t('consultations.version_n', { n: d.version })}` : ''}${d.amendment ? ` · ${t('consultations.record.the_amendment')}` : ''}`, '');
      if (d.text) out.push(quoted(d.text).replace(/^/gm, '  '), '');
    }
    out.push(`### ${t('consultations.record.breakdown_title')}`, '');
    for (const b of call.breakdown) {
      const name = b.target === wholeText ? t('consultations.positions.whole_text') : t('consultations.paragraph_n', { n: targetOf(record, b.target).paragraph ?? 0 });
      out.push(`#### ${name}`, '', `| ${t('consultations.positions.group')} | ${t('consultations.positions.people_col')} | ${stances.map((s) => t(`consultations.positions.stance.${s}`)).join(' | ')} |`, `|---|---|${stances.map(() => '---').join('|')}|`);
      for (const g of b.tally.groups) out.push(`| ${group(g.group)} | ${g.people} | ${stances.map((s) => g.counts[s]).join(' | ')} |`);
      out.push(`| ${t('consultations.positions.equal_weight')} | ${b.tally.total} | ${stances.map((s) => `${Math.round(b.tally.equalWeight[s] * 100)} %`).join(' | ')} |`, '');
    }
    out.push(`## ${t('consultations.appeal.title', { count: record.appeals.length })}`, '');
    for (const a of json.appeals) {
      out.push(`- ${t('consultations.appeal.by', { name: a.by, date: a.filed_at.slice(0, 10) })}`, '', quoted(a.body).replace(/^/gm, '  '), '', `  ${logLine(a.log.filed)}`, '');
      if (a.answer) out.push(`  ${t('consultations.appeal.answered_by', { name: a.answered_by ?? '', date: (a.answered_at ?? '').slice(0, 10) })}`, '', quoted(a.answer).replace(/^/gm, '  '), '', `  ${logLine(a.log.answered)}`, '');
    }
  }
  if (record.removed.length) {
    out.push(`## ${t('consultations.record.removed_title')}`, '');
    for (const r of record.removed) {
      out.push(`### ${t('consultations.record.removed_heading', { n: r.number, version: r.lastVersion })}`, '', quoted(r.text), '');
      for (const cm of r.comments.flatMap((x) => [x, ...x.replies])) out.push(`- ${cm.author.name}: ${cm.body.replace(/\s+/g, ' ').replace(/([\\`*_{}[\]()#+!|<>-])/g, '\\$1')}`);
      out.push('');
    }
  }
  return `${out.join('\n').replace(/\n{3,}/g, '\n\n').trim()}\n`;
}
