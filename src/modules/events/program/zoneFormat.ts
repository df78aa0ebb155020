/** Times of a program written fast: see `formatter`. */
/**
 * Formatters, made once per language, zone and style: a program lists hundreds of times, and
 * making an Intl.DateTimeFormat costs far more than using one (time.ts makes one per call).
 */
const formatters = new Map<string, Intl.DateTimeFormat>();
export function formatter(locale: string, zone: string, style: 'time' | 'day' | 'date' | 'offset' | 'wall'): Intl.DateTimeFormat {
  const key = `${locale}|${zone}|${style}`;
  let made = formatters.get(key);
  if (!made) {
    const options: Intl.DateTimeFormatOptions =
      style === 'time' ? { timeStyle: 'short' } : style === 'day' ? { dateStyle: 'full' } : style === 'date' ? { year: 'numeric', month: '2-digit', day: '2-digit' }
      : style === 'wall' ? { hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' } : { timeZoneName: 'longOffset' };
    made = new Intl.DateTimeFormat(style === 'date' ? 'en-CA' : style === 'offset' || style === 'wall' ? 'en-US' : locale, { timeZone: zone, ...options });
    // Bounded: languages × zones readers choose.
    if (formatters.size > 2_000) formatters.clear();
    formatters.set(key, made);
  }
  return made;
}

/** "UTC−05:00", as time.ts's offsetLabel writes it. */
export function offsetText(instant: string, zone: string): string {
  const name = formatter('en', zone, 'offset').formatToParts(new Date(instant)).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const match = /^GMT([+-])(\d{2}):(\d{2})$/.exec(name);
  return match ? `UTC${match[1] === '-' ? '−' : '+'}${match[2]}:${match[3]}` : 'UTC+00:00';
}

/** The day an instant falls on in a zone, "2026-12-01". */
export const dayKey = (instant: string, zone: string) => formatter('en', zone, 'date').format(new Date(instant));

/** ISO 8601 with the zone's offset ("2026-12-01T09:00:00-05:00"), as time.ts's isoInZone writes it. */
export function isoText(instant: string, zone: string): string {
  const parts = formatter('en', zone, 'wall').formatToParts(new Date(instant));
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '00';
  const offset = offsetText(instant, zone).slice(3).replace('−', '-');
  return `${part('year')}-${part('month')}-${part('day')}T${part('hour')}:${part('minute')}:${part('second')}${offset === '+00:00' ? 'Z' : offset}`;
}
