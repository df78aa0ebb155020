import { useView } from '../../../../platform/views/context.ts';

/** On the event's page, for the organisers and the programme committee's members: the way to their review list and the committee. */
export function CommitteeLinks({ slug, member, chair }: { slug: string; member: boolean; chair: boolean }) {
  const { t } = useView();
  return (
    <section aria-labelledby="committee-links-title">
      <h2 id="committee-links-title">{t('events.committee.link')}</h2>
      {member && <p><a href={`/events/${slug}/review`}>{t('events.review.mine')}</a></p>}
      {chair && <p><a href={`/events/${slug}/review/assignments`}>{t('events.review.assignments_title')}</a> · <a href={`/events/${slug}/review/overview`}>{t('events.review.overview_title')}</a></p>}
      <p><a href={`/events/${slug}/committee`}>{t('events.committee.link')}</a></p>
    </section>
  );
}
