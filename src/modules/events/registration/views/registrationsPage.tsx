import { useView } from '../../../../platform/views/context.ts';
import { Notice, PostForm, TextField } from '../../../../platform/views/components.tsx';
import { valueOf, type FormValues } from '../../../../platform/http/forms.ts';
import type { FailedForm } from '../../../../platform/http/action.ts';
import type { RegistrationListItem } from '../queries.ts';
import { registrationStatuses } from '../rules.ts';

/** How many registrations of each value, in a small table (counts of the event and its sessions together). */
function CountTable({ id, title, rows }: { id: string; title: string; rows: Array<[string, number]> }) {
  const { t } = useView();
  return (
    <table>
      <caption id={id}>{title}</caption>
      <thead><tr><th scope="col">{title}</th><th scope="col">{t('events.checkin.count')}</th></tr></thead>
      <tbody>{rows.map(([label, n]) => <tr><th scope="row">{label}</th><td>{n}</td></tr>)}</tbody>
    </table>
  );
}

function tally(items: RegistrationListItem[], key: (i: RegistrationListItem) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}

export interface RegistrationsPageProps {
  event: { slug: string; title: string; onsite_capacity?: number | null; online_capacity?: number | null };
  items: RegistrationListItem[];
  notice?: string;
  promoted?: number;
  failed?: FailedForm;
}

/** `/events/<slug>/registrations`: for the organisers, the seats, the numbers, and everyone registered (personal data). */
export function RegistrationsPage({ event, items, notice, promoted, failed }: RegistrationsPageProps) {
  const { t, locale, stakeholders, groupLabel } = useView();
  const values: FormValues = failed?.values ?? { onsite_capacity: event.onsite_capacity?.toString() ?? '', online_capacity: event.online_capacity?.toString() ?? '' };
  const active = items.filter((i) => i.status !== 'cancelled');
  const presences = tally(active, (i) => i.presence);
  const groups = tally(active, (i) => stakeholders.groupOf(i.stakeholder_group));
  const statuses = tally(items, (i) => i.status);
  const when = (iso: string) => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }).format(new Date(iso)) + ' UTC';
  return (
    <>
      <p><a href={`/events/${event.slug}`}>{t('events.checkin.back', { title: event.title })}</a></p>
      <h1>{t('events.checkin.title', { title: event.title })}</h1>
      <Notice message={notice === 'capacity_saved' ? (promoted ? t('events.checkin.saved_promoted', { count: promoted }) : t('events.checkin.saved')) : undefined} />
      <p class="note">{t('events.checkin.private')}</p>
      <section aria-labelledby="seats-title">
        <h2 id="seats-title">{t('events.checkin.seats_title')}</h2>
        <PostForm action={`/events/${event.slug}/capacity`} anchor="capacity" errors={failed?.errors}
          labels={{ onsite_capacity: t('events.checkin.onsite_capacity'), online_capacity: t('events.checkin.online_capacity') }}>
          <p class="hint">{t('events.checkin.capacity_hint')}</p>
          <TextField name="onsite_capacity" type="number" label={t('events.checkin.onsite_capacity')} value={valueOf(values, 'onsite_capacity')} error={failed?.errors.onsite_capacity} maxlength={7} />
          <TextField name="online_capacity" type="number" label={t('events.checkin.online_capacity')} value={valueOf(values, 'online_capacity')} error={failed?.errors.online_capacity} maxlength={7} />
          <button type="submit">{t('events.checkin.save')}</button>
        </PostForm>
      </section>
      <section aria-labelledby="counts-title">
        <h2 id="counts-title">{t('events.checkin.counts_title')}</h2>
        <CountTable id="by-presence" title={t('events.checkin.by_presence')} rows={[...presences].map(([p, n]) => [t(`events.registration.presence.${p}`), n])} />
        <CountTable id="by-group" title={t('events.checkin.by_group')} rows={stakeholders.groups.filter((g) => groups.has(g)).map((g) => [groupLabel(g), groups.get(g)!])} />
        <CountTable id="by-status" title={t('events.checkin.by_status')} rows={registrationStatuses.filter((s) => statuses.has(s)).map((s) => [t(`events.registration.status_short.${s}`), statuses.get(s)!])} />
      </section>
      <section aria-labelledby="list-title">
        <h2 id="list-title">{t('events.checkin.list_title')}</h2>
        <p><a href={`/events/${event.slug}/registrations.csv`}>{t('events.checkin.csv')}</a></p>
        {items.length === 0 ? <p>{t('events.checkin.none')}</p> : (
          <table class="stack">
            <caption class="visually-hidden">{t('events.checkin.list_title')}</caption>
            <thead>
              <tr>
                {(['name', 'email', 'session', 'presence', 'group', 'status', 'registered_at'] as const).map((c) => <th scope="col">{t(`events.checkin.${c}`)}</th>)}
              </tr>
            </thead>
            <tbody>
              {items.map((i) => (
                <tr>
                  <td data-label={t('events.checkin.name')}>{i.name}</td>
                  <td data-label={t('events.checkin.email')}>{i.email}</td>
                  <td data-label={t('events.checkin.session')}>{i.session ?? t('events.checkin.whole_event')}</td>
                  <td data-label={t('events.checkin.presence')}>{t(`events.registration.presence.${i.presence}`)}</td>
                  <td data-label={t('events.checkin.group')}>{groupLabel(i.stakeholder_group)}</td>
                  <td data-label={t('events.checkin.status')}>{i.position ? t('events.checkin.waitlist_place', { position: i.position }) : t(`events.registration.status_short.${i.status}`)}</td>
                  <td data-label={t('events.checkin.registered_at')}><time datetime={i.registered_at}>{when(i.registered_at)}</time></td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}
