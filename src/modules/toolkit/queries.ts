import type { Db } from '../../platform/db/index.ts';
import { publicPeople } from '../accounts/index.ts';
import { committeesOf, listInitiatives } from '../initiatives/index.ts';
import { automaticChecks, type CheckEnv, type CheckedInitiative } from './checks.ts';
import { steps, type CheckName } from './steps.ts';
import { toolkitDb } from './tables.ts';

/** done automatically (a check passes), ticked with evidence, or open. */
export type StepState = 'automatic' | 'ticked' | 'open';

export interface Tick {
  note: string | null;
  link: string | null;
  ticked_at: string;
  /** Who ticked it, by name (no account id); null once their account is gone. */
  ticked_by: string | null;
}

export interface StepStatus {
  key: string;
  check: CheckName | null;
  items: readonly string[];
  state: StepState;
  tick: Tick | null;
}

export interface Progress {
  steps: StepStatus[];
  done: number;
  total: number;
  /** The first step in order that is still open; null when every step is done. */
  next: string | null;
}

/**
 * The progress of many initiatives at once: each named check reads once for all of them, and the
 * ticks in one query, so the secretariat's overview costs the same few queries for 10 or 500.
 */
export async function progressOfMany(db: Db, initiatives: readonly CheckedInitiative[], env: CheckEnv): Promise<Map<string, Progress>> {
  const ids = initiatives.map((i) => i.id);
  const used = [...new Set(steps.map((s) => s.check).filter((c): c is CheckName => c !== null))];
  const [passed, ticks] = await Promise.all([
    Promise.all(used.map(async (name) => [name, await automaticChecks[name](db, initiatives, env)] as const)).then((pairs) => new Map(pairs)),
    ids.length ? toolkitDb(db).selectFrom('toolkit_ticks').selectAll().where('initiative_id', 'in', ids).execute() : Promise.resolve([]),
  ]);
  const people = await publicPeople(db, ticks.map((t) => t.ticked_by).filter((id): id is string => id !== null));
  const tickOf = new Map(ticks.map((t) => [`${t.initiative_id} ${t.step}`, t]));
  return new Map(initiatives.map((initiative) => {
    const statuses = steps.map((step): StepStatus => {
      if (step.check) return { ...step, state: passed.get(step.check)!.has(initiative.id) ? 'automatic' : 'open', tick: null };
      const row = tickOf.get(`${initiative.id} ${step.key}`);
      const tick = row ? { note: row.note, link: row.link, ticked_at: row.ticked_at, ticked_by: row.ticked_by ? (people.get(row.ticked_by)?.name ?? null) : null } : null;
      return { ...step, state: tick ? 'ticked' : 'open', tick };
    });
    const done = statuses.filter((s) => s.state !== 'open').length;
    return [initiative.id, { steps: statuses, done, total: statuses.length, next: statuses.find((s) => s.state === 'open')?.key ?? null }];
  }));
}

export async function progressOf(db: Db, initiative: CheckedInitiative, env: CheckEnv): Promise<Progress> {
  return (await progressOfMany(db, [initiative], env)).get(initiative.id)!;
}

/** The secretariat's overview reads up to this many initiatives (the registry holds a few hundred). */
const overviewLimit = 5_000;

export interface StepOverview {
  key: string;
  automatic: boolean;
  completed: number;
  /** The initiatives whose next step this is, by name. */
  stuck: Array<{ slug: string; name: string; done: number }>;
}

/**
 * Where initiatives get stuck: per step, how many have done it and which have it as their next
 * step. Every initiative in the registry but delisted ones, and demo entries on which nothing is
 * done (placeholders of the real initiatives, which would all sit on the first step).
 */
export async function whereStuck(db: Db, env: CheckEnv): Promise<{ initiatives: number; finished: number; steps: StepOverview[] }> {
  const { items } = await listInitiatives(db, { status: 'any', sort: 'name' }, { limit: overviewLimit, offset: 0 });
  const listed = items.filter((i) => i.status !== 'delisted');
  const committees = await committeesOf(db, listed.map((i) => i.id));
  const progress = await progressOfMany(db, listed.map((i) => ({ ...i, committee: committees.get(i.id) ?? [] })), env);
  const active = listed.filter((i) => i.is_demo === 0 || progress.get(i.id)!.done > 0);
  const overview = steps.map((step): StepOverview => ({ key: step.key, automatic: step.check !== null, completed: 0, stuck: [] }));
  let finished = 0;
  for (const initiative of active) {
    const p = progress.get(initiative.id)!;
    if (p.next === null) finished++;
    p.steps.forEach((s, i) => { if (s.state !== 'open') overview[i]!.completed++; });
    const at = overview.find((o) => o.key === p.next);
    at?.stuck.push({ slug: initiative.slug, name: initiative.name, done: p.done });
  }
  return { initiatives: active.length, finished, steps: overview };
}
