import { isRouteWord } from '../../../platform/http/paths.ts';
import type { Db } from '../../../platform/db/index.ts';
import { newId, timestamp } from '../../../platform/db/index.ts';
import { registryDb } from '../tables.ts';
import { audit } from '../../../platform/audit.ts';
import { indexRecords } from '../../../platform/search/index.ts';
import { initiativeSearch } from '../search.ts';
import { baseSlug, searchName } from './saveInitiative.ts';
import { isCountryCode } from '../../../platform/geo/iso3166.ts';
import { initiativeTypes, regions } from '../vocabulary.ts';
import { isLanguageTag } from '../schema.ts';
import { parseCsvTable } from '../../../platform/csv.ts';
import { logOutcome } from '../outcomes.ts';

/** The regions as nris.csv writes them. */
const regionNames: Record<string, (typeof regions)[number]> = {
  'Africa': 'africa',
  'Asia-Pacific': 'asia_pacific',
  'Eastern Europe': 'eastern_europe',
  'Latin America and Caribbean': 'latin_america_caribbean',
  'Western Europe and Others': 'western_europe_others',
};

export interface ImportReport {
  imported: number;
  skipped: number;
  errors: string[];
}

const columns = ['name', 'acronym', 'type', 'countries', 'region', 'year_established', 'website', 'languages', 'source_url'] as const;

interface Row {
  name: string; acronym: string; type: string; countries: string; region: string; year_established: string;
  website: string; languages: string; source_url: string;
}

function checkRow(row: Row, line: number): string | null {
  if (!row.name?.trim() || row.name.length > 200) return `line ${line}: name must have 1 to 200 characters`;
  if (row.acronym.length > 30) return `line ${line}: acronym is longer than 30 characters`;
  if (/[\u0000-\u001F\u007F]/.test(Object.values(row).join(''))) return `line ${line}: control characters are not allowed`;
  const badLanguages = row.languages.split('|').filter((l) => l && !isLanguageTag(l));
  if (badLanguages.length) return `line ${line}: unknown language tag ${badLanguages.join(', ')}`;
  if (!(initiativeTypes as readonly string[]).includes(row.type)) return `line ${line}: type "${row.type}" is not one of ${initiativeTypes.join(', ')}`;
  if (row.region && !regionNames[row.region]) return `line ${line}: region "${row.region}" is unknown`;
  const bad = row.countries.split('|').filter((c) => c && !isCountryCode(c));
  if (bad.length) return `line ${line}: unknown country code ${bad.join(', ')}`;
  if (row.year_established && !/^\d{4}$/.test(row.year_established)) return `line ${line}: year "${row.year_established}" is not a year`;
  if (row.website && !/^https?:\/\/[^\s]+$/i.test(row.website)) return `line ${line}: website "${row.website}" is not an http(s) address`;
  return null;
}

/**
 * Imports listed initiatives from a CSV with the columns of the demo seed (`seeds/nris.csv` in this module). Rows whose
 * slug exists are skipped, so an import can be repeated. Demo rows are marked as such on their pages.
 * A file with any bad row imports nothing.
 */
export async function importInitiatives(db: Db, csv: string, options: { demo: boolean; now: Date; source: string }): Promise<ImportReport> {
  const table = parseCsvTable(csv, options.source, columns);
  const rows = table.records.map((record) => Object.fromEntries(columns.map((name) => [name, record.fields[table.column(name)]!])) as unknown as Row);
  const errors = rows.map((row, i) => checkRow(row, table.records[i]!.line)).filter((e): e is string => e !== null);
  if (errors.length) return { imported: 0, skipped: 0, errors };
  return registryDb(db).transaction().execute(async (tx) => {
    let imported = 0;
    let skipped = 0;
    const added: string[] = [];
    const now = timestamp(options.now);
    for (const row of rows) {
      const base = baseSlug(row);
      // The site's own address words are not a record's to take (see freeSlug).
      const slug = isRouteWord(base) ? `${base}-2` : base;
      if (await tx.selectFrom('initiatives').select('id').where('slug', '=', slug).executeTakeFirst()) {
        skipped++;
        continue;
      }
      const id = newId();
      await tx
        .insertInto('initiatives')
        .values({
          id, slug, name: row.name.trim(), acronym: row.acronym?.trim() || null, type: row.type, region: regionNames[row.region] ?? null,
          year_established: row.year_established ? Number(row.year_established) : null, website: row.website || null,
          contact_email: '', original_locale: 'en', status: 'listed', principles_accepted_at: null, is_demo: options.demo ? 1 : 0,
          search_name: searchName(row), created_by: null, created_at: now, updated_at: now,
        })
        .execute();
      const countries = [...new Set(row.countries.split('|').filter(Boolean))];
      const languages = [...new Set(row.languages.split('|').filter(Boolean))];
      if (countries.length) await tx.insertInto('initiative_countries').values(countries.map((country) => ({ initiative_id: id, country }))).execute();
      if (languages.length) await tx.insertInto('initiative_languages').values(languages.map((language) => ({ initiative_id: id, language }))).execute();
      await tx.insertInto('initiative_descriptions').values({ initiative_id: id, locale: 'en', body: `Source: ${row.source_url}` }).execute();
      await audit(tx, { user: null }, options.now, {
        action: 'initiative.imported', subjectType: 'initiative', subjectId: id, isPublic: true, details: { source: row.source_url, demo: options.demo },
      });
      // Listed without a request: the import is the outcome the log records (demo data too, so a fresh start shows a log).
      await logOutcome(tx, { initiativeId: id, outcome: 'imported', note: row.source_url || null, actorId: null, now: options.now });
      imported++;
      added.push(id);
    }
    await indexRecords(tx, initiativeSearch, added);
    return { imported, skipped, errors: [] };
  });
}
