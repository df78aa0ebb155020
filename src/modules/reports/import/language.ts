/**
 * Which of the four languages a report is written in, from its words. Labels help but cannot
 * decide alone ("Moderador:", "Participantes:" are Spanish and Portuguese), so the count of
 * short words that belong to one language only decides: "el", "los", "y" against "o", "os",
 * "e", "não" against "the", "and" against "le", "les", "et".
 */
import type { ReportLanguage } from './types.ts';
import { reportLanguages } from './types.ts';

const functionWords: Record<ReportLanguage, string[]> = {
  es: ['el', 'los', 'las', 'del', 'y', 'en', 'con', 'una', 'es', 'su', 'sus', 'pero', 'más', 'muy', 'también', 'fue', 'al', 'lo', 'ha', 'han', 'que', 'la', 'por', 'para', 'se', 'como', 'este', 'esta', 'entre', 'sobre', 'ni', 'hay'],
  pt: ['o', 'os', 'as', 'do', 'da', 'dos', 'das', 'e', 'em', 'no', 'na', 'nos', 'nas', 'com', 'uma', 'é', 'são', 'seu', 'sua', 'mas', 'mais', 'muito', 'também', 'foi', 'ao', 'pelo', 'pela', 'não', 'que', 'por', 'para', 'se', 'como', 'este', 'esta', 'entre', 'sobre', 'há'],
  en: ['the', 'and', 'of', 'to', 'in', 'that', 'is', 'was', 'for', 'on', 'with', 'as', 'by', 'this', 'are', 'were', 'from', 'it', 'an', 'be', 'which', 'have', 'has', 'their', 'they', 'not'],
  fr: ['le', 'la', 'les', 'des', 'du', 'et', 'en', 'que', 'qui', 'est', 'dans', 'pour', 'avec', 'sur', 'par', 'une', 'un', 'au', 'aux', 'ce', 'cette', 'sont', 'été', 'ont', 'pas', 'mais', 'plus', 'ne', 'nous', 'leur', 'leurs'],
};

/** Each word that belongs to exactly one of the four lists, with its language. */
const distinctive = new Map<string, ReportLanguage>();
{
  const seen = new Map<string, number>();
  for (const words of Object.values(functionWords)) for (const word of new Set(words)) seen.set(word, (seen.get(word) ?? 0) + 1);
  for (const language of reportLanguages) for (const word of functionWords[language]) if (seen.get(word) === 1) distinctive.set(word, language);
}

/** Fewer distinctive words than this, and the text says too little to tell. */
const enough = 5;

export interface Detection {
  language: ReportLanguage | null;
  /** Distinctive words counted for each language. */
  counts: Record<ReportLanguage, number>;
  /** When the text cannot tell: the language with most evidence of any kind ("Moderadora:" is es or pt, not en), else null. */
  likeliest: ReportLanguage | null;
}

/**
 * The language with most distinctive words, when it has at least five and clearly more than the
 * next (a third more), or two and no other language has any (one sentence); `hints` (labels recognised, each with the languages it belongs to) add
 * two each, enough to settle a short text but not to outvote a paragraph.
 */
export function detectLanguage(text: string, hints: ReportLanguage[][] = []): Detection {
  const counts: Record<ReportLanguage, number> = { es: 0, en: 0, pt: 0, fr: 0 };
  for (const word of text.toLowerCase().split(/[^\p{L}]+/u)) {
    const language = distinctive.get(word);
    if (language) counts[language]++;
  }
  const shared: Record<ReportLanguage, number> = { es: 0, en: 0, pt: 0, fr: 0 };
  for (const languages of hints) {
    if (languages.length === 1) counts[languages[0]!] += 2;
    else for (const language of languages) shared[language]++;
  }
  const ranked = [...reportLanguages].sort((a, b) => counts[b] - counts[a]);
  const [first, second] = [counts[ranked[0]!], counts[ranked[1]!]];
  const language = (first >= enough && first > second * 1.34) || (first >= 2 && second === 0) ? ranked[0]! : null;
  // Ties go to the order of reportLanguages (es, en, pt, fr): a stable answer.
  const evidence = [...reportLanguages].sort((a, b) => counts[b] * 10 + shared[b] - (counts[a] * 10 + shared[a]));
  const likeliest = counts[evidence[0]!] + shared[evidence[0]!] > 0 ? evidence[0]! : null;
  return { language, counts, likeliest };
}
