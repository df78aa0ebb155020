import { useView } from '../../../platform/views/context.ts';
import { Notice, PostForm, TextField } from '../../../platform/views/components.tsx';
import type { FieldErrors, FormValues } from '../../../platform/http/forms.ts';
import { formatDate } from '../../../platform/i18n/index.ts';
import { ProfileForm } from './forms.tsx';

const notices = ['check_email', 'verified', 'profile_saved', 'token_revoked'];

interface Props {
  values: FormValues;
  errors?: FieldErrors;
  notice?: string;
  tokens: Array<{ id: string; name: string; created_at: string }>;
  newToken?: string;
  tokenErrors?: FieldErrors;
}

function VerificationStatus() {
  const { t, actor } = useView();
  const user = actor.user!;
  if (user.email_verified_at) return <p>{t('accounts.account.verified', { email: user.email })}</p>;
  return (
    <div class="alert">
      <p>{t('accounts.account.unverified', { email: user.email })}</p>
      <PostForm action="/account/verification">
        <button type="submit" class="secondary">{t('accounts.account.resend')}</button>
      </PostForm>
    </div>
  );
}

function ApiTokens({ tokens, newToken, tokenErrors }: Pick<Props, 'tokens' | 'newToken' | 'tokenErrors'>) {
  const { t, locale } = useView();
  return (
    <section aria-labelledby="tokens-title">
      <h2 id="tokens-title">{t('accounts.tokens.title')}</h2>
      <p>{t('accounts.tokens.intro')}</p>
      {newToken && (
        <div class="notice" role="status">
          <p>{t('accounts.tokens.created')}</p>
          <p><code>{newToken}</code></p>
        </div>
      )}
      {tokens.length > 0 && (
        <table class="stack">
          <caption class="visually-hidden">{t('accounts.tokens.title')}</caption>
          <thead><tr><th scope="col">{t('accounts.tokens.name')}</th><th scope="col">{t('accounts.tokens.created_at')}</th><th scope="col">{t('accounts.tokens.actions')}</th></tr></thead>
          <tbody>
            {tokens.map((token) => (
              <tr>
                <td data-label={t('accounts.tokens.name')}>{token.name}</td>
                <td data-label={t('accounts.tokens.created_at')}>{formatDate(token.created_at, locale)}</td>
                <td>
                  <PostForm action={`/account/tokens/${token.id}/revoke`}>
                    <button type="submit" class="secondary" aria-label={t('accounts.tokens.revoke_named', { name: token.name })}>{t('accounts.tokens.revoke')}</button>
                  </PostForm>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <PostForm action="/account/tokens" anchor="new-token" errors={tokenErrors} labels={{ token_name: t('accounts.tokens.name') }}>
        <TextField name="token_name" label={t('accounts.tokens.name')} error={tokenErrors?.token_name} maxlength={80} />
        <button type="submit">{t('accounts.tokens.create')}</button>
      </PostForm>
    </section>
  );
}

export function AccountPage({ values, errors, notice, tokens, newToken, tokenErrors }: Props) {
  const { t } = useView();
  return (
    <>
      <h1>{t('accounts.account.title')}</h1>
      <Notice message={notice && notices.includes(notice) ? t(`accounts.notice.${notice}`) : undefined} />
      <VerificationStatus />
      <p><a href="/my/initiatives">{t('accounts.account.my_initiatives')}</a></p>
      <ProfileForm values={values} errors={errors} />
      <ApiTokens tokens={tokens} newToken={newToken} tokenErrors={tokenErrors} />
    </>
  );
}
