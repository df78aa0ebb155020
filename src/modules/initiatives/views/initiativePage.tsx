import { useView } from '../../../platform/views/context.ts';
import { Notice, PostForm, SelectField, TextArea, TextField, Checkbox } from '../../../platform/views/components.tsx';
import { StakeholderBalance } from '../../../platform/views/charts/stakeholderBalance.tsx';
import { formatDate, formatNumber, languageName } from '../../../platform/i18n/index.ts';
import { countByGroup } from '../../../platform/stakeholders.ts';
import type { FailedForm } from '../../../platform/http/action.ts';
import { valueOf } from '../../../platform/http/forms.ts';
import type { InitiativeDetail } from '../queries.ts';
import type { HistoryEntry } from '../history.ts';
import type { Criterion } from '../recognition.ts';
import { committeeRoles } from '../vocabulary.ts';
import { languageNames, placeNames, regionLabel, typeLabel } from './labels.ts';
import { CriteriaList } from './criteriaList.tsx';

export interface InitiativePageCan {
  edit: boolean;
  seeContacts: boolean;
  invite: boolean;
  removeMember: boolean;
  leave: boolean;
  acceptPrinciples: boolean;
  requestRecognition: boolean;
  delist: boolean;
  /** Say that this demo entry is theirs (a verified person not on its committee). */
  claim: boolean;
}

/** The forms of the page; one comes back with its errors when it failed. */
export interface InitiativeForms {
  invite?: FailedForm;
  committee?: FailedForm;
  principles?: FailedForm;
  recognition?: FailedForm;
  delist?: FailedForm;
  claim?: FailedForm;
}

export interface InitiativePageProps {
  initiative: InitiativeDetail;
  criteria: Criterion[];
  invitations: Array<{ id: string; email: string; role: string; created_at: string }>;
  lastDecision?: { decision: string | null; comments: string | null; decided_at: string | null };
  history: HistoryEntry[];
  /** Committee members' email addresses, only for those allowed to see them. */
  contacts?: Map<string, string>;
  can: InitiativePageCan;
  notice?: string;
  forms: InitiativeForms;
  myMemberId?: string;
  /** The visitor's own claim on this demo entry is waiting for the secretariat. */
  claimWaiting?: boolean;
  /** Other modules' pages about this initiative that this visitor finds something on. */
  moduleLinks: ReadonlyArray<{ href: string; label: string }>;
}

function ModulePages({ links }: { links: InitiativePageProps['moduleLinks'] }) {
  const { t } = useView();
  if (links.length === 0) return null;
  return (
    <section aria-labelledby="more-title">
      <h2 id="more-title">{t('initiatives.page.more_title')}</h2>
      <ul>{links.map((link) => <li><a href={link.href}>{link.label}</a></li>)}</ul>
    </section>
  );
}

function Facts({ initiative }: { initiative: InitiativeDetail }) {
  const { t, locale } = useView();
  return (
    <dl class="facts">
      <div><dt>{t('initiatives.fields.type')}</dt><dd>{typeLabel(t, initiative.type)}</dd></div>
      {(initiative.region || initiative.type !== 'national') && <div><dt>{t('initiatives.fields.region')}</dt><dd>{regionLabel(t, initiative.region)}</dd></div>}
      {initiative.countries.length > 0 && <div><dt>{t('initiatives.fields.countries')}</dt><dd>{placeNames(initiative.countries, locale)}</dd></div>}
      {initiative.languages.length > 0 && <div><dt>{t('initiatives.fields.languages')}</dt><dd>{languageNames(initiative.languages, locale)}</dd></div>}
      {initiative.year_established !== null && <div><dt>{t('initiatives.fields.year_established')}</dt><dd>{String(initiative.year_established)}</dd></div>}
      {initiative.website && <div class="wide"><dt>{t('initiatives.fields.website')}</dt><dd><a href={initiative.website} rel="nofollow noopener">{initiative.website}</a></dd></div>}
      {initiative.contact_email && <div class="wide"><dt>{t('initiatives.fields.contact_email')}</dt><dd><a href={`mailto:${initiative.contact_email}`}>{initiative.contact_email}</a></dd></div>}
    </dl>
  );
}

/** The description in the reader's language when there is one, else in its original language. */
function Description({ initiative }: { initiative: InitiativeDetail }) {
  const { t, locale } = useView();
  const text = initiative.descriptions.find((d) => d.locale === locale) ?? initiative.descriptions.find((d) => d.locale === initiative.original_locale);
  if (!text) return null;
  return (
    <section aria-labelledby="about-title">
      <h2 id="about-title">{t('initiatives.page.about')}</h2>
      {text.locale !== locale && <p class="hint">{t('initiatives.page.written_in', { language: languageName(text.locale, locale) })}</p>}
      <div lang={text.locale}>
        {text.body.split(/\n{2,}/).map((paragraph) => <p>{paragraph}</p>)}
      </div>
    </section>
  );
}

function Committee(props: InitiativePageProps) {
  const { initiative, can, invitations, forms, myMemberId, contacts } = props;
  const { t, locale, stakeholders, groupLabel } = useView();
  // Nothing to show and nothing to do here: the section is left out (a demo entry has no committee).
  if (initiative.committee.length === 0 && !can.invite) return null;
  const counts = countByGroup(stakeholders, initiative.committee.map((m) => m.stakeholder_group));
  const groups = [...counts].map(([key, count]) => ({ key, label: groupLabel(key), count }));
  return (
    <section aria-labelledby="committee-title">
      <h2 id="committee-title">{t('initiatives.committee.title')}</h2>
      {forms.committee && <p class="alert" role="alert">{forms.committee.errors._form}</p>}
      {initiative.committee.length > 0 && (
        <StakeholderBalance
          groups={groups}
          title={t('initiatives.committee.balance')}
          totalLabel={(total) => t('initiatives.committee.total', { count: total })}
          formatNumber={(n) => formatNumber(n, locale)}
        />
      )}
      {initiative.committee.length > 0 && <table class="stack">
        <caption class="visually-hidden">{t('initiatives.committee.members')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('initiatives.committee.name')}</th>
            <th scope="col">{t('initiatives.committee.role')}</th>
            <th scope="col">{t('initiatives.committee.group')}</th>
            {contacts && <th scope="col">{t('initiatives.committee.email')}</th>}
            {(can.removeMember || can.leave) && <th scope="col">{t('initiatives.committee.actions')}</th>}
          </tr>
        </thead>
        <tbody>
          {initiative.committee.map((member) => (
            <tr>
              <td data-label={t('initiatives.committee.name')}>{member.name}{member.affiliation ? ` (${member.affiliation})` : ''}</td>
              <td data-label={t('initiatives.committee.role')}>{t(`initiatives.role.${member.role}`)}</td>
              <td data-label={t('initiatives.committee.group')}>{groupLabel(member.stakeholder_group)}</td>
              {contacts && <td data-label={t('initiatives.committee.email')}>{contacts.get(member.user_id)}</td>}
              {(can.removeMember || can.leave) && (
                <td>
                  {member.id === myMemberId ? (
                    <PostForm action={`/initiatives/${initiative.slug}/committee/${member.id}/remove#committee-title`}>
                      <button type="submit" class="secondary">{t('initiatives.committee.leave')}</button>
                    </PostForm>
                  ) : can.removeMember ? (
                    <PostForm action={`/initiatives/${initiative.slug}/committee/${member.id}/remove#committee-title`}>
                      <button type="submit" class="secondary" aria-label={t('initiatives.committee.remove_named', { name: member.name })}>
                        {t('initiatives.committee.remove')}
                      </button>
                    </PostForm>
                  ) : null}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>}
      {can.invite && (
        <>
          <h3>{t('initiatives.committee.invite_title')}</h3>
          {invitations.length > 0 && (
            <>
              <p>{t('initiatives.committee.open_invitations')}</p>
              <ul>
                {invitations.map((i) => (
                  <li>
                    {i.email} — {t(`initiatives.role.${i.role}`)} ({formatDate(i.created_at, locale)}){' '}
                    <PostForm action={`/initiatives/${initiative.slug}/invitations/${i.id}/withdraw`} class="inline">
                      <button type="submit" class="secondary" aria-label={t('initiatives.committee.withdraw_named', { email: i.email })}>{t('initiatives.committee.withdraw')}</button>
                    </PostForm>
                  </li>
                ))}
              </ul>
            </>
          )}
          <PostForm action={`/initiatives/${initiative.slug}/committee/invite`} anchor="invite" errors={forms.invite?.errors}
            labels={{ email: t('initiatives.committee.email'), role: t('initiatives.committee.role') }}>
            <TextField name="email" type="email" label={t('initiatives.committee.invite_email')} value={valueOf(forms.invite?.values, 'email')} error={forms.invite?.errors.email} required maxlength={254} />
            <SelectField name="role" label={t('initiatives.committee.invite_role')} value={valueOf(forms.invite?.values, 'role') || 'member'}
              options={committeeRoles.map((r) => ({ value: r, label: t(`initiatives.role.${r}`) }))} error={forms.invite?.errors.role} />
            <button type="submit">{t('initiatives.committee.invite_submit')}</button>
          </PostForm>
        </>
      )}
    </section>
  );
}

function Recognition(props: InitiativePageProps) {
  const { initiative, criteria, can, lastDecision, forms } = props;
  const { t, locale } = useView();
  // A demo entry was never checked against the criteria: a row of unmet marks would say something untrue.
  if (initiative.is_demo === 1 && !can.delist) return null;
  return (
    <section aria-labelledby="recognition-title">
      <h2 id="recognition-title">{t('initiatives.recognition.title')}</h2>
      <p>{t(`initiatives.recognition.status.${initiative.status}`)}</p>
      {lastDecision?.decision === 'returned' && initiative.status === 'returned' && (
        <div class="alert">
          <p>{t('initiatives.recognition.returned_with', { date: formatDate(lastDecision.decided_at!, locale) })}</p>
          <p>{lastDecision.comments}</p>
        </div>
      )}
      {initiative.is_demo !== 1 && <CriteriaList criteria={criteria} />}
      {/* Annual reports are written and kept by the reports module (docs/decisions/028); the registry notes the latest year. */}
      {initiative.annual_report_year !== null && <p><a href={`/initiatives/${initiative.slug}/annual-reports`}>{t('initiatives.recognition.annual_reports', { name: initiative.name })}</a></p>}
      {can.acceptPrinciples && !initiative.principles_accepted_at && (
        <PostForm action={`/initiatives/${initiative.slug}/principles`} anchor="principles" errors={forms.principles?.errors}
          labels={{ principles: t('initiatives.recognition.principles_label') }}>
          <Checkbox name="principles" label={t('initiatives.recognition.principles_label')} error={forms.principles?.errors.principles} />
          <button type="submit">{t('initiatives.recognition.principles_submit')}</button>
        </PostForm>
      )}
      {forms.recognition && <p class="alert" role="alert" id="recognition">{forms.recognition.errors._form}</p>}
      {can.requestRecognition && (
        <PostForm action={`/initiatives/${initiative.slug}/recognition#recognition-title`}>
          <button type="submit">{t('initiatives.recognition.request')}</button>
        </PostForm>
      )}
      {can.delist && (
        <>
          <PostForm action={`/initiatives/${initiative.slug}/delist`} anchor="delist" errors={forms.delist?.errors}
            labels={{ reason: t('initiatives.recognition.delist_reason') }}>
            <TextArea name="reason" label={t('initiatives.recognition.delist_reason')} value={valueOf(forms.delist?.values, 'reason')} error={forms.delist?.errors.reason} required maxlength={2000} />
            <button type="submit">{t('initiatives.recognition.delist')}</button>
          </PostForm>
        </>
      )}
    </section>
  );
}

function History({ history }: Pick<InitiativePageProps, 'history'>) {
  const { t, locale, groupLabel } = useView();
  if (history.length === 0) return null;
  return (
    <section aria-labelledby="history-title">
      <h2 id="history-title">{t('initiatives.history.title')}</h2>
      <ol class="history">
        {history.map((entry) => {
          const details = entry.details as Record<string, string | null | undefined>;
          return (
            <li>
              <time datetime={entry.created_at}>{formatDate(entry.created_at, locale)}</time>{' — '}
              {t(`initiatives.history.${entry.action.replace('.', '_')}`, {
                actor: entry.actor_name ?? t('initiatives.history.someone'),
                name: details.name ?? '',
                group: details.stakeholder_group ? groupLabel(details.stakeholder_group) : '',
              })}
              {(details.comments || details.reason) && <blockquote><p>{details.comments ?? details.reason}</p></blockquote>}
            </li>
          );
        })}
      </ol>
    </section>
  );
}

/** Where the initiative stands, as a badge whose colour repeats what its text says. */
export function StatusBadge({ status }: { status: string }) {
  const { t } = useView();
  return <span class={`badge status-${status}`}>{t(`initiatives.status.${status}`)}</span>;
}

/** The one thing the coordinator should do next to get the initiative recognised, linking to where it is done. */
function NextStep({ initiative, criteria, can }: InitiativePageProps) {
  const { t } = useView();
  if (initiative.is_demo === 1 || !can.invite || initiative.status === 'listed') return null;
  const unmet = (key: string) => criteria.find((c) => c.key === key)?.state === 'unmet';
  const groups = criteria.find((c) => c.key === 'stakeholder_groups')!.values;
  const step =
    initiative.status === 'pending' ? { text: t('initiatives.next.pending') }
    : unmet('stakeholder_groups') ? { text: t('initiatives.next.committee', groups), action: t('initiatives.next.committee_action'), href: '#invite' }
    : unmet('coordinator_email') ? { text: t('initiatives.next.verify'), action: t('initiatives.next.verify_action'), href: '/account' }
    : unmet('principles') && can.acceptPrinciples ? { text: t('initiatives.next.principles'), action: t('initiatives.next.principles_action'), href: '#principles' }
    : can.requestRecognition ? { text: t('initiatives.next.request'), action: t('initiatives.next.request_action'), href: '#recognition-title' }
    : null;
  if (!step) return null;
  return (
    <section class="next-step" aria-labelledby="next-title">
      <h2 id="next-title">{t('initiatives.next.title')}</h2>
      <p>{step.text}</p>
      {step.href && <p><a class="button" href={step.href}>{step.action}</a></p>}
    </section>
  );
}

/** What a demo entry is, and how the initiative's coordinator can take it over: a claim the secretariat checks. */
function DemoNote({ initiative, can, forms, claimWaiting }: InitiativePageProps) {
  const { t, actor } = useView();
  const failed = forms.claim;
  const back = encodeURIComponent(`/initiatives/${initiative.slug}`);
  return (
    <section class="note" aria-labelledby="demo-title">
      <h2 id="demo-title">{t('initiatives.demo.title')}</h2>
      <p>{t('initiatives.page.demo')}</p>
      <p id="claim">
        {t('initiatives.demo.claim', { name: initiative.name })}{' '}
        {!actor.user && <a href={`/signup?next=${back}`}>{t('initiatives.demo.claim_signup')}</a>}
      </p>
      {actor.user && !actor.user.email_verified_at && (
        <p>{t('initiatives.claim.verify_first')} <a href="/account">{t('initiatives.mine.to_account')}</a></p>
      )}
      {claimWaiting && <p class="notice" role="status">{t('initiatives.claim.waiting')}</p>}
      {can.claim && !claimWaiting && (
        <PostForm action={`/initiatives/${initiative.slug}/claim`} anchor="claim-form" errors={failed?.errors} labels={{ justification: t('initiatives.claim.justification') }}>
          <TextArea name="justification" label={t('initiatives.claim.justification')} hint={t('initiatives.claim.justification_hint')}
            value={valueOf(failed?.values, 'justification')} error={failed?.errors?.justification} required maxlength={2000} />
          <button type="submit">{t('initiatives.claim.submit')}</button>
        </PostForm>
      )}
    </section>
  );
}

const notices = ['created', 'saved', 'invited', 'withdrawn', 'joined', 'left', 'removed', 'principles', 'requested', 'delisted', 'claimed'];

/** `/initiatives/<slug>`: everything public about an initiative, and the controls its roles allow. */
export function InitiativePage(props: InitiativePageProps) {
  const { initiative, can, notice } = props;
  const { t } = useView();
  return (
    <>
      <p class="back"><a href="/initiatives">{t('initiatives.page.back')}</a></p>
      <header class="summary">
        <h1>{initiative.name}{initiative.acronym ? ` (${initiative.acronym})` : ''}</h1>
        <p class="badges">
          <StatusBadge status={initiative.status} />
          {initiative.is_demo === 1 && <> <span class="badge">{t('initiatives.demo.badge')}</span></>}
        </p>
        <Facts initiative={initiative} />
        {can.edit && <p><a class="button secondary" href={`/initiatives/${initiative.slug}/edit`}>{t('initiatives.page.edit')}</a></p>}
      </header>
      <Notice message={notice && notices.includes(notice) ? t(`initiatives.notice.${notice}`) : undefined} />
      {initiative.is_demo === 1 && <DemoNote {...props} />}
      <NextStep {...props} />
      <Description initiative={initiative} />
      <ModulePages links={props.moduleLinks} />
      <Committee {...props} />
      <Recognition {...props} />
      <History history={props.history} />
    </>
  );
}
