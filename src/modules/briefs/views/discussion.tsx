/**
 * The working copy's discussion and peer review (docs/decisions/036): comment threads shown beside
 * what they are about, the forms to comment, reply, ask for and give a review. All plain forms.
 */
import { useView } from '../../../platform/views/context.ts';
import { ChoiceField, PostForm, SelectField, TextArea, TextField } from '../../../platform/views/components.tsx';
import { valueOf, type FieldErrors, type FormValues } from '../../../platform/http/forms.ts';
import { gridItems, maxComment, maxReview, verdicts } from '../grid.ts';
import type { Comment, Person, Review, Thread } from '../queries.ts';

type Form = { values: FormValues; errors: FieldErrors };

/** What the draft page needs to show the discussion, and which of its forms the visitor may use. */
export interface Discussion {
  threads: Thread[];
  reviews: Review[];
  reviewers: Person[];
  can: { comment: boolean; requestReview: boolean; review: boolean };
  /** The anchor the comment form starts on (`?on=<item>`). */
  on?: string;
  forms: { comment?: Form; reply?: { thread: string; form: Form }; reviewer?: Form; review?: Form };
}

const when = (at: string) => at.slice(0, 16).replace('T', ' ');

function Byline({ person, at }: { person: Person | null; at: string }) {
  const { t, groupLabel } = useView();
  return (
    <p class="meta">
      {person ? <>{person.name} ({groupLabel(person.stakeholder_group)})</> : t('briefs.comments.deleted_account')}
      {' · '}<time datetime={at}>{when(at)} UTC</time>
    </p>
  );
}

function OneComment({ comment, lang }: { comment: Comment; lang: string }) {
  return (
    <>
      <Byline person={comment.author} at={comment.created_at} />
      <p class="prose" lang={lang}>{comment.body}</p>
    </>
  );
}

/** A thread: its first comment, the replies, and (for those who may) a reply form that opens without script. */
function ThreadView({ briefId, thread, lang, discussion }: { briefId: string; thread: Thread; lang: string; discussion: Discussion }) {
  const { t } = useView();
  const name = `reply_${thread.id}`;
  const failed = discussion.forms.reply?.thread === thread.id ? discussion.forms.reply.form : undefined;
  return (
    <article class="comment" id={`comment-${thread.id}`} aria-label={t('briefs.comments.thread_by', { name: thread.author?.name ?? t('briefs.comments.deleted_account') })}>
      <OneComment comment={thread} lang={lang} />
      {thread.replies.length > 0 && (
        <ul class="replies">
          {thread.replies.map((r) => <li id={`comment-${r.id}`}><OneComment comment={r} lang={lang} /></li>)}
        </ul>
      )}
      {discussion.can.comment && (
        <details open={failed !== undefined}>
          <summary>{t('briefs.comments.reply')}</summary>
          <PostForm action={`/briefs/${briefId}/comments/${thread.id}/replies`} anchor={`reply-${thread.id}`} errors={failed?.errors} labels={{ [name]: t('briefs.comments.reply_field') }}>
            <TextArea name={name} label={t('briefs.comments.reply_field')} lang={lang} value={valueOf(failed?.values ?? {}, name)} error={failed?.errors[name]} maxlength={maxComment} />
            <button type="submit">{t('briefs.comments.send_reply')}</button>
          </PostForm>
        </details>
      )}
    </article>
  );
}

/** The threads about one part of the brief (an item, the summary), and a way to start one there. */
export function CommentsOn({ briefId, anchor, lang, discussion }: { briefId: string; anchor: string; lang: string; discussion: Discussion }) {
  const { t } = useView();
  const threads = discussion.threads.filter((th) => th.anchor === anchor);
  if (threads.length === 0 && !discussion.can.comment) return null;
  return (
    <div class="brief-comments no-print">
      {threads.map((thread) => <ThreadView briefId={briefId} thread={thread} lang={lang} discussion={discussion} />)}
      {discussion.can.comment && <p><a href={`/briefs/${briefId}?view=draft&on=${anchor}#comment`}>{t('briefs.comments.comment_here')}</a></p>}
    </div>
  );
}

/** Comments on the brief as a whole, and the form for a new comment on any part of it. */
export function GeneralDiscussion({ briefId, lang, discussion }: { briefId: string; lang: string; discussion: Discussion }) {
  const { t } = useView();
  const general = discussion.threads.filter((th) => th.anchor === null);
  const form = discussion.forms.comment;
  const anchor = form ? valueOf(form.values, 'anchor') : discussion.on ?? '';
  const anchors = [{ value: 'summary', label: t('briefs.field.summary') }, ...gridItems.map((item) => ({ value: item, label: t(`briefs.item.${item}.name`) }))];
  return (
    <section aria-labelledby="comments-title" class="no-print">
      <h2 id="comments-title">{t('briefs.comments.title')}</h2>
      <p>{t('briefs.comments.intro', { count: discussion.threads.length })}</p>
      {general.map((thread) => <ThreadView briefId={briefId} thread={thread} lang={lang} discussion={discussion} />)}
      {discussion.can.comment && (
        <PostForm action={`/briefs/${briefId}/comments`} anchor="comment" errors={form?.errors} labels={{ anchor: t('briefs.comments.about'), comment: t('briefs.comments.field') }}>
          <SelectField name="anchor" label={t('briefs.comments.about')} blank={t('briefs.comments.whole_brief')} value={anchor} error={form?.errors.anchor} options={anchors} />
          <TextArea name="comment" label={t('briefs.comments.field')} hint={t('briefs.comments.hint')} lang={lang} value={valueOf(form?.values ?? {}, 'comment')} error={form?.errors.comment} maxlength={maxComment} />
          <button type="submit">{t('briefs.comments.send')}</button>
        </PostForm>
      )}
    </section>
  );
}

/** Whether the working copy has a review, in one line (the draft page's heading area). */
export function ReviewState({ reviews }: { reviews: Review[] }) {
  const { t } = useView();
  const latest = reviews[0];
  if (!latest) return <p>{t('briefs.review.none_yet')}</p>;
  return (
    <p>
      {t('briefs.review.latest', { count: reviews.length, name: latest.reviewer?.name ?? t('briefs.comments.deleted_account'), verdict: latest.verdict })}
      {latest.outdated ? <>{' '}{t('briefs.review.outdated')}</> : null}
    </p>
  );
}

/** Peer review: who was asked, what they said, and the forms to ask someone or to give a review. */
export function ReviewSection({ briefId, lang, discussion }: { briefId: string; lang: string; discussion: Discussion }) {
  const { t, groupLabel } = useView();
  const { reviews, reviewers, can, forms } = discussion;
  return (
    <section aria-labelledby="reviews-title" class="no-print">
      <h2 id="reviews-title">{t('briefs.review.title')}</h2>
      <ReviewState reviews={reviews} />
      {reviewers.length > 0 && (
        <>
          <h3>{t('briefs.review.asked')}</h3>
          <ul>{reviewers.map((r) => <li>{r.name} ({groupLabel(r.stakeholder_group)})</li>)}</ul>
        </>
      )}
      {reviews.map((r) => (
        <article class="review" id={`review-${r.id}`} aria-labelledby={`review-${r.id}-title`}>
          <h3 id={`review-${r.id}-title`}>{t(`briefs.verdict.${r.verdict}`)}</h3>
          <Byline person={r.reviewer} at={r.submitted_at} />
          {r.outdated && <p class="hint">{t('briefs.review.outdated')}</p>}
          <p class="prose" lang={lang}>{r.body}</p>
        </article>
      ))}
      {can.review && (
        <PostForm action={`/briefs/${briefId}/reviews`} anchor="review-form" errors={forms.review?.errors} labels={{ verdict: t('briefs.review.verdict'), review: t('briefs.review.field') }}>
          <h3>{t('briefs.review.give')}</h3>
          <ChoiceField type="radio" name="verdict" label={t('briefs.review.verdict')} value={valueOf(forms.review?.values ?? {}, 'verdict')} error={forms.review?.errors.verdict}
            options={verdicts.map((v) => ({ value: v, label: t(`briefs.verdict.${v}`) }))} />
          <TextArea name="review" label={t('briefs.review.field')} hint={t('briefs.review.hint')} lang={lang} value={valueOf(forms.review?.values ?? {}, 'review')} error={forms.review?.errors.review} maxlength={maxReview} />
          <button type="submit">{t('briefs.review.send')}</button>
        </PostForm>
      )}
      {can.requestReview && (
        <PostForm action={`/briefs/${briefId}/reviewers`} anchor="reviewer" errors={forms.reviewer?.errors} labels={{ reviewer_email: t('briefs.review.email') }}>
          <h3>{t('briefs.review.request')}</h3>
          <TextField type="email" name="reviewer_email" label={t('briefs.review.email')} hint={t('briefs.review.email_hint')} value={valueOf(forms.reviewer?.values ?? {}, 'reviewer_email')} error={forms.reviewer?.errors.reviewer_email} autocomplete="off" maxlength={254} />
          <button type="submit">{t('briefs.review.request_button')}</button>
        </PostForm>
      )}
    </section>
  );
}
