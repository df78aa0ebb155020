import { useView } from '../../../../platform/views/context.ts';
import type { PersonRegistration } from '../queries.ts';
import { formatInZone } from '../../time.ts';

/** The section of /my/events listing the person's own registrations. */
export function MyRegistrations({ items }: { items: PersonRegistration[] }) {
  const { t, locale } = useView();
  return (
    <section aria-labelledby="my-registrations-title">
      <h2 id="my-registrations-title">{t('events.registration.mine_title')}</h2>
      {items.length === 0 ? <p>{t('events.registration.mine_none')}</p> : (
        <ul>
          {items.map((r) => {
            const status = r.status === 'waitlisted' ? t('events.registration.mine_waitlisted', { position: r.position ?? 0 }) : t(`events.registration.status_short.${r.status}`);
            return (
              <li>
                <a href={`/events/${r.event.slug}#registration`}>{t('events.registration.mine_item', { title: r.event.title, session: r.session ?? 'none', status })}</a>
                {' '}({t(`events.registration.presence.${r.presence}`)}) — <time datetime={r.event.starts_at}>{formatInZone(r.event.starts_at, r.event.time_zone, locale)}</time>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
