/**
 * Positions and their tallies, the consensus call's form, and the public record (docs/decisions/038).
 * The tally is information for the chair: no page here turns counts into an outcome.
 */
import { raw } from 'hono/html';
import { useView } from '../../platform/views/context.ts';
import { Checkbox, ChoiceField, Notice, PostForm, SelectField, TextArea } from '../../platform/views/components.tsx';
import { formatDate } from '../../platform/i18n/index.ts';
import { valueOf } from '../../platform/http/forms.ts';
import { renderMarkdown } from '../reports/index.ts';
import { dispositionKinds, outcomes, stances, wholeText } from './consensusSchema.ts';
import type { Appeal, Breakdown, Call } from './consensus.ts';
import type { Position } from './positions.ts';
import type { Consultation, Comment, Amendment } from './queries.ts';
import type { Tally, Warning } from './tally.ts';
import type { NumberedBlock } from './text.ts';
import { consultationHref, paragraphHref, versionHref, type Form } from './views.tsx';
import type { Phase } from './schema.ts';

export const positionsHref = (slug: string) => `/consultations/${slug}/positions`;
export const callHref = (slug: string) => `/consultations/${slug}/consensus`;
export const recordHref = (slug: string) => `/consultations/${slug}/record`;

const percent = (share: number) => `${Math.round(share * 100)} %`;

/** A person's plain text as paragraphs, escaped by JSX. */
function Plain({ text }: { text: string }) {
  return <>{text.split(/\n{2,}/).map((para) => <p>{para.split('\n').flatMap((line, i) => (i === 0 ? [line] : [<br />, line]))}</p>)}</>;
}

/** What a target is called: the whole text, or a paragraph by its number (or, gone from the text, by its anchor). */
function useTargetName(blocks: readonly NumberedBlock[]) {
  const { t } = useView();
  return (target: string) => {
    if (target === wholeText) return t('consultations.positions.whole_text');
    const block = blocks.find((b) => b.anchor === target);
    return block ? t('consultations.paragraph_n', { n: block.number }) : t('consultations.record.removed_paragraph', { anchor: target });
  };
}

function WarningItem({ warning }: { warning: Warning }) {
  const { t, groupLabel } = useView();
  const names = (groups: readonly string[]) => groups.map((g) => groupLabel(g)).join(', ');
  switch (warning.key) {
    case 'absent': return <li>{t('consultations.positions.warning.absent', { groups: names(warning.groups) })}</li>;
    case 'few': return <li>{t('consultations.positions.warning.few', { groups: names(warning.groups), minimum: warning.minimum })}</li>;
    case 'concentrated': return <li>{t('consultations.positions.warning.concentrated', { group: groupLabel(warning.group), objections: warning.objections, total: warning.total })}</li>;
    case 'outnumbering': return <li>{t('consultations.positions.warning.outnumbering', { group: groupLabel(warning.group), people: warning.people, total: warning.total })}</li>;
  }
}

/** One target's tally: per group counts and shares, the equal-weight row, and the warnings above it. */
export function TallyTable({ tally, title, id }: { tally: Tally; title: string; id: string }) {
  const { t, groupLabel } = useView();
  return (
    <section aria-labelledby={`${id}-title`} class="tally">
      <h3 id={`${id}-title`}>{title}</h3>
      <p>{t('consultations.positions.people', { count: tally.total })}</p>
      {tally.warnings.length > 0 && (
        <div class="alert" role="note" aria-labelledby={`${id}-warnings`}>
          <p id={`${id}-warnings`}><strong>{t('consultations.positions.warnings_title')}</strong></p>
          <ul>{tally.warnings.map((w) => <WarningItem warning={w} />)}</ul>
        </div>
      )}
      <table class="stack">
        <caption class="visually-hidden">{t('consultations.positions.table_caption', { title })}</caption>
        <thead><tr><th scope="col">{t('consultations.positions.group')}</th><th scope="col">{t('consultations.positions.people_col')}</th>{stances.map((s) => <th scope="col">{t(`consultations.positions.stance.${s}`)}</th>)}</tr></thead>
        <tbody>
          {tally.groups.map((g) => (
            <tr>
              <td>{groupLabel(g.group)}</td>
              <td data-label={t('consultations.positions.people_col')}>{g.people}</td>
              {stances.map((s) => <td data-label={t(`consultations.positions.stance.${s}`)}>{g.people ? `${g.counts[s]} (${percent(g.shares[s])})` : '—'}</td>)}
            </tr>
          ))}
          <tr>
            <td>{t('consultations.positions.equal_weight')}</td>
            <td data-label={t('consultations.positions.people_col')}>{tally.total}</td>
            {stances.map((s) => <td data-label={t(`consultations.positions.stance.${s}`)}>{percent(tally.equalWeight[s])}</td>)}
          </tr>
        </tbody>
      </table>
      <p class="hint">{t('consultations.positions.equal_weight_hint')}</p>
    </section>
  );
}

export function Tallies({ breakdown, blocks }: { breakdown: Breakdown; blocks: readonly NumberedBlock[] }) {
  const name = useTargetName(blocks);
  return <>{breakdown.map((b, i) => <TallyTable tally={b.tally} title={name(b.target)} id={`tally-${i}`} />)}</>;
}

function BlockingMark({ position }: { position: Position }) {
  const { t } = useView();
  return position.blocking ? <strong> · {t(`consultations.positions.blocking_by.${position.blocking}`)}</strong> : null;
}

function Objections({ c, positions, blocks, canFlag }: { c: Consultation; positions: Position[]; blocks: readonly NumberedBlock[]; canFlag: boolean }) {
  const { t, groupLabel } = useView();
  const name = useTargetName(blocks);
  const objections = positions.filter((p) => p.stance === 'object');
  return (
    <section aria-labelledby="objections-title">
      <h2 id="objections-title">{t('consultations.positions.objections_title', { count: objections.length })}</h2>
      {objections.length === 0 ? <p>{t('consultations.positions.no_objections')}</p> : (
        <ul class="comments">{objections.map((o) => (
          <li id={`objection-${o.id}`}>
            <p class="meta">{o.author.name} · {groupLabel(o.stakeholder_group)} · {name(o.target)}<BlockingMark position={o} /></p>
            <Plain text={o.reason ?? ''} />
            {canFlag && !o.blocking && (
              <PostForm action={`${positionsHref(c.slug)}/${o.id}/blocking`} anchor={`flag-${o.id}`}>
                <button type="submit">{t('consultations.positions.flag')}</button>
              </PostForm>
            )}
          </li>
        ))}</ul>
      )}
    </section>
  );
}

export interface PositionsCan {
  take: boolean;
  flag: boolean;
  call: boolean;
  signIn: boolean;
}

export function PositionsPage(props: { c: Consultation; blocks: NumberedBlock[]; phase: Phase; positions: Position[]; breakdown: Breakdown; mine: Position[]; can: PositionsCan; form?: Form; notice?: string; called: boolean }) {
  const { t, locale } = useView();
  const { c, blocks, phase, positions, breakdown, mine, can, form, notice, called } = props;
  const name = useTargetName(blocks);
  const paragraphs = blocks.filter((b) => b.kind === 'paragraph');
  const errors = form?.errors ?? {};
  return (
    <>
      <p><a href={consultationHref(c.slug)}>{t('consultations.back_consultation', { title: c.title })}</a></p>
      <Notice message={notice ? t(`consultations.positions.notice.${notice}`) : undefined} />
      <h1>{t('consultations.positions.title', { title: c.title })}</h1>
      <p>{t('consultations.positions.intro')}</p>
      <p><strong>{t('consultations.positions.no_outcome')}</strong></p>
      {called && <p class="alert">{t('consultations.positions.called')} <a href={recordHref(c.slug)}>{t('consultations.record.link')}</a></p>}
      {can.call && !called && <p><a href={callHref(c.slug)}>{t('consultations.consensus.link')}</a></p>}

      <section aria-labelledby="take-title">
        <h2 id="take-title">{t('consultations.positions.take_title')}</h2>
        {mine.length > 0 && (
          <ul>{mine.map((p) => <li>{name(p.target)}: {t(`consultations.positions.stance.${p.stance}`)} ({formatDate(p.updated_at, locale)})<BlockingMark position={p} /></li>)}</ul>
        )}
        {can.take ? (
          <PostForm action={positionsHref(c.slug)} anchor="position" errors={errors}
            labels={{ target: t('consultations.positions.field.target'), stance: t('consultations.positions.field.stance'), reason: t('consultations.positions.field.reason'), blocking: t('consultations.positions.field.blocking') }}>
            <SelectField name="target" label={t('consultations.positions.field.target')} value={valueOf(form?.values, 'target') || wholeText} error={errors.target} required
              options={[{ value: wholeText, label: t('consultations.positions.whole_text') }, ...paragraphs.map((b) => ({ value: b.anchor, label: `${t('consultations.paragraph_n', { n: b.number })}: ${excerpt(b.text)}` }))]} />
            <ChoiceField name="stance" type="radio" label={t('consultations.positions.field.stance')} value={valueOf(form?.values, 'stance')} error={errors.stance}
              options={stances.map((s) => ({ value: s, label: t(`consultations.positions.stance.${s}`) }))} />
            <TextArea name="reason" label={t('consultations.positions.field.reason')} hint={t('consultations.positions.field.reason_hint')} value={valueOf(form?.values, 'reason')} error={errors.reason} maxlength={4000} />
            <Checkbox name="blocking" label={t('consultations.positions.field.blocking')} hint={t('consultations.positions.field.blocking_hint')} checked={valueOf(form?.values, 'blocking') === 'on'} error={errors.blocking} />
            <button type="submit">{t('consultations.positions.submit')}</button>
          </PostForm>
        ) : (
          <>
            {errors._form && <p class="alert" role="alert">{errors._form}</p>}
            <p class="hint">{can.signIn ? <a href={`/login?next=${encodeURIComponent(positionsHref(c.slug))}`}>{t('consultations.positions.sign_in')}</a> : called ? t('consultations.positions.called') : t(`consultations.positions.when.${phase === 'positions' ? 'verified' : 'phase'}`, { date: formatDate(c.positions_from, locale) })}</p>
          </>
        )}
      </section>

      <section aria-labelledby="tallies-title">
        <h2 id="tallies-title">{t('consultations.positions.tallies_title')}</h2>
        <Tallies breakdown={breakdown} blocks={blocks} />
      </section>
      <Objections c={c} positions={positions} blocks={blocks} canFlag={can.flag} />
    </>
  );
}

/** The first words of a paragraph, for a list of choices. */
const excerpt = (text: string) => {
  const plain = text.replace(/[*_`#>[\]()]/g, '').replace(/\s+/g, ' ').trim();
  return plain.length > 70 ? `${plain.slice(0, 67)}…` : plain;
};

export function CallPage(props: { c: Consultation; blocks: NumberedBlock[]; positions: Position[]; breakdown: Breakdown; amendments: Amendment[]; form?: Form; open: boolean }) {
  const { t, groupLabel, locale } = useView();
  const { c, blocks, positions, breakdown, amendments, form, open } = props;
  const name = useTargetName(blocks);
  const errors = form?.errors ?? {};
  const objections = positions.filter((p) => p.stance === 'object').sort((a, b) => Number(b.blocking !== null) - Number(a.blocking !== null));
  const links = [
    { value: '', label: t('consultations.consensus.no_link') },
    ...amendments.filter((a) => a.status !== 'open').map((a) => ({ value: `amendment:${a.id}`, label: t('consultations.consensus.link_amendment', { name: a.author.name, status: t(`consultations.amendment.status.${a.status}`) }) })),
    ...Array.from({ length: c.published_version }, (_, i) => ({ value: `version:${i + 1}`, label: t('consultations.version_n', { n: i + 1 }) })),
  ];
  const labels: Record<string, string> = { outcome: t('consultations.consensus.field.outcome'), strength: t('consultations.consensus.field.strength') };
  for (const o of objections) {
    labels[`kind_${o.id}`] = t('consultations.consensus.field.kind_of', { name: o.author.name });
    labels[`link_${o.id}`] = t('consultations.consensus.field.link_of', { name: o.author.name });
    labels[`text_${o.id}`] = t('consultations.consensus.field.text_of', { name: o.author.name });
  }
  return (
    <>
      <p><a href={positionsHref(c.slug)}>{t('consultations.consensus.back_positions')}</a></p>
      <h1>{t('consultations.consensus.title', { title: c.title })}</h1>
      <p>{t('consultations.consensus.intro')}</p>
      {!open && <p class="alert" role="alert">{t('consultations.consensus.errors.phase_on', { date: formatDate(c.consensus_from, locale) })}</p>}
      <section aria-labelledby="breakdown-title">
        <h2 id="breakdown-title">{t('consultations.consensus.breakdown_title')}</h2>
        <p>{t('consultations.consensus.breakdown_intro')}</p>
        <Tallies breakdown={breakdown} blocks={blocks} />
      </section>
      {open && (
        <PostForm action={callHref(c.slug)} anchor="call" errors={errors} labels={labels}>
          <h2>{t('consultations.consensus.objections_title', { count: objections.length })}</h2>
          {objections.length === 0 && <p>{t('consultations.positions.no_objections')}</p>}
          {objections.map((o) => (
            <fieldset id={`objection-${o.id}`}>
              <legend>{t('consultations.consensus.objection_by', { name: o.author.name, group: groupLabel(o.stakeholder_group), target: name(o.target) })}<BlockingMark position={o} /></legend>
              <blockquote><Plain text={o.reason ?? ''} /></blockquote>
              <ChoiceField name={`kind_${o.id}`} type="radio" label={t('consultations.consensus.field.kind')} value={valueOf(form?.values, `kind_${o.id}`)} error={errors[`kind_${o.id}`]}
                options={dispositionKinds.map((k) => ({ value: k, label: t(`consultations.consensus.kind.${k}`) }))} />
              <SelectField name={`link_${o.id}`} label={t('consultations.consensus.field.link')} value={valueOf(form?.values, `link_${o.id}`)} error={errors[`link_${o.id}`]} options={links} />
              <TextArea name={`text_${o.id}`} label={t('consultations.consensus.field.text')} hint={t('consultations.consensus.field.text_hint')} value={valueOf(form?.values, `text_${o.id}`)} error={errors[`text_${o.id}`]} maxlength={4000} />
            </fieldset>
          ))}
          <h2>{t('consultations.consensus.judgement_title')}</h2>
          <ChoiceField name="outcome" type="radio" label={t('consultations.consensus.field.outcome')} hint={t('consultations.consensus.field.outcome_hint')} value={valueOf(form?.values, 'outcome')} error={errors.outcome}
            options={outcomes.map((o) => ({ value: o, label: t(`consultations.consensus.outcome.${o}`) }))} />
          <TextArea name="strength" label={t('consultations.consensus.field.strength')} hint={t('consultations.consensus.field.strength_hint')} value={valueOf(form?.values, 'strength')} error={errors.strength} maxlength={4000} required />
          <button type="submit">{t('consultations.consensus.submit')}</button>
        </PostForm>
      )}
    </>
  );
}

/** Where an outcome sits in the public log: its entry, and the proof that the log holds it. */
export interface LogRef {
  index: number;
  treeSize: number;
}

function LogLinks({ log, printable }: { log: LogRef | undefined; printable: boolean }) {
  const { t } = useView();
  if (!log) return <p class="meta">{t('consultations.record.not_logged')}</p>;
  const entry = `/api/log/entries?start=${log.index}&end=${log.index}`;
  const proof = `/api/log/proof/inclusion?index=${log.index}&tree_size=${log.treeSize}`;
  return (
    <p class="meta">
      {t('consultations.record.log_entry', { index: log.index })}: <a href={entry}>{printable ? entry : t('consultations.record.entry_link')}</a>
      {' · '}<a href={proof}>{printable ? proof : t('consultations.record.proof_link')}</a>
    </p>
  );
}

export interface RemovedParagraph {
  anchor: string;
  number: number;
  text: string;
  lastVersion: number;
  comments: Comment[];
  amendments: Amendment[];
}

export interface RecordView {
  c: Consultation;
  blocks: NumberedBlock[];
  versions: Array<{ number: number; published_at: string; log?: LogRef }>;
  positions: Position[];
  call?: Call & { chair: string; log?: LogRef };
  appeals: Array<Appeal & { filedLog?: LogRef; answeredLog?: LogRef }>;
  removed: RemovedParagraph[];
  /** Every amendment of the consultation: a disposition may link to one. */
  amendments: Amendment[];
  lastAppealDay?: string;
}

export interface RecordCan {
  appeal: boolean;
  answer: boolean;
  signIn: boolean;
  follow?: boolean;
  following?: boolean;
}

function Dispositions({ record }: { record: RecordView }) {
  const { t, groupLabel } = useView();
  const call = record.call!;
  const name = useTargetName(record.blocks);
  const byId = new Map(record.positions.map((p) => [p.id, p]));
  return (
    <ul class="comments">{call.dispositions.map((d) => {
      const o = byId.get(d.position_id);
      return (
        <li id={`disposition-${d.position_id}`}>
          <p class="meta">{t('consultations.consensus.objection_by', { name: o?.author.name ?? '', group: groupLabel(o?.stakeholder_group ?? ''), target: name(o?.target ?? wholeText) })}{o && <BlockingMark position={o} />}</p>
          <blockquote><Plain text={o?.reason ?? ''} /></blockquote>
          <p><strong>{t(`consultations.consensus.kind.${d.kind}`)}</strong>
            {d.amendment_id && <> · <a href={`${paragraphHref(record.c.slug, amendmentAnchor(record, d.amendment_id))}#amendment-${d.amendment_id}`}>{t('consultations.record.the_amendment')}</a></>}
            {d.version_number !== null && <> · <a href={versionHref(record.c.slug, d.version_number)}>{t('consultations.version_n', { n: d.version_number })}</a></>}
          </p>
          {d.text && <Plain text={d.text} />}
        </li>
      );
    })}</ul>
  );
}

const amendmentAnchor = (record: RecordView, id: string) => record.amendments.find((a) => a.id === id)?.anchor ?? '';

export function RecordPage({ record, can, printable, form, notice }: { record: RecordView; can: RecordCan; printable: boolean; form?: Form & { appeal?: string }; notice?: string }) {
  const { t, locale } = useView();
  const { c, call } = record;
  const base = recordHref(c.slug);
  return (
    <>
      <nav class="no-print" aria-label={t('consultations.record.nav')}>
        <p><a href={printable ? base : consultationHref(c.slug)}>{printable ? t('consultations.record.back_record') : t('consultations.back_consultation', { title: c.title })}</a></p>
      </nav>
      <Notice message={notice ? t(`consultations.record.notice.${notice}`) : undefined} />
      <h1>{t('consultations.record.title', { title: c.title })}</h1>
      <p>{t('consultations.record.intro')}</p>
      {!printable && (
        <ul class="no-print">
          <li><a href={`${base}.md`}>{t('consultations.record.markdown')}</a></li>
          <li><a href={`${base}.json`}>{t('consultations.record.json')}</a></li>
          <li><a href={`${base}/print`}>{t('consultations.record.print')}</a></li>
          <li><a href="/log">{t('consultations.record.the_log')}</a></li>
        </ul>
      )}
      {!printable && can.follow !== undefined && <FollowForm c={c} following={can.following ?? false} back="record" />}

      <section aria-labelledby="versions-title">
        <h2 id="versions-title">{t('consultations.record.versions_title')}</h2>
        {record.versions.length === 0 ? <p>{t('consultations.record.no_versions')}</p> : (
          <ol>{record.versions.map((v) => (
            <li id={`version-${v.number}`}>
              <a href={versionHref(c.slug, v.number)}>{t('consultations.version_of', { n: v.number, date: formatDate(v.published_at, locale) })}</a>
              <LogLinks log={v.log} printable={printable} />
            </li>
          ))}</ol>
        )}
      </section>

      <section aria-labelledby="call-title">
        <h2 id="call-title">{t('consultations.record.call_title')}</h2>
        {!call ? <p>{t('consultations.record.no_call')}</p> : (
          <>
            <p>{t('consultations.record.called_by', { name: call.chair, date: formatDate(call.called_at, locale), n: call.version_number })}</p>
            <p><strong>{t('consultations.record.outcome', { outcome: t(`consultations.consensus.outcome.${call.outcome}`) })}</strong></p>
            <h3>{t('consultations.consensus.field.strength')}</h3>
            <Plain text={call.strength} />
            <LogLinks log={call.log} printable={printable} />
            <h3>{t('consultations.record.dispositions_title', { count: call.dispositions.length })}</h3>
            {call.dispositions.length === 0 ? <p>{t('consultations.positions.no_objections')}</p> : <Dispositions record={record} />}
            <h3>{t('consultations.record.breakdown_title')}</h3>
            <Tallies breakdown={call.breakdown} blocks={record.blocks} />
          </>
        )}
      </section>

      {call && (
        <section aria-labelledby="appeals-title">
          <h2 id="appeals-title">{t('consultations.appeal.title', { count: record.appeals.length })}</h2>
          {record.lastAppealDay && <p>{t('consultations.appeal.window', { date: formatDate(record.lastAppealDay, locale) })}</p>}
          {record.appeals.length === 0 && <p>{t('consultations.appeal.none')}</p>}
          <ul class="comments">{record.appeals.map((a) => (
            <li id={`appeal-${a.id}`}>
              <p class="meta">{t('consultations.appeal.by', { name: a.author.name, date: formatDate(a.created_at, locale) })}</p>
              <Plain text={a.body} />
              <LogLinks log={a.filedLog} printable={printable} />
              {a.answer ? (
                <>
                  <p><strong>{t('consultations.appeal.answered_by', { name: a.answered_by ?? '', date: formatDate(a.answered_at!, locale) })}</strong></p>
                  <Plain text={a.answer} />
                  <LogLinks log={a.answeredLog} printable={printable} />
                </>
              ) : <p>{t('consultations.appeal.unanswered')}</p>}
              {!printable && !a.answer && can.answer && (
                <PostForm action={`${base}/appeals/${a.id}/answer`} anchor={`answer-${a.id}`} errors={form?.appeal === a.id ? form.errors : undefined} labels={{ answer: t('consultations.appeal.field.answer') }}>
                  <TextArea name="answer" label={t('consultations.appeal.field.answer')} value={form?.appeal === a.id ? valueOf(form.values, 'answer') : ''} error={form?.appeal === a.id ? form.errors.answer : undefined} maxlength={4000} required />
                  <button type="submit">{t('consultations.appeal.answer_submit')}</button>
                </PostForm>
              )}
            </li>
          ))}</ul>
          {!printable && form && form.appeal === undefined && form.errors._form && <p class="alert" role="alert">{form.errors._form}</p>}
          {!printable && can.appeal && (
            <PostForm action={`${base}/appeals`} anchor="appeal" errors={form?.appeal === undefined ? form?.errors : undefined} labels={{ appeal: t('consultations.appeal.field.appeal') }}>
              <TextArea name="appeal" label={t('consultations.appeal.field.appeal')} hint={t('consultations.appeal.field.appeal_hint')} value={form?.appeal === undefined ? valueOf(form?.values, 'appeal') : ''} error={form?.appeal === undefined ? form?.errors.appeal : undefined} maxlength={4000} required />
              <button type="submit">{t('consultations.appeal.submit')}</button>
            </PostForm>
          )}
          {!printable && can.signIn && <p class="hint"><a href={`/login?next=${encodeURIComponent(base)}`}>{t('consultations.appeal.sign_in')}</a></p>}
        </section>
      )}

      <section aria-labelledby="removed-title">
        <h2 id="removed-title">{t('consultations.record.removed_title')}</h2>
        {record.removed.length === 0 ? <p>{t('consultations.record.no_removed')}</p> : record.removed.map((r) => (
          <article id={`removed-${r.anchor}`} aria-labelledby={`removed-${r.anchor}-title`}>
            <h3 id={`removed-${r.anchor}-title`}>{t('consultations.record.removed_heading', { n: r.number, version: r.lastVersion })}</h3>
            <blockquote><div class="prose" lang={c.language}>{raw(renderMarkdown(r.text))}</div></blockquote>
            <ul class="comments">
              {r.comments.flatMap((cm) => [cm, ...cm.replies]).map((cm) => <li><p class="meta">{cm.author.name} · {formatDate(cm.created_at, locale)}</p><Plain text={cm.body} /></li>)}
              {r.amendments.map((a) => <li><p class="meta">{t('consultations.amendment.by', { name: a.author.name })} · {t(`consultations.amendment.status.${a.status}`)}</p><Plain text={a.proposed} /></li>)}
            </ul>
          </article>
        ))}
      </section>
    </>
  );
}

/** Follow or stop following: a one-button form (followers hear of new versions, the call and appeals). */
export function FollowForm({ c, following, back }: { c: Consultation; following: boolean; back: 'text' | 'record' }) {
  const { t } = useView();
  return (
    <PostForm action={`${consultationHref(c.slug)}/follow`} anchor="follow">
      <input type="hidden" name="follow" value={following ? 'no' : 'yes'} />
      <input type="hidden" name="back" value={back} />
      <p>{following ? t('consultations.follow.following') : t('consultations.follow.intro')} <button type="submit">{following ? t('consultations.follow.stop') : t('consultations.follow.start')}</button></p>
    </PostForm>
  );
}

/** The consultation page's links to positions, the call and the record, and its follow button. */
export function ConsensusLinks({ c, canCall, follow }: { c: Consultation; canCall: boolean; follow?: { following: boolean } }) {
  const { t } = useView();
  if (c.published_version === 0) return null;
  return (
    <section aria-labelledby="consensus-links-title">
      <h2 id="consensus-links-title">{t('consultations.record.links_title')}</h2>
      <ul>
        <li><a href={positionsHref(c.slug)}>{t('consultations.positions.link')}</a></li>
        {canCall && <li><a href={callHref(c.slug)}>{t('consultations.consensus.link')}</a></li>}
        <li><a href={recordHref(c.slug)}>{t('consultations.record.link')}</a></li>
      </ul>
      {follow && <FollowForm c={c} following={follow.following} back="text" />}
    </section>
  );
}
