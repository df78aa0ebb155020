import { useView } from '../../../../platform/views/context.ts';
import { Notice, PostForm } from '../../../../platform/views/components.tsx';
import { countryName } from '../../../../platform/geo/countryName.ts';
import type { FailedForm } from '../../../../platform/http/action.ts';
import type { Call, Proposal, ProposalPerson } from '../queries.ts';
import type { Screening } from '../screening.ts';
import { ScreeningPanel } from './screeningPanel.tsx';
import { windowsAsText } from '../../availability/format.ts';

const notices = ['created', 'saved', 'submitted', 'withdrawn'];

/** A proposal's status as a word. */
export function ProposalStatus({ status }: { status: string }) {
  const { t } = useView();
  return <span class={`badge status-${status}`}>{t(`events.proposals.status.${status}`)}</span>;
}

function PersonLine({ person, zone }: { person: ProposalPerson; zone: string }) {
  const { t, locale, groupLabel } = useView();
  const details = [
    person.organisation,
    person.stakeholder_group ? groupLabel(person.stakeholder_group) : null,
    person.country ? countryName(person.country, locale) : null,
    person.gender,
    person.presence ? t(`events.proposals.presence.${person.presence}`) : null,
    person.role === 'speaker' ? (person.confirmed ? t('events.proposals.confirmed') : t('events.proposals.not_confirmed')) : null,
  ].filter(Boolean);
  return (
    <li>
      {person.name}{details.length > 0 && <> — {details.join(', ')}</>}
      {person.availability.length > 0 && <><br />{t('events.availability.shown', { windows: windowsAsText(person.availability, zone).split('\n').join('; ') })} ({zone})</>}
    </li>
  );
}

export interface ProposalCan {
  edit: boolean;
  withdraw: boolean;
}

/** `/events/<slug>/proposals/<id>`: a proposal for its proposer and, once submitted, the organisers. */
export function ProposalPage(props: { event: { slug: string; title: string; time_zone: string }; call: Call | undefined; proposal: Proposal; screening: Screening; can: ProposalCan; notice?: string; failed?: FailedForm }) {
  const { event, call, proposal, screening, can, notice, failed } = props;
  const { t } = useView();
  const track = call?.tracks.find((tr) => tr.id === proposal.track_id);
  const people = (role: string) => proposal.people.filter((p) => p.role === role);
  const group = (role: string, title: string) => (
    <>
      <dt>{title}</dt>
      <dd>{people(role).length ? <ul>{people(role).map((p) => <PersonLine person={p} zone={event.time_zone} />)}</ul> : t('events.proposals.nobody')}</dd>
    </>
  );
  return (
    <>
      <p><a href={`/events/${event.slug}`}>{t('events.call.back', { title: event.title })}</a> · <a href="/my/proposals">{t('events.proposals.mine_title')}</a></p>
      <Notice message={notice && notices.includes(notice) ? t(`events.proposals.notice.${notice}`) : undefined} />
      {failed?.errors._form && <p class="alert" role="alert">{failed.errors._form}</p>}
      <h1 lang={proposal.original_locale}>{proposal.title}</h1>
      <p><ProposalStatus status={proposal.status} /></p>
      {['accepted', 'rejected', 'merge_suggested'].includes(proposal.status) && <p><a href={`/events/${event.slug}/proposals/${proposal.id}/outcome`}>{t('events.decision.see_outcome')}</a></p>}
      <dl>
        <dt>{t('events.proposals.fields.format')}</dt>
        <dd>{t(`events.session_format.${proposal.format}`)}</dd>
        <dt>{t('events.proposals.fields.track')}</dt>
        <dd>{track?.name ?? t('events.proposals.no_track')}</dd>
        <dt>{t('events.proposals.fields.modality')}</dt>
        <dd>{t(`events.format.${proposal.modality}`)}</dd>
        <dt>{t('events.proposals.fields.description')}</dt>
        <dd lang={proposal.original_locale}>{proposal.description.split(/\n{2,}/).map((p) => <p>{p}</p>)}</dd>
        {proposal.policy_questions && (
          <>
            <dt>{t('events.proposals.fields.policy_questions')}</dt>
            <dd lang={proposal.original_locale}>{proposal.policy_questions.split(/\n{2,}/).map((p) => <p>{p}</p>)}</dd>
          </>
        )}
        {group('organiser', t('events.proposals.organisers'))}
        {group('speaker', t('events.proposals.speakers'))}
        {group('moderator', t('events.proposals.moderator'))}
        {group('online_moderator', t('events.proposals.online_moderator'))}
        {group('rapporteur', t('events.proposals.rapporteur'))}
        {call?.questions.filter((q) => proposal.answers.has(q.id)).map((q) => (
          <>
            <dt>{q.question}</dt>
            <dd>{proposal.answers.get(q.id)}</dd>
          </>
        ))}
      </dl>
      <ScreeningPanel screening={screening} />
      {can.edit && <p><a href={`/events/${event.slug}/proposals/${proposal.id}/edit`}>{t('events.proposals.edit')}</a></p>}
      {can.withdraw && (
        <PostForm action={`/events/${event.slug}/proposals/${proposal.id}/withdraw`} anchor="withdraw">
          <p class="hint">{t('events.proposals.withdraw_hint')}</p>
          <button type="submit" class="secondary">{t('events.proposals.withdraw')}</button>
        </PostForm>
      )}
    </>
  );
}

/** `/events/<slug>/proposals`: the organisers' list, with each proposal's status and screening. */
export function ProposalsList({ event, items }: { event: { slug: string; title: string }; items: Array<{ proposal: Proposal; screening: Screening }> }) {
  const { t } = useView();
  return (
    <>
      <p><a href={`/events/${event.slug}`}>{t('events.call.back', { title: event.title })}</a></p>
      <h1>{t('events.proposals.list_heading', { title: event.title })}</h1>
      <p>{t('events.proposals.count', { count: items.length })}</p>
      {items.length > 0 && (
        // Stacked at narrow widths, like the other tables, so the list fits 320 px.
        <table class="stack">
          <thead>
            <tr>
              <th scope="col">{t('events.proposals.fields.title')}</th>
              <th scope="col">{t('events.proposals.fields.format')}</th>
              <th scope="col">{t('events.proposals.status_heading')}</th>
              <th scope="col">{t('events.screening.title')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map(({ proposal, screening }) => (
              <tr>
                <td data-label={t('events.proposals.fields.title')}><a href={`/events/${event.slug}/proposals/${proposal.id}`} lang={proposal.original_locale}>{proposal.title}</a></td>
                <td data-label={t('events.proposals.fields.format')}>{t(`events.session_format.${proposal.format}`)}</td>
                <td data-label={t('events.proposals.status_heading')}><ProposalStatus status={proposal.status} /></td>
                <td data-label={t('events.screening.title')}>
                  {screening.passed ? t('events.screening.all_passed') : t('events.screening.some_failed', { count: screening.results.filter((r) => r.applies && !r.passed).length })}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

/** `/my/proposals`: a person's own proposals, drafts and withdrawn ones included. */
export function MyProposals({ items }: { items: Array<{ id: string; title: string; status: string; event_slug: string; event_title: string }> }) {
  const { t } = useView();
  return (
    <>
      <p><a href="/my/events">{t('events.mine.title')}</a></p>
      <h1>{t('events.proposals.mine_title')}</h1>
      {items.length === 0 ? <p>{t('events.proposals.mine_none')}</p> : (
        <ul>
          {items.map((p) => (
            <li><a href={`/events/${p.event_slug}/proposals/${p.id}`}>{p.title}</a> — {p.event_title} <ProposalStatus status={p.status} /></li>
          ))}
        </ul>
      )}
    </>
  );
}
