import { useView } from '../../../../platform/views/context.ts';
import { ChoiceField, Notice, PostForm } from '../../../../platform/views/components.tsx';
import { valueOf, type FieldErrors, type FormValues } from '../../../../platform/http/forms.ts';
import type { FailedForm } from '../../../../platform/http/action.ts';
import type { SessionSeating } from '../sessions.ts';
import { SeatsLeft } from './registerForm.tsx';

const notices = ['confirmed', 'waitlisted', 'cancelled'];
export const sessionRegisterPath = (slug: string, sessionId: string) => `/events/${slug}/sessions/${sessionId}/register`;

/**
 * A session's seats and the visitor's part in them, under the session on the public program: the
 * form (no script: one press), their status with a cancel button, or why they cannot register.
 * Ids carry the session's, since the program lists many sessions on one page.
 */
export function SessionRegistration(props: { slug: string; seating: SessionSeating; closed: 'draft' | 'closed' | 'ended' | null; notice?: string }) {
  const { slug, seating, closed, notice } = props;
  const { t, actor } = useView();
  const { id, offered, mine } = seating;
  const action = sessionRegisterPath(slug, id);
  const active = mine !== null && mine.status !== 'cancelled';
  const body = () => {
    if (active) {
      const presence = t(`events.registration.presence.${mine.presence}`);
      return (
        <>
          <p><strong>{t(`events.session_registration.status.${mine.status}`, { presence, position: mine.position ?? 0 })}</strong></p>
          <PostForm action={`${action}/cancel`} anchor={`cancel-${id}`}>
            <button type="submit" class="secondary">{t('events.session_registration.cancel')}<span class="visually-hidden">: {seating.title}</span></button>
          </PostForm>
        </>
      );
    }
    if (closed) return <p>{t('events.registration.not_open', { reason: closed })}</p>;
    if (!actor.user) return <p><a href={`/login?next=${encodeURIComponent(`/events/${slug}/program#session-${id}`)}`}>{t('events.session_registration.login')}</a></p>;
    if (!actor.user.email_verified_at) return <p>{t('events.registration.verify_first')} <a href="/account">{t('events.registration.to_account')}</a></p>;
    return (
      <PostForm action={action} anchor={`register-${id}`}>
        <input type="hidden" name="stakeholder_group" value={actor.user.stakeholder_group} />
        {offered.length === 1 ? <input type="hidden" name="presence" value={offered[0]} /> : (
          <fieldset class="field">
            <legend>{t('events.registration.presence_label')}</legend>
            <div class="choices">
              {offered.map((p, i) => (
                <span>
                  <input type="radio" id={`presence-${id}-${p}`} name="presence" value={p} checked={i === 0} />{' '}
                  <label for={`presence-${id}-${p}`}>{t(`events.registration.presence.${p}`)}</label>
                </span>
              ))}
            </div>
          </fieldset>
        )}
        <button type="submit">{t('events.session_registration.submit')}<span class="visually-hidden">: {seating.title}</span></button>
      </PostForm>
    );
  };
  return (
    <div class="session-registration">
      <Notice message={notice && notices.includes(notice) ? t(`events.session_registration.notice.${notice}`) : undefined} />
      <SeatsLeft counts={seating.counts} />
      {body()}
    </div>
  );
}

/** `/events/<slug>/sessions/<id>/register`: the session's form on a page of its own, where a refused registration is shown again with its errors. */
export function SessionRegisterPage(props: { event: { slug: string; title: string }; seating: SessionSeating; failed?: FailedForm }) {
  const { event, seating, failed } = props;
  const { t, actor, stakeholders, groupLabel } = useView();
  const values: FormValues | undefined = failed?.values;
  const errors: FieldErrors | undefined = failed?.errors;
  const group = valueOf(values, 'stakeholder_group') || actor.user?.stakeholder_group;
  const presence = valueOf(values, 'presence') || seating.offered[0];
  return (
    <>
      <p><a href={`/events/${event.slug}/program#session-${seating.id}`}>{t('events.session_registration.back', { title: event.title })}</a></p>
      <h1>{t('events.session_registration.title', { title: seating.title })}</h1>
      <SeatsLeft counts={seating.counts} />
      <PostForm action={sessionRegisterPath(event.slug, seating.id)} anchor="register" errors={errors}
        labels={{ presence: t('events.registration.presence_label'), stakeholder_group: t('events.registration.group_label') }}>
        <ChoiceField type="radio" name="presence" label={t('events.registration.presence_label')} value={presence} error={errors?.presence}
          options={seating.offered.map((p) => ({ value: p, label: t(`events.registration.presence.${p}`) }))} />
        <ChoiceField type="radio" name="stakeholder_group" label={t('events.registration.group_label')} hint={t('events.registration.group_hint')}
          value={group ? stakeholders.groupOf(group) : undefined} error={errors?.stakeholder_group}
          options={stakeholders.groups.map((g) => ({ value: g, label: groupLabel(g) }))} />
        <button type="submit">{t('events.session_registration.submit')}</button>
      </PostForm>
    </>
  );
}
