/** The default stakeholder taxonomy (DESIGN §1); academia is listed apart, as LACIGF does. */
export const stakeholderGroups = [
  'government',
  'intergovernmental',
  'civil_society',
  'private_sector',
  'technical_community',
  'academia',
] as const;
export type StakeholderGroup = (typeof stakeholderGroups)[number];

export const capacities = ['personal', 'on_behalf'] as const;
