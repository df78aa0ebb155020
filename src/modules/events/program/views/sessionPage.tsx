import { useView } from '../../../../platform/views/context.ts';
import { PostForm, SelectField, TextArea, TextField, Checkbox, Notice } from '../../../../platform/views/components.tsx';
import { countryOptions } from '../../../../platform/views/options.ts';
import { languageName, locales } from '../../../../platform/i18n/index.ts';
import { stakeholderKeys } from '../../../../platform/stakeholders.ts';
import { valueOf, type FieldErrors, type FormValues } from '../../../../platform/http/forms.ts';
import { modalities, sessionRoles } from '../../domain/types.ts';
import { sessionFormats } from '../../vocabulary.ts';
import { offsetLabel } from '../../time.ts';
import type { EventDetail } from '../../queries.ts';
import type { Track } from '../queries.ts';
import { blankPersonRows, maxPeople } from '../schema.ts';
import { AvailabilityField } from '../../availability/views/availabilityField.tsx';
import { SessionTopicsField } from '../../topics/views.tsx';
import type { Option } from '../../../../platform/views/components.tsx';

const detailFields = ['title', 'original_locale', 'description', 'format', 'track', 'modality', 'expected_attendance', 'capacity'];

/** How many person rows the form shows: those filled in, then a few blank ones (no script adds rows). */
function personRowCount(values: FormValues): number {
  let highest = -1;
  for (const key of Object.keys(values)) {
    const match = /^person_(\d+)_/.exec(key);
    if (match) highest = Math.max(highest, Number(match[1]));
  }
  return Math.min(maxPeople, highest + 1 + blankPersonRows);
}

function PersonRow({ index, values, errors, event }: { index: number; values: FormValues; errors: FieldErrors; event: EventDetail }) {
  const { t, locale } = useView();
  const name = (field: string) => `person_${index}_${field}`;
  const props = (field: string) => ({ name: name(field), label: t(`events.sessions.person.${field}`), value: valueOf(values, name(field)), error: errors[name(field)] });
  return (
    <fieldset class="person-row">
      <legend>{t('events.sessions.person.legend', { n: index + 1 })}</legend>
      <TextField {...props('name')} maxlength={200} autocomplete="off" />
      <SelectField {...props('role')} options={sessionRoles.map((r) => ({ value: r, label: t(`events.sessions.role.${r}`) }))} value={valueOf(values, name('role')) || 'speaker'} />
      <TextField {...props('organisation')} maxlength={200} autocomplete="off" />
      <SelectField {...props('stakeholder_group')} blank={t('events.sessions.person.no_group')} options={stakeholderKeys.map((g) => ({ value: g, label: t(`common.stakeholder.${g}`) }))} />
      <SelectField {...props('country')} blank={t('events.form.no_country')} options={countryOptions(locale)} />
      <TextField {...props('gender')} hint={t('events.sessions.person.gender_hint')} maxlength={100} autocomplete="off" />
      <SelectField {...props('presence')} blank={t('events.sessions.person.presence_unknown')} options={['onsite', 'online'].map((p) => ({ value: p, label: t(`events.sessions.presence.${p}`) }))} />
      <Checkbox name={name('confirmed')} label={t('events.sessions.person.confirmed')} checked={['on', 'true', '1'].includes(valueOf(values, name('confirmed')))} error={errors[name('confirmed')]} />
      <AvailabilityField name={name('availability')} value={valueOf(values, name('availability'))} error={errors[name('availability')]} event={event} explained={index === 0} hint="hint" />
      <TextField {...props('email')} type="email" autocomplete="off" maxlength={254} hint={index === 0 ? t('events.sessions.person.email_hint') : undefined} />
    </fieldset>
  );
}

export interface SessionPageProps {
  event: EventDetail;
  tracks: Track[];
  /** The installation's topics on offer (and any retired one the session still has). */
  topics: Option[];
  /** Set when editing a session. */
  session?: { id: string; title: string };
  details: { values: FormValues; errors: FieldErrors };
  schedule?: { values: FormValues; errors: FieldErrors };
  conflicts: string[];
  notice?: string;
}

/** A date and time in the event's zone. */
function WhenField({ name, label, hint, value, error }: { name: string; label: string; hint: string; value: string; error?: string }) {
  const described = [`hint-${name}`, error ? `error-${name}` : ''].filter(Boolean).join(' ');
  return (
    <div class="field">
      <label for={`field-${name}`}>{label}</label>
      <p class="hint" id={`hint-${name}`}>{hint}</p>
      {error && <p class="error" id={`error-${name}`}>{error}</p>}
      <input id={`field-${name}`} name={name} type="datetime-local" value={value} aria-invalid={error ? 'true' : undefined} aria-describedby={described} />
    </div>
  );
}

/** `/events/<slug>/sessions/new` and `/events/<slug>/sessions/<id>`: a session's details and people, its place in the program, its conflicts. */
export function SessionPage(props: SessionPageProps) {
  const { t, locale } = useView();
  const { event, tracks, session, details, schedule, conflicts, notice } = props;
  const base = `/events/${event.slug}`;
  const labels: Record<string, string> = { ...Object.fromEntries(detailFields.map((f) => [f, t(`events.sessions.field.${f}`)])), topics: t('events.topics.field') };
  const errors = details.errors;
  const field = (f: string) => ({ name: f, label: labels[f]!, value: valueOf(details.values, f), error: errors[f] });
  const zoneHint = t('events.sessions.time_hint', { zone: event.time_zone, offset: offsetLabel(event.starts_at, event.time_zone) });
  return (
    <>
      <p><a href={`${base}/program${session ? `#session-${session.id}` : ''}`}>{t('events.sessions.back')}</a></p>
      <Notice message={notice && ['session_saved', 'session_scheduled', 'session_added'].includes(notice) ? t(`events.program.notice.${notice}`) : undefined} />
      <h1>{session ? t('events.sessions.edit_title', { title: session.title }) : t('events.sessions.new_title')}</h1>
      <p>{event.title}</p>
      {session && conflicts.length > 0 && (
        <section aria-labelledby="session-conflicts-title" class="alert">
          <h2 id="session-conflicts-title">{t('events.program.session_conflicts', { count: conflicts.length })}</h2>
          <ul>{conflicts.map((m) => <li>{m}</li>)}</ul>
        </section>
      )}
      {session && schedule && (
        <section aria-labelledby="schedule-title">
          <h2 id="schedule-title">{t('events.sessions.schedule_title')}</h2>
          <p class="hint">{t('events.sessions.schedule_hint')}</p>
          <PostForm action={`${base}/sessions/${session.id}/schedule`} anchor="schedule" errors={schedule.errors}
            labels={{ room: t('events.sessions.field.room'), start: t('events.sessions.field.start'), end: t('events.sessions.field.end') }}>
            <SelectField name="room" label={t('events.sessions.field.room')} blank={t('events.program.no_room')} value={valueOf(schedule.values, 'room')} error={schedule.errors.room}
              options={event.rooms.map((r) => ({ value: r.id, label: r.capacity !== null ? `${r.name} (${t('events.rooms.capacity_of', { count: r.capacity })})` : r.name }))} />
            <WhenField name="start" label={t('events.sessions.field.start')} hint={zoneHint} value={valueOf(schedule.values, 'start')} error={schedule.errors.start} />
            <WhenField name="end" label={t('events.sessions.field.end')} hint={zoneHint} value={valueOf(schedule.values, 'end')} error={schedule.errors.end} />
            <button type="submit">{t('events.sessions.schedule')}</button>
          </PostForm>
        </section>
      )}
      <section aria-labelledby="details-title">
        <h2 id="details-title">{t('events.sessions.details_title')}</h2>
        <PostForm action={session ? `${base}/sessions/${session.id}` : `${base}/sessions`} anchor="details" errors={errors} labels={labels}>
          <TextField {...field('title')} required maxlength={200} />
          <SelectField {...field('original_locale')} value={valueOf(details.values, 'original_locale') || locale} options={locales.map((l) => ({ value: l, label: languageName(l, locale) }))} />
          <TextArea {...field('description')} maxlength={20_000} />
          <SelectField {...field('format')} blank={t('events.sessions.no_format')} options={Object.keys(sessionFormats).map((f) => ({ value: f, label: t(`events.session_format.${f}`) }))} />
          {tracks.length > 0 && <SelectField {...field('track')} blank={t('events.sessions.no_track')} options={tracks.map((tr) => ({ value: tr.id, label: tr.name }))} />}
          <SessionTopicsField options={props.topics} values={details.values} error={errors.topics} />
          <SelectField {...field('modality')} value={valueOf(details.values, 'modality') || event.format} options={modalities.map((m) => ({ value: m, label: t(`events.format.${m}`) }))} />
          <TextField {...field('expected_attendance')} type="number" hint={t('events.sessions.expected_hint')} />
          <TextField {...field('capacity')} type="number" hint={t('events.sessions.capacity_hint')} />
          <h3>{t('events.sessions.people_title')}</h3>
          <p class="hint">{t('events.sessions.people_hint')}</p>
          {Array.from({ length: personRowCount(details.values) }, (_, i) => <PersonRow index={i} values={details.values} errors={errors} event={event} />)}
          <button type="submit">{session ? t('events.sessions.save') : t('events.sessions.create')}</button>
        </PostForm>
      </section>
      {session && (
        <section aria-labelledby="remove-title">
          <h2 id="remove-title">{t('events.sessions.remove_title')}</h2>
          <PostForm action={`${base}/sessions/${session.id}/remove`} anchor="remove">
            <button type="submit" class="secondary">{t('events.sessions.remove', { title: session.title })}</button>
          </PostForm>
        </section>
      )}
    </>
  );
}
