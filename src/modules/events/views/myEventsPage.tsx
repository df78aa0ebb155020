import type { Child } from 'hono/jsx';
import { useView } from '../../../platform/views/context.ts';
import type { EventSummary } from '../queries.ts';
import { EventCard } from './eventCard.tsx';

/** `/my/events`: the events of the initiatives a person organises, drafts included, and where to start a new one. */
export function MyEventsPage({ initiatives, events, registrations }: { initiatives: Array<{ slug: string; name: string }>; events: EventSummary[]; registrations?: Child }) {
  const { t, actor } = useView();
  return (
    <>
      <p><a href="/events">{t('events.page.back')}</a></p>
      <h1>{t('events.mine.title')}</h1>
      <p><a href="/my/proposals">{t('events.proposals.mine_title')}</a></p>
      {registrations}
      {initiatives.length === 0 ? (
        <p>{t('events.mine.no_committee')} <a href="/my/initiatives">{t('events.mine.to_initiatives')}</a></p>
      ) : actor.user?.email_verified_at ? (
        <ul>
          {initiatives.map((i) => <li><a href={`/initiatives/${i.slug}/events/new`}>{t('events.mine.new_for', { name: i.name })}</a></li>)}
        </ul>
      ) : (
        <p>{t('events.mine.verify_first')} <a href="/account">{t('events.mine.to_account')}</a></p>
      )}
      <h2 id="mine-title">{t('events.mine.events')}</h2>
      {events.length === 0 ? <p>{t('events.mine.none')}</p> : <ul class="cards" aria-labelledby="mine-title">{events.map((event) => <EventCard event={event} />)}</ul>}
    </>
  );
}
