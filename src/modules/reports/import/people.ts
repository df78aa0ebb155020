/**
 * A person as rapporteurs write one: "Raquel Gatto: Internet Society, Capitulo Brasil",
 * "Manuel Haces – NIC.MX …", "Rodney Taylor, ISOC-BB/ …", "Lía Patricia Hernández Pérez- IPANDETEC",
 * "Ana Pérez (ISOC Brasil)". The name runs to the first separator; the rest, as written, is
 * the organisation (with position and country when given: we do not guess which part is which).
 */
import { foldForSearch } from '../../../platform/text.ts';
import { honorific, nameParticles } from './vocabulary.ts';

export interface Person {
  name: string;
  organisation?: string;
}

/**
 * The first separator after a name: a dash with a space on at least one side (a hyphen inside
 * "ISOC-BB" or "Jean-Pierre" is not one), an en or em dash, a colon, a comma, a spaced slash or
 * bar, or an opening bracket.
 */
const separator = /\s*[–—]\s*|\s+-\s*|-\s+|\s*[:：]\s*|\s*,\s*|\s+\/\s+|\s*\|\s*|\s*\(/;

/** Markdown a rapporteur may put around a name: emphasis and links. */
function plain(text: string): string {
  return text
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\*\*|__/g, '')
    .replace(/^[*_]+|[*_]+$/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** An email address, bare or in angle brackets: personal data a public report's list of people does not carry. */
const email = /<?[\w.+-]+@[\w-]+(?:\.[\w-]+)+>?/g;

/** Splits one entry into name and organisation; null when what comes first does not read as a name. */
export function parsePerson(entry: string): Person | null {
  const text = plain(
    entry
      .replace(email, '')
      .replace(/\(\s*\)|\[\s*\]/g, '')
      // A tab between name and organisation: how a table pasted from a word processor arrives.
      .replace(/\s*\t\s*/g, ' – '),
  );
  const match = separator.exec(text);
  let name = (match ? text.slice(0, match.index) : text).trim();
  let organisation = '';
  if (match) {
    const rest = text.slice(match.index + match[0].length);
    if (match[0].trim() === '(') {
      const close = rest.indexOf(')');
      const inside = close === -1 ? rest : rest.slice(0, close);
      const after = close === -1 ? '' : rest.slice(close + 1).replace(/^[\s,:;–—-]+/, '');
      organisation = [inside.trim(), after.trim()].filter(Boolean).join(', ');
    } else {
      organisation = rest;
    }
  }
  name = name.replace(honorific, '').trim();
  organisation = organisation.replace(/^[\s,:;–—-]+|[\s,;.]+$/g, '').trim();
  if (!looksLikeName(name)) return null;
  return organisation ? { name, organisation } : { name };
}

/**
 * Whether text reads as a person's name: one to seven words, each capitalised, an initial
 * ("J."), or a particle ("de", "dos", "van"), at least one capitalised; no digits, no address.
 * "Durante esta sesión" and "El representante de México" do not.
 */
export function looksLikeName(text: string): boolean {
  if (text.length < 2 || text.length > 80 || /[\d@]|https?:|www\./i.test(text)) return false;
  const words = text.split(/\s+/);
  if (words.length > 7) return false;
  let capitalised = 0;
  for (const word of words) {
    const bare = word.replace(/^[("'“«]+|[)"'”».,;]+$/g, '');
    if (/^\p{Lu}/u.test(bare)) capitalised++;
    else if (!nameParticles.has(bare.toLowerCase()) && !/^\p{Ll}'\p{Lu}/u.test(bare)) return false;
  }
  return capitalised > 0;
}

/** Words that make a capitalised phrase an organisation rather than a person ("Internet Society", "Instituto Federal …"). */
const organisationWords = new Set(
  [
    'internet', 'society', 'sociedad', 'sociedade', 'société', 'instituto', 'institute', 'institut', 'universidad', 'university', 'universidade',
    'université', 'ministerio', 'ministry', 'ministério', 'ministère', 'fundación', 'foundation', 'fundação', 'fondation', 'asociación',
    'association', 'associação', 'red', 'network', 'rede', 'réseau', 'igf', 'gobierno', 'government', 'governo', 'gouvernement', 'capítulo',
    'chapter', 'comité', 'committee', 'comitê', 'consejo', 'council', 'conselho', 'conseil', 'agencia', 'agency', 'agência', 'agence',
    'centro', 'center', 'centre', 'grupo', 'group', 'groupe', 'secretaría', 'secretariat', 'secretaria', 'secrétariat', 'oficina', 'office',
    'cámara', 'chamber', 'câmara', 'foro', 'forum', 'fórum', 'iniciativa', 'initiative', 'mag', 'isoc', 'unesco', 'onu', 'un', 'itu', 'uit',
  ].map(foldForSearch),
);

/** Two or more capitals in a row: an acronym (ISOC, NIC.MX, APC), which names an organisation. */
const acronym = /\p{Lu}{2,}/u;

function looksLikeOrganisation(text: string): boolean {
  return acronym.test(text) || text.split(/\s+/).some((w) => organisationWords.has(foldForSearch(w.replace(/[^\p{L}]/gu, ''))));
}

/**
 * One label's value may name several people: "Ana Pérez (ISOC); Luis Gómez (LACNIC)", "Ana Pérez
 * y Luis Gómez", and after a plural label also "Ana Pérez, Luis Gómez, Marta Díaz". A split is
 * kept only when every part is a name of at least two words that does not read as an
 * organisation, so "Ana Pérez, Internet Society" stays one person with her organisation.
 */
export function splitPeople(value: string, plural: boolean): string[] {
  const bySemicolon = value.includes(';');
  const pattern = bySemicolon ? /\s*;\s*/g : plural ? /\s*,\s*(?:(?:y|e|and|et)\s+)?|\s+(?:y|e|and|et|&)\s+/g : /\s+(?:y|e|and|et|&)\s+/g;
  const parts = splitOutsideBrackets(value, pattern);
  if (parts.length < 2) return [value.trim()];
  // A semicolon is written only between people.
  if (bySemicolon) return parts;
  const names = parts.map((part) => {
    const open = part.indexOf('(');
    return plain(open === -1 ? part : part.slice(0, open)).replace(honorific, '');
  });
  const allPeople = names.every((name) => name.split(/\s+/).length >= 2 && looksLikeName(name) && !looksLikeOrganisation(name));
  return allPeople ? parts : [value.trim()];
}

/** Splits at the pattern, except inside brackets: "Ana Pérez (Ciencia y Tecnología) y Luis Gómez" is two parts. */
function splitOutsideBrackets(value: string, pattern: RegExp): string[] {
  let depth = 0;
  // The same text with every character inside brackets masked, so the pattern cannot match there.
  const masked = value.split('').map((c) => {
    if (c === '(') depth++;
    const out = depth > 0 ? '\u0000' : c;
    if (c === ')' && depth > 0) depth--;
    return out;
  }).join('');
  const parts: string[] = [];
  let start = 0;
  for (const match of masked.matchAll(pattern)) {
    parts.push(value.slice(start, match.index));
    start = match.index + match[0].length;
  }
  parts.push(value.slice(start));
  return parts.map((s) => s.trim()).filter(Boolean);
}
