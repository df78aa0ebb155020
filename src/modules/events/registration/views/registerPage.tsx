import { useView } from '../../../../platform/views/context.ts';
import type { FailedForm } from '../../../../platform/http/action.ts';
import type { SeatCount } from '../queries.ts';
import type { Presence } from '../rules.ts';
import { RegisterForm, SeatsLeft } from './registerForm.tsx';

/** `/events/<slug>/register`: the form on a page of its own, where a refused registration is shown again with its errors. */
export function RegisterPage({ event, offered, counts, failed }: { event: { slug: string; title: string }; offered: Presence[]; counts: SeatCount[]; failed?: FailedForm }) {
  const { t } = useView();
  return (
    <>
      <p><a href={`/events/${event.slug}`}>{t('events.registration.back', { title: event.title })}</a></p>
      <h1>{t('events.registration.register_title', { title: event.title })}</h1>
      <SeatsLeft counts={counts} />
      <RegisterForm slug={event.slug} offered={offered} values={failed?.values} errors={failed?.errors} />
    </>
  );
}
