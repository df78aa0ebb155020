import type { Translate } from '../../platform/i18n/index.ts';
import { linkKinds, presences, textLists } from './content.ts';
import type { ReportSnapshot } from './outcomes.ts';

/** A published version as plain text, one section after another, for comparing versions word by word. */
export function snapshotText(s: ReportSnapshot, t: Translate): string {
  const c = s.content;
  const lines = [s.title, `${t('reports.field.held_on')}: ${s.held_on}`, ...(s.place ? [`${t('reports.field.place')}: ${s.place}`] : []), '', ...(c.summary ? [c.summary, ''] : [])];
  for (const list of textLists) if (c[list].length) lines.push(`${t(`reports.list.${list}`)}:`, ...c[list].map((i, n) => `${n + 1}. ${i.text}`), '');
  if (c.calls_to_action.length) lines.push(`${t('reports.list.calls_to_action')}:`, ...c.calls_to_action.map((i, n) => `${n + 1}. ${i.who}: ${i.what}`), '');
  if (c.participants.length) lines.push(`${t('reports.list.participants')}:`, ...c.participants.map((p) => `${t(`reports.role.${p.role}`)}: ${p.name}${p.organisation ? `, ${p.organisation}` : ''}`), '');
  for (const presence of presences) {
    const counts = [...Object.entries(c.participation[presence].groups).map(([g, n]) => `${t(`common.stakeholder.${g}`)} ${n}`), ...Object.entries(c.participation[presence].genders).map(([g, n]) => `${t(`reports.gender.${g}`)} ${n}`)];
    if (counts.length) lines.push(`${t(`reports.presence.${presence}`)}: ${counts.join(', ')}`);
  }
  for (const k of linkKinds) if (c.links[k]) lines.push(`${t(`reports.link.${k}`)}: ${c.links[k]}`);
  return lines.join('\n').trim();
}
