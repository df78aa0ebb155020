import { useView } from '../../../platform/views/context.ts';
import { PostForm } from '../../../platform/views/components.tsx';
import type { FailedForm } from '../../../platform/http/action.ts';
import { valueOf, type FormValues } from '../../../platform/http/forms.ts';
import type { EventDetail, Room } from '../queries.ts';

/** A room's three fields, with ids of their own: several room forms share the page. */
function RoomFields({ prefix, values, errors }: { prefix: string; values: FormValues; errors: Record<string, string> }) {
  const { t } = useView();
  const field = (name: string, label: string, type: string, maxlength: number, hint?: string) => {
    const id = `${prefix}-${name}`;
    const described = [hint ? `hint-${id}` : '', errors[name] ? `error-${id}` : ''].filter(Boolean).join(' ') || undefined;
    return (
      <div class="field">
        <label for={id}>{label}</label>
        {hint && <p class="hint" id={`hint-${id}`}>{hint}</p>}
        {errors[name] && <p class="error" id={`error-${id}`}>{errors[name]}</p>}
        <input id={id} name={name} type={type} value={valueOf(values, name)} maxlength={maxlength} aria-invalid={errors[name] ? 'true' : undefined} aria-describedby={described} />
      </div>
    );
  };
  return (
    <>
      {errors._form && <p class="error" role="alert">{errors._form}</p>}
      {field('name', t('events.rooms.name'), 'text', 100)}
      {field('capacity', t('events.rooms.capacity'), 'number', 6)}
      {field('online_link', t('events.rooms.online_link'), 'url', 500, t('events.rooms.online_link_hint'))}
    </>
  );
}

const roomValues = (room: Room): FormValues => ({ name: room.name, capacity: room.capacity?.toString() ?? '', online_link: room.online_link ?? '' });

/** `/events/<slug>/rooms`: the organisers add, change and remove the event's rooms. `failed` names the form that failed (a room's id, or `new`). */
export function RoomsPage({ event, notice, failed }: { event: EventDetail; notice?: string; failed?: { form: string } & FailedForm }) {
  const { t } = useView();
  const base = `/events/${event.slug}/rooms`;
  const errorsOf = (form: string) => (failed?.form === form ? failed.errors : {});
  const valuesOf = (form: string, fallback: FormValues) => (failed?.form === form ? failed.values : fallback);
  return (
    <>
      <p><a href={`/events/${event.slug}`}>{t('events.rooms.back', { title: event.title })}</a></p>
      <h1>{t('events.rooms.manage_title', { title: event.title })}</h1>
      {notice && ['room_added', 'room_saved', 'room_removed'].includes(notice) && <p class="notice" role="status">{t(`events.notice.${notice}`)}</p>}
      {event.rooms.map((room, index) => (
        <section aria-labelledby={`room-title-${index}`}>
          <h2 id={`room-title-${index}`}>{room.name}</h2>
          <PostForm action={`${base}/${room.id}`} anchor={`room-${room.id}`}>
            <RoomFields prefix={`room-${index}`} values={valuesOf(room.id, roomValues(room))} errors={errorsOf(room.id)} />
            <button type="submit">{t('events.rooms.save')}</button>
          </PostForm>
          <PostForm action={`${base}/${room.id}/remove`} anchor={`remove-${room.id}`}>
            <button type="submit" class="secondary">{t('events.rooms.remove', { name: room.name })}</button>
          </PostForm>
        </section>
      ))}
      <section aria-labelledby="add-room-title">
        <h2 id="add-room-title">{t('events.rooms.add_title')}</h2>
        <PostForm action={base} anchor="add-room">
          <RoomFields prefix="new-room" values={valuesOf('new', {})} errors={errorsOf('new')} />
          <button type="submit">{t('events.rooms.add')}</button>
        </PostForm>
      </section>
    </>
  );
}
