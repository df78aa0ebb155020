import { useView } from '../../../../platform/views/context.ts';
import { Checkbox, ChoiceField, PostForm, TextArea, TextField } from '../../../../platform/views/components.tsx';
import { valueOf, valuesOf, type FieldErrors, type FormValues } from '../../../../platform/http/forms.ts';
import { sessionFormats } from '../../vocabulary.ts';
import { toLocalInput } from '../../time.ts';
import type { Call } from '../queries.ts';
import { blankQuestionRows, blankTrackRows } from '../vocabulary.ts';

const formatKeys = Object.keys(sessionFormats) as Array<keyof typeof sessionFormats>;

/** A stored call as the form's values; with none yet, the IGF's defaults and the default tracks named in the organiser's language. */
export function callValues(call: Call | undefined, zone: string, defaultTrackNames: string[]): FormValues {
  const values: FormValues = {
    opens: call ? toLocalInput(call.opens_at, zone) : '', closes: call ? toLocalInput(call.closes_at, zone) : '',
    min_speakers: String(call?.min_speakers ?? 3), min_stakeholder_groups: String(call?.min_stakeholder_groups ?? 3), max_sessions_per_speaker: String(call?.max_sessions_per_speaker ?? 3),
    formats: call ? call.formats.map((f) => f.format) : formatKeys,
  };
  for (const format of formatKeys) values[`duration_${format}`] = String(call?.formats.find((f) => f.format === format)?.duration_minutes ?? sessionFormats[format]);
  const tracks = call ? call.tracks.map((tr) => ({ id: tr.id, name: tr.name })) : defaultTrackNames.map((name) => ({ id: '', name }));
  tracks.forEach((tr, i) => Object.assign(values, { [`track_${i}_id`]: tr.id, [`track_${i}_name`]: tr.name }));
  call?.questions.forEach((q, i) => Object.assign(values, { [`question_${i}_id`]: q.id, [`question_${i}_text`]: q.question, [`question_${i}_required`]: q.required ? 'on' : '' }));
  return values;
}

/** How many numbered rows of `prefix` the values hold. */
function rowCount(values: FormValues, prefix: string): number {
  let count = 0;
  for (const key of Object.keys(values)) {
    const match = new RegExp(`^${prefix}_(\\d+)_`).exec(key);
    if (match) count = Math.max(count, Number(match[1]) + 1);
  }
  return count;
}

/** `/events/<slug>/call/edit`: the organisers open the call or change it. */
export function CallForm(props: { event: { slug: string; title: string; time_zone: string }; values: FormValues; errors?: FieldErrors; opened: boolean }) {
  const { event, values, errors, opened } = props;
  const { t } = useView();
  const labels: Record<string, string> = {
    opens: t('events.call.opens'), closes: t('events.call.closes'), min_speakers: t('events.call.min_speakers'), min_stakeholder_groups: t('events.call.min_stakeholder_groups'),
    max_sessions_per_speaker: t('events.call.max_sessions_per_speaker'), formats: t('events.call.formats'), tracks: t('events.call.tracks'), questions: t('events.call.questions'),
  };
  const tracks = rowCount(values, 'track') + blankTrackRows;
  const questions = rowCount(values, 'question') + blankQuestionRows;
  const dateField = (name: 'opens' | 'closes') => (
    <div class="field">
      <label for={`field-${name}`}>{labels[name]}</label>
      <p class="hint" id={`hint-${name}`}>{t('events.call.time_hint', { zone: event.time_zone })}</p>
      {errors?.[name] && <p class="error" id={`error-${name}`}>{errors[name]}</p>}
      <input id={`field-${name}`} name={name} type="datetime-local" value={valueOf(values, name)} required aria-invalid={errors?.[name] ? 'true' : undefined}
        aria-describedby={errors?.[name] ? `hint-${name} error-${name}` : `hint-${name}`} />
    </div>
  );
  return (
    <>
      <p><a href={`/events/${event.slug}`}>{t('events.call.back', { title: event.title })}</a></p>
      <h1>{opened ? t('events.call.edit_title', { title: event.title }) : t('events.call.open_title', { title: event.title })}</h1>
      <PostForm action={`/events/${event.slug}/call/edit`} errors={errors} labels={labels}>
        <fieldset>
          <legend>{t('events.call.dates')}</legend>
          {dateField('opens')}
          {dateField('closes')}
        </fieldset>
        <fieldset>
          <legend>{t('events.call.rules')}</legend>
          <TextField type="number" name="min_speakers" label={labels.min_speakers!} value={valueOf(values, 'min_speakers')} error={errors?.min_speakers} maxlength={2} />
          <TextField type="number" name="min_stakeholder_groups" label={labels.min_stakeholder_groups!} value={valueOf(values, 'min_stakeholder_groups')} error={errors?.min_stakeholder_groups} maxlength={1} />
          <TextField type="number" name="max_sessions_per_speaker" label={labels.max_sessions_per_speaker!} value={valueOf(values, 'max_sessions_per_speaker')} error={errors?.max_sessions_per_speaker} maxlength={2} />
        </fieldset>
        <ChoiceField type="checkbox" name="formats" label={labels.formats!} hint={t('events.call.formats_hint')} value={valuesOf(values, 'formats')} error={errors?.formats}
          options={formatKeys.map((f) => ({ value: f, label: t(`events.session_format.${f}`) }))} />
        <fieldset>
          <legend>{t('events.call.durations')}</legend>
          {formatKeys.map((f) => (
            <TextField type="number" name={`duration_${f}`} label={t('events.call.duration_of', { format: t(`events.session_format.${f}`) })} value={valueOf(values, `duration_${f}`)}
              error={errors?.[`duration_${f}`]} maxlength={3} />
          ))}
        </fieldset>
        <fieldset id="field-tracks">
          <legend>{labels.tracks}</legend>
          <p class="hint">{t('events.call.tracks_hint')}</p>
          {errors?.tracks && <p class="error" id="error-tracks">{errors.tracks}</p>}
          {Array.from({ length: tracks }, (_, i) => (
            <>
              <input type="hidden" name={`track_${i}_id`} value={valueOf(values, `track_${i}_id`)} />
              <TextField name={`track_${i}_name`} label={t('events.call.track_n', { n: i + 1 })} value={valueOf(values, `track_${i}_name`)} error={errors?.[`track_${i}_name`]} maxlength={200} />
            </>
          ))}
        </fieldset>
        <fieldset id="field-questions">
          <legend>{labels.questions}</legend>
          <p class="hint">{t('events.call.questions_hint')}</p>
          {errors?.questions && <p class="error" id="error-questions">{errors.questions}</p>}
          {Array.from({ length: questions }, (_, i) => (
            <>
              <input type="hidden" name={`question_${i}_id`} value={valueOf(values, `question_${i}_id`)} />
              <TextArea name={`question_${i}_text`} label={t('events.call.question_n', { n: i + 1 })} value={valueOf(values, `question_${i}_text`)} error={errors?.[`question_${i}_text`]} maxlength={1000} />
              <Checkbox name={`question_${i}_required`} label={t('events.call.question_required')} checked={valueOf(values, `question_${i}_required`) === 'on'} />
            </>
          ))}
        </fieldset>
        <button type="submit">{t('events.call.save')}</button>
      </PostForm>
    </>
  );
}
