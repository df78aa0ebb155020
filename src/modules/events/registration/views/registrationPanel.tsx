import { useView } from '../../../../platform/views/context.ts';
import { Notice, PostForm } from '../../../../platform/views/components.tsx';
import type { MyRegistration, SeatCount } from '../queries.ts';
import type { Presence } from '../rules.ts';
import { RegisterForm, SeatsLeft } from './registerForm.tsx';

export interface RegistrationPanelProps {
  slug: string;
  /** Why the event takes no registration now, or null. */
  closed: 'draft' | 'closed' | 'ended' | null;
  offered: Presence[];
  counts: SeatCount[];
  mine: MyRegistration | null;
  /** The visitor organises the event: a link to the list. */
  organises: boolean;
  notice?: string;
}

const notices = ['confirmed', 'waitlisted', 'cancelled'];

/** The visitor's own registration: what it is, and the button that cancels it. */
function MyStatus({ slug, mine }: { slug: string; mine: MyRegistration }) {
  const { t } = useView();
  const presence = t(`events.registration.presence.${mine.presence}`);
  return (
    <>
      <p><strong>{t(`events.registration.status.${mine.status}`, { presence, position: mine.position ?? 0 })}</strong></p>
      <PostForm action={`/events/${slug}/register/cancel`} anchor="cancel-registration">
        <button type="submit" class="secondary">{t('events.registration.cancel')}</button>
      </PostForm>
    </>
  );
}

/** What the event page says about registration, to each visitor: the form, their status, or why it is closed. */
export function RegistrationPanel(props: RegistrationPanelProps) {
  const { slug, closed, offered, counts, mine, organises, notice } = props;
  const { t, actor } = useView();
  const active = mine !== null && mine.status !== 'cancelled';
  const body = () => {
    if (active) return <MyStatus slug={slug} mine={mine} />;
    if (closed) return <p>{t('events.registration.not_open', { reason: closed })}</p>;
    if (!actor.user) return <p><a href={`/login?next=${encodeURIComponent(`/events/${slug}#registration`)}`}>{t('events.registration.login')}</a></p>;
    if (!actor.user.email_verified_at) return <p>{t('events.registration.verify_first')} <a href="/account">{t('events.registration.to_account')}</a></p>;
    return (
      <>
        {mine?.status === 'cancelled' && <p>{t('events.registration.status.cancelled')}</p>}
        <RegisterForm slug={slug} offered={offered} />
      </>
    );
  };
  return (
    <section aria-labelledby="registration-title" id="registration">
      <h2 id="registration-title">{t('events.registration.title')}</h2>
      <Notice message={notice && notices.includes(notice) ? t(`events.registration.notice.${notice}`) : undefined} />
      {closed !== 'draft' && <SeatsLeft counts={counts} />}
      {body()}
      {organises && <p><a href={`/events/${slug}/registrations`}>{t('events.registration.manage')}</a></p>}
    </section>
  );
}
