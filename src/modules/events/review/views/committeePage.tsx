import { useView } from '../../../../platform/views/context.ts';
import { Checkbox, Notice, PostForm, SelectField, TextArea, TextField } from '../../../../platform/views/components.tsx';
import { valueOf, type FormValues } from '../../../../platform/http/forms.ts';
import type { FailedForm } from '../../../../platform/http/action.ts';
import type { Member } from '../queries.ts';
import { criterionKeys } from '../vocabulary.ts';

const notices = ['member_added', 'member_removed', 'criteria_saved'];

/** `/events/<slug>/committee`: the programme committee; the organisers seat members and set the criteria. */
export function CommitteePage(props: {
  event: { slug: string; title: string }; members: Member[]; weights: Map<string, number>; anonymous: boolean; hasCall: boolean;
  canManage: boolean; notice?: string; failed?: { form: 'member' | 'criteria' } & FailedForm;
}) {
  const { event, members, weights, anonymous, hasCall, canManage, notice, failed } = props;
  const { t, groupLabel, stakeholders } = useView();
  const base = `/events/${event.slug}/committee`;
  const memberErrors = failed?.form === 'member' ? failed.errors : {};
  const memberValues: FormValues = failed?.form === 'member' ? failed.values : {};
  const criteriaErrors = failed?.form === 'criteria' ? failed.errors : {};
  const criteriaValues: FormValues = failed?.form === 'criteria'
    ? failed.values
    : { ...Object.fromEntries(criterionKeys.map((k) => [`weight_${k}`, String(weights.get(k) ?? 0)])), ...(anonymous ? { anonymous: 'on' } : {}) };
  return (
    <>
      <p><a href={`/events/${event.slug}`}>{t('events.call.back', { title: event.title })}</a> · <a href={`/events/${event.slug}/review`}>{t('events.review.desk_title')}</a></p>
      <Notice message={notice && notices.includes(notice) ? t(`events.committee.notice.${notice}`) : undefined} />
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
          <PostForm action={`${base}/criteria`} anchor="criteria" errors={criteriaErrors} labels={Object.fromEntries(criterionKeys.map((k) => [`weight_${k}`, t(`events.review.criteria.${k}`)]))}>
            <p>{t('events.committee.criteria_intro')}</p>
            {criterionKeys.map((k) => (
              <TextField name={`weight_${k}`} type="number" label={t(`events.review.criteria.${k}`)} value={valueOf(criteriaValues, `weight_${k}`)} error={criteriaErrors[`weight_${k}`]} maxlength={2} />
            ))}
            {hasCall && <Checkbox name="anonymous" label={t('events.committee.anonymous')} hint={t('events.committee.anonymous_hint')} checked={valueOf(criteriaValues, 'anonymous') === 'on'} />}
            <button type="submit">{t('events.committee.save_criteria')}</button>
          </PostForm>
        </>
      )}
    </>
  );
}
