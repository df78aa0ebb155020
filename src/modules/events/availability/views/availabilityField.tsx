import { useView } from '../../../../platform/views/context.ts';
import { TextArea } from '../../../../platform/views/components.tsx';
import type { Interval } from '../../domain/types.ts';
import { eventDaysInZone, windowsAsText } from '../format.ts';

interface EventTimes {
  time_zone: string;
  starts_at: string;
  ends_at: string;
}

/**
 * A person's stated availability: a plain textarea, one window per line (no script needed). The
 * format's explanation is long, so only the first row of a list carries it (`explained`), as the
 * forms do with other repeated hints.
 */
export function AvailabilityField(props: { name: string; value: string; error?: string; event: EventTimes; explained: boolean; hint: 'hint' | 'proposal_hint' }) {
  const { t } = useView();
  const days = eventDaysInZone(props.event);
  return (
    <TextArea name={props.name} label={t('events.availability.label')} value={props.value} error={props.error} maxlength={2000}
      hint={props.explained ? t(`events.availability.${props.hint}`, { zone: props.event.time_zone, first: days.firstDay, last: days.lastDay }) : undefined} />
  );
}

/** Stored windows as the field shows them again, in the event's zone. */
export const availabilityValue = (windows: readonly Interval[], event: EventTimes) => windowsAsText(windows, event.time_zone);
