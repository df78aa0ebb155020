import { useView } from '../../../../platform/views/context.ts';
import { ChoiceField, PostForm, SelectField, TextArea, TextField } from '../../../../platform/views/components.tsx';
import { countryOptions } from '../../../../platform/views/options.ts';
import { languageName, locales } from '../../../../platform/i18n/index.ts';
import { valueOf, type FieldErrors, type FormValues } from '../../../../platform/http/forms.ts';
import { modalities } from '../../domain/types.ts';
import type { Call, Proposal } from '../queries.ts';
import type { Screening } from '../screening.ts';
import { singleRoles } from '../schema.ts';
import { organiserRows, presences, speakerRows } from '../vocabulary.ts';
import { ScreeningPanel } from './screeningPanel.tsx';
import { AvailabilityField, availabilityValue } from '../../availability/views/availabilityField.tsx';

type EventTimes = { time_zone: string; starts_at: string; ends_at: string };

/** A stored proposal as the form's values (stated availability written back in the event's zone). */
export function proposalValues(proposal: Proposal, event: EventTimes): FormValues {
  const values: FormValues = {
    title: proposal.title, description: proposal.description, policy_questions: proposal.policy_questions ?? '', language: proposal.original_locale,
    format: proposal.format, track: proposal.track_id ?? '', modality: proposal.modality, version: String(proposal.version),
  };
  const of = (role: string) => proposal.people.filter((p) => p.role === role);
  of('organiser').forEach((p, i) => Object.assign(values, { [`organiser_${i}_name`]: p.name, [`organiser_${i}_organisation`]: p.organisation ?? '' }));
  of('speaker').forEach((p, i) => Object.assign(values, {
    [`speaker_${i}_name`]: p.name, [`speaker_${i}_organisation`]: p.organisation ?? '', [`speaker_${i}_stakeholder_group`]: p.stakeholder_group ?? '',
    [`speaker_${i}_country`]: p.country ?? '', [`speaker_${i}_gender`]: p.gender ?? '', [`speaker_${i}_presence`]: p.presence ?? '', [`speaker_${i}_confirmed`]: p.confirmed ? 'on' : '',
    [`speaker_${i}_availability`]: availabilityValue(p.availability, event),
  }));
  for (const role of singleRoles) {
    const person = of(role)[0];
    if (person) Object.assign(values, { [`${role}_name`]: person.name, [`${role}_organisation`]: person.organisation ?? '' });
  }
  for (const [question, answer] of proposal.answers) values[`answer_${question}`] = answer;
  return values;
}

/** Rows shown: what the values hold, at least the initial number, plus more when asked ("rows_<list>" carries the count between renderings). */
export function rowsToShow(values: FormValues, list: 'speaker' | 'organiser', more: boolean): number {
  const limits = list === 'speaker' ? speakerRows : organiserRows;
  let used = 0;
  for (const key of Object.keys(values)) {
    const match = new RegExp(`^${list}_(\\d+)_`).exec(key);
    if (match && Number(match[1]) < limits.max) used = Math.max(used, Number(match[1]) + 1);
  }
  const shown = Math.max(limits.initial, used, Math.min(Number(valueOf(values, `rows_${list}`)) || 0, limits.max));
  return Math.min(limits.max, more ? shown + limits.step : shown);
}

export interface ProposalFormProps {
  action: string;
  cancel: string;
  event: { title: string; slug: string } & EventTimes;
  call: Call;
  values: FormValues;
  errors?: FieldErrors;
  screening?: Screening;
  /** Submitted proposals are saved as submitted: no "keep as draft" button. */
  submitted: boolean;
  more: { speaker: boolean; organiser: boolean };
  editing: boolean;
}

/** The proposal form: works without script; "Check the rules" and "More rows" send it back with the rules' results or more rows. */
export function ProposalForm(props: ProposalFormProps) {
  const { action, cancel, event, call, values, errors = {}, screening, submitted, more, editing } = props;
  const { t, locale, stakeholders, groupLabel } = useView();
  const speakers = rowsToShow(values, 'speaker', more.speaker);
  const organisers = rowsToShow(values, 'organiser', more.organiser);
  const labels: Record<string, string> = {
    title: t('events.proposals.fields.title'), description: t('events.proposals.fields.description'), policy_questions: t('events.proposals.fields.policy_questions'),
    language: t('events.proposals.fields.language'), format: t('events.proposals.fields.format'), track: t('events.proposals.fields.track'), modality: t('events.proposals.fields.modality'),
  };
  const person = (prefix: string, legend: string, hint?: string) => (
    <fieldset>
      <legend>{legend}</legend>
      {hint && <p class="hint">{hint}</p>}
      <TextField name={`${prefix}_name`} label={t('events.proposals.fields.name')} value={valueOf(values, `${prefix}_name`)} error={errors[`${prefix}_name`]} maxlength={200} />
      <TextField name={`${prefix}_organisation`} label={t('events.proposals.fields.organisation')} value={valueOf(values, `${prefix}_organisation`)} error={errors[`${prefix}_organisation`]} maxlength={200} />
    </fieldset>
  );
  const groupOptions = stakeholders.groups.map((g) => ({ value: g, label: groupLabel(g) }));
  return (
    <>
      <p><a href={cancel}>{t('events.proposals.back')}</a></p>
      <h1>{editing ? t('events.proposals.edit_title') : t('events.proposals.new_title', { title: event.title })}</h1>
      <p>{t('events.proposals.form_intro')} <a href={`/events/${event.slug}/call`}>{t('events.call.read')}</a></p>
      {screening && <ScreeningPanel screening={screening} />}
      <PostForm action={action} anchor="proposal" errors={errors} labels={labels}>
        <input type="hidden" name="version" value={valueOf(values, 'version')} />
        <input type="hidden" name="rows_speaker" value={String(speakers)} />
        <input type="hidden" name="rows_organiser" value={String(organisers)} />
        <TextField name="title" label={labels.title!} value={valueOf(values, 'title')} error={errors.title} required maxlength={200} />
        <SelectField name="language" label={labels.language!} value={valueOf(values, 'language') || locale} error={errors.language}
          options={locales.map((l) => ({ value: l, label: languageName(l, locale) }))} />
        <TextArea name="description" label={labels.description!} value={valueOf(values, 'description')} error={errors.description} required maxlength={5000} />
        <TextArea name="policy_questions" label={labels.policy_questions!} hint={t('events.proposals.policy_questions_hint')} value={valueOf(values, 'policy_questions')} error={errors.policy_questions} maxlength={2000} />
        <ChoiceField type="radio" name="format" label={labels.format!} value={valueOf(values, 'format')} error={errors.format}
          options={call.formats.map((f) => ({ value: f.format, label: `${t(`events.session_format.${f.format}`)} (${t('events.call.minutes', { count: f.duration_minutes })})` }))} />
        {call.tracks.length > 0 && (
          <ChoiceField type="radio" name="track" label={labels.track!} value={valueOf(values, 'track')} error={errors.track} options={call.tracks.map((tr) => ({ value: tr.id, label: tr.name }))} />
        )}
        <ChoiceField type="radio" name="modality" label={labels.modality!} hint={t('events.proposals.modality_hint')} value={valueOf(values, 'modality')} error={errors.modality}
          options={modalities.map((m) => ({ value: m, label: t(`events.format.${m}`) }))} />
        <fieldset id="organisers">
          <legend>{t('events.proposals.organisers')}</legend>
          {Array.from({ length: organisers }, (_, i) => (
            <div class="row">
              <TextField name={`organiser_${i}_name`} label={t('events.proposals.organiser_n', { n: i + 1 })} value={valueOf(values, `organiser_${i}_name`)} error={errors[`organiser_${i}_name`]} maxlength={200} />
              <TextField name={`organiser_${i}_organisation`} label={t('events.proposals.fields.organisation')} value={valueOf(values, `organiser_${i}_organisation`)} error={errors[`organiser_${i}_organisation`]} maxlength={200} />
            </div>
          ))}
          <button type="submit" name="intent" value="more_organisers" class="secondary">{t('events.proposals.more_organisers')}</button>
        </fieldset>
        <fieldset id="speakers">
          <legend>{t('events.proposals.speakers')}</legend>
          <p class="hint">{t('events.proposals.speakers_hint')}</p>
          {Array.from({ length: speakers }, (_, i) => (
            <fieldset>
              <legend>{t('events.proposals.speaker_n', { n: i + 1 })}</legend>
              <TextField name={`speaker_${i}_name`} label={t('events.proposals.fields.name')} value={valueOf(values, `speaker_${i}_name`)} error={errors[`speaker_${i}_name`]} maxlength={200} />
              <TextField name={`speaker_${i}_organisation`} label={t('events.proposals.fields.organisation')} value={valueOf(values, `speaker_${i}_organisation`)} error={errors[`speaker_${i}_organisation`]} maxlength={200} />
              <SelectField name={`speaker_${i}_stakeholder_group`} label={t('events.proposals.fields.stakeholder_group')} blank={t('events.proposals.not_given')} value={valueOf(values, `speaker_${i}_stakeholder_group`)}
                error={errors[`speaker_${i}_stakeholder_group`]} options={groupOptions} />
              <SelectField name={`speaker_${i}_country`} label={t('events.proposals.fields.country')} blank={t('events.proposals.not_given')} value={valueOf(values, `speaker_${i}_country`)}
                error={errors[`speaker_${i}_country`]} options={countryOptions(locale)} />
              <TextField name={`speaker_${i}_gender`} label={t('events.proposals.fields.gender')} hint={i === 0 ? t('events.proposals.gender_hint') : undefined} value={valueOf(values, `speaker_${i}_gender`)}
                error={errors[`speaker_${i}_gender`]} maxlength={60} />
              <SelectField name={`speaker_${i}_presence`} label={t('events.proposals.fields.presence')} blank={t('events.proposals.not_given')} value={valueOf(values, `speaker_${i}_presence`)}
                error={errors[`speaker_${i}_presence`]} options={presences.map((p) => ({ value: p, label: t(`events.proposals.presence.${p}`) }))} />
              <div class="field">
                <input type="checkbox" id={`field-speaker_${i}_confirmed`} name={`speaker_${i}_confirmed`} checked={valueOf(values, `speaker_${i}_confirmed`) === 'on'} />{' '}
                <label for={`field-speaker_${i}_confirmed`}>{t('events.proposals.fields.confirmed')}</label>
              </div>
              <AvailabilityField name={`speaker_${i}_availability`} value={valueOf(values, `speaker_${i}_availability`)} error={errors[`speaker_${i}_availability`]} event={event} explained={i === 0} hint="proposal_hint" />
            </fieldset>
          ))}
          <button type="submit" name="intent" value="more_speakers" class="secondary">{t('events.proposals.more_speakers')}</button>
        </fieldset>
        {person('moderator', t('events.proposals.moderator'), t('events.proposals.moderator_hint'))}
        {person('online_moderator', t('events.proposals.online_moderator'))}
        {person('rapporteur', t('events.proposals.rapporteur'))}
        {call.questions.length > 0 && (
          <fieldset>
            <legend>{t('events.call.questions')}</legend>
            {call.questions.map((q) => (
              <TextArea name={`answer_${q.id}`} label={q.required ? `${q.question} (${t('events.call.required')})` : q.question} value={valueOf(values, `answer_${q.id}`)}
                error={errors[`answer_${q.id}`]} maxlength={3000} />
            ))}
          </fieldset>
        )}
        <p class="hint">{t('events.proposals.buttons_hint')}</p>
        <button type="submit" name="intent" value="check" class="secondary">{t('events.proposals.check')}</button>
        {!submitted && <button type="submit" name="intent" value="draft" class="secondary">{t('events.proposals.save_draft')}</button>}
        <button type="submit" name="intent" value="submit">{submitted ? t('events.proposals.save_submitted') : t('events.proposals.submit')}</button>
      </PostForm>
    </>
  );
}

