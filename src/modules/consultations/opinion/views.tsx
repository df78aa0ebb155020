/** The opinion map's page (docs/decisions/039): statements to vote on, the map, the groups and the bridging statements; all server-rendered, no script. */
import { useView } from '../../../platform/views/context.ts';
import { Notice, Pager, PostForm, TextField } from '../../../platform/views/components.tsx';
import { formatDate } from '../../../platform/i18n/index.ts';
import type { FieldErrors, FormValues } from '../../../platform/http/forms.ts';
import type { Consultation } from '../queries.ts';
import type { StoredAnalysis, Statement } from './queries.ts';
import type { Tally } from './analysis.ts';
import { statementLength, statementsPerPage } from './schema.ts';

export const opinionsHref = (slug: string) => `/consultations/${slug}/opinions`;

export interface OpinionForms {
  statement?: { values: FormValues; errors: FieldErrors };
  /** A refused vote or decision: the statement's number and the message. */
  refused?: { number: number; message: string };
}

export interface OpinionPageProps {
  c: Consultation;
  statements: Statement[];
  pending: Statement[];
  mine: Map<number, number>;
  analysis: StoredAnalysis | undefined;
  live: { participants: number; votes: number };
  can: { vote: boolean; signIn: boolean; moderate: boolean; recompute: boolean };
  /** The page of the statements list shown (from 1). */
  page: number;
  /** The statement the viewer is asked to vote on next: one they have not voted on, with the fewest votes so far. */
  next: Statement | undefined;
  forms: OpinionForms;
  notice?: string;
}

const voteName = (v: number | undefined) => (v === 1 ? 'agree' : v === -1 ? 'disagree' : v === 0 ? 'pass' : undefined);
const share = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((100 * part) / whole));
const total = (t: Tally) => t.agree + t.disagree + t.pass;

/** A statement's three buttons; `page` is the list's page it sits on (the answer returns there), none for the next statement. */
function VoteForm({ c, s, mine, refused, page }: { c: Consultation; s: Statement; mine: number | undefined; refused?: string; page?: number }) {
  const { t } = useView();
  const current = voteName(mine);
  const anchor = page === undefined ? 'next-statement' : `statement-${s.number}`;
  return (
    <PostForm action={`${opinionsHref(c.slug)}/statements/${s.number}/vote`} anchor={anchor} class="vote-form">
      {page === undefined ? null : <input type="hidden" name="page" value={String(page)} />}
      {refused ? <p class="alert" role="alert">{refused}</p> : null}
      <p id={`${anchor}-text`} class="statement-text"><span class="statement-number">{t('consultations.opinion.statement_n', { n: s.number })}</span> <span lang={c.language}>{s.text}</span></p>
      {current ? <p class="muted">{t('consultations.opinion.your_vote', { vote: t(`consultations.opinion.vote.${current}`) })}</p> : null}
      <div class="vote-buttons" role="group" aria-labelledby={`${anchor}-text`}>
        {(['agree', 'disagree', 'pass'] as const).map((v) => (
          <button type="submit" name="vote" value={v} aria-pressed={current === v ? 'true' : 'false'}>{t(`consultations.opinion.vote.${v}`)}</button>
        ))}
      </div>
    </PostForm>
  );
}

function LiveTally({ s }: { s: Statement }) {
  const { t } = useView();
  const n = s.agree + s.disagree + s.pass;
  return <p class="muted">{t('consultations.opinion.tally', { n, agree: s.agree, disagree: s.disagree, pass: s.pass })}</p>;
}

/** The map as an SVG of the engine's base clusters, coloured by opinion group, with a text alternative (the table after it). */
function MapPicture({ analysis }: { analysis: StoredAnalysis }) {
  const { t } = useView();
  const points = analysis.map.points;
  const extent = Math.max(1e-9, ...points.map((p) => Math.max(Math.abs(p.x), Math.abs(p.y))));
  const biggest = Math.max(1, ...points.map((p) => p.size));
  const shapes = ['circle', 'square', 'diamond', 'triangle', 'cross'];
  // Shape tells the groups apart; colour only helps (dark enough against white: 3:1 for graphics).
  const fills = ['#1f5f8b', '#a4461a', '#2f6b3a', '#6b3d8f', '#5c5c5c'];
  // Points stay inside the frame: 78 units out at most, plus a radius of at most 10.
  const at = (v: number) => 100 + (78 * v) / extent;
  return (
    <figure class="opinion-map">
      <svg viewBox="0 0 200 200" width="280" height="280" role="img" aria-labelledby="map-caption">
        <rect x="0" y="0" width="200" height="200" fill="none" stroke="currentColor" stroke-width="0.5" />
        {points.map((p) => {
          const r = 2 + 8 * Math.sqrt(p.size / biggest);
          const x = at(p.x);
          const y = at(-p.y);
          const shape = shapes[p.group % shapes.length];
          const cls = `group-${p.group}`;
          const fill = p.group < 0 ? '#767676' : fills[p.group % fills.length];
          if (shape === 'square') return <rect class={cls} fill={fill} fill-opacity="0.8" x={x - r} y={y - r} width={2 * r} height={2 * r} />;
          if (shape === 'diamond') return <polygon class={cls} fill={fill} fill-opacity="0.8" points={`${x},${y - r} ${x + r},${y} ${x},${y + r} ${x - r},${y}`} />;
          if (shape === 'triangle') return <polygon class={cls} fill={fill} fill-opacity="0.8" points={`${x},${y - r} ${x + r},${y + r} ${x - r},${y + r}`} />;
          if (shape === 'cross') return <polygon class={cls} fill={fill} fill-opacity="0.8" points={`${x - r},${y - r / 3} ${x + r},${y - r / 3} ${x + r},${y + r / 3} ${x - r},${y + r / 3}`} />;
          return <circle class={cls} fill={fill} fill-opacity="0.8" cx={x} cy={y} r={r} />;
        })}
      </svg>
      <figcaption id="map-caption">{t('consultations.opinion.map_caption', { groups: analysis.map.opinion_groups.length, people: analysis.map.opinion_groups.reduce((n, g) => n + g.members.length, 0) })}</figcaption>
    </figure>
  );
}

function GroupProfiles({ analysis, texts }: { analysis: StoredAnalysis; texts: Map<number, string> }) {
  const { t } = useView();
  return (
    <section aria-labelledby="groups-title">
      <h2 id="groups-title">{t('consultations.opinion.groups_title')}</h2>
      {analysis.map.opinion_groups.map((g, i) => (
        <section aria-labelledby={`group-${g.id}`}>
          <h3 id={`group-${g.id}`}>{t('consultations.opinion.group_n', { id: g.id, n: g.members.length })}</h3>
          <ul>{(analysis.map.representative[i] ?? []).map((r) => {
            const cell = analysis.map.statements.find((s) => s.number === r.number)?.groups[i];
            const part = cell ? (r.side === 'agree' ? cell.agree : cell.disagree) : 0;
            return <li>{t(`consultations.opinion.group_${r.side}s`, { share: share(part, cell ? total(cell) : 0) })} <q>{texts.get(r.number) ?? t('consultations.opinion.statement_n', { n: r.number })}</q></li>;
          })}</ul>
        </section>
      ))}
    </section>
  );
}

function Bridging({ analysis, texts }: { analysis: StoredAnalysis; texts: Map<number, string> }) {
  const { t, groupLabel } = useView();
  const top = analysis.map.bridging.slice(0, 10);
  const groups = analysis.map.opinion_groups;
  const stakeholders = analysis.map.stakeholder_groups;
  return (
    <section aria-labelledby="bridging-title">
      <h2 id="bridging-title">{t('consultations.opinion.bridging_title')}</h2>
      <p>{t('consultations.opinion.bridging_intro')}</p>
      {top.length === 0 ? <p>{t('consultations.opinion.no_bridging')}</p> : (
        <div class="table-scroll" tabindex={0} role="region" aria-labelledby="bridging-caption">
          <table>
            <caption id="bridging-caption">{t('consultations.opinion.bridging_caption')}</caption>
            <thead><tr>
              <th scope="col">{t('consultations.opinion.statement')}</th>
              <th scope="col">{t('consultations.opinion.score')}</th>
              {groups.map((g) => <th scope="col">{t('consultations.opinion.group_short', { id: g.id })}</th>)}
              {stakeholders.map((s) => <th scope="col">{groupLabel(s)}</th>)}
            </tr></thead>
            <tbody>{top.map((b) => {
              const row = analysis.map.statements.find((s) => s.number === b.statement_id)!;
              return (
                <tr>
                  <th scope="row">{texts.get(b.statement_id) ?? t('consultations.opinion.statement_n', { n: b.statement_id })}</th>
                  <td>{b.score.toFixed(2)}{b.provisional ? ` ${t('consultations.opinion.provisional')}` : ''}</td>
                  {row.groups.map((cell) => <td>{t('consultations.opinion.agree_share', { share: share(cell.agree, total(cell)) })}</td>)}
                  {row.stakeholders.map((cell) => <td>{t('consultations.opinion.agree_share', { share: share(cell.agree, total(cell)) })}</td>)}
                </tr>
              );
            })}</tbody>
          </table>
        </div>
      )}
    </section>
  );
}

export function OpinionPage(props: OpinionPageProps) {
  const { t, locale } = useView();
  const { c, statements, pending, mine, analysis, live, can, forms, page, next } = props;
  const pages = Math.max(1, Math.ceil(statements.length / statementsPerPage));
  const first = (page - 1) * statementsPerPage;
  const onPage = statements.slice(first, first + statementsPerPage);
  const texts = new Map(statements.map((s) => [s.number, s.text]));
  const href = opinionsHref(c.slug);
  return (
    <>
      <p><a href={`/consultations/${c.slug}`}>{t('consultations.back_consultation', { title: c.title })}</a></p>
      <h1>{t('consultations.opinion.title')} <span lang={c.language}>{c.title}</span></h1>
      <Notice message={props.notice ? t(`consultations.opinion.notice.${props.notice}`) : undefined} />
      {forms.refused && !statements.some((s) => s.number === forms.refused!.number) && !pending.some((s) => s.number === forms.refused!.number)
        ? <p class="alert" role="alert">{forms.refused.message}</p> : null}
      <p>{t('consultations.opinion.intro')}</p>
      <p>{t('consultations.opinion.live', { people: live.participants, votes: live.votes })}</p>

      {can.vote && statements.length > 0 ? (
        <section aria-labelledby="next-title" id="next">
          <h2 id="next-title">{t('consultations.opinion.next_title')}</h2>
          <p>{t('consultations.opinion.voted_count', { voted: mine.size, total: statements.length })}</p>
          {next
            ? <VoteForm c={c} s={next} mine={undefined} refused={forms.refused?.number === next.number && !onPage.includes(next) ? forms.refused.message : undefined} />
            : <p>{t('consultations.opinion.all_voted')}</p>}
        </section>
      ) : null}

      <section aria-labelledby="map-title">
        <h2 id="map-title">{t('consultations.opinion.map_title')}</h2>
        {analysis ? (
          <>
            <p>{t('consultations.opinion.computed', { date: formatDate(analysis.computed_at.slice(0, 10), locale), time: analysis.computed_at.slice(11, 16), people: analysis.participants, votes: analysis.votes })}</p>
            <MapPicture analysis={analysis} />
          </>
        ) : <p>{t('consultations.opinion.no_map')}</p>}
        {can.recompute ? (
          <PostForm action={`${href}/recompute`} anchor="recompute">
            <button type="submit">{t('consultations.opinion.recompute')}</button>
          </PostForm>
        ) : null}
      </section>
      {analysis ? <GroupProfiles analysis={analysis} texts={texts} /> : null}
      {analysis ? <Bridging analysis={analysis} texts={texts} /> : null}

      <section aria-labelledby="statements-title">
        <h2 id="statements-title">{t('consultations.opinion.statements_title')}</h2>
        {statements.length === 0 ? <p>{t('consultations.opinion.no_statements')}</p> : null}
        {pages > 1 ? <p>{t('consultations.opinion.statements_range', { from: first + 1, to: first + onPage.length, total: statements.length })}</p> : null}
        {can.signIn ? <p><a href={`/login?next=${encodeURIComponent(href)}`}>{t('consultations.opinion.sign_in')}</a></p> : null}
        <ol class="statements" start={first + 1}>{onPage.map((s) => (
          <li id={can.vote ? undefined : `statement-${s.number}`}>
            {can.vote
              ? <VoteForm c={c} s={s} mine={mine.get(s.number)} page={page} refused={forms.refused?.number === s.number ? forms.refused.message : undefined} />
              : <p><span class="statement-number">{t('consultations.opinion.statement_n', { n: s.number })}</span> <span lang={c.language}>{s.text}</span></p>}
            <LiveTally s={s} />
            {can.moderate ? (
              <PostForm action={`${href}/statements/${s.number}/moderation`} anchor={`withdraw-${s.number}`}>
                <input type="hidden" name="decision" value="withdrawn" />
                <button type="submit" aria-label={t('consultations.opinion.withdraw_n', { n: s.number })}>{t('consultations.opinion.withdraw')}</button>
              </PostForm>
            ) : null}
          </li>
        ))}</ol>
        <Pager page={page} pages={pages} href={(n) => `${href}?page=${n}#statements-title`} />
      </section>

      {can.vote ? (
        <section aria-labelledby="propose-title">
          <h2 id="propose-title">{t('consultations.opinion.propose_title')}</h2>
          <p>{can.moderate ? t('consultations.opinion.propose_moderator') : t('consultations.opinion.propose_hint')}</p>
          <PostForm action={`${href}/statements`} anchor="propose" errors={forms.statement?.errors} labels={{ statement: t('consultations.opinion.field.statement') }}>
            <TextField name="statement" label={t('consultations.opinion.field.statement')} value={String(forms.statement?.values.statement ?? '')} error={forms.statement?.errors.statement} maxlength={statementLength} required />
            <button type="submit">{t('consultations.opinion.propose')}</button>
          </PostForm>
        </section>
      ) : null}

      {can.moderate ? (
        <section aria-labelledby="moderation-title">
          <h2 id="moderation-title">{t('consultations.opinion.moderation_title')}</h2>
          {pending.length === 0 ? <p>{t('consultations.opinion.nothing_pending')}</p> : null}
          <ul>{pending.map((s) => (
            <li>
              <PostForm action={`${href}/statements/${s.number}/moderation`} anchor={`moderate-${s.number}`}>
                {forms.refused?.number === s.number ? <p class="alert" role="alert">{forms.refused.message}</p> : null}
                <p id={`moderate-${s.number}-text`}>{s.text}</p>
                <div role="group" aria-labelledby={`moderate-${s.number}-text`}>
                  <button type="submit" name="decision" value="approved">{t('consultations.opinion.approve')}</button>{' '}
                  <button type="submit" name="decision" value="withdrawn">{t('consultations.opinion.withdraw')}</button>
                </div>
              </PostForm>
            </li>
          ))}</ul>
          {statements.length > 0 ? <p>{t('consultations.opinion.withdraw_approved')}</p> : null}
        </section>
      ) : null}

      <section aria-labelledby="export-title">
        <h2 id="export-title">{t('consultations.opinion.export_title')}</h2>
        <p>{t('consultations.opinion.export_intro')}</p>
        <ul>
          {['votes.csv', 'comments.csv', 'participants-votes.csv'].map((file) => <li><a href={`${href}/export/${file}`}>{file}</a></li>)}
          <li><a href={`/api/consultations/${c.slug}/opinion`}>{t('consultations.opinion.api_link')}</a></li>
        </ul>
      </section>
    </>
  );
}

export function OpinionRefusedPage({ c, message }: { c: Consultation; message: string }) {
  const { t } = useView();
  return (
    <>
      <p><a href={opinionsHref(c.slug)}>{t('consultations.opinion.back', { title: c.title })}</a></p>
      <h1>{t('consultations.opinion.title')} <span lang={c.language}>{c.title}</span></h1>
      <p class="alert" role="alert">{message}</p>
    </>
  );
}
