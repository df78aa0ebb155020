import { useView } from '../../../../platform/views/context.ts';
import { Notice, PostForm, SelectField, TextArea } from '../../../../platform/views/components.tsx';
import { valueOf, type FormValues } from '../../../../platform/http/forms.ts';
import type { FailedForm } from '../../../../platform/http/action.ts';
import { formatNumber, type Locale } from '../../../../platform/i18n/index.ts';
import type { Aggregate, AnonymousProposal } from '../../domain/review.ts';
import type { Call, Proposal } from '../../call/queries.ts';
import { criterionLabel, type EventCriterion, type Member, type StoredReview } from '../queries.ts';
import type { ProposalUnderReview, ReviewOverview } from '../overview.ts';
import { decisions, maxComment, maxReason } from '../vocabulary.ts';

const one = (n: number, locale: Locale) => formatNumber(Math.round(n * 100) / 100, locale);

/** The aggregate with the spread by group beside it, and the divided flag when one group loves what another rejects. */
export function AggregateCell({ aggregate }: { aggregate: Aggregate }) {
  const { t, locale, groupLabel } = useView();
  if (aggregate.score === null) return <>{t('events.review.not_scored')}</>;
  return (
    <>
      <strong>{one(aggregate.score, locale)}</strong>
      {aggregate.spread && <> {t('events.review.spread', { min: one(aggregate.spread.min, locale), max: one(aggregate.spread.max, locale) })}</>}
      {aggregate.divided && <> <span class="badge status-divided">{t('events.review.divided')}</span></>}
      <ul class="inline">
        {aggregate.groups.map((g) => <li>{t('events.review.group_mean', { group: groupLabel(g.group), mean: one(g.mean, locale), count: g.reviewers })}</li>)}
      </ul>
    </>
  );
}

function Back({ slug, title }: { slug: string; title: string }) {
  const { t } = useView();
  return <p><a href={`/events/${slug}`}>{t('events.call.back', { title })}</a> · <a href={`/events/${slug}/review`}>{t('events.review.desk_title')}</a></p>;
}

/** `/events/<slug>/review`: a member's desk: the proposals they review; the chair's links. */
export function ReviewDesk(props: { event: { slug: string; title: string }; mine: Array<{ id: string; title: string; status: string; reviewed: boolean }>; chair: boolean }) {
  const { event, mine, chair } = props;
  const { t } = useView();
  return (
    <>
      <p><a href={`/events/${event.slug}`}>{t('events.call.back', { title: event.title })}</a> · <a href={`/events/${event.slug}/committee`}>{t('events.committee.title', { title: event.title })}</a></p>
      <h1>{t('events.review.desk_title')}</h1>
      {chair && (
        <ul>
          <li><a href={`/events/${event.slug}/review/assignments`}>{t('events.review.assignments_title')}</a></li>
          <li><a href={`/events/${event.slug}/review/overview`}>{t('events.review.overview_title')}</a></li>
        </ul>
      )}
      <h2>{t('events.review.mine')}</h2>
      {mine.length === 0 ? <p>{t('events.review.none_assigned')}</p> : (
        <ul>
          {mine.map((item) => (
            <li>
              <a href={`/events/${event.slug}/proposals/${item.id}/review`}>{item.title}</a>
              {' — '}{item.reviewed ? t('events.review.reviewed') : t('events.review.to_review')}
              {item.status !== 'submitted' && <> ({t(`events.proposals.status.${item.status}`)})</>}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/** `/events/<slug>/review/assignments`: who reviews what, with the groups covered and the conflicts left out; the chair adjusts it. */
export function AssignmentsPage(props: { event: { slug: string; title: string }; overview: ReviewOverview; notice?: string; failed?: FailedForm }) {
  const { event, overview, notice, failed } = props;
  const { t, groupLabel } = useView();
  const base = `/events/${event.slug}/review`;
  const errors = failed?.errors ?? {};
  const values: FormValues = failed?.values ?? {};
  const live = overview.proposals.filter((p) => p.proposal.status === 'submitted');
  return (
    <>
      <Back slug={event.slug} title={event.title} />
      <Notice message={notice && ['assigned', 'added', 'removed'].includes(notice) ? t(`events.review.notice.${notice}`) : undefined} />
      <h1>{t('events.review.assignments_title')}</h1>
      <p>{t('events.review.assignments_intro')}</p>
      <PostForm action={`${base}/assign`}>
        <button type="submit">{t('events.review.assign')}</button>
      </PostForm>
      {live.length === 0 ? <p>{t('events.review.no_proposals')}</p> : (
        <table class="stack">
          <caption>{t('events.review.assignments_caption')}</caption>
          <thead><tr>
            <th scope="col">{t('events.review.proposal')}</th>
            <th scope="col">{t('events.review.reviewers')}</th>
            <th scope="col">{t('events.review.groups')}</th>
            <th scope="col">{t('events.review.conflicts')}</th>
          </tr></thead>
          <tbody>
            {live.map((item) => {
              const groups = [...new Set(item.reviewers.map((r) => r.stakeholder_group))];
              return (
                <tr>
                  <td data-label={t('events.review.proposal')}><a href={`/events/${event.slug}/proposals/${item.proposal.id}/decision`}>{item.proposal.title}</a></td>
                  <td data-label={t('events.review.reviewers')}>
                    {item.reviewers.length === 0 ? '—' : (
                      <ul class="inline">
                        {item.reviewers.map((r) => (
                          <li>
                            {r.name} ({groupLabel(r.stakeholder_group)})
                            <PostForm action={`${base}/assignments/remove`}>
                              <input type="hidden" name="proposal" value={item.proposal.id} />
                              <input type="hidden" name="member" value={r.id} />
                              <button type="submit" class="secondary">{t('events.review.unassign', { name: r.name })}</button>
                            </PostForm>
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                  <td data-label={t('events.review.groups')}>
                    {t('events.review.group_count', { count: groups.length })}
                    {groups.length < 3 && <> <span class="badge status-rejected">{t('events.review.too_few_groups')}</span></>}
                  </td>
                  <td data-label={t('events.review.conflicts')}>
                    {item.conflicts.length === 0 ? '—' : <ul class="inline">{item.conflicts.map((c) => <li>{c.member.name}: {c.reasons.map((r) => t(`events.review.coi.${r}`)).join(', ')}</li>)}</ul>}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {live.length > 0 && overview.members.length > 0 && (
        <>
          <h2 id="add-reviewer-title">{t('events.review.add_reviewer')}</h2>
          <PostForm action={`${base}/assignments`} anchor="add-reviewer" errors={errors} labels={{ proposal: t('events.review.proposal'), member: t('events.review.reviewer') }}>
            <SelectField name="proposal" label={t('events.review.proposal')} value={valueOf(values, 'proposal')} error={errors.proposal} options={live.map((p) => ({ value: p.proposal.id, label: p.proposal.title }))} />
            <SelectField name="member" label={t('events.review.reviewer')} value={valueOf(values, 'member')} error={errors.member}
              options={overview.members.map((m) => ({ value: m.id, label: `${m.name} (${groupLabel(m.stakeholder_group)})` }))} />
            <button type="submit">{t('events.review.add')}</button>
          </PostForm>
        </>
      )}
    </>
  );
}

/** `/events/<slug>/review/overview`: the chair's view, sorted by aggregate, the spread beside it. */
export function OverviewPage({ event, overview }: { event: { slug: string; title: string }; overview: ReviewOverview }) {
  const { t } = useView();
  return (
    <>
      <Back slug={event.slug} title={event.title} />
      <h1>{t('events.review.overview_title')}</h1>
      <p>{t('events.review.overview_intro')}</p>
      {overview.proposals.length === 0 ? <p>{t('events.review.no_proposals')}</p> : (
        <table class="stack">
          <caption class="visually-hidden">{t('events.review.overview_title')}</caption>
          <thead><tr>
            <th scope="col">{t('events.review.proposal')}</th>
            <th scope="col">{t('events.review.aggregate')}</th>
            <th scope="col">{t('events.review.progress')}</th>
            <th scope="col">{t('events.review.status')}</th>
          </tr></thead>
          <tbody>
            {overview.proposals.map((item) => (
              <tr>
                <td data-label={t('events.review.proposal')}><a href={`/events/${event.slug}/proposals/${item.proposal.id}/decision`}>{item.proposal.title}</a></td>
                <td data-label={t('events.review.aggregate')}><AggregateCell aggregate={item.aggregate} /></td>
                <td data-label={t('events.review.progress')}>{t('events.review.progress_value', { done: item.aggregate.reviews, total: item.reviewers.length })}</td>
                <td data-label={t('events.review.status')}>{t(`events.proposals.status.${item.proposal.status}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

/** The proposal as a reviewer reads it: anonymised when the call says so. */
function ReviewedProposal({ shown }: { shown: AnonymousProposal | Proposal }) {
  const { t, groupLabel } = useView();
  const anonymous = 'moderator' in shown && typeof shown.moderator === 'boolean';
  return (
    <section aria-labelledby="proposal-title">
      <h2 id="proposal-title">{shown.title}</h2>
      <p>{shown.description}</p>
      <p>{t(`events.session_format.${shown.format}`)} · {t(`events.format.${shown.modality}`)}</p>
      {anonymous ? (
        <>
          <p>{t('events.review.anonymous_note')}</p>
          <ul>
            {(shown as AnonymousProposal).speakers.map((s) => (
              <li>{t('events.review.anonymous_speaker', { group: s.stakeholderGroup ? groupLabel(s.stakeholderGroup) : '—', gender: s.gender ?? '—', presence: s.presence ? t(`events.proposals.presence.${s.presence}`) : '—' })}</li>
            ))}
          </ul>
        </>
      ) : (
        <ul>
          {(shown as Proposal).people.map((p) => (
            <li>{t(`events.review.role.${p.role}`)}: {p.name}{p.organisation ? ` (${p.organisation})` : ''}{p.stakeholder_group ? ` — ${groupLabel(p.stakeholder_group)}` : ''}</li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** `/events/<slug>/proposals/<id>/review`: the reviewer's form, a score per criterion, a comment for the proposers and a private note. */
export function ReviewForm(props: {
  event: { slug: string; title: string }; shown: AnonymousProposal | Proposal; criteria: EventCriterion[]; review: StoredReview | undefined; open: boolean;
  notice?: string; failed?: FailedForm;
}) {
  const { event, shown, criteria, review, open, notice, failed } = props;
  const { t, locale } = useView();
  const errors = failed?.errors ?? {};
  const values: FormValues = failed?.values ?? {
    ...Object.fromEntries(criteria.map((c) => [`score_${c.key}`, review?.scores[c.key]?.toString() ?? ''])), comment: review?.comment ?? '', private_note: review?.private_note ?? '',
  };
  const labels: Record<string, string> = { ...Object.fromEntries(criteria.map((c) => [`score_${c.key}`, criterionLabel(c, t, locale)])), comment: t("events.review.comment"), private_note: t("events.review.private_note") };
  return (
    <>
      <Back slug={event.slug} title={event.title} />
      <Notice message={notice === 'saved' ? t('events.review.notice.saved') : undefined} />
      <h1>{t('events.review.form_title')}</h1>
      <ReviewedProposal shown={shown} />
      {!open && <p class="alert" role="alert">{t('events.review.errors.decided')}</p>}
      {open && (
        <PostForm action={`/events/${event.slug}/proposals/${shown.id}/review`} errors={errors} labels={labels}>
          {[...criteria.map((c) => `score_${c.key}`), ...Object.keys(errors).filter((k) => k.startsWith('score_') && !criteria.some((c) => `score_${c.key}` === k))].map((name) => (
            <SelectField name={name} label={labels[name] ?? name} hint={t('events.review.score_hint')} blank={t('events.review.choose')} value={valueOf(values, name)} error={errors[name]}
              options={[1, 2, 3, 4, 5].map((n) => ({ value: String(n), label: t(`events.review.score.${n}`) }))} />
          ))}
          <TextArea name="comment" label={t('events.review.comment')} hint={t('events.review.comment_hint')} value={valueOf(values, 'comment')} error={errors.comment} maxlength={maxComment} />
          <TextArea name="private_note" label={t('events.review.private_note')} hint={t('events.review.private_note_hint')} value={valueOf(values, 'private_note')} error={errors.private_note} maxlength={maxComment} />
          <button type="submit">{t('events.review.save')}</button>
        </PostForm>
      )}
    </>
  );
}

/** `/events/<slug>/proposals/<id>/decision`: the chair reads the reviews (with private notes) and decides. */
export function DecisionPage(props: { event: { slug: string; title: string }; item: ProposalUnderReview; others: Proposal[]; members: Member[]; criteria: EventCriterion[]; decision?: { decision: string; reason: string }; failed?: FailedForm; notice?: string }) {
  const { event, item, others, members, criteria, decision, failed, notice } = props;
  const { t, locale, groupLabel } = useView();
  const errors = failed?.errors ?? {};
  const values: FormValues = failed?.values ?? {};
  const byId = new Map(members.map((m) => [m.id, m]));
  return (
    <>
      <Back slug={event.slug} title={event.title} />
      <Notice message={notice === 'decided' ? t('events.decision.notice.decided') : undefined} />
      <h1>{t('events.decision.title', { title: item.proposal.title })}</h1>
      <ReviewedProposal shown={item.proposal} />
      <h2>{t('events.review.aggregate')}</h2>
      <div><AggregateCell aggregate={item.aggregate} /></div>
      <h2>{t('events.decision.reviews')}</h2>
      {item.reviews.length === 0 ? <p>{t('events.review.not_scored')}</p> : (
        <ul>
          {item.reviews.map((r) => {
            const m = byId.get(r.member_id);
            return (
              <li>
                <strong>{m?.name} ({m ? groupLabel(m.stakeholder_group) : ''})</strong>:{' '}
                {criteria.map((c) => `${criterionLabel(c, t, locale)} ${r.scores[c.key] ?? '—'}`).join(' · ')}
                {r.comment && <p>{t('events.review.comment')}: {r.comment}</p>}
                {r.private_note && <p>{t('events.review.private_note')}: {r.private_note}</p>}
              </li>
            );
          })}
        </ul>
      )}
      {decision ? (
        <p>{t(`events.proposals.status.${decision.decision}`)}: {decision.reason}</p>
      ) : (
        <PostForm action={`/events/${event.slug}/proposals/${item.proposal.id}/decision`} errors={errors} labels={{ decision: t('events.decision.decision'), reason: t('events.decision.reason'), merge_with: t('events.decision.merge_with') }}>
          <SelectField name="decision" label={t('events.decision.decision')} blank={t('events.review.choose')} value={valueOf(values, 'decision')} error={errors.decision}
            options={decisions.map((d) => ({ value: d, label: t(`events.decision.choice.${d}`) }))} />
          <TextArea name="reason" label={t('events.decision.reason')} hint={t('events.decision.reason_hint')} value={valueOf(values, 'reason')} error={errors.reason} maxlength={maxReason} />
          <SelectField name="merge_with" label={t('events.decision.merge_with')} hint={t('events.decision.merge_with_hint')} blank={t('events.review.choose')} value={valueOf(values, 'merge_with')} error={errors.merge_with}
            options={others.map((p) => ({ value: p.id, label: p.title }))} />
          <button type="submit">{t('events.decision.submit')}</button>
        </PostForm>
      )}
    </>
  );
}

/** `/events/<slug>/proposals/<id>/outcome`: the proposer reads the decision, its reason and the reviewers' comments (never their notes or names). */
export function OutcomePage(props: { event: { slug: string; title: string }; proposal: Proposal; decision?: { decision: string; reason: string; merge_with: string | null }; mergeTitle?: string; comments: string[] }) {
  const { event, proposal, decision, mergeTitle, comments } = props;
  const { t } = useView();
  return (
    <>
      <p><a href={`/events/${event.slug}/proposals/${proposal.id}`}>{t('events.decision.back_to_proposal')}</a></p>
      <h1>{t('events.decision.outcome_title', { title: proposal.title })}</h1>
      {decision ? (
        <>
          <p><strong>{t(`events.proposals.status.${decision.decision}`)}</strong></p>
          <p>{t('events.decision.reason')}: {decision.reason}</p>
          {mergeTitle && <p>{t('events.decision.merge_suggested_with', { title: mergeTitle })}</p>}
        </>
      ) : <p>{t('events.decision.pending')}</p>}
      <h2>{t('events.decision.comments')}</h2>
      {comments.length === 0 ? <p>{t('events.decision.no_comments')}</p> : <ul>{comments.map((c) => <li>{c}</li>)}</ul>}
    </>
  );
}

/** `/events/<slug>/decisions`: the public record of the chair's decisions and their reasons. */
export function DecisionsPage({ event, rows }: { event: { slug: string; title: string }; rows: Array<{ title: string; decision: string; reason: string }> }) {
  const { t } = useView();
  return (
    <>
      <p><a href={`/events/${event.slug}`}>{t('events.call.back', { title: event.title })}</a></p>
      <h1>{t('events.decision.public_title', { title: event.title })}</h1>
      {rows.length === 0 ? <p>{t('events.decision.none_yet')}</p> : (
        <ul>{rows.map((r) => <li><strong>{r.title}</strong> — {t(`events.proposals.status.${r.decision}`)}: {r.reason}</li>)}</ul>
      )}
    </>
  );
}

export type { Call };
