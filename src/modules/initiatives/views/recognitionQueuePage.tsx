import { useView } from '../../../platform/views/context.ts';
import { Notice, PostForm, TextArea } from '../../../platform/views/components.tsx';
import { formatDate } from '../../../platform/i18n/index.ts';
import type { FieldErrors, FormValues } from '../../../platform/http/forms.ts';
import { valueOf } from '../../../platform/http/forms.ts';
import type { Criterion } from '../recognition.ts';
import { CriteriaList } from './criteriaList.tsx';

import type { CommitteeSeat, OpenClaim, QueuedRequest } from '../queries.ts';

const queueNotices = ['approved', 'returned', 'claim_approved', 'claim_refused'];

/** `/secretariat/recognition`: requests waiting for a decision, oldest first. */
export function RecognitionQueuePage({ queue, claims, notice }: { queue: QueuedRequest[]; claims: OpenClaim[]; notice?: string }) {
  const { t, locale } = useView();
  return (
    <>
      <h1>{t('initiatives.queue.title')}</h1>
      <Notice message={notice && queueNotices.includes(notice) ? t(`initiatives.queue.notice_${notice}`) : undefined} />
      {queue.length === 0 ? (
        <p>{t('initiatives.queue.empty')}</p>
      ) : (
        <ul>
          {queue.map((request) => (
            <li>
              <a href={`/secretariat/recognition/${request.id}`}>{request.name}</a>{' — '}
              {t('initiatives.queue.requested', { name: request.requested_by_name, date: formatDate(request.requested_at, locale) })}
            </li>
          ))}
        </ul>
      )}
      <section aria-labelledby="claims-title">
        <h2 id="claims-title">{t('initiatives.claim.queue_title')}</h2>
        {claims.length === 0 ? (
          <p>{t('initiatives.claim.queue_empty')}</p>
        ) : (
          <ul>
            {claims.map((claim) => (
              <li>
                <a href={`/secretariat/claims/${claim.id}`}>{claim.name}</a>{' — '}
                {t('initiatives.claim.claimed_by', { name: claim.claimant_name, date: formatDate(claim.claimed_at, locale) })}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

/** One claim on a demo entry: who, why, and the decision form (a refusal says why). */
export function ClaimReviewPage({ claim, values, errors }: { claim: OpenClaim; values?: FormValues; errors?: FieldErrors }) {
  const { t, locale, groupLabel } = useView();
  return (
    <>
      <p><a href="/secretariat/recognition">{t('initiatives.queue.back')}</a></p>
      <h1>{t('initiatives.claim.review_title', { name: claim.name })}</h1>
      <p class="meta">{t('initiatives.claim.claimed_by', { name: claim.claimant_name, date: formatDate(claim.claimed_at, locale) })}</p>
      <p><a href={`/initiatives/${claim.slug}`}>{t('initiatives.queue.open_page')}</a></p>
      <dl>
        <dt>{t('initiatives.claim.claimant')}</dt>
        <dd>{claim.claimant_name} — <a href={`mailto:${claim.claimant_email}`}>{claim.claimant_email}</a> — {groupLabel(claim.stakeholder_group)}</dd>
        <dt>{t('initiatives.claim.justification')}</dt>
        <dd class="prose">{claim.justification}</dd>
      </dl>
      <PostForm action={`/secretariat/claims/${claim.id}`} errors={errors} labels={{ reason: t('initiatives.claim.reason') }}>
        <TextArea name="reason" label={t('initiatives.claim.reason')} hint={t('initiatives.claim.reason_hint')}
          value={valueOf(values, 'reason')} error={errors?.reason} maxlength={2000} />
        <button type="submit" name="decision" value="approve">{t('initiatives.claim.approve')}</button>{' '}
        <button type="submit" name="decision" value="refuse" class="secondary">{t('initiatives.claim.refuse')}</button>
      </PostForm>
    </>
  );
}

/** One request: the criteria as they stand, and the decision form. */
/** Who sits on the committee under review: name, role, the group they sit for, and whether their address is verified. */
function CommitteeUnderReview({ committee }: { committee: readonly CommitteeSeat[] }) {
  const { t, groupLabel } = useView();
  return (
    <section aria-labelledby="review-committee-title">
      <h2 id="review-committee-title">{t('initiatives.queue.committee', { count: committee.length })}</h2>
      <ul>
        {committee.map((m) => (
          <li>
            <strong>{m.name}</strong>{m.affiliation ? ` (${m.affiliation})` : ''} — {t(`initiatives.role.${m.role}`)}, {groupLabel(m.stakeholder_group)} —{' '}
            {m.verified ? t('initiatives.queue.verified') : <strong>{t('initiatives.queue.unverified')}</strong>}
          </li>
        ))}
      </ul>
    </section>
  );
}

export function RecognitionReviewPage({ request, criteria, committee, values, errors }: { request: QueuedRequest; criteria: Criterion[]; committee: readonly CommitteeSeat[]; values?: FormValues; errors?: FieldErrors }) {
  const { t, locale } = useView();
  return (
    <>
      <p><a href="/secretariat/recognition">{t('initiatives.queue.back')}</a></p>
      <h1>{t('initiatives.queue.review_title', { name: request.name })}</h1>
      <p class="meta">{t('initiatives.queue.requested', { name: request.requested_by_name, date: formatDate(request.requested_at, locale) })}</p>
      <p><a href={`/initiatives/${request.slug}`}>{t('initiatives.queue.open_page')}</a></p>
      <CriteriaList criteria={criteria} />
      <CommitteeUnderReview committee={committee} />
      <PostForm action={`/secretariat/recognition/${request.id}`} errors={errors} labels={{ comments: t('initiatives.queue.comments') }}>
        <TextArea name="comments" label={t('initiatives.queue.comments')} hint={t('initiatives.queue.comments_hint')}
          value={valueOf(values, 'comments')} error={errors?.comments} maxlength={2000} />
        <button type="submit" name="decision" value="approve">{t('initiatives.queue.approve')}</button>{' '}
        <button type="submit" name="decision" value="return" class="secondary">{t('initiatives.queue.return')}</button>
      </PostForm>
    </>
  );
}
