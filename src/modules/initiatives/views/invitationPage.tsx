import { useView } from '../../../platform/views/context.ts';
import { ChoiceField, Notice, PostForm, SelectField } from '../../../platform/views/components.tsx';
import type { FieldErrors, FormValues } from '../../../platform/http/forms.ts';
import { valueOf } from '../../../platform/http/forms.ts';
import { rolesOffered } from '../vocabulary.ts';

/** What an invitation says: who invited which address to which initiative, in which role. */
export interface InvitationDetails {
  initiative_name: string;
  inviter_name: string;
  email: string;
  role: string;
}

function WhoInvitedWhom({ invitation }: { invitation: InvitationDetails }) {
  const { t } = useView();
  return (
    <p>{t('initiatives.invitation.who', {
      inviter: invitation.inviter_name, email: invitation.email, name: invitation.initiative_name, role: t(`initiatives.role.${invitation.role}`),
    })}</p>
  );
}

/** Where the invitee, signed in with the invited address, accepts a seat (group and role) or declines. */
export function InvitationPage({ invitationKey, invitation, values, errors }: { invitationKey: string; invitation: InvitationDetails; values?: FormValues; errors?: FieldErrors }) {
  const { t, actor, stakeholders, groupLabel } = useView();
  const group = valueOf(values, 'stakeholder_group') || actor.user?.stakeholder_group;
  return (
    <>
      <h1>{t('initiatives.invitation.title', { name: invitation.initiative_name })}</h1>
      <WhoInvitedWhom invitation={invitation} />
      <p>{t('initiatives.invitation.intro', { name: invitation.initiative_name })}</p>
      <PostForm action={`/invitations/${invitationKey}`} errors={errors} labels={{ stakeholder_group: t('initiatives.invitation.group'), role: t('initiatives.invitation.role') }}>
        <ChoiceField type="radio" name="stakeholder_group" label={t('initiatives.invitation.group')} hint={t('initiatives.invitation.group_hint')}
          value={group ? stakeholders.groupOf(group) : undefined} error={errors?.stakeholder_group}
          options={stakeholders.groups.map((g) => ({ value: g, label: groupLabel(g) }))} />
        <SelectField name="role" label={t('initiatives.invitation.role')} value={valueOf(values, 'role') || invitation.role} error={errors?.role}
          options={rolesOffered(invitation.role).map((r) => ({ value: r, label: t(`initiatives.role.${r}`) }))} />
        <button type="submit" name="answer" value="accept">{t('initiatives.invitation.accept')}</button>{' '}
        <button type="submit" name="answer" value="decline" class="secondary">{t('initiatives.invitation.decline')}</button>
      </PostForm>
      <p><a href="/my/initiatives">{t('initiatives.mine.title')}</a></p>
    </>
  );
}

/**
 * The emailed link opened while logged out: what the invitation is, and the way to answer it —
 * an account for the invited address (filled in), verified, and back here.
 */
export function InvitationWelcomePage({ invitationKey, invitation }: { invitationKey: string; invitation: InvitationDetails }) {
  const { t } = useView();
  const back = encodeURIComponent(`/invitations/${invitationKey}`);
  return (
    <>
      <h1>{t('initiatives.invitation.title', { name: invitation.initiative_name })}</h1>
      <WhoInvitedWhom invitation={invitation} />
      <p>{t('initiatives.invitation.welcome')}</p>
      <p>
        <a class="button" href={`/signup?next=${back}&email=${encodeURIComponent(invitation.email)}`}>{t('initiatives.invitation.signup', { email: invitation.email })}</a>
      </p>
      <p><a href={`/login?next=${back}`}>{t('initiatives.invitation.login')}</a></p>
    </>
  );
}

/** The invited address's account, not verified yet: no details until it is, and the way to verify. */
export function InvitationVerifyFirstPage({ invitationKey, notice }: { invitationKey: string; notice?: string }) {
  const { t } = useView();
  return (
    <>
      <h1>{t('initiatives.invitation.verify_title')}</h1>
      <Notice message={notice === 'check_email' ? t('initiatives.invitation.link_sent') : undefined} />
      <p>{t('initiatives.invitation.verify_first')}</p>
      <PostForm action={`/account/verification?next=${encodeURIComponent(`/invitations/${invitationKey}`)}`}>
        <button type="submit">{t('initiatives.invitation.resend')}</button>
      </PostForm>
      <p><a href="/my/initiatives">{t('initiatives.mine.title')}</a></p>
    </>
  );
}

/** Someone signed in with another address: nothing about the invitation. */
export function InvitationNotYoursPage() {
  const { t } = useView();
  return (
    <>
      <h1>{t('initiatives.invitation.not_yours_title')}</h1>
      <p>{t('initiatives.invitation.not_yours')}</p>
      <p><a href="/my/initiatives">{t('initiatives.mine.title')}</a></p>
    </>
  );
}

export function InvitationGonePage({ loginPath }: { loginPath?: string }) {
  const { t } = useView();
  return (
    <>
      <h1>{t('initiatives.invitation.gone_title')}</h1>
      <p>{t('initiatives.invitation.gone')}</p>
      {loginPath ? (
        <p><a href={`/login?next=${encodeURIComponent(loginPath)}`}>{t('initiatives.invitation.gone_login')}</a></p>
      ) : (
        <p><a href="/my/initiatives">{t('initiatives.mine.title')}</a></p>
      )}
    </>
  );
}
