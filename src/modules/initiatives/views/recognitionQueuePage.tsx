import { useView } from '../../../platform/views/context.ts';
import { Notice, PostForm, TextArea } from '../../../platform/views/components.tsx';
import { formatDate } from '../../../platform/i18n/index.ts';
import type { FieldErrors, FormValues } from '../../../platform/http/forms.ts';
import { valueOf } from '../../../platform/http/forms.ts';
import type { Criterion } from '../recognition.ts';
import { CriteriaList } from './criteriaList.tsx';

import type { CommitteeSeat, QueuedRequest } from '../queries.ts';

/** `/secretariat/recognition`: requests waiting for a decision, oldest first. */
export function RecognitionQueuePage({ queue, notice }: { queue: QueuedRequest[]; notice?: string }) {
  const { t, locale } = useView();
  return (
    <>
      <h1>{t('initiatives.queue.title')}</h1>
      <Notice message={notice && ['approved', 'returned'].includes(notice) ? t(`initiatives.queue.notice_${notice}`) : undefined} />
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
