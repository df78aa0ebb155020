import type { Hono, Context } from 'hono';
import { setCookie, deleteCookie } from 'hono/cookie';
import type { AppEnv, Services, User } from '../../platform/http/env.ts';
import { commandContext, page } from '../../platform/http/context.ts';
import { readForm, validate, type FormValues } from '../../platform/http/forms.ts';
import { safeNext } from '../../platform/http/redirects.ts';
import { clientAddress } from '../../platform/http/clientAddress.ts';
import { authorize } from '../../platform/policy.ts';
import { RateLimiter } from '../../platform/auth/rateLimit.ts';
import { endSession, sessionCookie, startSession } from '../../platform/auth/sessions.ts';
import { decoyHash, verifyPassword } from '../../platform/auth/passwords.ts';
import { composeMail } from '../../platform/mail/compose.ts';
import { isLocale, type Locale } from '../../platform/i18n/index.ts';
import { rememberLanguage, secureCookie } from '../../platform/http/middleware.ts';
import {
  AccountLogInSchema, AccountProfileSchema, AccountSignUpSchema, ApiTokenCreateSchema, PasswordResetRequestSchema, PasswordResetSchema,
} from './schema.ts';
import { accountPolicy } from './policy.ts';
import { findUserByEmail, listApiTokens } from './queries.ts';
import { signUp } from './commands/signUp.ts';
import { reissueVerification, verifyEmail } from './commands/verifyEmail.ts';
import { requestPasswordReset, resetPassword } from './commands/resetPassword.ts';
import { updateProfile } from './commands/updateProfile.ts';
import { createApiToken, revokeApiToken } from './commands/apiTokens.ts';
import { ForgotPasswordForm, LogInForm, ResetPasswordForm, SignUpForm } from './views/forms.tsx';
import { AccountPage } from './views/accountPage.tsx';

const minute = 60_000;

function setSessionCookie(c: Context<AppEnv>, secret: string): void {
  setCookie(c, sessionCookie, secret, {
    httpOnly: true,
    sameSite: 'Lax',
    path: '/',
    maxAge: 30 * 86_400,
    secure: secureCookie(c.get('services')),
  });
}

/** Starts a fresh session (the old one ends: a session id never survives a login). */
async function logIn(c: Context<AppEnv>, userId: string): Promise<void> {
  const { db, clock } = c.get('services');
  const previous = c.get('sessionId');
  if (previous) await endSession(db, previous);
  setSessionCookie(c, await startSession(db, userId, clock()));
}

async function sendVerification(c: Context<AppEnv>, to: string, locale: Locale, secret: string): Promise<void> {
  const { mailer, config } = c.get('services');
  await mailer.send(composeMail(locale, 'accounts.mail.verify', to, { link: `${config.baseUrl}/verify-email?token=${secret}` }));
}

/** A user's profile as form values, for the profile form. */
function profileValues(user: User): FormValues {
  return {
    name: user.name, locale: user.locale, country: user.country ?? '', stakeholder_group: user.stakeholder_group,
    affiliation: user.affiliation ?? '', capacity: user.capacity,
  };
}

function tooMany(c: Context<AppEnv>) {
  c.header('Retry-After', '900');
  return c.get('t')('accounts.errors.too_many_attempts');
}

export function accountPages(app: Hono<AppEnv>, services: Services): void {
  // Per address, generous enough for a workshop behind one NAT; per account, tight.
  const loginByAddress = new RateLimiter(100, 15 * minute);
  const loginByAccount = new RateLimiter(10, 15 * minute);
  const signupLimiter = new RateLimiter(30, 15 * minute);
  const resetLimiter = new RateLimiter(10, 15 * minute);
  const now = () => services.clock().getTime();

  app.get('/signup', (c) => {
    const next = safeNext(c.req.query('next'));
    if (c.get('actor').user) return c.redirect(next === '/' ? '/account' : next, 303);
    return page(c, c.get('t')('accounts.signup.title'), <SignUpForm next={next} />);
  });

  app.post('/signup', async (c) => {
    const t = c.get('t');
    const values = await readForm(c);
    const next = safeNext(c.req.query('next'));
    const form = (errors: Record<string, string>, status: 422 | 429) =>
      page(c, t('accounts.signup.title'), <SignUpForm values={values} errors={errors} next={next} />, status);
    if (!signupLimiter.attempt(clientAddress(c), now())) return form({ _form: tooMany(c) }, 429);
    const parsed = validate(AccountSignUpSchema, values, t);
    if (!parsed.ok) return form(parsed.errors, 422);
    const result = await signUp(commandContext(c), parsed.data);
    if (!result.ok) return form({ email: t('accounts.errors.email_taken') }, 422);
    await sendVerification(c, parsed.data.email, parsed.data.locale, result.verificationSecret);
    await logIn(c, result.userId);
    rememberLanguage(c, parsed.data.locale);
    return c.redirect(next === '/' ? '/account?notice=check_email' : next, 303);
  });

  app.get('/verify-email', async (c) => {
    const t = c.get('t');
    const token = c.req.query('token') ?? '';
    const verified = token.length > 0 && token.length < 100 && (await verifyEmail(commandContext(c), token));
    if (!verified) {
      return page(c, t('accounts.verify.failed_title'), (
        <>
          <h1>{t('accounts.verify.failed_title')}</h1>
          <p>{t('accounts.verify.failed')}</p>
          <p><a href="/account">{t('accounts.verify.to_account')}</a></p>
        </>
      ), 400);
    }
    return c.redirect(c.get('actor').user ? '/account?notice=verified' : '/login?notice=verified', 303);
  });

  app.get('/login', (c) => {
    const t = c.get('t');
    const notice = c.req.query('notice');
    const known = ['verified', 'password_reset', 'logged_out'].includes(notice ?? '') ? t(`accounts.notice.${notice}`) : undefined;
    return page(c, t('accounts.login.title'), <LogInForm next={safeNext(c.req.query('next'))} notice={known} />);
  });

  app.post('/login', async (c) => {
    const t = c.get('t');
    const values = await readForm(c);
    const next = safeNext(c.req.query('next'));
    const form = (errors: Record<string, string>, status: 422 | 429) =>
      page(c, t('accounts.login.title'), <LogInForm values={values} errors={errors} next={next} />, status);
    const parsed = validate(AccountLogInSchema, values, t);
    if (!parsed.ok) return form(parsed.errors, 422);
    const address = clientAddress(c);
    // Only failures count against an account, so nobody can lock its owner out by logging in.
    if (!loginByAddress.attempt(address, now()) || loginByAccount.isLimited(parsed.data.email, now())) {
      return form({ _form: tooMany(c) }, 429);
    }
    const user = await findUserByEmail(services.db, parsed.data.email);
    const valid = await verifyPassword(user?.password_hash ?? (await decoyHash()), parsed.data.password);
    if (!user || !valid) {
      loginByAccount.attempt(parsed.data.email, now());
      return form({ _form: t('accounts.errors.bad_credentials') }, 422);
    }
    await logIn(c, user.id);
    if (isLocale(user.locale)) rememberLanguage(c, user.locale);
    return c.redirect(next, 303);
  });

  app.post('/logout', async (c) => {
    const sessionId = c.get('sessionId');
    if (sessionId) await endSession(services.db, sessionId);
    deleteCookie(c, sessionCookie, { path: '/' });
    return c.redirect('/login?notice=logged_out', 303);
  });

  app.get('/password/forgot', (c) => page(c, c.get('t')('accounts.forgot.title'), <ForgotPasswordForm />));

  app.post('/password/forgot', async (c) => {
    const t = c.get('t');
    const values = await readForm(c);
    if (!resetLimiter.attempt(`reset:${clientAddress(c)}`, now())) {
      return page(c, t('accounts.forgot.title'), <ForgotPasswordForm values={values} errors={{ _form: tooMany(c) }} />, 429);
    }
    const parsed = validate(PasswordResetRequestSchema, values, t);
    if (!parsed.ok) return page(c, t('accounts.forgot.title'), <ForgotPasswordForm values={values} errors={parsed.errors} />, 422);
    const reset = await requestPasswordReset(commandContext(c), parsed.data.email);
    if (reset) {
      const locale = isLocale(reset.locale) ? reset.locale : c.get('locale');
      const link = `${services.config.baseUrl}/password/reset?token=${reset.secret}`;
      await services.mailer.send(composeMail(locale, 'accounts.mail.reset', parsed.data.email, { link }));
    }
    // The same answer whether or not the account exists, so the form reveals no addresses.
    return page(c, t('accounts.forgot.title'), <ForgotPasswordForm sent />);
  });

  app.get('/password/reset', (c) => {
    const token = c.req.query('token') ?? '';
    return page(c, c.get('t')('accounts.reset.title'), <ResetPasswordForm token={token.slice(0, 100)} />);
  });

  app.post('/password/reset', async (c) => {
    const t = c.get('t');
    const values = await readForm(c);
    const token = typeof values.token === 'string' ? values.token.slice(0, 100) : '';
    const parsed = validate(PasswordResetSchema, values, t);
    if (!parsed.ok) return page(c, t('accounts.reset.title'), <ResetPasswordForm token={token} errors={parsed.errors} />, 422);
    const done = await resetPassword(commandContext(c), parsed.data);
    if (!done) {
      return page(c, t('accounts.reset.title'), <ResetPasswordForm token={token} errors={{ _form: t('accounts.errors.link_expired') }} />, 422);
    }
    deleteCookie(c, sessionCookie, { path: '/' });
    return c.redirect('/login?notice=password_reset', 303);
  });

  app.get('/account', async (c) => {
    const actor = c.get('actor');
    authorize(actor, accountPolicy.viewOwnAccount, undefined);
    const user = actor.user!;
    const notice = c.req.query('notice');
    return page(c, c.get('t')('accounts.account.title'), (
      <AccountPage values={profileValues(user)} tokens={await listApiTokens(services.db, user.id)} notice={notice} />
    ));
  });

  app.post('/account', async (c) => {
    const actor = c.get('actor');
    authorize(actor, accountPolicy.editOwnProfile, undefined);
    const t = c.get('t');
    const values = await readForm(c);
    const parsed = validate(AccountProfileSchema, values, t);
    if (!parsed.ok) {
      return page(c, t('accounts.account.title'), (
        <AccountPage values={values} errors={parsed.errors} tokens={await listApiTokens(services.db, actor.user!.id)} />
      ), 422);
    }
    await updateProfile(commandContext(c), parsed.data);
    rememberLanguage(c, parsed.data.locale);
    return c.redirect('/account?notice=profile_saved', 303);
  });

  app.post('/account/verification', async (c) => {
    authorize(c.get('actor'), accountPolicy.resendVerification, undefined);
    const user = c.get('actor').user!;
    const secret = await reissueVerification(commandContext(c));
    await sendVerification(c, user.email, isLocale(user.locale) ? user.locale : c.get('locale'), secret);
    return c.redirect('/account?notice=check_email', 303);
  });

  app.post('/account/tokens', async (c) => {
    const actor = c.get('actor');
    authorize(actor, accountPolicy.manageOwnApiTokens, undefined);
    const t = c.get('t');
    const values = await readForm(c);
    const parsed = validate(ApiTokenCreateSchema, values, t);
    const tokens = () => listApiTokens(services.db, actor.user!.id);
    const profile = profileValues(actor.user!);
    if (!parsed.ok) {
      return page(c, t('accounts.account.title'), <AccountPage values={profile} tokens={await tokens()} tokenErrors={parsed.errors} />, 422);
    }
    const secret = await createApiToken(commandContext(c), parsed.data.token_name);
    return page(c, t('accounts.account.title'), <AccountPage values={profile} tokens={await tokens()} newToken={secret} />);
  });

  app.post('/account/tokens/:id/revoke', async (c) => {
    authorize(c.get('actor'), accountPolicy.manageOwnApiTokens, undefined);
    const revoked = await revokeApiToken(commandContext(c), c.req.param('id'));
    if (!revoked) return c.notFound();
    return c.redirect('/account?notice=token_revoked', 303);
  });
}
