/**
 * The five UN regional groups of Member States, by ISO 3166-1 alpha-2 code: the groups the IGF
 * uses to place national and regional initiatives.
 *
 * Source: United Nations, Department for General Assembly and Conference Management, "United
 * Nations Regional Groups of Member States" (the 193 Member States as listed in 2024), with
 * Palestine, a non-member observer State that belongs to the Asia-Pacific Group. Türkiye takes
 * part in the Western European and Others Group and the United States sits with it as an
 * observer; both are counted there. Kiribati is listed with the Asia-Pacific Group.
 *
 * These are groups of States, not geographic regions (UN M49): Australia and Israel are in the
 * Western European and Others Group, Cyprus in Asia-Pacific. Territories and other areas belong
 * to no group, so no group is suggested for them: the coordinator chooses.
 */
const GROUPS = {
  africa: `
    DZ AO BJ BW BF BI CV CM CF TD KM CG CI CD DJ EG GQ ER SZ ET GA GM GH GN GW KE LS LR LY MG MW ML
    MR MU MA MZ NA NE NG RW ST SN SC SL SO ZA SS SD TG TN UG TZ ZM ZW`,
  asia_pacific: `
    AF BH BD BT BN KH CN CY KP FJ IN ID IR IQ JP JO KZ KI KW KG LA LB MY MV MH FM MN MM NR NP OM PK
    PW PG PH QA KR WS SA SG SB LK SY TJ TH TL TO TM TV AE UZ VU VN YE PS`,
  eastern_europe: `
    AL AM AZ BY BA BG HR CZ EE GE HU LV LT ME MK PL MD RO RU RS SK SI UA`,
  latin_america_caribbean: `
    AG AR BS BB BZ BO BR CL CO CR CU DM DO EC SV GD GT GY HT HN JM MX NI PA PY PE KN LC VC SR TT UY
    VE`,
  western_europe_others: `
    AD AU AT BE CA DK FI FR DE GR IS IE IL IT LI LU MT MC NL NZ NO PT SM ES SE CH TR GB US`,
} as const;

export type RegionalGroup = keyof typeof GROUPS;

const groupOf = new Map<string, RegionalGroup>();
for (const [group, codes] of Object.entries(GROUPS) as Array<[RegionalGroup, string]>) {
  for (const code of codes.trim().split(/\s+/)) groupOf.set(code, group);
}

/** The UN regional group of a country, if it belongs to one. */
export function regionalGroupOf(country: string): RegionalGroup | undefined {
  return groupOf.get(country.toUpperCase());
}

/**
 * The group an initiative in these countries belongs to: the one group they all share; none when
 * they span groups (a cross-regional initiative) or when a country belongs to no group.
 */
export function regionalGroupOfCountries(countries: readonly string[]): RegionalGroup | undefined {
  const groups = new Set(countries.map(regionalGroupOf));
  if (groups.size !== 1) return undefined;
  return [...groups][0];
}

/** Every country code that belongs to a group (for tests and checks). */
export const groupedCountries: readonly string[] = [...groupOf.keys()];
