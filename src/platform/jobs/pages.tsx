import type { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv, Services } from '../http/env.ts';
import { page } from '../http/context.ts';
import { formAction, withNotice } from '../http/action.ts';
import { ok, refuse } from '../http/result.ts';
import { authorize, isSecretariat, signedIn } from '../policy.ts';
import { useView } from '../views/context.ts';
import { Notice, PostForm } from '../views/components.tsx';
import { formatDate } from '../i18n/index.ts';
import type { JobListing } from './index.ts';

const seeJobs = signedIn<unknown>(isSecretariat);

function JobsPage({ jobs, notice }: { jobs: JobListing[]; notice?: string }) {
  const { t, locale } = useView();
  return (
    <>
      <h1>{t('common.jobs.title')}</h1>
      <p>{t('common.jobs.intro')}</p>
      <Notice message={notice === 'retried' ? t('common.jobs.retried') : undefined} />
      {jobs.length === 0 ? (
        <p>{t('common.jobs.none')}</p>
      ) : (
        <ul class="jobs">
          {jobs.map((job) => (
            <li id={`job-${job.id}`}>
              <p>
                <strong>{t(`common.jobs.status.${job.status}`)}</strong>{' — '}{job.summary}
              </p>
              <p class="meta">
                {t('common.jobs.attempts', { attempts: job.attempts, max: job.max_attempts })}{' · '}
                {t(job.status === 'failed' ? 'common.jobs.queued_on' : 'common.jobs.next_try', { date: formatDate(job.status === 'failed' ? job.created_at : job.run_at, locale) })}
              </p>
              {job.last_error && <p class="meta">{t('common.jobs.last_error', { error: job.last_error })}</p>}
              {job.status !== 'running' && (
                <PostForm action={`/secretariat/jobs/${job.id}/retry`}>
                  <button type="submit" class="secondary" aria-label={t('common.jobs.retry_named', { job: job.summary })}>{t('common.jobs.retry')}</button>
                </PostForm>
              )}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/** `/secretariat/jobs`: what is waiting to go out or failed, and a button to try again now. */
export function jobPages(app: Hono<AppEnv>, services: Services): void {
  app.get('/secretariat/jobs', async (c) => {
    authorize(c.get('actor'), seeJobs, undefined);
    return page(c, c.get('t')('common.jobs.title'), <JobsPage jobs={await services.jobs.unfinished()} notice={c.req.query('notice')} />);
  });

  app.post('/secretariat/jobs/:id/retry', formAction({
    load: async (c) => ({ id: c.req.param('id') ?? '' }),
    allow: seeJobs,
    authorizeBeforeLoading: true,
    schema: z.object({}),
    run: async (_, __, job) => ((await services.jobs.retry(job.id)) ? ok() : refuse('common.jobs.gone', { status: 404 })),
    done: () => withNotice('/secretariat/jobs', 'retried'),
    retry: (c) => c.redirect('/secretariat/jobs', 303),
  }));
}
