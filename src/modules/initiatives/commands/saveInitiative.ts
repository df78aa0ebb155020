import type { Kysely } from 'kysely';
import type { CommandContext, SignedIn } from '../../../platform/http/env.ts';
import { newId, serializeOn, timestamp } from '../../../platform/db/index.ts';
import { audit } from '../../../platform/audit.ts';
import { indexRecords } from '../../../platform/search/index.ts';
import { initiativeSearch } from '../search.ts';
import { ok, type Result } from '../../../platform/http/result.ts';
import { foldForSearch, slugify } from '../../../platform/text.ts';
import { isRouteWord } from '../../../platform/http/paths.ts';
import type { InitiativeInput } from '../schema.ts';
import { registryDb, type RegistryTables } from '../tables.ts';

/** What the directory's name search matches: the name and acronym, folded. */
export function searchName(input: { name: string; acronym?: string | null }): string {
  return foldForSearch([input.name, input.acronym ?? ''].join(' ').trim());
}

/** The slug an initiative's name suggests: "mcgi-mesa-colombiana-…" when the acronym says something. */
export function baseSlug(input: { name: string; acronym?: string | null }): string {
  return slugify(input.acronym && input.acronym.length >= 3 ? `${input.acronym} ${input.name}` : input.name);
}

/**
 * A slug not yet taken: the name's, then with -2, -3 … Creations wait for each other here, so
 * ten people registering the same name at once get ten slugs, not one and nine conflicts. A word
 * of the site's own addresses ("new") counts as taken.
 */
async function freeSlug(tx: Kysely<RegistryTables>, base: string): Promise<string> {
  await serializeOn(tx, 'initiatives.slug');
  const taken = new Set((await tx.selectFrom('initiatives').select('slug').where('slug', 'like', `${base}%`).execute()).map((r) => r.slug));
  if (!taken.has(base) && !isRouteWord(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

/** Replaces an initiative's countries, languages and texts with the given ones. */
async function writeDetails(tx: Kysely<RegistryTables>, id: string, input: InitiativeInput): Promise<void> {
  await tx.deleteFrom('initiative_countries').where('initiative_id', '=', id).execute();
  await tx.deleteFrom('initiative_languages').where('initiative_id', '=', id).execute();
  await tx.deleteFrom('initiative_descriptions').where('initiative_id', '=', id).execute();
  const countries = [...new Set(input.countries)];
  const languages = [...new Set(input.languages)];
  if (countries.length) await tx.insertInto('initiative_countries').values(countries.map((country) => ({ initiative_id: id, country }))).execute();
  if (languages.length) await tx.insertInto('initiative_languages').values(languages.map((language) => ({ initiative_id: id, language }))).execute();
  const texts = [{ locale: input.description_locale, body: input.description }];
  for (const [locale, body] of Object.entries(input.translations ?? {})) {
    if (body && locale !== input.description_locale) texts.push({ locale: locale as typeof input.description_locale, body });
  }
  await tx.insertInto('initiative_descriptions').values(texts.map((t) => ({ initiative_id: id, ...t }))).execute();
}

/** Registers an initiative; its creator becomes the coordinator, sitting for their own stakeholder group. */
export async function createInitiative(ctx: CommandContext<SignedIn>, input: InitiativeInput): Promise<Result<{ id: string; slug: string }>> {
  const user = ctx.actor.user;
  return registryDb(ctx.db).transaction().execute(async (tx) => {
    const id = newId();
    const now = timestamp(ctx.now);
    const slug = await freeSlug(tx, baseSlug(input));
    await tx
      .insertInto('initiatives')
      .values({
        id, slug, name: input.name, acronym: input.acronym ?? null, type: input.type, region: input.region ?? null,
        year_established: input.year_established ?? null, website: input.website ?? null, contact_email: input.contact_email,
        original_locale: input.description_locale, status: 'draft', principles_accepted_at: null, is_demo: 0,
        search_name: searchName(input), created_by: user.id, created_at: now, updated_at: now,
      })
      .execute();
    await writeDetails(tx, id, input);
    await tx
      .insertInto('committee_members')
      .values({ id: newId(), initiative_id: id, user_id: user.id, role: 'coordinator', stakeholder_group: user.stakeholder_group, joined_at: now })
      .execute();
    await audit(tx, ctx.actor, ctx.now, { action: 'initiative.created', subjectType: 'initiative', subjectId: id, isPublic: true, details: { name: input.name } });
    await indexRecords(tx, initiativeSearch, [id]);
    return ok({ id, slug });
  });
}

/** Saves edits; the slug stays, so links keep working. */
export async function updateInitiative(ctx: CommandContext<SignedIn>, initiativeId: string, input: InitiativeInput): Promise<Result<void>> {
  await registryDb(ctx.db).transaction().execute(async (tx) => {
    await tx
      .updateTable('initiatives')
      .set({
        name: input.name, acronym: input.acronym ?? null, type: input.type, region: input.region ?? null,
        year_established: input.year_established ?? null, website: input.website ?? null, contact_email: input.contact_email,
        original_locale: input.description_locale, search_name: searchName(input), updated_at: timestamp(ctx.now),
      })
      .where('id', '=', initiativeId)
      .execute();
    await writeDetails(tx, initiativeId, input);
    await audit(tx, ctx.actor, ctx.now, { action: 'initiative.updated', subjectType: 'initiative', subjectId: initiativeId, isPublic: true });
    await indexRecords(tx, initiativeSearch, [initiativeId]);
  });
  return ok();
}
