import { useView } from '../../../../platform/views/context.ts';
import { PostForm } from '../../../../platform/views/components.tsx';

/** The cancellation link from a mail, opened: who and what it cancels, and a button (a link scanner's GET changes nothing). */
export function CancelLinkPage({ event, name, action }: { event: { slug: string; title: string }; name: string; action: string }) {
  const { t } = useView();
  return (
    <>
      <h1>{t('events.registration.link.title')}</h1>
      <p>{t('events.registration.link.intro', { name, title: event.title })}</p>
      <PostForm action={action} anchor="cancel">
        <button type="submit">{t('events.registration.link.confirm')}</button>
      </PostForm>
      <p><a href={`/events/${event.slug}`}>{t('events.registration.link.keep')}</a></p>
    </>
  );
}

/** After cancelling through the link, or when the link no longer works. */
export function CancelLinkDonePage({ event, done }: { event: { slug: string; title: string }; done: boolean }) {
  const { t } = useView();
  return (
    <>
      <h1>{t(done ? 'events.registration.link.done_title' : 'events.registration.link.gone_title')}</h1>
      <p>{done ? t('events.registration.link.done', { title: event.title }) : t('events.registration.link.gone')}</p>
      <p><a href={`/events/${event.slug}`}>{t('events.registration.back', { title: event.title })}</a></p>
    </>
  );
}
