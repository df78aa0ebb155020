import { useView } from '../../../platform/views/context.ts';
import { ChoiceField, PostForm, SelectField } from '../../../platform/views/components.tsx';
import type { FieldErrors, FormValues } from '../../../platform/http/forms.ts';
import { valueOf } from '../../../platform/http/forms.ts';
import { rolesOffered } from '../vocabulary.ts';

/** Where an invitee accepts a seat (saying which group they sit for, in which role) or declines. */
export function InvitationPage({ token, initiativeName, role, values, errors }: { token: string; initiativeName: string; role: string; values?: FormValues; errors?: FieldErrors }) {
  const { t, actor, stakeholders, groupLabel } = useView();
  const group = valueOf(values, 'stakeholder_group') || actor.user?.stakeholder_group;
  return (
    <>
      <h1>{t('initiatives.invitation.title', { name: initiativeName })}</h1>
      <p>{t('initiatives.invitation.intro', { name: initiativeName })}</p>
      <PostForm action={`/invitations/${token}`} errors={errors} labels={{ stakeholder_group: t('initiatives.invitation.group'), role: t('initiatives.invitation.role') }}>
        <ChoiceField type="radio" name="stakeholder_group" label={t('initiatives.invitation.group')} hint={t('initiatives.invitation.group_hint')}
          value={group ? stakeholders.groupOf(group) : undefined} error={errors?.stakeholder_group}
          options={stakeholders.groups.map((g) => ({ value: g, label: groupLabel(g) }))} />
        <SelectField name="role" label={t('initiatives.invitation.role')} value={valueOf(values, 'role') || role} error={errors?.role}
          options={rolesOffered(role).map((r) => ({ value: r, label: t(`initiatives.role.${r}`) }))} />
        <button type="submit" name="answer" value="accept">{t('initiatives.invitation.accept')}</button>{' '}
        <button type="submit" name="answer" value="decline" class="secondary">{t('initiatives.invitation.decline')}</button>
      </PostForm>
    </>
  );
}

export function InvitationGonePage() {
  const { t } = useView();
  return (
    <>
      <h1>{t('initiatives.invitation.gone_title')}</h1>
      <p>{t('initiatives.invitation.gone')}</p>
      <p><a href="/my/initiatives">{t('initiatives.mine.title')}</a></p>
    </>
  );
}
