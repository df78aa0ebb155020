import { useView } from '../../../platform/views/context.ts';
import { ChoiceField, PostForm, SelectField, TextField, type Option } from '../../../platform/views/components.tsx';
import type { FieldErrors, FormValues } from '../../../platform/http/forms.ts';
import { valueOf } from '../../../platform/http/forms.ts';
import { capacities } from '../../../platform/stakeholders.ts';
import { localeNames, locales } from '../../../platform/i18n/index.ts';
import { countryOptions } from '../../../platform/views/options.ts';
import { JourneySteps } from '../../../platform/views/journeySteps.tsx';
import { identitySteps } from '../../../platform/journeys.ts';

interface FormState {
  values?: FormValues;
  errors?: FieldErrors;
}

/** The fields a person fills in about themselves, at sign-up and in their profile. */
function ProfileFields({ values, errors }: FormState) {
  const { t, locale, stakeholders, groupLabel } = useView();
  const groups: Option[] = stakeholders.groups.map((g) => ({ value: g, label: groupLabel(g) }));
  const chosen = valueOf(values, 'stakeholder_group');
  return (
    <>
      <TextField name="name" label={t('accounts.fields.name')} value={valueOf(values, 'name')} error={errors?.name} required autocomplete="name" maxlength={120} />
      <SelectField
        name="locale"
        label={t('accounts.fields.locale')}
        options={locales.map((l) => ({ value: l, label: localeNames[l] }))}
        value={valueOf(values, 'locale') || locale}
        error={errors?.locale}
      />
      <SelectField
        name="country"
        label={t('accounts.fields.country')}
        options={countryOptions(locale)}
        value={valueOf(values, 'country')}
        blank={t('accounts.fields.country_none')}
        error={errors?.country}
        autocomplete="country"
      />
      <ChoiceField
        type="radio"
        name="stakeholder_group"
        label={t('accounts.fields.stakeholder_group')}
        hint={t('accounts.fields.stakeholder_group_hint')}
        options={groups}
        value={chosen ? stakeholders.groupOf(chosen) : ''}
        error={errors?.stakeholder_group}
      />
      <ChoiceField
        type="radio"
        name="capacity"
        label={t('accounts.fields.capacity')}
        options={capacities.map((c) => ({ value: c, label: t(`accounts.capacity.${c}`) }))}
        value={valueOf(values, 'capacity') || 'personal'}
        error={errors?.capacity}
      />
      <TextField
        name="affiliation"
        label={t('accounts.fields.affiliation')}
        hint={t('accounts.fields.affiliation_hint')}
        value={valueOf(values, 'affiliation')}
        error={errors?.affiliation}
        autocomplete="organization"
        maxlength={200}
      />
    </>
  );
}

export function fieldLabels(t: (key: string) => string): Record<string, string> {
  // In the order the forms show them, which the error summary follows.
  const names = ['email', 'password', 'name', 'locale', 'country', 'stakeholder_group', 'capacity', 'affiliation'];
  return Object.fromEntries(names.map((n) => [n, t(`accounts.fields.${n}`)]));
}

/** `next` carries the visitor back to where they were going (such as an invitation) afterwards. */
function withNext(path: string, next?: string): string {
  return next && next !== '/' ? `${path}?next=${encodeURIComponent(next)}` : path;
}

export function SignUpForm({ values, errors, next }: FormState & { next?: string }) {
  const { t } = useView();
  return (
    <>
      <JourneySteps next={next} at={identitySteps.account} />
      <h1>{t('accounts.signup.title')}</h1>
      <p>{t('accounts.signup.intro')} <a href={withNext('/login', next)}>{t('accounts.signup.have_account')}</a></p>
      <PostForm action={withNext('/signup', next)} errors={errors} labels={fieldLabels(t)}>
        <TextField name="email" type="email" label={t('accounts.fields.email')} value={valueOf(values, 'email')} error={errors?.email} required autocomplete="email" maxlength={254} />
        <TextField name="password" type="password" label={t('accounts.fields.password')} hint={t('accounts.fields.password_hint')} error={errors?.password} required autocomplete="new-password" />
        <ProfileFields values={values} errors={errors} />
        <button type="submit">{t('accounts.signup.submit')}</button>
      </PostForm>
    </>
  );
}

/** After sign-up, new address or not: the same words, so the page tells nobody whether the address had an account. */
export function SignUpSent({ email, next }: { email: string; next?: string }) {
  const { t } = useView();
  return (
    <>
      <JourneySteps next={next} at={identitySteps.verify} />
      <h1>{t('accounts.signup.sent_title')}</h1>
      <p class="notice" role="status">{t('accounts.notice.check_email')}</p>
      <p>{t('accounts.signup.sent', { email })}</p>
      <p><a href="/">{t('accounts.signup.home')}</a></p>
    </>
  );
}

export function LogInForm({ values, errors, next, notice }: FormState & { next: string; notice?: string }) {
  const { t } = useView();
  return (
    <>
      <JourneySteps next={next} at={identitySteps.account} />
      <h1>{t('accounts.login.title')}</h1>
      {notice && <p class="notice" role="status">{notice}</p>}
      <PostForm action={`/login?next=${encodeURIComponent(next)}`} errors={errors} labels={fieldLabels(t)}>
        <TextField name="email" type="email" label={t('accounts.fields.email')} value={valueOf(values, 'email')} error={errors?.email} required autocomplete="username" />
        <TextField name="password" type="password" label={t('accounts.fields.password')} error={errors?.password} required autocomplete="current-password" />
        <button type="submit">{t('accounts.login.submit')}</button>
      </PostForm>
      <p><a href="/password/forgot">{t('accounts.login.forgot')}</a></p>
      <p>{t('accounts.login.no_account')} <a href={withNext('/signup', next)}>{t('accounts.login.signup')}</a></p>
    </>
  );
}

export function ProfileForm({ values, errors }: FormState) {
  const { t } = useView();
  return (
    <section aria-labelledby="profile-title">
      <h2 id="profile-title">{t('accounts.profile.title')}</h2>
      <PostForm action="/account" anchor="profile" errors={errors} labels={fieldLabels(t)}>
        <ProfileFields values={values} errors={errors} />
        <button type="submit">{t('accounts.profile.submit')}</button>
      </PostForm>
    </section>
  );
}

export function ForgotPasswordForm({ values, errors, sent }: FormState & { sent?: boolean }) {
  const { t } = useView();
  return (
    <>
      <h1>{t('accounts.forgot.title')}</h1>
      {sent ? (
        <p class="notice" role="status">{t('accounts.forgot.sent')}</p>
      ) : (
        <p>{t('accounts.forgot.intro')}</p>
      )}
      <PostForm action="/password/forgot" errors={errors} labels={fieldLabels(t)}>
        <TextField name="email" type="email" label={t('accounts.fields.email')} value={valueOf(values, 'email')} error={errors?.email} required autocomplete="email" />
        <button type="submit">{t('accounts.forgot.submit')}</button>
      </PostForm>
      <p><a href="/login">{t('accounts.forgot.back')}</a></p>
    </>
  );
}

export function ResetPasswordForm({ token, errors }: FormState & { token: string }) {
  const { t } = useView();
  return (
    <>
      <h1>{t('accounts.reset.title')}</h1>
      <PostForm action="/password/reset" errors={errors} labels={fieldLabels(t)}>
        <input type="hidden" name="token" value={token} />
        <TextField name="password" type="password" label={t('accounts.fields.new_password')} hint={t('accounts.fields.password_hint')} error={errors?.password} required autocomplete="new-password" />
        <button type="submit">{t('accounts.reset.submit')}</button>
      </PostForm>
    </>
  );
}
