import type { Db } from '../../platform/db/index.ts';
import { foldForSearch } from '../../platform/text.ts';
import { refuse } from '../../platform/http/result.ts';
import { registryDb } from './tables.ts';

/**
 * "Internet Governance Forum" in the registry's four languages, and the acronyms initiatives use
 * for it (IGF, FGI, FIG); each becomes one word, so "Foro de Gobernanza de Internet de Uruguay"
 * and "IGF Uruguay" read alike.
 */
const forumNames = [
  /\binternet governance forum\b/g,
  /\bforo (?:de|sobre|para) (?:la )?gobernanza (?:de|del) (?:la )?internet\b/g,
  /\bforum (?:de|da|sobre|para) governanca (?:da|de) internet\b/g,
  /\bforum (?:sur|de) la gouvernance (?:de l|d)\s?internet\b/g,
  /\b(?:igf|fgi|fig)\b/g,
];
const filler = new Set(['de', 'del', 'da', 'do', 'dos', 'das', 'la', 'las', 'el', 'los', 'le', 'les', 'l', 'd', 'the', 'of', 'and', 'y', 'e', 'et', 'sur', 'en', 'in', 'on', 'para', 'pour', 'for']);

/** The words of a name that tell initiatives apart: folded, the forum named one way, filler left out. */
export function nameWords(name: string): Set<string> {
  let text = foldForSearch(name).replace(/[’'`]/g, ' ').replace(/[^\p{L}\p{N}]+/gu, ' ');
  for (const pattern of forumNames) text = text.replace(pattern, ' igf ');
  return new Set(text.split(/\s+/).filter((w) => w && !filler.has(w)));
}

/** Names alike enough to be the same initiative: most words shared (Jaccard ≥ 0.6), or one's words all in the other's. */
export function similarNames(a: string, b: string): boolean {
  const x = nameWords(a);
  const y = nameWords(b);
  if (x.size === 0 || y.size === 0) return false;
  const shared = [...x].filter((w) => y.has(w)).length;
  const smaller = Math.min(x.size, y.size);
  return shared / (x.size + y.size - shared) >= 0.6 || (smaller >= 2 && shared === smaller);
}

/** Initiatives of the same type sharing a country whose name (or acronym) is like the new one's. */
export async function likelyDuplicates(db: Db, candidate: { name: string; acronym?: string | null; type: string; countries: readonly string[] }) {
  if (candidate.countries.length === 0) return [];
  const registry = registryDb(db);
  const rows = await registry
    .selectFrom('initiatives')
    .select(['id', 'slug', 'name', 'acronym', 'is_demo'])
    .where('type', '=', candidate.type)
    .where('status', '!=', 'delisted')
    .where('id', 'in', registry.selectFrom('initiative_countries').select('initiative_id').where('country', 'in', [...candidate.countries]))
    .orderBy('name')
    .limit(200)
    .execute();
  const mine = [candidate.name, candidate.acronym ? `${candidate.acronym} ${candidate.name}` : null].filter((n): n is string => n !== null);
  return rows.filter((row) => {
    const theirs = [row.name, row.acronym ? `${row.acronym} ${row.name}` : null].filter((n): n is string => n !== null);
    return mine.some((m) => theirs.some((t) => similarNames(m, t)));
  });
}

/**
 * A likely second entry for an initiative already here is said before it exists, by the form and
 * the API alike: a 409 naming the similar ones (in a problem document, each with its address and
 * whether it is a demo entry its coordinator can claim). Answers null when there are none.
 */
export async function duplicatesRefusal(db: Db, candidate: Parameters<typeof likelyDuplicates>[1], baseUrl: string) {
  const similar = await likelyDuplicates(db, candidate);
  if (similar.length === 0) return null;
  return refuse('initiatives.errors.likely_duplicate', {
    field: 'name', status: 409, values: { names: similar.map((i) => i.name).join(', ') },
    extensions: {
      duplicates: similar.map((i) => ({ slug: i.slug, name: i.name, acronym: i.acronym, demo: i.is_demo === 1, url: `${baseUrl}/initiatives/${i.slug}` })),
    },
  });
}
