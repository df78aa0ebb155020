import type { Hono, Context } from 'hono';
import { setCookie, deleteCookie, getCookie } from 'hono/cookie';
import { createHmac } from 'node:crypto';
import { z } from 'zod';
import type { AppEnv, Services, ActorUser } from '../../platform/http/env.ts';
import { commandContext, page } from '../../platform/http/context.ts';
import { formAction, withNotice } from '../../platform/http/action.ts';
import { ok, refuse, type Refusal } from '../../platform/http/result.ts';
import type { FormValues } from '../../platform/http/forms.ts';
import { emailAddress } from '../../platform/validation.ts';
import { safeNext } from '../../platform/http/redirects.ts';
import { clientNetwork } from '../../platform/http/clientAddress.ts';
import { authorize } from '../../platform/policy.ts';
import { limitRefusal, type BackoffLimit, type WindowLimit } from '../../platform/auth/rateLimit.ts';
import { sessionCookie } from '../../platform/auth/identity.ts';
import { decoyHash, verifyPassword } from '../../platform/auth/passwords.ts';
import { isLocale, translator } from '../../platform/i18n/index.ts';
import { rememberLanguage, secureCookie } from '../../platform/http/middleware.ts';
import {
  AccountLogInSchema, AccountProfileSchema, AccountSignUpSchema, ApiTokenCreateSchema, PasswordResetRequestSchema, PasswordResetSchema,
} from './schema.ts';
import { accountPolicy } from './policy.ts';
import { findUserByEmail, listApiTokens } from './queries.ts';
import { endSession, sessionMaxAge, startSession } from './sessions.ts';
import { signUp } from './commands/signUp.ts';
import { reissueVerification, verifyEmail } from './commands/verifyEmail.ts';
import { requestPasswordReset, resetPassword } from './commands/resetPassword.ts';
import { updateProfile } from './commands/updateProfile.ts';
import { createApiToken, revokeApiToken } from './commands/apiTokens.ts';
import { ForgotPasswordForm, LogInForm, ResetPasswordForm, SignUpForm, SignUpSent } from './views/forms.tsx';
import { AccountPage } from './views/accountPage.tsx';

const minute = 60_000;

/**
 * The browser that signed up is signed in by the verification link it then opens, so the person
 * lands where they were going (the initiative form, an invitation) without logging in again. The
 * proof is two things: the mailbox (the link) and this cookie, set by the sign-up answer in that
 * browser and bound to the address. The link alone signs nobody in: someone who signs up with
 * another person's address cannot have that person open a session on the account they made.
 * The cookie is set whether or not the address already had an account, so it tells nothing.
 */
const signupCookie = 'cabildo_signup';
const signupProof = (secret: string, email: string) => createHmac('sha256', secret).update(`signup\u0000${email.toLowerCase()}`).digest('base64url');
const noFields = z.object({});

/** Starts a fresh session (the old one ends: a session id never survives a login). */
async function logIn(c: Context<AppEnv>, userId: string): Promise<void> {
  const { db, clock } = c.get('services');
  const previous = c.get('sessionId');
  if (previous) await endSession(db, previous);
  setCookie(c, sessionCookie, await startSession(db, userId, clock()), {
    httpOnly: true, sameSite: 'Lax', path: '/', maxAge: sessionMaxAge, secure: secureCookie(c.get('services')),
  });
}

/** A user's profile as form values, for the profile form. */
function profileValues(user: ActorUser): FormValues {
  return {
    name: user.name, locale: user.locale, country: user.country ?? '', stakeholder_group: user.stakeholder_group,
    affiliation: user.affiliation ?? '', capacity: user.capacity,
  };
}

/**
 * Log-in limits hold the attacker back, not the owner (docs/decisions/011-login-limits.md):
 * failures count per account and address together, with a growing wait after the fifth, so
 * guesses from elsewhere never stop the owner logging in from their own address; and failures
 * from one address over all accounts have a looser ceiling, enough for a workshop behind one NAT.
 */
export const loginFailures: BackoffLimit = { name: 'login.account_address', free: 5, firstDelayMs: 15_000, maxDelayMs: 15 * minute, memoryMs: 24 * 60 * minute };
export const loginFailuresByAddress: WindowLimit = { name: 'login.address', limit: 100, windowMs: 15 * minute };
const signupByAddress: WindowLimit = { name: 'signup.address', limit: 30, windowMs: 15 * minute };
const resetByAddress: WindowLimit = { name: 'reset.address', limit: 10, windowMs: 15 * minute };

export function accountPages(app: Hono<AppEnv>, services: Services): void {
  const { limits } = services;
  const under = async (limit: WindowLimit, key: string): Promise<Refusal | null> => limitRefusal(await limits.count(limit, key));
  const nextOf = (c: Context<AppEnv>, fallback = '/') => safeNext(c.req.query('next'), fallback);

  app.get('/signup', (c) => {
    const next = nextOf(c);
    if (c.get('actor').user) return c.redirect(next === '/' ? '/account' : next, 303);
    // An invitation's page fills in the invited address.
    const email = emailAddress.safeParse(c.req.query('email') ?? '');
    return page(c, c.get('t')('accounts.signup.title'), <SignUpForm next={next} values={email.success ? { email: email.data } : undefined} />);
  });

  app.post('/signup', formAction({
    // Where the person was going (an invitation, the initiative form): the verification link leads back there.
    load: async (c) => ({ next: nextOf(c) }),
    allow: accountPolicy.useAccountForms,
    limit: (c) => under(signupByAddress, clientNetwork(c)),
    schema: AccountSignUpSchema,
    run: (ctx, input, { next }) => signUp(ctx, input, next),
    // The same answer whether the address was new or already had an account (its owner got a mail):
    // nobody learns from it which addresses have accounts. The person logs in once the address is theirs.
    done: (c, _, { input, subject: { next } }) => {
      setCookie(c, signupCookie, signupProof(services.config.secret, input.email), {
        httpOnly: true, sameSite: 'Lax', path: '/verify-email', maxAge: 7 * 24 * 3600, secure: secureCookie(services),
      });
      rememberLanguage(c, input.locale);
      // The answer is already in the language just chosen.
      c.set('locale', input.locale);
      c.set('t', translator(input.locale));
      return page(c, c.get('t')('accounts.signup.sent_title'), <SignUpSent email={input.email} next={next} />);
    },
    retry: (c, failed, { status }) => page(c, c.get('t')('accounts.signup.title'), <SignUpForm {...failed} next={nextOf(c)} />, status),
  }));

  app.get('/verify-email', async (c) => {
    const t = c.get('t');
    const token = c.req.query('token') ?? '';
    const verified = token.length > 0 && token.length < 100 ? await verifyEmail(commandContext(c, c.get('actor')), token) : undefined;
    if (!verified?.ok) {
      return page(c, t('accounts.verify.failed_title'), (
        <>
          <h1>{t('accounts.verify.failed_title')}</h1>
          <p>{t('accounts.verify.failed')}</p>
          <p><a href="/account">{t('accounts.verify.to_account')}</a></p>
        </>
      ), 400);
    }
    const next = nextOf(c, '/account');
    const account = verified.value;
    const sameBrowser = getCookie(c, signupCookie) === signupProof(services.config.secret, account.email);
    if (!c.get('actor').user && sameBrowser) {
      deleteCookie(c, signupCookie, { path: '/verify-email' });
      await logIn(c, account.id);
    }
    if (c.get('actor').user || sameBrowser) return c.redirect(next === '/account' ? '/account?notice=verified' : next, 303);
    return c.redirect(`/login?notice=verified&next=${encodeURIComponent(next)}`, 303);
  });

  app.get('/login', (c) => {
    const t = c.get('t');
    const notice = c.req.query('notice');
    const known = ['verified', 'password_reset', 'logged_out'].includes(notice ?? '') ? t(`accounts.notice.${notice}`) : undefined;
    return page(c, t('accounts.login.title'), <LogInForm next={nextOf(c)} notice={known} />);
  });

  app.post('/login', formAction({
    load: async (c) => ({ network: clientNetwork(c) }),
    allow: accountPolicy.useAccountForms,
    // Every attempt counts until it proves right, so attempts sent at once are all counted.
    limit: (_, __, { network }) => under(loginFailuresByAddress, network),
    schema: AccountLogInSchema,
    run: async (ctx, input, { network }) => {
      const pair = `${input.email.toLowerCase()}\u0000${network}`;
      const held = limitRefusal(await limits.attempt(loginFailures, pair));
      if (held) return { ok: false, refusal: held };
      const user = await findUserByEmail(ctx.db, input.email);
      const valid = await verifyPassword(user?.password_hash ?? (await decoyHash()), input.password);
      if (!user || !valid) return refuse('accounts.errors.bad_credentials');
      await limits.forget(loginFailures, pair);
      await limits.refund(loginFailuresByAddress, network);
      return ok(user);
    },
    done: async (c, user) => {
      await logIn(c, user.id);
      if (isLocale(user.locale)) rememberLanguage(c, user.locale);
      return nextOf(c);
    },
    retry: (c, failed, { status }) => page(c, c.get('t')('accounts.login.title'), <LogInForm {...failed} next={nextOf(c)} />, status),
  }));

  app.post('/logout', formAction({
    load: async (c) => ({ sessionId: c.get('sessionId') }),
    allow: accountPolicy.useAccountForms,
    schema: noFields,
    run: async (ctx, _, session) => {
      if (session.sessionId) await endSession(ctx.db, session.sessionId);
      return ok();
    },
    done: (c) => {
      deleteCookie(c, sessionCookie, { path: '/' });
      return '/login?notice=logged_out';
    },
    retry: (c) => c.redirect('/', 303),
  }));

  app.get('/password/forgot', (c) => page(c, c.get('t')('accounts.forgot.title'), <ForgotPasswordForm />));

  app.post('/password/forgot', formAction({
    allow: accountPolicy.useAccountForms,
    limit: (c) => under(resetByAddress, clientNetwork(c)),
    schema: PasswordResetRequestSchema,
    run: (ctx, input) => requestPasswordReset(ctx, input.email),
    done: (c) => {
      // The same answer whether or not the account exists, so the form reveals no addresses.
      return page(c, c.get('t')('accounts.forgot.title'), <ForgotPasswordForm sent />);
    },
    retry: (c, failed, { status }) => page(c, c.get('t')('accounts.forgot.title'), <ForgotPasswordForm {...failed} />, status),
  }));

  app.get('/password/reset', (c) => {
    const token = c.req.query('token') ?? '';
    return page(c, c.get('t')('accounts.reset.title'), <ResetPasswordForm token={token.slice(0, 100)} />);
  });

  app.post('/password/reset', formAction({
    allow: accountPolicy.useAccountForms,
    schema: PasswordResetSchema,
    run: resetPassword,
    done: (c) => {
      deleteCookie(c, sessionCookie, { path: '/' });
      return '/login?notice=password_reset';
    },
    retry: (c, failed, { status }) => {
      const token = typeof failed.values.token === 'string' ? failed.values.token.slice(0, 100) : '';
      return page(c, c.get('t')('accounts.reset.title'), <ResetPasswordForm token={token} errors={failed.errors} />, status);
    },
  }));

  /** The account page, with a failed profile or token form when there is one. */
  async function showAccount(c: Context<AppEnv>, user: ActorUser, forms: { profile?: FormValues; profileErrors?: Record<string, string>; tokenErrors?: Record<string, string>; newToken?: string } = {}, status: 200 | 409 | 422 | 429 = 200) {
    return page(c, c.get('t')('accounts.account.title'), (
      <AccountPage values={forms.profile ?? profileValues(user)} errors={forms.profileErrors} tokens={await listApiTokens(services.db, user.id)}
        notice={c.req.query('notice')} newToken={forms.newToken} tokenErrors={forms.tokenErrors} />
    ), status);
  }

  app.get('/account', async (c) => {
    const actor = c.get('actor');
    authorize(actor, accountPolicy.viewOwnAccount, undefined);
    return showAccount(c, actor.user);
  });

  app.post('/account', formAction({
    allow: accountPolicy.editOwnProfile,
    schema: AccountProfileSchema,
    run: updateProfile,
    done: (c, _, { input }) => {
      rememberLanguage(c, input.locale);
      return withNotice('/account', 'profile_saved');
    },
    retry: (c, failed, { actor, status }) => showAccount(c, actor.user, { profile: failed.values, profileErrors: failed.errors }, status),
  }));

  app.post('/account/verification', formAction({
    load: async (c) => ({ next: nextOf(c) }),
    allow: accountPolicy.resendVerification,
    schema: noFields,
    run: (ctx, _, { next }) => reissueVerification(ctx, next),
    done: (_, __, { subject: { next } }) => withNotice(next === '/' ? '/account' : next, 'check_email'),
    retry: (c) => c.redirect('/account', 303),
  }));

  app.post('/account/tokens', formAction({
    allow: accountPolicy.manageOwnApiTokens,
    schema: ApiTokenCreateSchema,
    run: (ctx, input) => createApiToken(ctx, input.token_name),
    done: (c, secret, { actor }) => showAccount(c, actor.user, { newToken: secret }),
    retry: (c, failed, { actor, status }) => showAccount(c, actor.user, { tokenErrors: failed.errors }, status),
  }));

  app.post('/account/tokens/:id/revoke', formAction({
    load: async (c) => ({ tokenId: c.req.param('id') ?? '' }),
    allow: accountPolicy.manageOwnApiTokens,
    schema: noFields,
    run: (ctx, _, token) => revokeApiToken(ctx, token.tokenId),
    done: () => withNotice('/account', 'token_revoked'),
    retry: (c) => c.notFound(),
  }));
}
