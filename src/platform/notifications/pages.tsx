import type { Context, Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv, Services } from '../http/env.ts';
import { page } from '../http/context.ts';
import { formAction, withNotice } from '../http/action.ts';
import { ok, refuse } from '../http/result.ts';
import { safeNext } from '../http/redirects.ts';
import { authorize, anyone, signedIn } from '../policy.ts';
import { audit } from '../audit.ts';
import type { Db } from '../db/index.ts';
import { formatDate, type Translate } from '../i18n/index.ts';
import { useView } from '../views/context.ts';
import { ChoiceField, Notice, PostForm } from '../views/components.tsx';
import {
  chosenFrequencies, frequencies, frequencyFor, latestNotifications, markAllRead, notificationText, openNotification, readUnsubscribeToken,
  setFrequency, type Frequency, type NotificationKind,
} from './index.ts';

const ownNotifications = signedIn();
const listed = 100;

interface Listed {
  id: string;
  kind: string;
  message_values: string;
  created_at: string;
  read_at: string | null;
}

function titleOf(t: Translate, n: Listed): string {
  return t(notificationText(n.kind, 'title'), JSON.parse(n.message_values) as Record<string, string>);
}

function NotificationsPage({ notifications, notice }: { notifications: Listed[]; notice?: string }) {
  const { t, locale } = useView();
  const unread = notifications.some((n) => !n.read_at);
  return (
    <>
      <h1>{t('common.notifications.title')}</h1>
      <Notice message={notice === 'read' ? t('common.notifications.all_read') : notice === 'saved' ? t('common.notifications.saved') : undefined} />
      <p><a href="/notifications/preferences">{t('common.notifications.preferences_link')}</a></p>
      {notifications.length === 0 ? (
        <p>{t('common.notifications.none')}</p>
      ) : (
        <>
          {unread && (
            <PostForm action="/notifications/read">
              <button type="submit" class="secondary">{t('common.notifications.mark_all_read')}</button>
            </PostForm>
          )}
          <ol class="notifications">
            {notifications.map((n) => (
              <li class={n.read_at ? 'read' : 'unread'}>
                {!n.read_at && <strong>{t('common.notifications.new')} </strong>}
                <a href={`/notifications/${n.id}/open`}>{titleOf(t, n)}</a>{' '}
                <time class="meta" datetime={n.created_at}>{formatDate(n.created_at, locale)}</time>
              </li>
            ))}
          </ol>
        </>
      )}
    </>
  );
}

function PreferencesPage({ kinds, chosen, errors }: { kinds: NotificationKind[]; chosen: Map<string, Frequency>; errors?: Record<string, string> }) {
  const { t } = useView();
  const options = frequencies.map((f) => ({ value: f, label: t(`common.notifications.frequency.${f}`) }));
  const labels = Object.fromEntries(kinds.map((k) => [fieldOf(k.kind), t(notificationText(k.kind, 'label'))]));
  return (
    <>
      <p><a href="/notifications">{t('common.notifications.back')}</a></p>
      <h1>{t('common.notifications.preferences_title')}</h1>
      <p>{t('common.notifications.preferences_intro')}</p>
      <PostForm action="/notifications/preferences" errors={errors} labels={labels}>
        {kinds.map((kind) => (
          <ChoiceField type="radio" name={fieldOf(kind.kind)} label={labels[fieldOf(kind.kind)]!} options={options}
            value={chosen.get(kind.kind) ?? kind.defaultFrequency} error={errors?.[fieldOf(kind.kind)]} />
        ))}
        <button type="submit">{t('common.notifications.save')}</button>
      </PostForm>
    </>
  );
}

/** A form field per kind: dots do not travel well in field names and anchors. */
const fieldOf = (kind: string) => kind.replaceAll('.', '__');

function UnsubscribePage({ token, label, done }: { token: string; label: string; done?: boolean }) {
  const { t } = useView();
  return (
    <>
      <h1>{t('common.notifications.unsubscribe_title')}</h1>
      {done ? (
        <p role="status">{t('common.notifications.unsubscribed', { what: label })}</p>
      ) : (
        <PostForm action={`/unsubscribe/${token}`}>
          <p>{t('common.notifications.unsubscribe_question', { what: label })}</p>
          <button type="submit">{t('common.notifications.unsubscribe')}</button>
        </PostForm>
      )}
      <p><a href="/notifications/preferences">{t('common.notifications.preferences_link')}</a></p>
    </>
  );
}

/** What stopping a list means: one kind, or every kind a digest gathers today. */
async function stopList(db: Db, kinds: ReadonlyMap<string, NotificationKind>, userId: string, list: string): Promise<string[]> {
  const digest = /^digest:(daily|weekly)$/.exec(list)?.[1] as Frequency | undefined;
  if (!digest) return kinds.has(list) ? [list] : [];
  const stopped: string[] = [];
  for (const kind of kinds.values()) if ((await frequencyFor(db, userId, kind)) === digest) stopped.push(kind.kind);
  return stopped;
}

/** Notifications in Cabildo, the choice of how often to be mailed, and one-click unsubscribe from a mail. */
export function notificationPages(app: Hono<AppEnv>, services: Services, kinds: ReadonlyMap<string, NotificationKind>): void {
  const { db, config, clock } = services;

  app.get('/notifications', async (c) => {
    const actor = c.get('actor');
    authorize(actor, ownNotifications, undefined);
    return page(c, c.get('t')('common.notifications.title'), <NotificationsPage notifications={await latestNotifications(db, actor.user.id, listed)} notice={c.req.query('notice')} />);
  });

  app.get('/notifications/:id/open', async (c) => {
    const actor = c.get('actor');
    authorize(actor, ownNotifications, undefined);
    const path = await openNotification(db, actor.user.id, c.req.param('id'), clock());
    return path === null ? c.notFound() : c.redirect(safeNext(path), 303);
  });

  app.post('/notifications/read', formAction({
    allow: ownNotifications,
    schema: z.object({}),
    run: async (ctx) => {
      await markAllRead(ctx.db, ctx.actor.user.id, ctx.now);
      return ok();
    },
    done: () => withNotice('/notifications', 'read'),
    retry: (c) => c.redirect('/notifications', 303),
  }));

  const preferences = async (c: Context<AppEnv>, userId: string, errors?: Record<string, string>, status: 200 | 422 = 200) =>
    page(c, c.get('t')('common.notifications.preferences_title'), <PreferencesPage kinds={[...kinds.values()]} chosen={await chosenFrequencies(db, userId)} errors={errors} />, status);

  app.get('/notifications/preferences', async (c) => {
    const actor = c.get('actor');
    authorize(actor, ownNotifications, undefined);
    return preferences(c, actor.user.id);
  });

  const PreferencesSchema = z.object(Object.fromEntries([...kinds.keys()].map((kind) => [fieldOf(kind), z.enum(frequencies)])));
  app.post('/notifications/preferences', formAction({
    allow: ownNotifications,
    schema: PreferencesSchema,
    run: async (ctx, input) => {
      await db.transaction().execute(async (tx) => {
        for (const kind of kinds.keys()) await setFrequency(tx, ctx.actor.user.id, kind, input[fieldOf(kind)] as Frequency);
        await audit(tx, ctx.actor, ctx.now, { action: 'notifications.preferences_saved', subjectType: 'user', subjectId: ctx.actor.user.id });
      });
      return ok();
    },
    done: () => withNotice('/notifications', 'saved'),
    retry: (c, failed, { actor }) => preferences(c, actor.user.id, failed.errors, 422),
  }));

  const loadList = async (c: Context<AppEnv>) => {
    const token = c.req.param('token') ?? '';
    const claim = readUnsubscribeToken(config.secret, token);
    return claim ? { token, ...claim } : undefined;
  };
  const labelOf = (t: Translate, list: string) => {
    const digest = /^digest:(daily|weekly)$/.exec(list)?.[1];
    return digest ? t(`common.notifications.digest_${digest}`) : t(notificationText(list, 'label'));
  };

  app.get('/unsubscribe/:token', async (c) => {
    const list = await loadList(c);
    if (!list) return c.notFound();
    return page(c, c.get('t')('common.notifications.unsubscribe_title'), <UnsubscribePage token={list.token} label={labelOf(c.get('t'), list.list)} />);
  });

  // RFC 8058: mail programs post here from their own servers, with no session and no form token;
  // the signed link is the authority (the CSRF check lets this path through).
  app.post('/unsubscribe/:token', formAction({
    load: loadList,
    allow: anyone(),
    schema: z.object({}).passthrough(),
    run: async (ctx, _, list) => {
      const stopped = await db.transaction().execute(async (tx) => {
        const kindsStopped = await stopList(tx, kinds, list.userId, list.list);
        for (const kind of kindsStopped) await setFrequency(tx, list.userId, kind, 'never');
        await audit(tx, ctx.actor, ctx.now, { action: 'notifications.unsubscribed', subjectType: 'user', subjectId: list.userId, actorId: list.userId, details: { list: list.list } });
        return kindsStopped;
      });
      return stopped.length || list.list.startsWith('digest:') ? ok() : refuse('common.notifications.unknown_list', { status: 404 });
    },
    done: (c, _, { subject }) => page(c, c.get('t')('common.notifications.unsubscribe_title'), <UnsubscribePage token={subject.token} label={labelOf(c.get('t'), subject.list)} done />),
    retry: (c) => c.notFound(),
  }));
}
