/**
 * Zones already found valid: a page view asks for the reader's remembered zone, and building an
 * Intl formatter each time costs more than the rest of a cached answer. Bounded because Intl also
 * accepts the names in any letter case.
 */
const knownZones = new Set<string>();
const maxKnownZones = 2_000;

/** Whether Intl knows the zone (an IANA name such as "America/Bogota"). */
export function isTimeZone(zone: string): boolean {
  if (knownZones.has(zone)) return true;
  if (zone.length === 0 || zone.length > 64 || !/^[A-Za-z0-9_+\-/]+$/.test(zone)) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
  } catch {
    return false;
  }
  if (knownZones.size < maxKnownZones) knownZones.add(zone);
  return true;
}
