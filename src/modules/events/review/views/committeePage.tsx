import { useView } from '../../../../platform/views/context.ts';
import { Checkbox, Notice, PostForm, SelectField, TextArea, TextField } from '../../../../platform/views/components.tsx';
import { valueOf, type FormValues } from '../../../../platform/http/forms.ts';
import type { FailedForm } from '../../../../platform/http/action.ts';
import { languageName } from '../../../../platform/i18n/index.ts';
import { criterionLabel, type EventCriterion, type Member } from '../queries.ts';
import { maxCriterionLabel } from '../vocabulary.ts';

const notices = ['member_added', 'member_removed', 'criteria_saved'];
const ownNotices = ['criterion_added', 'criterion_removed'];

/** The committee's own criteria, each with every label as typed (marked with its language) and a button that removes it. */
function OwnCriteria({ base, criteria }: { base: string; criteria: EventCriterion[] }) {
  const { t, locale } = useView();
  const own = criteria.filter((c) => c.labels);
  if (own.length === 0) return <p>{t('events.criteria.none_own')}</p>;
  return (
    <ul>
      {own.map((c) => (
        <li>
          {Object.entries(c.labels!).map(([lang, label], i) => <>{i > 0 && ' / '}<span lang={lang}>{label}</span></>)}
          {' '}({t('events.criteria.weight_of', { weight: c.weight })})
          <PostForm action={`${base}/criteria/${encodeURIComponent(c.key)}/remove`} class="inline-form">
            <button type="submit" class="secondary">{t('events.criteria.remove', { label: criterionLabel(c, t, locale) })}</button>
          </PostForm>
        </li>
      ))}
    </ul>
  );
}

/** `/events/<slug>/committee`: the programme committee; the organisers seat members and set the criteria. */
export function CommitteePage(props: {
  event: { slug: string; title: string; languages: string[] }; members: Member[]; criteria: EventCriterion[]; anonymous: boolean; hasCall: boolean;
  canManage: boolean; notice?: string; failed?: { form: 'member' | 'criteria' | 'own' | 'remove' } & FailedForm;
}) {
  const { event, members, criteria, anonymous, hasCall, canManage, notice, failed } = props;
  const { t, locale, groupLabel, stakeholders } = useView();
  const ownErrors = failed?.form === 'own' ? failed.errors : {};
  const ownValues: FormValues = failed?.form === 'own' ? failed.values : { weight: '1' };
  const labelFields = event.languages.map((l) => ({ name: `label_${l}`, label: t('events.criteria.label_in', { language: languageName(l, locale) }) }));
  const base = `/events/${event.slug}/committee`;
  const memberErrors = failed?.form === 'member' ? failed.errors : {};
  const memberValues: FormValues = failed?.form === 'member' ? failed.values : {};
  const criteriaErrors = failed?.form === 'criteria' ? failed.errors : {};
  const criteriaValues: FormValues = failed?.form === 'criteria'
    ? failed.values
    : { ...Object.fromEntries(criteria.map((c) => [`weight_${c.key}`, String(c.weight)])), ...(anonymous ? { anonymous: 'on' } : {}) };
  return (
    <>
      <p><a href={`/events/${event.slug}`}>{t('events.call.back', { title: event.title })}</a> · <a href={`/events/${event.slug}/review`}>{t('events.review.desk_title')}</a></p>
      <Notice message={notice && notices.includes(notice) ? t(`events.committee.notice.${notice}`) : notice && ownNotices.includes(notice) ? t(`events.criteria.notice.${notice}`) : undefined} />
      <h1>{t('events.committee.title', { title: event.title })}</h1>
      <p>{t('events.committee.intro')}</p>
      {members.length === 0 ? <p>{t('events.committee.empty')}</p> : (
        <table class="stack">
          <caption class="visually-hidden">{t('events.committee.members')}</caption>
          <thead><tr>
            <th scope="col">{t('events.committee.name')}</th>
            <th scope="col">{t('events.committee.group')}</th>
            <th scope="col">{t('events.committee.organisations')}</th>
            {canManage && <th scope="col">{t('events.committee.actions')}</th>}
          </tr></thead>
          <tbody>
            {members.map((m) => (
              <tr>
                <td data-label={t('events.committee.name')}>{m.name}{m.is_chair && <> <span class="badge">{t('events.committee.chair')}</span></>}</td>
                <td data-label={t('events.committee.group')}>{groupLabel(m.stakeholder_group)}</td>
                <td data-label={t('events.committee.organisations')}>{m.organisations.join(', ') || '—'}</td>
                {canManage && (
                  <td>
                    <PostForm action={`${base}/${m.id}/remove`}>
                      <button type="submit" class="secondary">{t('events.committee.remove', { name: m.name })}</button>
                    </PostForm>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {canManage && (
        <>
          <h2 id="add-member-title">{t('events.committee.add_title')}</h2>
          <PostForm action={base} anchor="add-member" errors={memberErrors} labels={{ email: t('events.committee.email'), stakeholder_group: t('events.committee.group'), organisations: t('events.committee.organisations') }}>
            <TextField name="email" type="email" label={t('events.committee.email')} hint={t('events.committee.email_hint')} value={valueOf(memberValues, 'email')} error={memberErrors.email} maxlength={254} required />
            <SelectField name="stakeholder_group" label={t('events.committee.group')} blank={t('events.review.choose')} value={valueOf(memberValues, 'stakeholder_group')} error={memberErrors.stakeholder_group}
              options={stakeholders.groups.map((g) => ({ value: g, label: groupLabel(g) }))} required />
            <TextArea name="organisations" label={t('events.committee.organisations')} hint={t('events.committee.organisations_hint')} value={valueOf(memberValues, 'organisations')} error={memberErrors.organisations} maxlength={1000} />
            <Checkbox name="chair" label={t('events.committee.make_chair')} checked={valueOf(memberValues, 'chair') === 'on'} error={memberErrors.chair} />
            <button type="submit">{t('events.committee.add')}</button>
          </PostForm>
          <h2 id="criteria-title">{t('events.committee.criteria_title')}</h2>
          <PostForm action={`${base}/criteria`} anchor="criteria" errors={criteriaErrors} labels={Object.fromEntries(criteria.map((c) => [`weight_${c.key}`, criterionLabel(c, t, locale)]))}>
            <p>{t('events.committee.criteria_intro')}</p>
            {criteria.map((c) => (
              <TextField name={`weight_${c.key}`} type="number" label={criterionLabel(c, t, locale)} hint={c.labels ? t('events.criteria.own_hint') : undefined}
                value={valueOf(criteriaValues, `weight_${c.key}`)} error={criteriaErrors[`weight_${c.key}`]} maxlength={2} />
            ))}
            {hasCall && <Checkbox name="anonymous" label={t('events.committee.anonymous')} hint={t('events.committee.anonymous_hint')} checked={valueOf(criteriaValues, 'anonymous') === 'on'} />}
            <button type="submit">{t('events.committee.save_criteria')}</button>
          </PostForm>
          <h2 id="own-criteria-title">{t('events.criteria.own_title')}</h2>
          <p>{t('events.criteria.own_intro')}</p>
          {failed?.form === 'remove' && failed.errors._form && <p class="alert" role="alert">{failed.errors._form}</p>}
          <OwnCriteria base={base} criteria={criteria} />
          <h3 id="add-criterion-title">{t('events.criteria.add_title')}</h3>
          <PostForm action={`${base}/criteria/new`} anchor="add-criterion" errors={ownErrors}
            labels={{ ...Object.fromEntries(labelFields.map((f) => [f.name, f.label])), weight: t('events.criteria.weight') }}>
            <p class="hint">{t('events.criteria.label_hint')}</p>
            {labelFields.map((f) => (
              <TextField name={f.name} label={f.label} value={valueOf(ownValues, f.name)} error={ownErrors[f.name]} maxlength={maxCriterionLabel} />
            ))}
            <TextField name="weight" type="number" label={t('events.criteria.weight')} hint={t('events.criteria.weight_hint')} value={valueOf(ownValues, 'weight')} error={ownErrors.weight} maxlength={2} />
            <button type="submit">{t('events.criteria.add')}</button>
          </PostForm>
        </>
      )}
    </>
  );
}
