import { useView } from '../../../../platform/views/context.ts';
import { ChoiceField, PostForm } from '../../../../platform/views/components.tsx';
import { valueOf, type FieldErrors, type FormValues } from '../../../../platform/http/forms.ts';
import type { SeatCount } from '../queries.ts';
import type { Presence } from '../rules.ts';

/** Seats left per presence, or that it is full and how many wait: numbers only. */
export function SeatsLeft({ counts }: { counts: SeatCount[] }) {
  const { t } = useView();
  return (
    <ul>
      {counts.map((c) => {
        const presence = t(`events.registration.presence.${c.presence}`);
        if (c.seats === null) return <li>{t('events.registration.seats_open', { presence })}</li>;
        const left = c.seats - c.confirmed;
        return <li>{left > 0 ? t('events.registration.seats_left', { presence, left, seats: c.seats }) : t('events.registration.seats_full', { presence, waiting: c.waitlisted })}</li>;
      })}
    </ul>
  );
}

/** The register form (no script): how the person comes, among what the event offers, and their group, prefilled from their account. */
export function RegisterForm({ slug, offered, values, errors }: { slug: string; offered: Presence[]; values?: FormValues; errors?: FieldErrors }) {
  const { t, actor, stakeholders, groupLabel } = useView();
  const group = valueOf(values, 'stakeholder_group') || actor.user?.stakeholder_group;
  const presence = valueOf(values, 'presence') || (offered.length === 1 ? offered[0] : undefined);
  return (
    <PostForm action={`/events/${slug}/register`} anchor="register" errors={errors}
      labels={{ presence: t('events.registration.presence_label'), stakeholder_group: t('events.registration.group_label') }}>
      <ChoiceField type="radio" name="presence" label={t('events.registration.presence_label')} value={presence} error={errors?.presence}
        options={offered.map((p) => ({ value: p, label: t(`events.registration.presence.${p}`) }))} />
      <ChoiceField type="radio" name="stakeholder_group" label={t('events.registration.group_label')} hint={t('events.registration.group_hint')}
        value={group ? stakeholders.groupOf(group) : undefined} error={errors?.stakeholder_group}
        options={stakeholders.groups.map((g) => ({ value: g, label: groupLabel(g) }))} />
      <button type="submit">{t('events.registration.submit')}</button>
    </PostForm>
  );
}
