import type { Translate } from '../../platform/i18n/index.ts';
import { gridItems, perspectives } from './grid.ts';
import type { BriefSnapshot } from './outcomes.ts';

/** A published version as plain text, one item after another, for comparing versions word by word. */
export function snapshotText(s: BriefSnapshot, t: Translate): string {
  const lines = [s.title, `${t('briefs.field.kind')}: ${t(`briefs.kind.${s.kind}`)}`, `${t('briefs.field.stage')}: ${t(`briefs.stage.${s.stage}`)}`, '', ...(s.summary ? [s.summary, ''] : [])];
  for (const link of s.links) lines.push(link);
  for (const item of gridItems) {
    const e = s.grid[item];
    lines.push('', `${t(`briefs.item.${item}.name`)}: ${e.rating ? t(`briefs.rating.${e.rating}`) : t('briefs.rating.missing')}`);
    if (e.reasoning) lines.push(e.reasoning);
    if (e.evidence) lines.push(`${t('briefs.grid.evidence')}: ${e.evidence}`);
    for (const p of perspectives) if (e.notes[p]) lines.push(`${t(`briefs.perspective.${p}`)}: ${e.notes[p]}`);
  }
  return lines.join('\n').trim();
}
