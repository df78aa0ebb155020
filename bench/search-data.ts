/**
 * The documents and queries of `npm run bench:search` (bench/search.ts), the same on every run:
 * documents spread over es, en, pt and fr, 50 to 2,000 words each (log-uniform), words drawn from a
 * Zipf distribution over each language's vocabulary (real words of the field among made-up ones
 * with the languages' endings); queries of 1 to 4 words, a quarter without accents, some phrases.
 */
import type { SearchDocument } from '../src/platform/search/index.ts';
import { fold } from '../src/platform/search/text.ts';
import { seededRandom } from '../src/platform/random.ts';


export const languages = ['es', 'en', 'pt', 'fr'] as const;
type Language = (typeof languages)[number];

const realWords: Record<Language, string> = {
  es: 'gobernanza internet financiación financiamientos foro nacional regional jóvenes participación múltiples partes interesadas sociedad civil gobierno sector privado comunidad técnica académica conectividad acceso inclusión digital derechos humanos privacidad seguridad ciberseguridad datos infraestructura políticas públicas consulta informe relatoría sesión evento mesa diálogo consenso propuesta acciones seguimiento brecha rural mujeres género educación alfabetización desinformación libertad expresión neutralidad red comercio electrónico inteligencia artificial plataformas regulación cooperación desarrollo sostenible',
  en: 'governance internet financing funding forum national regional youth participation multistakeholder civil society government private sector technical community academic connectivity access inclusion digital human rights privacy security cybersecurity data infrastructure public policy consultation report session event dialogue consensus proposal actions follow-up divide rural women gender education literacy disinformation freedom expression neutrality network commerce artificial intelligence platforms regulation cooperation sustainable development',
  pt: 'governança internet financiamento fórum nacional regional jovens participação multissetorial sociedade civil governo setor privado comunidade técnica acadêmica conectividade acesso inclusão digital direitos humanos privacidade segurança cibersegurança dados infraestrutura políticas públicas consulta relatório sessão evento diálogo consenso proposta ações acompanhamento exclusão rural mulheres gênero educação letramento desinformação liberdade expressão neutralidade rede comércio eletrônico inteligência artificial plataformas regulação cooperação desenvolvimento sustentável',
  fr: 'gouvernance internet financement forum national régional jeunes participation multipartite société civile gouvernement secteur privé communauté technique universitaire connectivité accès inclusion numérique droits humains vie privée sécurité cybersécurité données infrastructure politiques publiques consultation rapport session événement dialogue consensus proposition actions suivi fracture rurale femmes genre éducation littératie désinformation liberté expression neutralité réseau commerce électronique intelligence artificielle plateformes régulation coopération développement durable',
};
const stopWords: Record<Language, string[]> = {
  es: ['de', 'la', 'el', 'en', 'y', 'los', 'las', 'del', 'para', 'con', 'por', 'una', 'un', 'que', 'se', 'sobre'],
  en: ['the', 'of', 'and', 'to', 'in', 'a', 'for', 'on', 'with', 'is', 'that', 'by', 'as', 'are', 'from', 'about'],
  pt: ['de', 'a', 'o', 'e', 'do', 'da', 'em', 'para', 'com', 'os', 'as', 'um', 'uma', 'que', 'na', 'no'],
  fr: ['de', 'la', 'le', 'les', 'et', 'des', 'en', 'du', 'pour', 'un', 'une', 'que', 'dans', 'sur', 'par', 'au'],
};
const endings: Record<Language, string[]> = {
  es: ['ción', 'ciones', 'miento', 'mientos', 'idad', 'ador', 'ante', 'ismo', 'ar', 'ado', 'ada', 'es', 'os', 'as'],
  en: ['tion', 'tions', 'ment', 'ness', 'ing', 'ed', 'er', 'ity', 'al', 'ly', 's', 'ive'],
  pt: ['ção', 'ções', 'mento', 'idade', 'ador', 'ância', 'ismo', 'ar', 'ado', 'ada', 'os', 'as', 'ões'],
  fr: ['tion', 'tions', 'ment', 'ité', 'eur', 'ance', 'isme', 'er', 'é', 'ée', 'es', 'ique', 'aux'],
};

/** Each language's vocabulary, most frequent first: stop words, the field's words, then made-up ones. */
function vocabulary(language: Language, size: number): string[] {
  const next = seededRandom(languages.indexOf(language) + 1);
  const syllables = ['ba', 'ce', 'di', 'fo', 'gu', 'la', 'me', 'ni', 'po', 'ra', 'se', 'ti', 'vo', 'cu', 'pre', 'tra', 'con', 'des', 'in', 're'];
  const words = new Set([...stopWords[language], ...realWords[language].split(' ')]);
  while (words.size < size) {
    let stem = '';
    for (let i = 1 + Math.floor(next() * 3); i > 0; i--) stem += syllables[Math.floor(next() * syllables.length)];
    words.add(stem + endings[language][Math.floor(next() * endings[language].length)]);
  }
  return [...words];
}

const cumulativeTables = new Map<number, { cumulative: Float64Array; sum: number }>();

/** Draws ranks from a Zipf distribution (s = 1) over n words, through its cumulative table (made once per n). */
function zipf(n: number, next: () => number): () => number {
  let table = cumulativeTables.get(n);
  if (!table) {
    const cumulative = new Float64Array(n);
    let sum = 0;
    for (let i = 0; i < n; i++) cumulative[i] = sum += 1 / (i + 1);
    cumulativeTables.set(n, (table = { cumulative, sum }));
  }
  const { cumulative, sum } = table;
  return () => {
    const target = next() * sum;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < target) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

const vocabularies = Object.fromEntries(languages.map((l) => [l, vocabulary(l, 30_000)])) as Record<Language, string[]>;

function sentenceCase(words: string[]): string {
  const text = words.join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Document n, the same on every run. */
export function generate(n: number): SearchDocument {
  const next = seededRandom(1000 + n);
  const language = languages[n % 4]!;
  const words = vocabularies[language];
  const pick = zipf(words.length, next);
  const length = Math.round(50 * Math.pow(40, next()));
  const body: string[] = [];
  for (let i = 0; i < length; i++) body.push(words[pick()]!);
  const title = Array.from({ length: 3 + Math.floor(next() * 6) }, () => words[pick()]!);
  const year = 2006 + Math.floor(next() * 20);
  return {
    recordId: String(n), language, title: sentenceCase(title), url: `/documents/${n}`, visibility: next() < 0.95 ? 'public' : 'restricted',
    updatedAt: new Date(Date.UTC(year, Math.floor(next() * 12), 1)).toISOString(), fields: { title: sentenceCase(title), body: sentenceCase(body) },
    facets: { countries: [['AR', 'BR', 'CO', 'FR', 'SN', 'US', 'MX', 'PT'][Math.floor(next() * 8)]!], year },
  };
}

/** The queries, the same on every run: 1 to 4 words of one language, a quarter without accents, one in ten a phrase. */
export function queries(queryCount: number): string[] {
  const next = seededRandom(7);
  const list: string[] = [];
  for (let i = 0; i < queryCount; i++) {
    const language = languages[i % 4]!;
    const words = vocabularies[language];
    // Stop words are left out of the draw (queries drop them); the rest follow their frequency.
    const pick = zipf(words.length - stopWords[language].length, next);
    const chosen = Array.from({ length: 1 + Math.floor(next() * 4) }, () => words[stopWords[language].length + pick()]!);
    let query = chosen.join(' ');
    if (next() < 0.25) query = fold(query);
    if (chosen.length > 1 && next() < 0.1) query = `"${query}"`;
    list.push(query);
  }
  return list;
}
