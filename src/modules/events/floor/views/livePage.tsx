import { useView } from '../../../../platform/views/context.ts';
import { Notice, PostForm, SelectField, TextArea, TextField } from '../../../../platform/views/components.tsx';
import { valueOf, type FieldErrors, type FormValues } from '../../../../platform/http/forms.ts';
import type { Balance, FloorRequest } from '../queries.ts';
import { maxQuestion } from '../schema.ts';
import { CountsFigure } from './countsTable.tsx';

export interface LiveCan {
  /** May ask for the floor or post a question. */
  ask: boolean;
  /** Runs the queue: sees names and questions, marks them, records onsite speakers. */
  moderate: boolean;
}

export interface LivePageProps {
  event: { slug: string; title: string };
  session: { id: string; title: string };
  can: LiveCan;
  signedIn: boolean;
  /** The waiting requests in order (for a moderator: all of them; for the others only their number matters). */
  queue: FloorRequest[];
  /** The visitor's own waiting requests and their places. */
  mine: Array<{ place: number; request: FloorRequest }>;
  /** The last handled requests, latest first (moderators only). */
  handled: FloorRequest[];
  balance: Balance | null;
  /** The queue's version as shown (the script compares the stream's with it). */
  version: number;
  /** The stream's address; the small script follows it and refreshes the queue. */
  stream: string | null;
  script: string;
  forms: { ask?: { values: FormValues; errors: FieldErrors }; speaker?: { values: FormValues; errors: FieldErrors }; mark?: { id: string; errors: FieldErrors } };
  notice?: string;
}

const notices = ['asked', 'withdrawn', 'marked', 'recorded'];

function MarkForms({ base, request, failed }: { base: string; request: FloorRequest; failed?: string }) {
  const { t } = useView();
  const done = request.kind === 'floor' ? 'took_floor' : 'answered';
  return (
    <div class="actions">
      {failed && <p class="error" id={`error-mark-${request.id}`}>{failed}</p>}
      {[done, 'dismissed'].map((status) => (
        <PostForm action={`${base}/requests/${request.id}`} class="inline">
          <input type="hidden" name="status" value={status} />
          <button type="submit" class={status === 'dismissed' ? 'secondary' : undefined}>
            {t(`events.floor.mark.${status}`)}
            <span class="visually-hidden"> {request.name ?? t('events.floor.someone')}</span>
          </button>
        </PostForm>
      ))}
    </div>
  );
}

/** The moderator's queue: in order, with who asked, their group and presence, the question, and the marks. */
function ModeratorQueue({ base, queue, failed }: { base: string; queue: FloorRequest[]; failed?: { id: string; errors: FieldErrors } }) {
  const { t, groupLabel } = useView();
  if (queue.length === 0) return <p>{t('events.floor.queue_empty')}</p>;
  return (
    <table class="stack">
      <caption class="visually-hidden">{t('events.floor.queue_title')}</caption>
      <thead>
        <tr>
          {['place', 'who', 'kind', 'group', 'presence', 'actions'].map((c) => <th scope="col">{t(`events.floor.column.${c}`)}</th>)}
        </tr>
      </thead>
      <tbody>
        {queue.map((r, i) => (
          <tr id={`request-${r.id}`}>
            <td data-label={t('events.floor.column.place')}>{i + 1}</td>
            <td data-label={t('events.floor.column.who')}>{r.name ?? t('events.floor.someone')}</td>
            <td data-label={t('events.floor.column.kind')}>
              {t(`events.floor.kind.${r.kind}`)}
              {r.question && <blockquote class="question">{r.question}</blockquote>}
            </td>
            <td data-label={t('events.floor.column.group')}>{r.stakeholder_group ? groupLabel(r.stakeholder_group) : t('events.floor.unknown_group')}</td>
            <td data-label={t('events.floor.column.presence')}>{t(`events.floor.presence.${r.presence}`)}</td>
            <td data-label={t('events.floor.column.actions')}><MarkForms base={base} request={r} failed={failed?.id === r.id ? Object.values(failed.errors)[0] : undefined} /></td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function BalanceSection({ balance }: { balance: Balance }) {
  const { t, groupLabel } = useView();
  const total = t('events.floor.balance_total', { count: balance.total });
  return (
    <section aria-labelledby="balance-title">
      <h2 id="balance-title">{t('events.floor.balance_title')}</h2>
      <p class="hint">{t('events.floor.balance_hint')}</p>
      <CountsFigure id="balance-groups" title={t('events.floor.balance_by_group')} total={total}
        rows={balance.byGroup.map((g) => ({ key: g.key, label: g.key === 'unknown' ? t('events.floor.unknown_group') : groupLabel(g.key), shown: String(g.count), count: g.count }))} />
      <CountsFigure id="balance-presence" title={t('events.floor.balance_by_presence')} total={total}
        rows={balance.byPresence.map((p) => ({ key: p.key === 'onsite' ? 'government' : 'civil_society', label: t(`events.floor.presence.${p.key}`), shown: String(p.count), count: p.count }))} />
    </section>
  );
}

/** `/events/<slug>/sessions/<id>/live`: the session's live queue, for participants and its online moderator. */
export function LivePage(props: LivePageProps) {
  const { t, groupLabel, stakeholders } = useView();
  const { event, session, can, queue, mine, handled, balance, forms } = props;
  const base = `/events/${event.slug}/sessions/${session.id}/live`;
  const ask = forms.ask ?? { values: {}, errors: {} };
  const speaker = forms.speaker ?? { values: { presence: 'onsite' }, errors: {} };
  return (
    <>
      <p><a href={`/events/${event.slug}/program#session-${session.id}`}>{t('events.floor.back')}</a></p>
      <Notice message={props.notice && notices.includes(props.notice) ? t(`events.floor.notice.${props.notice}`) : undefined} />
      <h1>{t('events.floor.title', { title: session.title })}</h1>
      <p>{event.title}</p>
      <div id="live-queue" data-stream={props.stream ?? undefined} data-version={String(props.version)}>
        <p role="status">{t('events.floor.waiting_count', { count: queue.length })}</p>
        {mine.length > 0 && (
          <section aria-labelledby="mine-title">
            <h2 id="mine-title">{t('events.floor.mine_title')}</h2>
            <ul>
              {mine.map(({ place, request }) => (
                <li>
                  {t(`events.floor.place.${request.kind}`, { place })}
                  {request.question && <blockquote class="question">{request.question}</blockquote>}
                  <PostForm action={`${base}/requests/${request.id}/withdraw`} class="inline">
                    <button type="submit" class="secondary">{t('events.floor.withdraw')}</button>
                  </PostForm>
                </li>
              ))}
            </ul>
          </section>
        )}
        {can.moderate && (
          <>
            <section aria-labelledby="queue-title">
              <h2 id="queue-title">{t('events.floor.queue_title')}</h2>
              {forms.mark && !queue.some((r) => r.id === forms.mark!.id) && <p class="error" role="alert" id="error-mark">{Object.values(forms.mark.errors)[0]}</p>}
              <ModeratorQueue base={base} queue={queue} failed={forms.mark} />
            </section>
            {balance && <BalanceSection balance={balance} />}
            {handled.length > 0 && (
              <section aria-labelledby="handled-title">
                <h2 id="handled-title">{t('events.floor.handled_title')}</h2>
                <ul>
                  {handled.map((r) => (
                    <li>{t('events.floor.handled_line', {
                      who: r.name ?? t('events.floor.someone'), status: t(`events.floor.status.${r.status}`),
                      group: r.stakeholder_group ? groupLabel(r.stakeholder_group) : t('events.floor.unknown_group'), presence: t(`events.floor.presence.${r.presence}`),
                    })}</li>
                  ))}
                </ul>
              </section>
            )}
          </>
        )}
      </div>
      <p><a href={base} id="refresh">{t('events.floor.refresh')}</a></p>
      {can.ask && (
        <section aria-labelledby="ask-title">
          <h2 id="ask-title">{t('events.floor.ask_title')}</h2>
          <PostForm action={`${base}/ask`} anchor="ask-floor" errors={ask.values.kind === 'question' ? undefined : ask.errors} labels={{ kind: t('events.floor.kind.floor') }}>
            <input type="hidden" name="kind" value="floor" />
            <button type="submit">{t('events.floor.ask_floor')}</button>
          </PostForm>
          <PostForm action={`${base}/ask`} anchor="ask-question" errors={ask.values.kind === 'question' ? ask.errors : undefined} labels={{ question: t('events.floor.question') }}>
            <input type="hidden" name="kind" value="question" />
            <TextArea name="question" label={t('events.floor.question')} hint={t('events.floor.question_hint', { max: maxQuestion })} maxlength={maxQuestion}
              value={ask.values.kind === 'question' ? valueOf(ask.values, 'question') : ''} error={ask.values.kind === 'question' ? ask.errors.question : undefined} />
            <button type="submit">{t('events.floor.post_question')}</button>
          </PostForm>
        </section>
      )}
      {!can.ask && !can.moderate && (
        <p>{props.signedIn ? t('events.floor.register_first') : <a href={`/login?next=${encodeURIComponent(base)}`}>{t('events.floor.sign_in')}</a>}</p>
      )}
      {can.moderate && (
        <section aria-labelledby="speaker-title">
          <h2 id="speaker-title">{t('events.floor.speaker_title')}</h2>
          <p class="hint">{t('events.floor.speaker_hint')}</p>
          <PostForm action={`${base}/speakers`} anchor="speaker" errors={speaker.errors}
            labels={{ name: t('events.floor.speaker_name'), stakeholder_group: t('events.floor.column.group'), presence: t('events.floor.column.presence') }}>
            <TextField name="name" label={t('events.floor.speaker_name')} maxlength={200} autocomplete="off" value={valueOf(speaker.values, 'name')} error={speaker.errors.name} />
            <SelectField name="stakeholder_group" label={t('events.floor.column.group')} blank={t('events.floor.unknown_group')} value={valueOf(speaker.values, 'stakeholder_group')}
              error={speaker.errors.stakeholder_group} options={stakeholders.groups.map((g) => ({ value: g, label: groupLabel(g) }))} />
            <SelectField name="presence" label={t('events.floor.column.presence')} value={valueOf(speaker.values, 'presence') || 'onsite'} error={speaker.errors.presence}
              options={['onsite', 'online'].map((p) => ({ value: p, label: t(`events.floor.presence.${p}`) }))} />
            <button type="submit">{t('events.floor.record')}</button>
          </PostForm>
        </section>
      )}
      {props.stream && <script src={props.script} defer></script>}
    </>
  );
}
