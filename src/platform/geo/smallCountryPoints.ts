/**
 * Longitude/latitude points for the countries and territories that the 110m world map has no
 * shape for (small island states, micro-states, overseas territories), so the map can still
 * place a linked marker for them. Shipping 50m paths would blow the page budget; one point each
 * costs nothing.
 *
 * Most points are the centroid of the largest polygon in world-atlas `countries-50m.json`,
 * rounded to 0.1°, computed once with d3-geo and pasted here. The 14 codes that are in neither
 * world-atlas file (marked "manual") use the main island or capital.
 */
export const smallCountryPoints: Readonly<Record<string, readonly [lon: number, lat: number]>> = {
  AD: [1.6, 42.5], // Andorra
  AG: [-61.8, 17.1], // Antigua and Barb.
  AI: [-63.1, 18.2], // Anguilla
  AS: [-170.7, -14.3], // American Samoa
  AW: [-70, 12.5], // Aruba
  AX: [19.9, 60.2], // Åland
  BB: [-59.6, 13.2], // Barbados
  BH: [50.5, 26], // Bahrain
  BL: [-62.8, 17.9], // St-Barthélemy
  BM: [-64.8, 32.3], // Bermuda
  CK: [-159.8, -21.2], // Cook Is.
  CV: [-23.6, 15.1], // Cabo Verde
  CW: [-69, 12.2], // Curaçao
  DM: [-61.4, 15.4], // Dominica
  FM: [158.2, 6.9], // Micronesia
  FO: [-6.9, 62.2], // Faeroe Is.
  GD: [-61.7, 12.1], // Grenada
  GG: [-2.6, 49.5], // Guernsey
  GS: [-36.7, -54.4], // S. Geo. and the Is.
  GU: [144.8, 13.4], // Guam
  HK: [114.1, 22.4], // Hong Kong
  HM: [73.5, -53.1], // Heard I. and McDonald Is.
  IM: [-4.5, 54.2], // Isle of Man
  IO: [72.4, -7.3], // Br. Indian Ocean Ter.
  JE: [-2.1, 49.2], // Jersey
  KI: [-157.4, 1.9], // Kiribati
  KM: [43.3, -11.7], // Comoros
  KN: [-62.7, 17.3], // St. Kitts and Nevis
  KY: [-81.3, 19.3], // Cayman Is.
  LC: [-61, 13.9], // Saint Lucia
  LI: [9.5, 47.1], // Liechtenstein
  MC: [7.4, 43.8], // Monaco
  MF: [-63.1, 18.1], // St-Martin
  MH: [171.2, 7.1], // Marshall Is.
  MO: [113.5, 22.2], // Macao
  MP: [145.7, 15.2], // N. Mariana Is.
  MS: [-62.2, 16.7], // Montserrat
  MT: [14.4, 35.9], // Malta
  MU: [57.6, -20.3], // Mauritius
  MV: [73.5, 4.2], // Maldives
  NF: [167.9, -29.1], // Norfolk Island
  NR: [166.9, -0.5], // Nauru
  NU: [-169.9, -19], // Niue
  PF: [-149.4, -17.7], // Fr. Polynesia
  PM: [-56.3, 46.9], // St. Pierre and Miquelon
  PN: [-128.3, -24.4], // Pitcairn Is.
  PW: [134.6, 7.5], // Palau
  SC: [55.5, -4.7], // Seychelles
  SG: [103.8, 1.4], // Singapore
  SH: [-5.7, -16], // Saint Helena
  SM: [12.5, 43.9], // San Marino
  ST: [6.6, 0.2], // São Tomé and Principe
  SX: [-63.1, 18.1], // Sint Maarten
  TC: [-71.7, 21.8], // Turks and Caicos Is.
  TO: [-175.2, -21.2], // Tonga
  VA: [12.4, 41.9], // Vatican
  VC: [-61.2, 13.3], // St. Vin. and Gren.
  VG: [-64.6, 18.4], // British Virgin Is.
  VI: [-64.8, 17.7], // U.S. Virgin Is.
  WF: [-178.1, -14.3], // Wallis and Futuna Is.
  WS: [-172.4, -13.6], // Samoa
  BQ: [-68.3, 12.2], // Bonaire (manual)
  BV: [3.4, -54.4], // Bouvet Island (manual)
  CC: [96.9, -12.2], // Cocos (Keeling) Islands (manual)
  CX: [105.7, -10.5], // Christmas Island (manual)
  GF: [-53.1, 4], // French Guiana (manual; drawn inside France's shape on the 110m map)
  GI: [-5.4, 36.1], // Gibraltar (manual)
  GP: [-61.6, 16.2], // Guadeloupe (manual)
  MQ: [-61, 14.6], // Martinique (manual)
  RE: [55.5, -21.1], // Réunion (manual)
  SJ: [16, 78.5], // Svalbard (manual; drawn inside Norway's shape on the 110m map)
  TK: [-171.8, -9.2], // Tokelau (manual)
  TV: [179.2, -8.5], // Tuvalu, Funafuti (manual)
  UM: [166.6, 19.3], // US Minor Outlying Islands, Wake Island (manual)
  YT: [45.1, -12.8], // Mayotte (manual)
};
