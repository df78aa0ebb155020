import type { FailedForm } from '../../platform/http/action.ts';
import { valueOf, valuesOf } from '../../platform/http/forms.ts';
import { formatDate, languageName } from '../../platform/i18n/index.ts';
import { Checkbox, ChecklistField, ChoiceField, Notice, PostForm, SelectField, TextArea, TextField, type Option } from '../../platform/views/components.tsx';
import { useView } from '../../platform/views/context.ts';
import { toolkitSteps, type Progress } from '../toolkit/index.ts';
import { commonLanguages, regions } from '../initiatives/index.ts';
import type { Meeting, Mentorship, Offer, Request, Suggestion } from './queries.ts';
import type { Reason } from './scoring.ts';
import { maxCapacity, maxPreferences } from './schema.ts';

export const hubHref = (slug: string) => `/initiatives/${slug}/mentoring`;
export const mentorshipHref = (id: string) => `/mentorships/${id}`;

const blank: FailedForm = { values: {}, errors: {} };

function fieldOf(form: FailedForm) {
  return (name: string, label: string) => ({ name, label, value: valueOf(form.values, name), error: form.errors[name] });
}

/** A list in words, as the reader's language joins it ("Spanish, English and Portuguese"). */
function useWords() {
  const { t, locale } = useView();
  const list = (items: string[]) => new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' }).format(items);
  return {
    list,
    languages: (codes: readonly string[]) => list(codes.map((c) => languageName(c, locale))),
    regions: (keys: readonly string[]) => list(keys.map((r) => t(`initiatives.region.${r}`))),
    steps: (keys: readonly string[]) => list(keys.map((s) => t(`toolkit.steps.${s}.title`))),
  };
}

/** Why a mentor is suggested, in a sentence: "Shares Spanish; same region (…); can help with 3 of your 5 open steps: …". */
export function Explanation({ reasons }: { reasons: Reason[] }) {
  const { t, locale } = useView();
  const words = useWords();
  if (reasons.length === 0) return <p>{t('mentoring.why.nothing')}</p>;
  const parts = reasons.map((r) => {
    switch (r.kind) {
      case 'languages': return t('mentoring.why.languages', { languages: words.languages(r.shared) });
      case 'region': return t('mentoring.why.region', { region: t(`initiatives.region.${r.region}`) });
      case 'type': return t('mentoring.why.type', { type: t(`initiatives.type.${r.type}`) });
      case 'steps': return t('mentoring.why.steps', { helped: r.helped.length, open: r.open, steps: words.steps(r.helped) });
    }
  });
  const joined = parts.join('; ');
  return <p class="why">{t('mentoring.why.sentence', { reasons: joined.charAt(0).toLocaleUpperCase(locale) + joined.slice(1) })}</p>;
}

/** What an offer gives, as a definition list. */
function OfferFacts({ offer, topicName }: { offer: Offer; topicName: (key: string) => string }) {
  const { t } = useView();
  const words = useWords();
  return (
    <dl>
      <dt>{t('mentoring.facts.languages')}</dt><dd>{words.languages(offer.languages)}</dd>
      <dt>{t('mentoring.facts.regions')}</dt><dd>{words.regions(offer.regions)}</dd>
      {offer.topics.length > 0 && <><dt>{t('mentoring.facts.topics')}</dt><dd>{words.list(offer.topics.map(topicName))}</dd></>}
      <dt>{t('mentoring.facts.steps')}</dt><dd>{words.steps(offer.steps)}</dd>
      <dt>{t('mentoring.places.title')}</dt><dd>{t('mentoring.places.free', { free: Math.max(offer.capacity - offer.load, 0), capacity: offer.capacity })}</dd>
    </dl>
  );
}

function MentorshipLine({ m }: { m: Mentorship }) {
  const { t, locale } = useView();
  return (
    <li>
      <a href={mentorshipHref(m.id)}>{t('mentoring.mentorship.pair', { mentor: m.mentor.name, mentee: m.mentee.name })}</a>{' '}
      <span class="meta">{t(`mentoring.mentorship.status.${m.status}`)} · {t('mentoring.mentorship.since', { date: formatDate(m.started_at ?? m.accepted_at, locale) })}</span>
    </li>
  );
}

/** `/mentoring`: offers with room and the mentorships both sides agreed to list. */
export function PublicPage(props: { offers: Offer[]; mentorships: Mentorship[]; mine: Array<{ slug: string; name: string }>; topicName: (key: string) => string }) {
  const { t } = useView();
  const { offers, mentorships, mine, topicName } = props;
  const withRoom = offers.filter((o) => o.load < o.capacity);
  return (
    <>
      <h1>{t('mentoring.public.title')}</h1>
      <p>{t('mentoring.public.intro')}</p>
      {mine.length > 0 && (
        <section aria-labelledby="mine-title">
          <h2 id="mine-title">{t('mentoring.public.mine')}</h2>
          <ul>{mine.map((i) => <li><a href={hubHref(i.slug)}>{t('mentoring.public.mine_link', { name: i.name })}</a></li>)}</ul>
        </section>
      )}
      <section aria-labelledby="offers-title">
        <h2 id="offers-title">{t('mentoring.public.offers')}</h2>
        {withRoom.length === 0 ? <p>{t('mentoring.public.no_offers')}</p> : (
          <ul class="cards">{withRoom.map((offer) => (
            <li id={`offer-${offer.id}`}>
              <h3><a href={`/initiatives/${offer.initiative.slug}`}>{offer.initiative.name}</a></h3>
              <OfferFacts offer={offer} topicName={topicName} />
              {offer.note && <p>{offer.note}</p>}
            </li>
          ))}</ul>
        )}
      </section>
      <section aria-labelledby="public-mentorships-title">
        <h2 id="public-mentorships-title">{t('mentoring.public.mentorships')}</h2>
        {mentorships.length === 0 ? <p>{t('mentoring.public.no_mentorships')}</p> : <ul>{mentorships.map((m) => <MentorshipLine m={m} />)}</ul>}
      </section>
      <p><a href="/api/mentoring/offers">{t('mentoring.public.api')}</a> · <a href="/toolkit">{t('mentoring.public.toolkit')}</a></p>
    </>
  );
}

export interface HubForms {
  offer?: FailedForm;
  status?: FailedForm;
  withdraw?: { id: string; form: FailedForm };
}

/** A request's preferences, each with where it stands. */
function RequestLine({ request, offers }: { request: Request; offers: Map<string, Offer> }) {
  const { t, locale } = useView();
  return (
    <>
      <p>{t(`mentoring.request.status.${request.status}`)} <span class="meta">· {t('mentoring.request.sent', { date: formatDate(request.created_at, locale) })}</span></p>
      <ol>{request.preferences.map((id) => {
        const pass = request.passes.find((p) => p.offer_id === id);
        const name = offers.get(id)?.initiative.name ?? t('mentoring.request.gone');
        const state = pass ? t(`mentoring.request.passed.${pass.reason}`)
          : request.offer_id === id ? (request.status === 'matched' ? t('mentoring.request.accepted') : t('mentoring.request.asked'))
          : request.status === 'waiting' ? t('mentoring.request.full_or_later') : t('mentoring.request.not_asked');
        return <li>{name}: {state}{pass?.note && <> <q>{pass.note}</q></>}</li>;
      })}</ol>
    </>
  );
}

/** `/initiatives/<slug>/mentoring`: the initiative's offer, its requests, requests to it, its mentorships. */
export function HubPage(props: {
  initiative: { slug: string; name: string; status: string }; offer: Offer | undefined; requests: Request[]; offersAsked: Map<string, Offer>;
  incoming: Request[]; mentorships: Mentorship[]; topics: Option[]; topicName: (key: string) => string;
  can: { offer: boolean; request: boolean; answer: boolean }; forms: HubForms; notice?: string;
}) {
  const { t, locale } = useView();
  const { initiative, offer, requests, incoming, mentorships, can, forms, notice } = props;
  const base = hubHref(initiative.slug);
  const open = requests.find((r) => r.status === 'offered' || r.status === 'waiting');
  const mentored = mentorships.some((m) => m.mentee.slug === initiative.slug && (m.status === 'active' || m.status === 'approval'));
  return (
    <>
      <p><a href={`/initiatives/${initiative.slug}`}>{t('mentoring.back_initiative', { name: initiative.name })}</a> · <a href="/mentoring">{t('mentoring.back_public')}</a></p>
      <h1>{t('mentoring.hub.title', { name: initiative.name })}</h1>
      <Notice message={notice ? t(`mentoring.notice.${notice}`) : undefined} />

      <section aria-labelledby="mentorships">
        <h2 id="mentorships">{t('mentoring.hub.mentorships')}</h2>
        {mentorships.length === 0 ? <p>{t('mentoring.hub.no_mentorships')}</p> : <ul>{mentorships.map((m) => <MentorshipLine m={m} />)}</ul>}
      </section>

      <section aria-labelledby="requests">
        <h2 id="requests">{t('mentoring.hub.requests')}</h2>
        {can.request && !open && !mentored && <p><a href={`${base}/find`}>{t('mentoring.hub.find')}</a></p>}
        {requests.length === 0 ? <p>{t('mentoring.hub.no_requests')}</p> : (
          <ul>{requests.map((r) => (
            <li id={`request-${r.id}`}>
              <RequestLine request={r} offers={props.offersAsked} />
              {can.request && (r.status === 'offered' || r.status === 'waiting') && (
                <PostForm action={`${base}/requests/${r.id}/withdraw`} anchor={`withdraw-${r.id}`} errors={forms.withdraw?.id === r.id ? forms.withdraw.form.errors : undefined}>
                  <button type="submit" class="secondary">{t('mentoring.request.withdraw')}</button>
                </PostForm>
              )}
            </li>
          ))}</ul>
        )}
      </section>

      {offer && (
        <section aria-labelledby="incoming">
          <h2 id="incoming">{t('mentoring.hub.incoming')}</h2>
          {incoming.length === 0 ? <p>{t('mentoring.hub.no_incoming')}</p> : (
            <ul>{incoming.map((r) => (
              <li>
                <strong>{r.initiative.name}</strong> <span class="meta">{t('mentoring.answer.asked_on', { date: formatDate(r.offered_at ?? r.created_at, locale) })}</span>
                {can.answer && <> · <a href={`${base}/requests/${r.id}/answer`}>{t('mentoring.answer.link', { name: r.initiative.name })}</a></>}
              </li>
            ))}</ul>
          )}
        </section>
      )}

      <section aria-labelledby="offer">
        <h2 id="offer">{t('mentoring.hub.offer')}</h2>
        {offer ? (
          <>
            <p>{t(`mentoring.offer.status.${offer.status}`)}</p>
            <OfferFacts offer={offer} topicName={props.topicName} />
          </>
        ) : <p>{t('mentoring.offer.none')}</p>}
        {can.offer && initiative.status !== 'listed' && <p>{t('mentoring.offer.recognised_only')}</p>}
        {can.offer && offer && (
          <PostForm action={`${base}/offer/status`} anchor="offer-status" errors={forms.status?.errors} labels={{ status: t('mentoring.offer.change_status') }}>
            <SelectField name="status" label={t('mentoring.offer.change_status')} value={valueOf(forms.status?.values, 'status') || offer.status} error={forms.status?.errors.status}
              options={(['open', 'paused', 'withdrawn'] as const).map((s) => ({ value: s, label: t(`mentoring.offer.set.${s}`) }))} />
            <button type="submit">{t('mentoring.offer.change_status_submit')}</button>
          </PostForm>
        )}
        {can.offer && (initiative.status === 'listed' || offer) && <OfferForm action={`${base}/offer`} offer={offer} topics={props.topics} form={forms.offer} />}
      </section>
    </>
  );
}

function OfferForm({ action, offer, topics, form }: { action: string; offer: Offer | undefined; topics: Option[]; form?: FailedForm }) {
  const { t, locale } = useView();
  const languages = form ? valuesOf(form.values, 'languages') : (offer?.languages ?? [locale]);
  const chosen = (name: 'regions' | 'topics' | 'steps', fallback: string[]) => (form ? valuesOf(form.values, name) : fallback);
  const labels = { languages: t('mentoring.field.languages'), regions: t('mentoring.field.regions'), topics: t('mentoring.field.topics'), steps: t('mentoring.field.steps'), capacity: t('mentoring.field.capacity'), note: t('mentoring.field.note') };
  return (
    <>
      <h3>{offer ? t('mentoring.offer.edit') : t('mentoring.offer.make')}</h3>
      <PostForm action={action} anchor="offer-form" errors={form?.errors} labels={labels}>
        <ChecklistField name="languages" label={labels.languages} filterLabel={t('mentoring.field.filter_languages')} value={languages} error={form?.errors.languages}
          options={languageOptions(locale)} />
        <ChoiceField name="regions" label={labels.regions} type="checkbox" value={chosen('regions', offer?.regions ?? [])} error={form?.errors.regions}
          options={regions.map((r) => ({ value: r, label: t(`initiatives.region.${r}`) }))} />
        <ChoiceField name="topics" label={labels.topics} hint={t('mentoring.field.topics_hint')} type="checkbox" value={chosen('topics', offer?.topics ?? [])} error={form?.errors.topics} options={topics} />
        <ChoiceField name="steps" label={labels.steps} hint={t('mentoring.field.steps_hint')} type="checkbox" value={chosen('steps', offer?.steps ?? [])} error={form?.errors.steps}
          options={toolkitSteps.map(({ key: s }) => ({ value: s, label: t(`toolkit.steps.${s}.title`) }))} />
        <TextField name="capacity" label={labels.capacity} hint={t('mentoring.field.capacity_hint', { max: maxCapacity })} value={form ? valueOf(form.values, 'capacity') : String(offer?.capacity ?? 1)} error={form?.errors.capacity} maxlength={3} required />
        <TextArea name="note" label={labels.note} hint={t('mentoring.field.note_hint')} value={form ? valueOf(form.values, 'note') : (offer?.note ?? '')} error={form?.errors.note} maxlength={1000} />
        <button type="submit">{offer ? t('mentoring.offer.save') : t('mentoring.offer.submit')}</button>
      </PostForm>
    </>
  );
}

const languageOptions = (locale: Parameters<typeof languageName>[1]) =>
  commonLanguages.map((c) => ({ value: c, label: languageName(c, locale) })).sort((a, b) => a.label.localeCompare(b.label, locale));

/** `/initiatives/<slug>/mentoring/requests/<id>/answer`: a request to mentor, and the mentor's answer (or why it can no longer be given). */
export function AnswerPage(props: { mentor: { slug: string; name: string }; request: Request | undefined; form: FailedForm }) {
  const { t, locale } = useView();
  const { mentor, request, form } = props;
  const labels = { answer: t('mentoring.answer.answer'), note: t('mentoring.answer.note') };
  const words = useWords();
  return (
    <>
      <p><a href={`${hubHref(mentor.slug)}#incoming`}>{t('mentoring.back_hub', { name: mentor.name })}</a></p>
      <h1>{request ? t('mentoring.answer.title', { name: request.initiative.name }) : t('mentoring.answer.title_gone')}</h1>
      {!request ? <p role="alert">{form.errors._form ?? t('mentoring.errors.not_offered')}</p> : (
        <>
          <dl>
            <dt>{t('mentoring.answer.asked_on_label')}</dt><dd>{formatDate(request.offered_at ?? request.created_at, locale)}</dd>
            {request.initiative.languages.length > 0 && <><dt>{t('mentoring.facts.languages')}</dt><dd>{words.languages(request.initiative.languages)}</dd></>}
            {request.initiative.region && <><dt>{t('mentoring.facts.region')}</dt><dd>{t(`initiatives.region.${request.initiative.region}`)}</dd></>}
            <dt>{t('mentoring.facts.type')}</dt><dd>{t(`initiatives.type.${request.initiative.type}`)}</dd>
          </dl>
          {request.message && <><h2>{t('mentoring.answer.message')}</h2><p>{request.message}</p></>}
          <PostForm action={`${hubHref(mentor.slug)}/requests/${request.id}/answer`} anchor="answer" errors={form.errors} labels={labels}>
            <ChoiceField name="answer" label={labels.answer} type="radio" value={valueOf(form.values, 'answer')} error={form.errors.answer}
              options={[{ value: 'accept', label: t('mentoring.answer.accept') }, { value: 'decline', label: t('mentoring.answer.decline') }]} />
            <TextArea name="note" label={labels.note} hint={t('mentoring.answer.note_hint')} value={valueOf(form.values, 'note')} error={form.errors.note} maxlength={1000} />
            <button type="submit">{t('mentoring.answer.submit')}</button>
          </PostForm>
        </>
      )}
    </>
  );
}

/** `/initiatives/<slug>/mentoring/find`: suggestions, each explained, and the ranked choice. */
export function FindPage(props: { initiative: { slug: string; name: string }; progress: Progress; suggestions: Suggestion[]; blocked: string | null; form: FailedForm; topicName: (key: string) => string }) {
  const { t } = useView();
  const { initiative, progress, suggestions, blocked, form } = props;
  const base = hubHref(initiative.slug);
  const options = suggestions.map((s) => ({ value: s.offer.id, label: s.offer.initiative.name }));
  const labels: Record<string, string> = Object.fromEntries(Array.from({ length: maxPreferences }, (_, i) => [`choice_${i + 1}`, t('mentoring.find.choice', { n: i + 1 })]));
  labels.message = t('mentoring.find.message');
  return (
    <>
      <p><a href={base}>{t('mentoring.back_hub', { name: initiative.name })}</a></p>
      <h1>{t('mentoring.find.title')}</h1>
      <p>{t('mentoring.find.intro', { done: progress.done, total: progress.total })}</p>
      {blocked ? <p role="status">{t(blocked)}</p> : suggestions.length === 0 ? <p>{t('mentoring.find.none')}</p> : (
        <>
          <section aria-labelledby="suggestions-title">
            <h2 id="suggestions-title">{t('mentoring.find.suggestions')}</h2>
            <ol class="cards">{suggestions.map((s) => (
              <li id={`suggestion-${s.offer.id}`}>
                <h3>{s.offer.initiative.name}</h3>
                <Explanation reasons={s.fit.reasons} />
                <p class="meta">{s.offer.load < s.offer.capacity ? t('mentoring.places.free', { free: s.offer.capacity - s.offer.load, capacity: s.offer.capacity }) : t('mentoring.places.full')}</p>
                {s.offer.note && <p>{s.offer.note}</p>}
              </li>
            ))}</ol>
          </section>
          <section aria-labelledby="rank-title">
            <h2 id="rank-title">{t('mentoring.find.rank')}</h2>
            <p>{t('mentoring.find.rank_intro')}</p>
            <PostForm action={`${base}/requests`} anchor="request" errors={form.errors} labels={labels}>
              {Array.from({ length: Math.min(maxPreferences, suggestions.length) }, (_, i) => {
                const name = `choice_${i + 1}`;
                return <SelectField name={name} label={labels[name]!} blank={t('mentoring.find.no_choice')} options={options}
                  value={form.values[name] !== undefined ? valueOf(form.values, name) : (i === 0 ? suggestions[0]!.offer.id : '')} error={form.errors[name]} />;
              })}
              <TextArea name="message" label={labels.message} hint={t('mentoring.find.message_hint')} value={valueOf(form.values, 'message')} error={form.errors.message} maxlength={2000} />
              <button type="submit">{t('mentoring.find.submit')}</button>
            </PostForm>
          </section>
        </>
      )}
    </>
  );
}

export interface MentorshipForms { goals?: FailedForm; meeting?: FailedForm; consent?: FailedForm; feedback?: FailedForm }

/** `/mentorships/<id>`: goals, meetings, consent to be listed, the end with feedback. */
export function MentorshipPage(props: {
  m: Mentorship; meetings: Meeting[]; side: 'mentor' | 'mentee' | null; backTo: { href: string; name: string } | null;
  can: { work: boolean; speak: boolean; readNotes: boolean; seeProgress: boolean }; forms: MentorshipForms; notice?: string; today: string;
}) {
  const { t, locale } = useView();
  const { m, meetings, side, can, forms, notice } = props;
  const base = mentorshipHref(m.id);
  const running = m.status === 'active';
  const ownConsent = side === 'mentor' ? Number(m.mentor_consent) === 1 : Number(m.mentee_consent) === 1;
  const ownFeedback = side === 'mentor' ? m.mentor_feedback : m.mentee_feedback;
  const goalsForm = forms.goals ?? { values: { goals: m.goals.join('\n') }, errors: {} };
  const meetingForm = forms.meeting ?? { values: { held_on: props.today }, errors: {} };
  const feedbackForm = forms.feedback ?? blank;
  const stars = [1, 2, 3, 4, 5].map((n) => ({ value: String(n), label: t('mentoring.feedback.stars', { n }) }));
  return (
    <>
      <p>{props.backTo ? <a href={props.backTo.href}>{t('mentoring.back_hub', { name: props.backTo.name })}</a> : <a href="/mentoring">{t('mentoring.back_public')}</a>}</p>
      <h1>{t('mentoring.mentorship.pair', { mentor: m.mentor.name, mentee: m.mentee.name })}</h1>
      <p class="meta">{t(`mentoring.mentorship.status.${m.status}`)} · {t('mentoring.mentorship.accepted_on', { date: formatDate(m.accepted_at, locale) })}{m.ended_at && <> · {t('mentoring.mentorship.ended_on', { date: formatDate(m.ended_at, locale) })}</>}</p>
      <Notice message={notice ? t(`mentoring.notice.${notice}`) : undefined} />
      {m.status === 'approval' && <p>{t('mentoring.mentorship.awaiting_approval')}</p>}
      {can.seeProgress && <p><a href={`/initiatives/${m.mentee.slug}/toolkit`}>{t('mentoring.mentorship.progress', { name: m.mentee.name })}</a></p>}

      <section aria-labelledby="goals">
        <h2 id="goals">{t('mentoring.goals.title')}</h2>
        {m.goals.length === 0 ? <p>{t('mentoring.goals.none')}</p> : <ul>{m.goals.map((g) => <li>{g}</li>)}</ul>}
        {can.work && (running || m.status === 'approval') && (
          <PostForm action={`${base}/goals`} anchor="goals-form" errors={goalsForm.errors} labels={{ goals: t('mentoring.goals.field') }}>
            <TextArea name="goals" label={t('mentoring.goals.field')} hint={t('mentoring.goals.hint')} value={valueOf(goalsForm.values, 'goals')} error={goalsForm.errors.goals} maxlength={4000} />
            <button type="submit">{t('mentoring.goals.save')}</button>
          </PostForm>
        )}
      </section>

      <section aria-labelledby="meetings">
        <h2 id="meetings">{t('mentoring.meetings.title')}</h2>
        {meetings.length === 0 ? <p>{t('mentoring.meetings.none')}</p> : (
          <ul>{meetings.map((meeting) => (
            <li>
              <strong>{formatDate(meeting.held_on, locale)}</strong>{' '}
              <span class="meta">{t('mentoring.meetings.logged_by', { side: t(`mentoring.side.${meeting.side}`), name: meeting.by ?? t('mentoring.meetings.someone') })}</span>
              {can.readNotes && <p>{meeting.notes}</p>}
            </li>
          ))}</ul>
        )}
        {can.work && running && (
          <PostForm action={`${base}/meetings`} anchor="meeting-form" errors={meetingForm.errors} labels={{ held_on: t('mentoring.meetings.held_on'), notes: t('mentoring.meetings.notes') }}>
            <TextField {...fieldOf(meetingForm)('held_on', t('mentoring.meetings.held_on'))} hint={t('mentoring.field.date_hint')} required maxlength={10} />
            <TextArea {...fieldOf(meetingForm)('notes', t('mentoring.meetings.notes'))} required maxlength={4000} />
            <button type="submit">{t('mentoring.meetings.submit')}</button>
          </PostForm>
        )}
      </section>

      {(can.readNotes || m.listed) && (
        <section aria-labelledby="listing">
          <h2 id="listing">{t('mentoring.consent.title')}</h2>
          <p>{m.listed ? t('mentoring.consent.listed') : t('mentoring.consent.not_listed', { mentor: Number(m.mentor_consent) === 1 ? t('mentoring.consent.yes') : t('mentoring.consent.no'), mentee: Number(m.mentee_consent) === 1 ? t('mentoring.consent.yes') : t('mentoring.consent.no') })}</p>
          {can.speak && side && m.status !== 'rejected' && (
            <PostForm action={`${base}/consent`} anchor="consent-form" errors={forms.consent?.errors}>
              <Checkbox name="consent" label={t('mentoring.consent.field', { name: side === 'mentor' ? m.mentor.name : m.mentee.name })} checked={ownConsent} />
              <button type="submit">{t('mentoring.consent.save')}</button>
            </PostForm>
          )}
        </section>
      )}

      {can.readNotes && (m.status === 'active' || m.status === 'ended') && (
        <section aria-labelledby="feedback">
          <h2 id="feedback">{t('mentoring.feedback.title')}</h2>
          {(['mentor', 'mentee'] as const).map((s) => {
            const text = s === 'mentor' ? m.mentor_feedback : m.mentee_feedback;
            const rating = s === 'mentor' ? m.mentor_rating : m.mentee_rating;
            return text ? <p><strong>{t(`mentoring.side.${s}`)}</strong> ({t('mentoring.feedback.stars', { n: Number(rating) })}): {text}</p> : null;
          })}
          {can.speak && side && ownFeedback === null && (
            <>
              <p>{running ? t('mentoring.feedback.end_intro') : t('mentoring.feedback.other_intro')}</p>
              <PostForm action={`${base}/feedback`} anchor="feedback-form" errors={feedbackForm.errors} labels={{ feedback: t('mentoring.feedback.text'), rating: t('mentoring.feedback.rating') }}>
                <TextArea {...fieldOf(feedbackForm)('feedback', t('mentoring.feedback.text'))} required maxlength={2000} />
                <ChoiceField name="rating" label={t('mentoring.feedback.rating')} type="radio" options={stars} value={valueOf(feedbackForm.values, 'rating')} error={feedbackForm.errors.rating} />
                <button type="submit">{running ? t('mentoring.feedback.end') : t('mentoring.feedback.submit')}</button>
              </PostForm>
            </>
          )}
        </section>
      )}
    </>
  );
}

/** `/secretariat/mentoring`: the approval setting and the matches waiting for it. */
export function SecretariatPage(props: { required: boolean; pending: Mentorship[]; forms: { settings?: FailedForm; decision?: { id: string; form: FailedForm } }; notice?: string }) {
  const { t, locale } = useView();
  const { required, pending, forms, notice } = props;
  return (
    <>
      <p><a href="/mentoring">{t('mentoring.back_public')}</a></p>
      <h1>{t('mentoring.secretariat.title')}</h1>
      <Notice message={notice ? t(`mentoring.notice.${notice}`) : undefined} />
      <section aria-labelledby="settings">
        <h2 id="settings">{t('mentoring.secretariat.settings')}</h2>
        <PostForm action="/secretariat/mentoring/settings" anchor="settings-form" errors={forms.settings?.errors}>
          <Checkbox name="approval_required" label={t('mentoring.secretariat.approval_required')} hint={t('mentoring.secretariat.approval_hint')} checked={required} />
          <button type="submit">{t('mentoring.secretariat.save')}</button>
        </PostForm>
      </section>
      <section aria-labelledby="approvals">
        <h2 id="approvals">{t('mentoring.secretariat.approvals')}</h2>
        {pending.length === 0 ? <p>{t('mentoring.secretariat.none')}</p> : (
          <ul>{pending.map((m) => {
            const form = forms.decision?.id === m.id ? forms.decision.form : blank;
            return (
              <li>
                <a href={mentorshipHref(m.id)}>{t('mentoring.mentorship.pair', { mentor: m.mentor.name, mentee: m.mentee.name })}</a>{' '}
                <span class="meta">{t('mentoring.mentorship.accepted_on', { date: formatDate(m.accepted_at, locale) })}</span>
                <PostForm action={`/secretariat/mentoring/${m.id}/decision`} anchor={`decision-${m.id}`} errors={form.errors}>
                  {/* Two buttons, no fields: a page with several matches repeats no field's id. */}
                  <button type="submit" name="decision" value="approve">{t('mentoring.secretariat.approve')}</button>{' '}
                  <button type="submit" name="decision" value="reject" class="secondary">{t('mentoring.secretariat.reject')}</button>
                </PostForm>
              </li>
            );
          })}</ul>
        )}
      </section>
    </>
  );
}
