import type { FailedForm } from '../../platform/http/action.ts';
import { valueOf } from '../../platform/http/forms.ts';
import { formatDate } from '../../platform/i18n/index.ts';
import { Notice, PostForm, TextArea, TextField } from '../../platform/views/components.tsx';
import { useView } from '../../platform/views/context.ts';
import type { Progress, StepOverview, StepStatus } from './queries.ts';
import { steps, type Step } from './steps.ts';

/** A step's guidance: what, why, how (with its sub-items) and the pitfalls, in the reader's language. */
function Guidance({ step }: { step: Step }) {
  const { t } = useView();
  const part = (name: string) => t(`toolkit.steps.${step.key}.${name}`);
  return (
    <div class="guidance">
      <h3>{t('toolkit.guide.what')}</h3>
      <p>{part('what')}</p>
      <h3>{t('toolkit.guide.why')}</h3>
      <p>{part('why')}</p>
      <h3>{t('toolkit.guide.how')}</h3>
      <p>{part('how')}</p>
      {step.items.length > 0 && <ul>{step.items.map((i) => <li>{t(`toolkit.steps.${step.key}.items.${i}`)}</li>)}</ul>}
      <h3>{t('toolkit.guide.pitfalls')}</h3>
      <p>{part('pitfalls')}</p>
      {step.check && <p class="hint">{t(`toolkit.check.${step.check}`)}</p>}
    </div>
  );
}

/** `/toolkit`: the guidance for anyone, before registering too. */
export function GuidePage({ mine }: { mine: Array<{ slug: string; name: string }> }) {
  const { t } = useView();
  return (
    <>
      <p><a href="/">{t('toolkit.guide.home')}</a></p>
      <h1>{t('toolkit.guide.title')}</h1>
      <p>{t('toolkit.guide.intro')}</p>
      {mine.length > 0 ? (
        <section aria-labelledby="mine-title">
          <h2 id="mine-title">{t('toolkit.guide.mine')}</h2>
          <ul>{mine.map((i) => <li><a href={`/initiatives/${i.slug}/toolkit`}>{t('toolkit.progress.title', { name: i.name })}</a></li>)}</ul>
        </section>
      ) : <p><a href="/initiatives/new">{t('toolkit.guide.register')}</a></p>}
      <ol class="toolkit-steps">
        {steps.map((step) => (
          <li id={`step-${step.key}`}>
            <h2>{t(`toolkit.steps.${step.key}.title`)}</h2>
            <p>{step.check ? t('toolkit.guide.automatic') : t('toolkit.guide.manual')}</p>
            <details>
              <summary>{t('toolkit.guide.read', { title: t(`toolkit.steps.${step.key}.title`) })}</summary>
              <Guidance step={step} />
            </details>
          </li>
        ))}
      </ol>
    </>
  );
}

export interface ProgressView {
  initiative: { slug: string; name: string };
  progress: Progress;
  canTick: boolean;
  notice?: string;
  /** The form of one step sent back with its errors. */
  failed?: { step: string; form: FailedForm };
}

function StepState({ status }: { status: StepStatus }) {
  const { t, locale } = useView();
  if (status.state === 'automatic') return <p><strong>{t('toolkit.state.automatic')}</strong></p>;
  if (status.state === 'open') return <p><strong>{t('toolkit.state.open')}</strong></p>;
  const tick = status.tick!;
  const date = formatDate(tick.ticked_at, locale);
  return (
    <>
      <p><strong>{t('toolkit.state.ticked')}</strong> {tick.ticked_by ? t('toolkit.progress.ticked_by', { name: tick.ticked_by, date }) : t('toolkit.progress.ticked_on', { date })}</p>
      {/* The evidence as typed: text escaped, the link as it was given (http or https only, checked when ticked). */}
      <dl>
        {tick.note && <><dt>{t('toolkit.progress.note')}</dt><dd>{tick.note}</dd></>}
        {tick.link && <><dt>{t('toolkit.progress.link')}</dt><dd><a href={tick.link} rel="nofollow noopener">{tick.link}</a></dd></>}
      </dl>
    </>
  );
}

/** Under a manual step on the progress page: a link to tick it (or to change its evidence), and the button to untick it. */
function TickLinks({ slug, status }: { slug: string; status: StepStatus }) {
  const { t } = useView();
  const title = t(`toolkit.steps.${status.key}.title`);
  return (
    <>
      <p><a href={`/initiatives/${slug}/toolkit/${status.key}/tick`}>{status.tick ? t('toolkit.tick.update', { title }) : t('toolkit.tick.submit', { title })}</a></p>
      {status.tick && (
        <PostForm action={`/initiatives/${slug}/toolkit/${status.key}/untick`} anchor={`untick-${status.key}`}>
          <button type="submit" class="secondary">{t('toolkit.tick.untick', { title })}</button>
        </PostForm>
      )}
    </>
  );
}

/** `/initiatives/<slug>/toolkit/<step>/tick`: one manual step, its guidance, and the form to tick it with evidence. */
export function TickPage({ initiative, status, form }: { initiative: { slug: string; name: string }; status: StepStatus; form?: FailedForm }) {
  const { t } = useView();
  const step = steps.find((s) => s.key === status.key)!;
  const title = t(`toolkit.steps.${status.key}.title`);
  const errors = form?.errors ?? {};
  const values = form?.values ?? { note: status.tick?.note ?? '', link: status.tick?.link ?? '' };
  return (
    <>
      <p><a href={`/initiatives/${initiative.slug}/toolkit#step-${status.key}`}>{t('toolkit.tick.back', { name: initiative.name })}</a></p>
      <h1>{t('toolkit.tick.title', { title })}</h1>
      <StepState status={status} />
      <details>
        <summary>{t('toolkit.guide.read', { title })}</summary>
        <Guidance step={step} />
      </details>
      <PostForm action={`/initiatives/${initiative.slug}/toolkit/${status.key}/tick`} anchor="tick" errors={errors} labels={{ note: t('toolkit.field.note'), link: t('toolkit.field.link') }}>
        <TextArea name="note" label={t('toolkit.field.note')} hint={t('toolkit.field.note_hint')} value={valueOf(values, 'note')} error={errors.note} maxlength={2000} />
        <TextField type="url" name="link" label={t('toolkit.field.link')} hint={t('toolkit.field.link_hint')} value={valueOf(values, 'link')} error={errors.link} />
        <button type="submit">{status.tick ? t('toolkit.tick.update', { title }) : t('toolkit.tick.submit', { title })}</button>
      </PostForm>
    </>
  );
}

/** `/initiatives/<slug>/toolkit`: the initiative's progress, its next step first, each step with its guidance. */
export function ProgressPage({ initiative, progress, canTick, notice, failed }: ProgressView) {
  const { t } = useView();
  const next = progress.next;
  return (
    <>
      <p><a href={`/initiatives/${initiative.slug}`}>{t('toolkit.progress.back', { name: initiative.name })}</a></p>
      <Notice message={notice === 'ticked' || notice === 'unticked' ? t(`toolkit.notice.${notice}`) : undefined} />
      <h1>{t('toolkit.progress.title', { name: initiative.name })}</h1>
      <p id="progress-label">{t('toolkit.progress.summary', { done: progress.done, total: progress.total })}</p>
      <progress max={progress.total} value={progress.done} aria-labelledby="progress-label" />
      {next
        ? <p class="notice"><strong>{t('toolkit.progress.next')}</strong> <a href={`#step-${next}`}>{t(`toolkit.steps.${next}.title`)}</a></p>
        : <p class="notice">{t('toolkit.progress.all_done')}</p>}
      <p><a href="/toolkit">{t('toolkit.progress.guide')}</a></p>
      <ol class="toolkit-steps">
        {progress.steps.map((status) => {
          const step = steps.find((s) => s.key === status.key)!;
          const isNext = status.key === next;
          return (
            <li id={`step-${status.key}`} class={isNext ? 'next-step' : undefined} aria-current={isNext ? 'step' : undefined}>
              <h2>{t(`toolkit.steps.${status.key}.title`)}{isNext && <> ({t('toolkit.progress.next_short')})</>}</h2>
              <StepState status={status} />
              {failed?.step === status.key && failed.form.errors._form && <p class="error" role="alert">{failed.form.errors._form}</p>}
              <details open={isNext || failed?.step === status.key}>
                <summary>{t('toolkit.guide.read', { title: t(`toolkit.steps.${status.key}.title`) })}</summary>
                <Guidance step={step} />
              </details>
              {canTick && !step.check && <TickLinks slug={initiative.slug} status={status} />}
            </li>
          );
        })}
      </ol>
    </>
  );
}

/** `/secretariat/toolkit`: per step, how many initiatives have done it and which are stuck on it. */
export function StuckPage({ overview, notice, failed }: { overview: { initiatives: number; finished: number; steps: StepOverview[] }; notice?: string; failed?: { slug: string; message: string } }) {
  const { t } = useView();
  return (
    <>
      <p><a href="/">{t('toolkit.guide.home')}</a></p>
      <Notice message={notice === 'offered' ? t('toolkit.notice.offered') : undefined} />
      <h1>{t('toolkit.stuck.title')}</h1>
      <p>{t('toolkit.stuck.intro', { count: overview.initiatives, finished: overview.finished })}</p>
      <table class="stack">
        {/* Named for screen readers; the paragraph above says it to everyone (a caption does not stack on a phone). */}
        <caption class="visually-hidden">{t('toolkit.stuck.caption')}</caption>
        <thead><tr><th scope="col">{t('toolkit.stuck.step')}</th><th scope="col">{t('toolkit.stuck.completed')}</th><th scope="col">{t('toolkit.stuck.stuck')}</th></tr></thead>
        <tbody>
          {overview.steps.map((s) => (
            <tr>
              <td data-label={t('toolkit.stuck.step')}><a href={`/toolkit#step-${s.key}`}>{t(`toolkit.steps.${s.key}.title`)}</a></td>
              <td data-label={t('toolkit.stuck.completed')}>{t('toolkit.stuck.of', { count: s.completed, total: overview.initiatives })}</td>
              <td data-label={t('toolkit.stuck.stuck')}>
                {s.stuck.length === 0 ? t('toolkit.stuck.none') : (
                  <>
                    {t('toolkit.stuck.count', { count: s.stuck.length })}
                    <ul>{s.stuck.map((i) => (
                      <li>
                        <a href={`/initiatives/${i.slug}/toolkit`}>{i.name}</a>
                        {failed?.slug === i.slug && <p class="error" role="alert">{failed.message}</p>}
                        <PostForm action={`/secretariat/toolkit/${i.slug}/offer`} anchor={`offer-${i.slug}`} class="inline">
                          <button type="submit" class="secondary">{t('toolkit.stuck.offer', { name: i.name })}</button>
                        </PostForm>
                      </li>
                    ))}</ul>
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
