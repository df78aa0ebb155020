import { stemmer as spanish } from '@orama/stemmers/spanish';
import { stemmer as english } from '@orama/stemmers/english';
import { stemmer as portuguese } from '@orama/stemmers/portuguese';
import { stemmer as french } from '@orama/stemmers/french';

/**
 * How text becomes searchable terms, the same way for documents and queries: words are cut at
 * anything that is not a letter or a digit, lower-cased, stemmed in their language by the
 * Snowball stemmers, then folded (accents removed). Stemming comes before folding because the
 * stemmers recognise suffixes by their accents: Spanish strips "-ación" but not "-acion".
 */

/** The languages Cabildo stems; content in any other language is only folded. */
export const stemmedLanguages = ['es', 'en', 'pt', 'fr'] as const;
export type StemmedLanguage = (typeof stemmedLanguages)[number];

const stemmers: Record<StemmedLanguage, (word: string) => string> = { es: spanish, en: english, pt: portuguese, fr: french };

/** The stemmed language a BCP 47 tag belongs to ("pt-BR" → "pt"), or null. */
export function stemmedLanguageOf(tag: string): StemmedLanguage | null {
  const base = tag.toLowerCase().split('-')[0];
  return (stemmedLanguages as readonly string[]).includes(base ?? '') ? (base as StemmedLanguage) : null;
}

/** Lower case without accents: "Governança" → "governanca". */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{Mn}/gu, '').toLowerCase();
}

const wordPattern = /[\p{L}\p{N}\p{Mn}]+/gu;
const separators = /[^\p{L}\p{N}\p{Mn}]+/u;
const combiningMark = /\p{Mn}/u;
/** Words longer than this are not words (a pasted URL, a hash) and are cut: they only bloat the index. */
const longestWord = 40;

/** A word of a text with where it stands, for highlighting. */
export interface Word {
  text: string;
  start: number;
  end: number;
}

export function words(text: string): Word[] {
  const found: Word[] = [];
  for (const match of text.normalize('NFC').matchAll(wordPattern)) {
    found.push({ text: match[0], start: match.index, end: match.index + match[0].length });
  }
  return found;
}

/**
 * Terms already made, per language: texts repeat their words (Zipf), and stemming is most of the
 * cost of indexing. Forgotten all at once when full, which is rare and cheap.
 */
const made = new Map<string, Map<string, string>>();
const mostRemembered = 200_000;

function cacheOf(language: StemmedLanguage | null): Map<string, string> {
  const key = language ?? '';
  let cache = made.get(key);
  if (!cache) made.set(key, (cache = new Map()));
  return cache;
}

/** The term a word becomes in a text of the given language. */
export function term(word: string, language: StemmedLanguage | null, cache = cacheOf(language)): string {
  let found = cache.get(word);
  if (found === undefined) {
    const lower = word.toLowerCase().slice(0, longestWord);
    found = fold(language ? stemmers[language](lower) : lower);
    if (cache.size >= mostRemembered) cache.clear();
    cache.set(word, found);
  }
  return found;
}

/** A text as its terms, separated by spaces (what the SQLite index stores). */
export function terms(text: string, language: string): string {
  const stemmed = stemmedLanguageOf(language);
  const cache = cacheOf(stemmed);
  // One split of the text lower-cased whole, not a match object per word: this runs over every
  // word indexed, and lower-casing once is cheaper than per word (and makes fewer distinct words
  // to remember). Text is composed (NFC) only when it holds combining marks, which is rare.
  const composed = (combiningMark.test(text) ? text.normalize('NFC') : text).toLowerCase();
  const out: string[] = [];
  for (const word of composed.split(separators)) {
    if (!word) continue;
    const t = term(word, stemmed, cache);
    if (t) out.push(t);
  }
  return out.join(' ');
}

/**
 * The words people type without their accents, written with them: the last vowels with an acute
 * accent, a "c" before a, o or u as "ç". "financiacion" → "financiación", "governanca" →
 * "governança". Only for words typed without any accent; the stemmers then decide which reading
 * is a word they know.
 */
export function accentReadings(word: string): string[] {
  const lower = word.toLowerCase();
  if (fold(lower) !== lower) return [lower];
  const readings = new Set([lower]);
  const acute: Record<string, string> = { a: 'á', e: 'é', i: 'í', o: 'ó', u: 'ú' };
  let vowelsSeen = 0;
  for (let i = lower.length - 1; i >= 0 && vowelsSeen < 3; i--) {
    const accented = acute[lower[i]!];
    if (!accented) continue;
    vowelsSeen++;
    readings.add(lower.slice(0, i) + accented + lower.slice(i + 1));
  }
  for (let i = 0; i < lower.length - 1; i++) {
    if (lower[i] === 'c' && 'aou'.includes(lower[i + 1]!)) readings.add(lower.slice(0, i) + 'ç' + lower.slice(i + 1));
  }
  return [...readings];
}

/**
 * The terms a typed word may stand for in any of the four languages (and unstemmed, for content
 * in other languages): a query typed in Portuguese finds French documents.
 */
export function queryForms(word: string): string[] {
  const forms = new Set<string>([fold(word.toLowerCase().slice(0, longestWord))]);
  for (const reading of accentReadings(word)) for (const language of stemmedLanguages) forms.add(term(reading, language));
  forms.delete('');
  return [...forms];
}

/** The forms of a word in one language only (for phrases, whose words are read in one language). */
export function queryFormsIn(word: string, language: StemmedLanguage | null): string[] {
  return [...new Set(accentReadings(word).map((reading) => term(reading, language)))].filter(Boolean);
}

/**
 * Words that carry no meaning on their own in es, en, pt or fr. A query leaves them out (unless it
 * has nothing else), so "la gobernanza de internet" also finds English documents.
 */
const stopWords = new Set(
  (
    'a al als an and are as at be but by con da das de del dela des do dos du e el em en es et for from ha in is it la las le les lo los ' +
    'na nas no nos o of on or os ou para pela pelo per por que qui se sin sobre su sus the to un una une uno unos um uma y'
  ).split(' '),
);

export function isStopWord(word: string): boolean {
  return stopWords.has(fold(word));
}

/** A query as people type it: words, and "exact phrases" in double quotes. */
export interface ParsedQuery {
  /** Each must be found, in any of its forms. */
  words: string[];
  /** Each must be found with its words side by side, in order. */
  phrases: string[][];
}

/** At most this many words and phrases count: a pasted paragraph is not a question. */
const mostTerms = 8;

export function parseQuery(text: string): ParsedQuery {
  const phrases: string[][] = [];
  const rest = text.replace(/["“”«»]([^"“”«»]*)["“”«»]?/g, (_, inside: string) => {
    const phrase = words(inside).map((w) => w.text);
    if (phrase.length > 1) phrases.push(phrase.slice(0, mostTerms));
    else if (phrase.length === 1) return ` ${phrase[0]} `;
    return ' ';
  });
  const bare = words(rest).map((w) => w.text);
  const meaningful = bare.filter((w) => !isStopWord(w));
  const chosen = [...new Set((meaningful.length || phrases.length ? meaningful : bare).map((w) => w.toLowerCase()))];
  return { words: chosen.slice(0, mostTerms), phrases: phrases.slice(0, 4) };
}

export function isEmptyQuery(query: ParsedQuery): boolean {
  return query.words.length === 0 && query.phrases.length === 0;
}

const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => escapes[ch]!);
}

/** About this many words around the first match make a snippet. */
const snippetWords = 32;

/**
 * A short passage of the text around the first of its words that the query matches, escaped, with
 * the matching words in <mark>. Answers null when no word of the text matches.
 */
export function snippet(text: string, language: string, matching: ReadonlySet<string>): string | null {
  const stemmed = stemmedLanguageOf(language);
  const stems = cacheOf(stemmed);
  const plain = cacheOf(null);
  // Through the remembered terms (the folded form is the term of no language): a result's text
  // may be 2,000 words, and only the passage shown needs more than finding its first match.
  const isHit = (word: string) => matching.has(term(word, stemmed, stems)) || matching.has(term(word, null, plain));
  const normalized = text.normalize('NFC');
  // The words are read one at a time, up to the end of the passage only: the 8 before the first
  // match are kept as they pass.
  const before: Word[] = [];
  const passage: Word[] = [];
  let first = -1;
  let skipped = false;
  let more = false;
  for (const match of normalized.matchAll(wordPattern)) {
    const word = { text: match[0], start: match.index, end: match.index + match[0].length };
    if (first < 0) {
      if (isHit(word.text)) {
        first = before.length;
        passage.push(...before, word);
      } else {
        before.push(word);
        if (before.length > 8) skipped = Boolean(before.shift());
      }
    } else if (passage.length < snippetWords) {
      passage.push(word);
    } else {
      more = true;
      break;
    }
  }
  if (first < 0) return null;
  let html = skipped ? '… ' : '';
  let cursor = skipped ? passage[0]!.start : 0;
  passage.forEach((word, i) => {
    html += escapeHtml(normalized.slice(cursor, word.start));
    html += i === first || (i > first && isHit(word.text)) ? `<mark>${escapeHtml(word.text)}</mark>` : escapeHtml(word.text);
    cursor = word.end;
  });
  if (more) html += ' …';
  else html += escapeHtml(normalized.slice(cursor));
  return html;
}

/** The beginning of a text, escaped, for a result no passage of which matches (its title did). */
export function opening(text: string): string {
  const all = words(text);
  if (all.length <= snippetWords) return escapeHtml(text.normalize('NFC'));
  return `${escapeHtml(text.normalize('NFC').slice(0, all[snippetWords - 1]!.end))} …`;
}
