import { useView } from '../../../platform/views/context.ts';

interface Props {
  memberships: Array<{ slug: string; name: string; status: string; role: string; stakeholder_group: string }>;
  invitations: Array<{ id: string; role: string; name: string; slug: string }>;
}

/** `/my/initiatives`: the committees a person sits on. */
export function MyInitiativesPage({ memberships, invitations }: Props) {
  const { t, actor, groupLabel } = useView();
  return (
    <>
      <h1>{t('initiatives.mine.title')}</h1>
      {invitations.length > 0 && (
        <section aria-labelledby="invitations-title">
          <h2 id="invitations-title">{t('initiatives.mine.invitations')}</h2>
          <p>{t('initiatives.mine.invitations_hint')}</p>
          <ul>{invitations.map((i) => <li><a href={`/invitations/${i.id}`}>{i.name}</a> — {t(`initiatives.role.${i.role}`)}</li>)}</ul>
        </section>
      )}
      <h2>{t('initiatives.mine.committees')}</h2>
      {memberships.length === 0 ? (
        <p>{t('initiatives.mine.none')}</p>
      ) : (
        <ul>
          {memberships.map((m) => (
            <li>
              <a href={`/initiatives/${m.slug}`}>{m.name}</a> — {t(`initiatives.role.${m.role}`)}, {groupLabel(m.stakeholder_group)}{' '}
              <span class="badge">{t(`initiatives.status.${m.status}`)}</span>
            </li>
          ))}
        </ul>
      )}
      {actor.user?.email_verified_at ? (
        <p><a class="button" href="/initiatives/new">{t('initiatives.mine.register')}</a></p>
      ) : (
        <p>{t('initiatives.mine.verify_first')} <a href="/account">{t('initiatives.mine.to_account')}</a></p>
      )}
    </>
  );
}
