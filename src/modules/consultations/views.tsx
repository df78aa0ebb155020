/** The consultation's pages (docs/decisions/034): the list, the text, a paragraph's discussion, versions and the forms. */
import { raw } from 'hono/html';
import { useView } from '../../platform/views/context.ts';
import { ChoiceField, Notice, PostForm, SelectField, TextArea, TextField } from '../../platform/views/components.tsx';
import { WordDiff, wordDiff } from '../../platform/views/wordDiff.tsx';
import { formatDate, localeNames, locales, type Locale, type Translate } from '../../platform/i18n/index.ts';
import { countByGroup } from '../../platform/stakeholders.ts';
import { valueOf, valuesOf, type FieldErrors, type FormValues } from '../../platform/http/forms.ts';
import { renderMarkdown } from '../reports/index.ts';
import { phases, textKinds, type Phase } from './schema.ts';
import type { Amendment, Comment, Consultation, ListedConsultation, Version, VersionSummary } from './queries.ts';
import type { NumberedBlock } from './text.ts';

export interface Form {
  values: FormValues;
  errors: FieldErrors;
}

export const consultationHref = (slug: string) => `/consultations/${slug}`;
export const paragraphHref = (slug: string, anchor: string) => `/consultations/${slug}/paragraphs/${anchor}`;
export const versionHref = (slug: string, n: number) => `/consultations/${slug}/versions/${n}`;

/** A block's Markdown as safe HTML (the reports' renderer: no raw HTML, links marked as user content). */
const Prose = ({ text, lang }: { text: string; lang: string }) => <div class="prose" lang={lang}>{raw(renderMarkdown(text))}</div>;

/** A person's plain text as paragraphs and line breaks, as they typed it (escaped by JSX, never parsed as Markdown). */
function Plain({ text }: { text: string }) {
  return <>{text.split(/\n{2,}/).map((para) => <p>{para.split('\n').flatMap((line, i) => (i === 0 ? [line] : [<br />, line]))}</p>)}</>;
}

function PhaseList({ c, current }: { c: Consultation; current: Phase }) {
  const { t, locale } = useView();
  const starts = [c.comments_from, c.amendments_from, c.positions_from, c.consensus_from, c.closes_on];
  return (
    <section aria-labelledby="phases-title">
      <h2 id="phases-title">{t('consultations.phases.title')}</h2>
      <p><strong>{t('consultations.phases.now', { phase: t(`consultations.phase.${current}`) })}</strong> {t(`consultations.phases.can.${current}`)}</p>
      <ol class="phases">{phases.map((phase, i) => (
        <li aria-current={phase === current ? 'step' : undefined}>
          {t(`consultations.phase.${phase}`)}: {t('consultations.phases.from', { date: formatDate(starts[i]!, locale) })}
          {phase === current && <strong> · {t('consultations.phases.current')}</strong>}
        </li>
      ))}</ol>
    </section>
  );
}

function People({ c }: { c: Consultation }) {
  const { t, groupLabel } = useView();
  const byRole = (role: string) => c.people.filter((p) => p.role === role);
  return (
    <dl class="facts">
      {(['chair', 'drafter', 'moderator'] as const).map((role) => (
        <>
          <dt>{t(`consultations.role.${role}`)}</dt>
          <dd>{byRole(role).length ? byRole(role).map((p) => `${p.name} (${groupLabel(p.stakeholder_group)})`).join('; ') : role === 'chair' ? t('consultations.people.coordinators', { name: c.initiative.name }) : t('consultations.people.none')}</dd>
        </>
      ))}
      <dt>{t('consultations.field.languages')}</dt>
      <dd>{c.languageList.map((l) => localeNames[l as Locale] ?? l).join(', ')}</dd>
    </dl>
  );
}

export function ListPage({ items, openable }: { items: ListedConsultation[]; openable: Array<{ slug: string; name: string }> }) {
  const { t } = useView();
  return (
    <>
      <h1>{t('consultations.list.title')}</h1>
      <p>{t('consultations.list.intro')}</p>
      {items.length === 0 ? <p>{t('consultations.list.none')}</p> : (
        <ul class="cards">{items.map((c) => (
          <li>
            <h2><a href={consultationHref(c.slug)} lang={c.language}>{c.title}</a></h2>
            <p class="meta">{t(`consultations.kind.${c.text_kind}`)} · {c.initiative.name}{c.event && <> · <EventLink event={c.event} /></>} · {c.published_version > 0 ? t('consultations.version_n', { n: c.published_version }) : t('consultations.unpublished')} · {t(`consultations.phase.${c.phase}`)}</p>
          </li>
        ))}</ul>
      )}
      {openable.length > 0 && (
        <section aria-labelledby="open-title">
          <h2 id="open-title">{t('consultations.list.open_title')}</h2>
          <ul>{openable.map((i) => <li><a href={`/initiatives/${i.slug}/consultations/new`}>{t('consultations.list.open_for', { name: i.name })}</a></li>)}</ul>
        </section>
      )}
      <p><a href="/">{t('consultations.back_home')}</a></p>
    </>
  );
}

/** The settings fields, shared by opening a consultation and changing it. */
function SettingsFields({ form }: { form: Form }) {
  const { t } = useView();
  const field = (name: string) => ({ name, label: t(`consultations.field.${name}`), value: valueOf(form.values, name), error: form.errors[name] });
  const languages = locales.map((l) => ({ value: l, label: localeNames[l] }));
  return (
    <>
      <TextField {...field('title')} required maxlength={200} />
      <SelectField {...field('text_kind')} options={textKinds.map((k) => ({ value: k, label: t(`consultations.kind.${k}`) }))} required />
      <SelectField {...field('language')} options={languages} required />
      <ChoiceField {...field('languages')} type="checkbox" value={valuesOf(form.values, 'languages')} options={languages} hint={t('consultations.field.languages_hint')} />
      <fieldset class="field">
        <legend>{t('consultations.phases.title')}</legend>
        <p class="hint">{t('consultations.field.phases_hint')}</p>
        {(['comments_from', 'amendments_from', 'positions_from', 'consensus_from', 'closes_on'] as const).map((name) => (
          <TextField {...field(name)} hint={t('consultations.field.date_hint')} maxlength={10} required />
        ))}
      </fieldset>
      {/* The tally's minimum and the appeal window (docs/decisions/038). */}
      <TextField {...field('min_per_group')} hint={t('consultations.field.min_per_group_hint')} maxlength={4} />
      <TextField {...field('appeal_days')} hint={t('consultations.field.appeal_days_hint')} maxlength={3} />
      <TextArea {...field('chairs')} hint={t('consultations.field.people_hint')} maxlength={4000} />
      <TextArea {...field('drafters')} hint={t('consultations.field.people_hint')} maxlength={4000} />
      <TextArea {...field('moderators')} hint={t('consultations.field.people_hint')} maxlength={4000} />
    </>
  );
}

const settingsLabels = (t: (k: string) => string, extra: string[] = []) => Object.fromEntries(
  ['title', 'slug', 'text_kind', 'language', 'languages', 'comments_from', 'amendments_from', 'positions_from', 'consensus_from', 'closes_on', 'min_per_group', 'appeal_days', 'chairs', 'drafters', 'moderators', ...extra]
    .map((name) => [name, t(`consultations.field.${name}`)]),
);

/** The event a consultation belongs to, named with a link (docs/decisions/040). */
function EventLink({ event }: { event: { slug: string; title: string } }) {
  const { t } = useView();
  return <>{t('consultations.event.label')} <a href={`/events/${event.slug}`}>{event.title}</a></>;
}

export const newOnEventHref = (eventSlug: string) => `/events/${eventSlug}/consultations/new`;

/** The title of the form that opens a consultation: for an initiative, or on one of its events. */
export const newTitle = (t: Translate, initiative: { name: string }, event?: { title: string }) =>
  event ? t('consultations.new.event_title', { event: event.title }) : t('consultations.new.title', { name: initiative.name });

/** Opening a consultation: for an initiative (its coordinators), or on one of its events (its organisers), with the same fields. */
export function NewPage({ initiative, event, form }: { initiative: { slug: string; name: string }; event?: { slug: string; title: string }; form: Form }) {
  const { t } = useView();
  return (
    <>
      <p>{event ? <a href={`/events/${event.slug}`}>{t('consultations.back_event', { title: event.title })}</a> : <a href="/consultations">{t('consultations.back_list')}</a>}</p>
      <h1>{newTitle(t, initiative, event)}</h1>
      {event && <p>{t('consultations.new.event_intro', { name: initiative.name })}</p>}
      <p>{t('consultations.new.intro')}</p>
      <PostForm action={event ? newOnEventHref(event.slug) : `/initiatives/${initiative.slug}/consultations`} anchor="new-consultation" errors={form.errors} labels={settingsLabels(t, ['markdown'])}>
        <SettingsFields form={form} />
        <TextField name="slug" label={t('consultations.field.slug')} hint={t('consultations.field.slug_hint')} value={valueOf(form.values, 'slug')} error={form.errors.slug} maxlength={80} />
        <TextArea name="markdown" label={t('consultations.field.markdown')} hint={t('consultations.field.markdown_hint')} value={valueOf(form.values, 'markdown')} error={form.errors.markdown} required />
        <button type="submit">{t('consultations.new.submit')}</button>
      </PostForm>
    </>
  );
}

export function SettingsPage({ c, form }: { c: Consultation; form: Form }) {
  const { t } = useView();
  return (
    <>
      <p><a href={consultationHref(c.slug)}>{t('consultations.back_consultation', { title: c.title })}</a></p>
      <h1>{t('consultations.settings.title', { title: c.title })}</h1>
      <PostForm action={`${consultationHref(c.slug)}/settings`} anchor="settings" errors={form.errors} labels={settingsLabels(t)}>
        <SettingsFields form={form} />
        <button type="submit">{t('consultations.settings.submit')}</button>
      </PostForm>
    </>
  );
}

/** The form values of a consultation's settings, as the settings form shows them. */
export function settingsValues(c: Consultation, emailOf: Map<string, string>): FormValues {
  const emails = (role: string) => c.people.filter((p) => p.role === role).map((p) => emailOf.get(p.user_id) ?? '').filter(Boolean).join('\n');
  return {
    chairs: emails('chair'), drafters: emails('drafter'), moderators: emails('moderator'),
    title: c.title, text_kind: c.text_kind, language: c.language, languages: c.languageList,
    comments_from: c.comments_from, amendments_from: c.amendments_from, positions_from: c.positions_from, consensus_from: c.consensus_from, closes_on: c.closes_on,
    min_per_group: String(c.min_per_group), appeal_days: String(c.appeal_days),
  };
}

function Block({ block, c, counts, linked }: { block: NumberedBlock; c: Consultation; counts?: { comments: number; amendments: number }; linked: boolean }) {
  const { t } = useView();
  if (block.kind === 'heading') {
    return <h2 id={`p-${block.anchor}`} lang={c.language}>{t('consultations.section_n', { n: block.number })} {block.text}</h2>;
  }
  return (
    <section id={`p-${block.anchor}`} class="paragraph" aria-label={t('consultations.paragraph_n', { n: block.number })}>
      <p class="meta"><a href={`#p-${block.anchor}`}>¶ {block.number}</a></p>
      <Prose text={block.text} lang={c.language} />
      {linked && (
        <p class="meta">
          <a href={paragraphHref(c.slug, block.anchor)}>
            {t('consultations.paragraph.discuss', { n: block.number })}
          </a> · {t('consultations.paragraph.counts', { comments: counts?.comments ?? 0, amendments: counts?.amendments ?? 0 })}
        </p>
      )}
    </section>
  );
}

export interface ConsultationCan {
  configure: boolean;
  draft: boolean;
  viewDraft: boolean;
}

/** Impact briefs their authors attached to this consultation (the briefs module's). */
export type AttachedBrief = { id: string; title: string; language: string };

function Briefs({ briefs }: { briefs: AttachedBrief[] }) {
  const { t } = useView();
  if (briefs.length === 0) return null;
  return (
    <section aria-labelledby="briefs-title">
      <h2 id="briefs-title">{t('consultations.briefs.title')}</h2>
      <p>{t('consultations.briefs.intro')}</p>
      <ul>{briefs.map((b) => <li><a href={`/briefs/${b.id}`} lang={b.language}>{b.title}</a></li>)}</ul>
    </section>
  );
}

export function ConsultationPage(props: { c: Consultation; event: { slug: string; title: string } | null; version: Version | undefined; draft: VersionSummary | undefined; phase: Phase; counts: Map<string, { comments: number; amendments: number }>; can: ConsultationCan; notice?: string; showingDraft: boolean; briefs: AttachedBrief[]; consensus?: unknown }) {
  const { t, locale } = useView();
  const { c, version, draft, phase, counts, can, notice, showingDraft } = props;
  return (
    <>
      <p><a href="/consultations">{t('consultations.back_list')}</a></p>
      <Notice message={notice ? t(`consultations.notice.${notice}`) : undefined} />
      <h1 lang={c.language}>{c.title}</h1>
      <p class="meta">{t(`consultations.kind.${c.text_kind}`)} · <a href={`/initiatives/${c.initiative.slug}`}>{c.initiative.name}</a>
        {props.event && <> · <EventLink event={props.event} /></>}
        {version && <> · {showingDraft ? t('consultations.draft_n', { n: version.number }) : t('consultations.version_of', { n: version.number, date: formatDate(version.published_at!, locale) })}</>}
        {' · '}<a href={`${consultationHref(c.slug)}/versions`}>{t('consultations.versions.link')}</a>
      </p>
      {showingDraft && <p class="alert">{t('consultations.draft_banner')}</p>}
      {!showingDraft && c.published_version === 0 && <p class="alert">{t('consultations.unpublished_banner')}</p>}
      <PhaseList c={c} current={phase} />
      <People c={c} />
      <Briefs briefs={props.briefs} />
      {props.consensus}
      {(can.configure || can.draft) && (
        <section aria-labelledby="manage-title">
          <h2 id="manage-title">{t('consultations.manage.title')}</h2>
          <ul>
            {can.configure && <li><a href={`${consultationHref(c.slug)}/settings`}>{t('consultations.manage.settings')}</a></li>}
            {can.draft && draft && <li><a href={`${consultationHref(c.slug)}/draft`}>{t('consultations.manage.draft', { n: draft.number })}</a></li>}
            {can.viewDraft && draft && !showingDraft && <li><a href={`${consultationHref(c.slug)}?view=draft`}>{t('consultations.manage.read_draft', { n: draft.number })}</a></li>}
            {can.draft && !draft && c.published_version > 0 && (
              <li><PostForm action={`${consultationHref(c.slug)}/versions`} anchor="new-version"><button type="submit">{t('consultations.manage.start_version', { n: c.published_version + 1 })}</button></PostForm></li>
            )}
          </ul>
        </section>
      )}
      <section aria-labelledby="text-title">
        <h2 id="text-title" class="visually-hidden">{t('consultations.text')}</h2>
        {version ? version.blocks.map((block) => <Block block={block} c={c} counts={counts.get(block.anchor)} linked={!showingDraft && c.published_version > 0} />) : <p>{t('consultations.no_text')}</p>}
      </section>
    </>
  );
}

function Byline({ author, at }: { author: { name: string; stakeholder_group: string }; at: string }) {
  const { locale, groupLabel } = useView();
  return <p class="meta">{author.name} · {groupLabel(author.stakeholder_group)} · {formatDate(at, locale)}</p>;
}

function CommentItem({ comment, c, anchor, canReply, replyingTo, replyForm }: { comment: Comment; c: Consultation; anchor: string; canReply: boolean; replyingTo?: string; replyForm?: Form }) {
  const { t } = useView();
  return (
    <li id={`comment-${comment.id}`}>
      <Byline author={comment.author} at={comment.created_at} />
      {comment.version_number !== c.published_version && <p class="meta">{t('consultations.comment.on_version', { n: comment.version_number })}</p>}
      <Plain text={comment.body} />
      {comment.replies.length > 0 && (
        <ul class="replies">{comment.replies.map((reply) => (
          <li id={`comment-${reply.id}`}><Byline author={reply.author} at={reply.created_at} /><Plain text={reply.body} /></li>
        ))}</ul>
      )}
      {/* One reply form at a time, opened by a plain link: no script, and no two forms sharing a field's id. */}
      {canReply && replyingTo === comment.id ? (
        <PostForm action={`${paragraphHref(c.slug, anchor)}/comments/${comment.id}/replies`} anchor="reply-form" errors={replyForm?.errors} labels={{ reply: t('consultations.field.reply') }}>
          <TextArea name="reply" label={t('consultations.field.reply')} value={valueOf(replyForm?.values, 'reply')} error={replyForm?.errors.reply} maxlength={4000} required />
          <button type="submit">{t('consultations.comment.reply_submit')}</button>
        </PostForm>
      ) : canReply && <p><a href={`${paragraphHref(c.slug, anchor)}?reply=${comment.id}#reply-form`}>{t('consultations.comment.reply_to', { name: comment.author.name })}</a></p>}
    </li>
  );
}

function Endorsements({ amendment }: { amendment: Amendment }) {
  const { t, stakeholders, groupLabel } = useView();
  const counts = [...countByGroup(stakeholders, amendment.endorsements)].filter(([, n]) => n > 0);
  return (
    <p>{t('consultations.amendment.endorsements', { count: amendment.endorsements.length })}
      {counts.length > 0 && <>: {counts.map(([group, n]) => `${groupLabel(group)} ${n}`).join(' · ')}</>}
    </p>
  );
}

export interface ParagraphForms {
  comment?: Form;
  reply?: Form;
  /** The comment whose reply form is open. */
  replyingTo?: string;
  amendment?: Form;
  decision?: Form & { amendment: string };
  endorse?: Form & { amendment: string };
}

export interface ParagraphCan {
  comment: boolean;
  amend: boolean;
  decide: boolean;
  signIn: boolean;
}

export function ParagraphPage(props: { c: Consultation; block: NumberedBlock; phase: Phase; comments: Comment[]; amendments: Amendment[]; can: ParagraphCan; forms: ParagraphForms; viewerId: string | null; notice?: string }) {
  const { t, locale } = useView();
  const { c, block, phase, comments, amendments, can, forms, viewerId, notice } = props;
  const here = paragraphHref(c.slug, block.anchor);
  return (
    <>
      <p><a href={`${consultationHref(c.slug)}#p-${block.anchor}`}>{t('consultations.back_text', { title: c.title })}</a></p>
      <Notice message={notice ? t(`consultations.notice.${notice}`) : undefined} />
      <h1>{t('consultations.paragraph.title', { n: block.number, title: c.title })}</h1>
      <p class="meta">{t('consultations.version_n', { n: c.published_version })} · {t('consultations.phases.now', { phase: t(`consultations.phase.${phase}`) })}</p>
      <blockquote id={`p-${block.anchor}`}><Prose text={block.text} lang={c.language} /></blockquote>

      <section aria-labelledby="comments-title">
        <h2 id="comments-title">{t('consultations.comment.title', { count: comments.reduce((n, comment) => n + 1 + comment.replies.length, 0) })}</h2>
        {comments.length === 0 && <p>{t('consultations.comment.none')}</p>}
        <ul class="comments">{comments.map((comment) => <CommentItem comment={comment} c={c} anchor={block.anchor} canReply={can.comment} replyingTo={forms.replyingTo} replyForm={forms.reply} />)}</ul>
        {can.comment && (
          <PostForm action={`${here}/comments`} anchor="comment" errors={forms.comment?.errors} labels={{ body: t('consultations.field.comment') }}>
            <TextArea name="body" label={t('consultations.field.comment')} value={valueOf(forms.comment?.values, 'body')} error={forms.comment?.errors.body} maxlength={4000} required />
            <button type="submit">{t('consultations.comment.submit')}</button>
          </PostForm>
        )}
        {!can.comment && (forms.comment ?? forms.reply)?.errors._form && <p class="alert" role="alert">{(forms.comment ?? forms.reply)!.errors._form}</p>}
        {!can.comment && <p class="hint">{can.signIn ? <a href={`/login?next=${encodeURIComponent(here)}`}>{t('consultations.sign_in')}</a> : t(`consultations.phases.can.${phase}`)}</p>}
      </section>

      <section aria-labelledby="amendments-title">
        <h2 id="amendments-title">{t('consultations.amendment.title', { count: amendments.length })}</h2>
        {amendments.length === 0 && <p>{t('consultations.amendment.none')}</p>}
        <ul class="amendments">{amendments.map((a) => {
          const endorsed = viewerId !== null && a.endorser_ids.includes(viewerId);
          const decisionForm = forms.decision?.amendment === a.id ? forms.decision : undefined;
          const endorseForm = forms.endorse?.amendment === a.id ? forms.endorse : undefined;
          return (
            <li id={`amendment-${a.id}`}>
              <h3>{t('consultations.amendment.by', { name: a.author.name })}</h3>
              <Byline author={a.author} at={a.created_at} />
              <WordDiff diff={wordDiff(a.original, a.proposed)} language={c.language} legend={t('consultations.amendment.legend', { n: a.version_number })} />
              <p><strong>{t('consultations.field.rationale')}:</strong></p>
              <Plain text={a.rationale} />
              <Endorsements amendment={a} />
              <p><strong>{t(`consultations.amendment.status.${a.status}`)}</strong>
                {a.decided_at && <> · {formatDate(a.decided_at, locale)}</>}
                {a.applied_in !== null && <> · {t('consultations.amendment.applied_in', { n: a.applied_in })}</>}
              </p>
              {a.reason && <><p><strong>{t('consultations.amendment.reason')}</strong></p><Plain text={a.reason} /></>}
              {endorseForm?.errors._form && <p class="alert" role="alert">{endorseForm.errors._form}</p>}
              {a.status === 'open' && can.amend && viewerId !== a.author.id && (
                endorsed ? <p>{t('consultations.amendment.you_endorsed')}</p> : (
                  <PostForm action={`/consultations/${c.slug}/amendments/${a.id}/endorse`} anchor={`endorse-${a.id}`}>
                    <button type="submit">{t('consultations.amendment.endorse')}</button>
                  </PostForm>
                )
              )}
              {a.status === 'open' && can.decide && (
                <PostForm action={`/consultations/${c.slug}/amendments/${a.id}/decision`} anchor={`decide-${a.id}`} errors={decisionForm?.errors} labels={{ decision: t('consultations.field.decision'), reason: t('consultations.field.reason') }}>
                  <ChoiceField name="decision" type="radio" label={t('consultations.field.decision')} value={valueOf(decisionForm?.values, 'decision')} error={decisionForm?.errors.decision}
                    options={[{ value: 'accepted', label: t('consultations.amendment.accept') }, { value: 'rejected', label: t('consultations.amendment.reject') }]} />
                  <TextArea name="reason" label={t('consultations.field.reason')} value={valueOf(decisionForm?.values, 'reason')} error={decisionForm?.errors.reason} maxlength={2000} required />
                  <button type="submit">{t('consultations.amendment.decide')}</button>
                </PostForm>
              )}
            </li>
          );
        })}</ul>
        {!can.amend && forms.amendment?.errors._form && <p class="alert" role="alert">{forms.amendment.errors._form}</p>}
        {can.amend && (
          <PostForm action={`${here}/amendments`} anchor="amend" errors={forms.amendment?.errors} labels={{ proposed: t('consultations.field.proposed'), rationale: t('consultations.field.rationale') }}>
            <h3>{t('consultations.amendment.new')}</h3>
            <TextArea name="proposed" label={t('consultations.field.proposed')} hint={t('consultations.field.proposed_hint')} value={forms.amendment ? valueOf(forms.amendment.values, 'proposed') : block.text} error={forms.amendment?.errors.proposed} lang={c.language} maxlength={8000} required />
            <TextArea name="rationale" label={t('consultations.field.rationale')} value={valueOf(forms.amendment?.values, 'rationale')} error={forms.amendment?.errors.rationale} maxlength={4000} required />
            <button type="submit">{t('consultations.amendment.submit')}</button>
          </PostForm>
        )}
      </section>
    </>
  );
}

export function DraftPage({ c, draft, form, canPublish }: { c: Consultation; draft: Version; form: Form; canPublish: boolean }) {
  const { t } = useView();
  return (
    <>
      <p><a href={consultationHref(c.slug)}>{t('consultations.back_consultation', { title: c.title })}</a></p>
      <h1>{t('consultations.draft.title', { n: draft.number, title: c.title })}</h1>
      <p>{t('consultations.draft.intro')}</p>
      <p><a href={`${consultationHref(c.slug)}?view=draft`}>{t('consultations.manage.read_draft', { n: draft.number })}</a>
        {draft.number > 1 && <> · <a href={`${versionHref(c.slug, draft.number)}/diff`}>{t('consultations.versions.diff', { n: draft.number, previous: draft.number - 1 })}</a></>}</p>
      <PostForm action={`${consultationHref(c.slug)}/draft`} anchor="draft" errors={form.errors} labels={{ markdown: t('consultations.field.markdown') }}>
        <TextArea name="markdown" label={t('consultations.field.markdown')} hint={t('consultations.field.markdown_hint')} value={form.values.markdown !== undefined ? valueOf(form.values, 'markdown') : draft.markdown} error={form.errors.markdown} lang={c.language} required />
        <button type="submit">{t('consultations.draft.save')}</button>
      </PostForm>
      {canPublish && (
        <PostForm action={`${consultationHref(c.slug)}/publish`} anchor="publish">
          <h2>{t('consultations.draft.publish_title')}</h2>
          <p>{t('consultations.draft.publish_intro')}</p>
          <button type="submit">{t('consultations.draft.publish', { n: draft.number })}</button>
        </PostForm>
      )}
    </>
  );
}

export function VersionsPage({ c, versions, showDrafts }: { c: Consultation; versions: VersionSummary[]; showDrafts: boolean }) {
  const { t, locale } = useView();
  const shown = versions.filter((v) => v.status === 'published' || showDrafts);
  return (
    <>
      <p><a href={consultationHref(c.slug)}>{t('consultations.back_consultation', { title: c.title })}</a></p>
      <h1>{t('consultations.versions.title', { title: c.title })}</h1>
      <p>{t('consultations.versions.intro')}</p>
      {shown.length === 0 ? <p>{t('consultations.versions.none')}</p> : (
        <ul>{shown.map((v) => (
          <li>
            <a href={versionHref(c.slug, v.number)}>{v.status === 'draft' ? t('consultations.draft_n', { n: v.number }) : t('consultations.version_of', { n: v.number, date: formatDate(v.published_at!, locale) })}</a>
            {v.number > 1 && <> · <a href={`${versionHref(c.slug, v.number)}/diff`}>{t('consultations.versions.diff', { n: v.number, previous: v.number - 1 })}</a></>}
          </li>
        ))}</ul>
      )}
    </>
  );
}

export function VersionPage({ c, version }: { c: Consultation; version: Version }) {
  const { t, locale } = useView();
  return (
    <>
      <p><a href={`${consultationHref(c.slug)}/versions`}>{t('consultations.back_versions', { title: c.title })}</a></p>
      <h1>{version.status === 'draft' ? t('consultations.draft_n', { n: version.number }) : t('consultations.version_of', { n: version.number, date: formatDate(version.published_at!, locale) })}: <span lang={c.language}>{c.title}</span></h1>
      {version.blocks.map((block) => <Block block={block} c={c} linked={false} />)}
    </>
  );
}

/** Two versions compared paragraph by paragraph, by anchor: changed wording as a word diff, and the paragraphs added or removed. */
export function DiffPage({ c, before, after }: { c: Consultation; before: Version; after: Version }) {
  const { t } = useView();
  const previous = new Map(before.blocks.map((b) => [b.anchor, b]));
  const kept = new Set(after.blocks.map((b) => b.anchor));
  const removed = before.blocks.filter((b) => !kept.has(b.anchor));
  const label = (b: NumberedBlock) => (b.kind === 'heading' ? t('consultations.section_n', { n: b.number }) : `¶ ${b.number}`);
  const title = (b: NumberedBlock) => (b.kind === 'heading' ? `${label(b)} ${b.text}` : label(b));
  return (
    <>
      <p><a href={`${consultationHref(c.slug)}/versions`}>{t('consultations.back_versions', { title: c.title })}</a></p>
      <h1>{t('consultations.versions.diff', { n: after.number, previous: before.number })}</h1>
      <p>{t('consultations.versions.diff_intro')}</p>
      <ol class="diff-blocks">{after.blocks.map((b) => {
        const old = previous.get(b.anchor);
        return (
          <li id={`p-${b.anchor}`}>
            <h2 lang={b.kind === 'heading' ? c.language : undefined}>{old && old.text !== b.text ? label(b) : title(b)}{old && old.number !== b.number && <> ({t('consultations.versions.was', { label: label(old) })})</>}</h2>
            {!old ? <p><strong>{t('consultations.versions.added')}</strong></p> : old.text === b.text ? <p class="meta">{t('consultations.versions.unchanged')}</p> : null}
            {(!old || old.text !== b.text) && <WordDiff diff={wordDiff(old?.text ?? '', b.text)} language={c.language} legend={t('consultations.versions.legend')} />}
            {old && old.text === b.text && b.kind === 'paragraph' && <Prose text={b.text} lang={c.language} />}
          </li>
        );
      })}</ol>
      {removed.length > 0 && (
        <section aria-labelledby="removed-title">
          <h2 id="removed-title">{t('consultations.versions.removed')}</h2>
          <ul>{removed.map((b) => <li><p class="meta">{label(b)}</p><WordDiff diff={wordDiff(b.text, '')} language={c.language} legend={t('consultations.versions.legend')} /></li>)}</ul>
        </section>
      )}
    </>
  );
}

/** A step that cannot be taken now (nothing to publish, a draft already started), said plainly with a way back. */
export function RefusedPage({ c, message }: { c: Consultation; message: string }) {
  const { t } = useView();
  return (
    <>
      <p><a href={consultationHref(c.slug)}>{t('consultations.back_consultation', { title: c.title })}</a></p>
      <h1 lang={c.language}>{c.title}</h1>
      <p class="alert" role="alert">{message}</p>
    </>
  );
}

/** The consultations opened on an event, on the event's page (docs/decisions/040), and the way to open one for its organisers. */
export function EventConsultations({ items, openHref }: { items: ListedConsultation[]; openHref: string | null }) {
  const { t } = useView();
  return (
    <section aria-labelledby="consultations-title">
      <h2 id="consultations-title">{t('consultations.event.title')}</h2>
      {items.length === 0 ? <p>{t('consultations.event.none')}</p> : (
        <ul>{items.map((c) => (
          <li>
            <a href={consultationHref(c.slug)} lang={c.language}>{c.title}</a>
            {' · '}{t(`consultations.phase.${c.phase}`)}{c.published_version === 0 && <> · {t('consultations.unpublished')}</>}
          </li>
        ))}</ul>
      )}
      {openHref && <p><a href={openHref}>{t('consultations.event.open')}</a></p>}
    </section>
  );
}
