import { useView } from '../../../platform/views/context.ts';
import { ChoiceField, Notice, PostForm, SelectField, TextArea, TextField, type Option } from '../../../platform/views/components.tsx';
import { formatDate, languageName, locales } from '../../../platform/i18n/index.ts';
import { stakeholderKeys } from '../../../platform/stakeholders.ts';
import { valueOf, type FieldErrors, type FormValues } from '../../../platform/http/forms.ts';
import type { FailedForm } from '../../../platform/http/action.ts';
import { countByStatus, type PlanItem, type PlanUpdate, type TopicItem } from '../queries.ts';
import { itemStatuses, mechanisms, responsibleKinds } from '../schema.ts';
import type { ActionPlansTable } from '../tables.ts';
import { ProgressBar, Timeline } from './timeline.tsx';

export const plansHref = (slug: string) => `/initiatives/${slug}/action-plans`;
export const planHref = (slug: string, plan: string) => `${plansHref(slug)}/${plan}`;
export const itemHref = (slug: string, plan: string, item: string) => `${planHref(slug, plan)}/items/${item}`;

type Initiative = { slug: string; name: string };
export type TopicOption = { key: string; label: string };

function fieldOf(form: FailedForm) {
  return (name: string, label: string) => ({ name, label, value: valueOf(form.values, name), error: form.errors[name] });
}

/** Who answers for an item, as a reader sees it: a group by its name in this installation's taxonomy. */
export function Responsible({ item }: { item: Pick<PlanItem, 'responsible'> }) {
  const { t, groupLabel } = useView();
  const { kind, name } = item.responsible;
  return <>{kind === 'group' ? groupLabel(name) : name} <span class="meta">({t(`plans.responsible.${kind}`)})</span></>;
}

/** The items as a table: the timeline's equivalent, numbered as it is. */
export function ItemsTable({ items, initiative, planId, caption, withPlan }: { items: ReadonlyArray<PlanItem | TopicItem>; initiative?: Initiative; planId?: string; caption: string; withPlan?: boolean }) {
  const { t } = useView();
  return (
    <div class="table-scroll">
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">#</th>
            {withPlan && <th scope="col">{t('plans.field.initiative')}</th>}
            <th scope="col">{t('plans.field.action')}</th>
            <th scope="col">{t('plans.field.due_on')}</th>
            <th scope="col">{t('plans.field.status')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item, i) => {
            const owner = 'initiative' in item ? item.initiative : initiative!;
            const plan = 'plan' in item ? item.plan.id : planId!;
            return (
              <tr id={withPlan ? undefined : `item-${item.id}`}>
                <td>{i + 1}</td>
                {withPlan && 'plan' in item && <td><a href={planHref(owner.slug, plan)}>{owner.name}: {item.plan.title}</a></td>}
                <td>
                  <a href={itemHref(owner.slug, plan, item.id)}>{item.action}</a>
                  {/* Responsible and mechanism under the action: four columns still read at 320 px. */}
                  <p class="meta">{t('plans.field.responsible')}: <Responsible item={item} /> · {t(`plans.mechanism.${item.mechanism}`)}{item.percent !== null && <> · {t('plans.progress.percent', { percent: item.percent })}</>}</p>
                </td>
                <td>{item.due_on}</td>
                <td>{t(`plans.status.${item.status}`)}{item.overdue && <strong class="overdue"> · {t('plans.overdue')}</strong>}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** `/initiatives/<slug>/action-plans`: the plans, and for the committee a form to start one. */
export function PlansListPage(props: { initiative: Initiative; plans: ActionPlansTable[]; canWrite: boolean; form: FailedForm }) {
  const { t, locale } = useView();
  const { initiative, plans, canWrite, form } = props;
  const field = fieldOf(form);
  const labels = { title: t('plans.field.title'), starts_on: t('plans.field.starts_on'), ends_on: t('plans.field.ends_on'), description: t('plans.field.description'), language: t('plans.field.language') };
  return (
    <>
      <p><a href={`/initiatives/${initiative.slug}`}>{t('plans.back_initiative', { name: initiative.name })}</a></p>
      <h1>{t('plans.list.title', { name: initiative.name })}</h1>
      <p>{t('plans.list.intro')}</p>
      {plans.length === 0 ? <p>{t('plans.list.none')}</p> : (
        <ul>{plans.map((p) => (
          <li><a href={planHref(initiative.slug, p.id)}>{p.title}</a>{' '}
            <span class="meta">{t('plans.period', { from: formatDate(p.starts_on, locale), to: formatDate(p.ends_on, locale) })} · {p.status === 'adopted' ? t('plans.adopted_on', { date: formatDate(p.adopted_at!, locale) }) : t('plans.draft')}</span></li>
        ))}</ul>
      )}
      <p><a href={`/api${plansHref(initiative.slug)}`}>{t('plans.list.api')}</a> · <a href="/action-plans">{t('plans.topic.all_link')}</a></p>
      {canWrite && (
        <section aria-labelledby="new-plan-title">
          <h2 id="new-plan-title">{t('plans.list.new')}</h2>
          <PostForm action={plansHref(initiative.slug)} anchor="new-plan" errors={form.errors} labels={labels}>
            <TextField {...field('title', labels.title)} required maxlength={200} />
            <TextField {...field('starts_on', labels.starts_on)} hint={t('plans.field.date_hint')} required maxlength={10} />
            <TextField {...field('ends_on', labels.ends_on)} hint={t('plans.field.date_hint')} required maxlength={10} />
            <TextArea {...field('description', labels.description)} maxlength={5000} />
            <SelectField {...field('language', labels.language)} options={locales.map((l) => ({ value: l, label: languageName(l, locale) }))} />
            <button type="submit">{t('plans.list.create')}</button>
          </PostForm>
        </section>
      )}
    </>
  );
}

/** The form to add an item (the committee's, on the plan's page). */
function NewItemForm({ action, topics, form }: { action: string; topics: TopicOption[]; form: FailedForm }) {
  const { t, groupLabel } = useView();
  const field = fieldOf(form);
  const labels = {
    topic: t('plans.field.topic'), action: t('plans.field.action'), responsible_kind: t('plans.field.responsible_kind'), responsible_name: t('plans.field.responsible_name'),
    responsible_group: t('plans.field.responsible_group'), responsible_email: t('plans.field.responsible_email'), mechanism: t('plans.field.mechanism'),
    due_on: t('plans.field.due_on'), source: t('plans.field.source'),
  };
  const kinds: Option[] = responsibleKinds.map((k) => ({ value: k, label: t(`plans.responsible.${k}`) }));
  return (
    <PostForm action={action} anchor="new-item" errors={form.errors} labels={labels}>
      <SelectField {...field('topic', labels.topic)} options={topics.map((o) => ({ value: o.key, label: o.label }))} required />
      <TextArea {...field('action', labels.action)} required maxlength={2000} />
      <ChoiceField {...field('responsible_kind', labels.responsible_kind)} type="radio" options={kinds} value={valueOf(form.values, 'responsible_kind') || 'person'} />
      <TextField {...field('responsible_name', labels.responsible_name)} hint={t('plans.field.responsible_name_hint')} maxlength={200} />
      <SelectField {...field('responsible_group', labels.responsible_group)} blank={t('plans.field.none')} options={stakeholderKeys.map((g) => ({ value: g, label: groupLabel(g) }))} />
      <TextField {...field('responsible_email', labels.responsible_email)} type="email" hint={t('plans.field.responsible_email_hint')} maxlength={254} />
      <SelectField {...field('mechanism', labels.mechanism)} options={mechanisms.map((m) => ({ value: m, label: t(`plans.mechanism.${m}`) }))} />
      <TextField {...field('due_on', labels.due_on)} hint={t('plans.field.due_hint')} required maxlength={10} />
      <TextField {...field('source', labels.source)} hint={t('plans.field.source_hint')} maxlength={300} />
      <button type="submit">{t('plans.item.add')}</button>
    </PostForm>
  );
}

export interface PlanForms { item?: FailedForm; adopt?: FailedForm }

/** `/initiatives/<slug>/action-plans/<plan>`: progress per topic, the timeline, its table, and each topic's items. */
export function PlanPage(props: {
  plan: ActionPlansTable; initiative: Initiative; items: PlanItem[]; topics: TopicOption[]; topicName: (key: string) => string; today: string;
  can: { write: boolean; adopt: boolean }; forms: PlanForms; notice?: string;
}) {
  const { t, locale } = useView();
  const { plan, initiative, items, can, forms, notice, topicName, today } = props;
  const byTopic = new Map<string, PlanItem[]>();
  for (const item of items) byTopic.set(item.topic, [...(byTopic.get(item.topic) ?? []), item]);
  const base = planHref(initiative.slug, plan.id);
  return (
    <>
      <p><a href={plansHref(initiative.slug)}>{t('plans.back_plans', { name: initiative.name })}</a></p>
      <h1 lang={plan.language}>{plan.title}</h1>
      <p class="meta">{t('plans.period', { from: formatDate(plan.starts_on, locale), to: formatDate(plan.ends_on, locale) })} · {plan.status === 'adopted' ? t('plans.adopted_on', { date: formatDate(plan.adopted_at!, locale) }) : t('plans.draft')}</p>
      <Notice message={notice ? t(`plans.notice.${notice}`) : undefined} />
      {plan.description && <p lang={plan.language} class="prose">{plan.description}</p>}
      <p><a href={`${base}/items.csv`}>{t('plans.downloads.csv')}</a> · <a href={`${base}/due-dates.ics`}>{t('plans.downloads.ics')}</a> · <a href={`/api${plansHref(initiative.slug)}`}>{t('plans.list.api')}</a></p>

      <section aria-labelledby="progress-title">
        <h2 id="progress-title">{t('plans.progress.title')}</h2>
        {items.length === 0 ? <p>{t('plans.item.none')}</p> : (
          <ul class="cards">{[...byTopic].map(([topic, list]) => (
            <li><h3><a href={`#topic-${topic}`}>{topicName(topic)}</a></h3><ProgressBar id={`progress-${topic}`} counts={countByStatus(list)} total={list.length} /></li>
          ))}</ul>
        )}
      </section>

      {items.length > 0 && (
        <section aria-labelledby="timeline-section">
          <h2 id="timeline-section">{t('plans.timeline.section')}</h2>
          <Timeline items={items} from={plan.starts_on} to={plan.ends_on} today={today} />
          <ItemsTable items={items} initiative={initiative} planId={plan.id} caption={t('plans.timeline.table')} />
        </section>
      )}

      {[...byTopic].map(([topic, list]) => (
        <section aria-labelledby={`topic-${topic}`}>
          <h2 id={`topic-${topic}`}>{topicName(topic)}</h2>
          <ul>{list.map((item) => (
            <li>
              <a href={itemHref(initiative.slug, plan.id, item.id)} lang={plan.language}>{item.action}</a>{' '}
              <span class="meta">{t(`plans.status.${item.status}`)}{item.overdue ? ` · ${t('plans.overdue')}` : ''} · {t('plans.due', { date: formatDate(item.due_on, locale) })}</span>
            </li>
          ))}</ul>
          <p><a href={`/action-plans?topic=${topic}`}>{t('plans.topic.elsewhere', { topic: topicName(topic) })}</a></p>
        </section>
      ))}

      {can.write && (
        <section aria-labelledby="new-item-title">
          <h2 id="new-item-title">{t('plans.item.new')}</h2>
          <NewItemForm action={`${base}/items`} topics={props.topics} form={forms.item ?? { values: {}, errors: {} }} />
        </section>
      )}
      {can.adopt && (
        <section aria-labelledby="adopt-title">
          <h2 id="adopt-title">{t('plans.adopt.title')}</h2>
          <p>{t('plans.adopt.intro')}</p>
          <PostForm action={`${base}/adopt`} anchor="adopt" errors={forms.adopt?.errors}>
            <button type="submit">{t('plans.adopt.button')}</button>
          </PostForm>
        </section>
      )}
    </>
  );
}

function Updates({ updates, language }: { updates: PlanUpdate[]; language: string }) {
  const { t, locale } = useView();
  if (updates.length === 0) return <p>{t('plans.update.none')}</p>;
  return (
    <ol>{updates.map((u) => (
      <li>
        <p><strong>{formatDate(u.written_on, locale)}</strong>{u.percent !== null && <> · {t('plans.progress.percent', { percent: u.percent })}</>}</p>
        <p lang={language} class="prose">{u.text}</p>
        {u.evidence.length > 0 && <ul aria-label={t('plans.update.evidence')}>{u.evidence.map((href) => <li><a href={href} rel="nofollow noopener">{href}</a></li>)}</ul>}
      </li>
    ))}</ol>
  );
}

export interface ItemForms { status?: FailedForm; update?: FailedForm }

/** `…/items/<item>`: an item, its progress, and for the committee its status and a new update. */
export function ItemPage(props: { plan: ActionPlansTable; initiative: Initiative; item: PlanItem; topicName: string; today: string; can: { changeStatus: boolean; write: boolean }; forms: ItemForms; notice?: string }) {
  const { t, locale } = useView();
  const { plan, initiative, item, can, forms, notice, today } = props;
  const base = itemHref(initiative.slug, plan.id, item.id);
  const statusForm = forms.status ?? { values: { status: item.status }, errors: {} };
  const updateForm = forms.update ?? { values: { written_on: today }, errors: {} };
  const field = fieldOf(updateForm);
  const updateLabels = { written_on: t('plans.field.written_on'), text: t('plans.field.text'), percent: t('plans.field.percent'), evidence: t('plans.field.evidence') };
  return (
    <>
      <p><a href={planHref(initiative.slug, plan.id)}>{t('plans.back_plan', { title: plan.title })}</a></p>
      <h1 lang={plan.language}>{item.action}</h1>
      <Notice message={notice ? t(`plans.notice.${notice}`) : undefined} />
      <dl>
        <dt>{t('plans.field.topic')}</dt><dd><a href={`/action-plans?topic=${item.topic}`}>{props.topicName}</a></dd>
        <dt>{t('plans.field.responsible')}</dt><dd><Responsible item={item} /></dd>
        <dt>{t('plans.field.mechanism')}</dt><dd>{t(`plans.mechanism.${item.mechanism}`)}</dd>
        <dt>{t('plans.field.due_on')}</dt><dd>{formatDate(item.due_on, locale)}{item.overdue && <strong> · {t('plans.overdue')}</strong>}</dd>
        <dt>{t('plans.field.status')}</dt><dd>{t(`plans.status.${item.status}`)}</dd>
        {item.source && (
          <>
            <dt>{t('plans.field.source')}</dt>
            {item.source.kind === 'report' ? (
              <dd><a href={item.source.path}>{item.source.title ? t('plans.source.call', { title: item.source.title }) : t('plans.source.gone')}</a>
                {item.source.who && <p class="meta">{item.source.who}: {item.source.what}</p>}</dd>
            ) : (
              <dd><a href={item.source.path}>{item.source.title ? t('plans.source.consultation', { title: item.source.title }) : t('plans.source.consultation_gone')}</a>
                {item.source.outcome && <p class="meta">{t(`plans.source.outcome.${item.source.outcome}`)}</p>}</dd>
            )}
          </>
        )}
      </dl>
      <section aria-labelledby="updates-title">
        <h2 id="updates-title">{t('plans.update.title')}</h2>
        <Updates updates={item.updates} language={plan.language} />
      </section>
      {can.changeStatus && (
        <section aria-labelledby="status-title">
          <h2 id="status-title">{t('plans.item.status_title')}</h2>
          {plan.status === 'adopted' && <p>{t('plans.item.status_logged')}</p>}
          <PostForm action={`${base}/status`} anchor="status" errors={statusForm.errors} labels={{ status: t('plans.field.status') }}>
            <SelectField name="status" label={t('plans.field.status')} value={valueOf(statusForm.values, 'status')} error={statusForm.errors.status}
              options={itemStatuses.map((s) => ({ value: s, label: t(`plans.status.${s}`) }))} />
            <button type="submit">{t('plans.item.status_button')}</button>
          </PostForm>
        </section>
      )}
      {can.write && (
        <section aria-labelledby="update-title">
          <h2 id="update-title">{t('plans.update.new')}</h2>
          <PostForm action={`${base}/updates`} anchor="update" errors={updateForm.errors} labels={updateLabels}>
            <TextField {...field('written_on', updateLabels.written_on)} hint={t('plans.field.date_hint')} required maxlength={10} />
            <TextArea {...field('text', updateLabels.text)} required maxlength={4000} />
            <TextField {...field('percent', updateLabels.percent)} type="number" hint={t('plans.field.percent_hint')} maxlength={3} />
            <TextArea {...field('evidence', updateLabels.evidence)} hint={t('plans.field.evidence_hint')} maxlength={6000} />
            <button type="submit">{t('plans.update.add')}</button>
          </PostForm>
        </section>
      )}
    </>
  );
}

/** `/action-plans?topic=…`: every adopted plan's items on a topic, across initiatives. */
export function TopicPage(props: { topics: TopicOption[]; topic: TopicOption | null; items: TopicItem[] }) {
  const { t } = useView();
  const { topics, topic, items } = props;
  return (
    <>
      <p><a href="/initiatives">{t('plans.topic.back')}</a></p>
      <h1>{topic ? t('plans.topic.title', { topic: topic.label }) : t('plans.topic.all')}</h1>
      <p>{t('plans.topic.intro')}</p>
      <form method="get" action="/action-plans">
        <SelectField name="topic" label={t('plans.field.topic')} value={topic?.key} options={topics.map((o) => ({ value: o.key, label: o.label }))} />
        <button type="submit">{t('plans.topic.show')}</button>
      </form>
      {topic && (items.length === 0 ? <p>{t('plans.topic.none')}</p> : (
        <>
          <ProgressBar id="topic-progress" counts={countByStatus(items)} total={items.length} />
          <ItemsTable items={items} caption={t('plans.topic.caption', { topic: topic.label })} withPlan />
        </>
      ))}
    </>
  );
}

export type { FieldErrors, FormValues };
