import { useView } from '../../../../platform/views/context.ts';
import { dayKey, formatter, offsetText } from '../zoneFormat.ts';

export { dayKey, offsetText };

/** "9:00–10:30 (UTC−03:00)": a session's times in a zone. */
export function timeRange(start: string, end: string, zone: string, locale: string): string {
  const time = formatter(locale, zone, 'time');
  return `${time.format(new Date(start))}–${time.format(new Date(end))} (${offsetText(start, zone)})`;
}

/** A day's heading in a zone: "martes, 1 de diciembre de 2026". */
export function dayLabel(instant: string, zone: string, locale: string): string {
  return formatter(locale, zone, 'day').format(new Date(instant));
}

/** A session's times in the event's zone, and in the reader's when they chose another. */
export function SessionTimes({ start, end, zone, readerZone }: { start: string; end: string; zone: string; readerZone: string | null }) {
  const { t, locale } = useView();
  const other = readerZone !== null && offsetText(start, readerZone) !== offsetText(start, zone);
  // The reader's day is named only when it is not the day the program lists the session under.
  const sameDay = readerZone !== null && dayKey(start, readerZone) === dayKey(start, zone);
  return (
    <p class="session-time">
      <time datetime={start}>{timeRange(start, end, zone, locale)}</time>
      {other && readerZone && <> · {t('events.program.in_reader_zone', { zone: readerZone, when: sameDay ? timeRange(start, end, readerZone, locale) : `${dayLabel(start, readerZone, locale)}, ${timeRange(start, end, readerZone, locale)}` })}</>}
    </p>
  );
}

/**
 * The reader's zone: a GET form (no script), remembered on request in a cookie; the chosen zone is
 * also carried in the addresses of the program's links (`?zone=`), so a shared link shows the same.
 */
export function ZoneForm({ action, readerZone, unknownZone, eventZone }: { action: string; readerZone: string | null; unknownZone?: string; eventZone: string }) {
  const { t } = useView();
  const invalid = unknownZone !== undefined;
  return (
    <form method="get" action={action} class="inline-form" id="zone">
      <input type="hidden" name="remember" value="1" />
      <div class="field">
        <label for="field-zone">{t('events.zone.label')}</label>
        <p class="hint" id="hint-zone">{t('events.program.zone_hint', { zone: eventZone })}</p>
        {invalid && <p class="error" id="error-zone">{t('events.errors.unknown_zone')}</p>}
        <input id="field-zone" name="zone" type="text" value={readerZone ?? unknownZone ?? ''} maxlength={64} autocomplete="off"
          aria-invalid={invalid ? 'true' : undefined} aria-describedby={invalid ? 'hint-zone error-zone' : 'hint-zone'} />
      </div>
      <button type="submit">{t('events.zone.show')}</button>
    </form>
  );
}
