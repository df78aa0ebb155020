import { recurringHandler, type RecurringJob } from './jobs/recurring.ts';
import type { ModuleManifest, ModuleMigration } from './module.ts';
import type { IdentityProvider } from './auth/identity.ts';
import type { CliCommand } from './cli.ts';
import type { JobHandler } from './jobs/index.ts';
import type { NotificationKind } from './notifications/index.ts';
import type { LogKind } from './log/index.ts';
import type { SearchSource } from './search/index.ts';
import { platformMigrations, platformTables } from './migrations/index.ts';

/** The platform's and every module's migrations, in one set; a name used twice is a programming error. */
export function allMigrations(modules: readonly ModuleManifest[]): Record<string, ModuleMigration> {
  const all: Record<string, ModuleMigration> = { ...platformMigrations };
  for (const module of modules) {
    for (const [name, migration] of Object.entries(module.migrations ?? {})) {
      if (name in all) throw new Error(`migration ${name} of module ${module.name} is declared twice`);
      all[name] = migration;
    }
  }
  return all;
}

/** Every table holding data: the platform's and each module's. */
export function allTables(modules: readonly ModuleManifest[]): string[] {
  return [...platformTables, ...modules.flatMap((m) => m.tables ?? [])];
}

/** The one module that says who a session or a token belongs to. */
export function identityProvider(modules: readonly ModuleManifest[]): IdentityProvider {
  const providers = modules.filter((m) => m.identity);
  if (providers.length !== 1) throw new Error(`exactly one module must provide identity; found ${providers.length}`);
  return providers[0]!.identity!;
}

export function moduleCommands(modules: readonly ModuleManifest[]): CliCommand[] {
  return modules.flatMap((m) => m.cli ?? []);
}

/** Every job handler: the platform's (mail) and each module's; a kind handled twice is a programming error. */
export function jobHandlers(modules: readonly ModuleManifest[], platform: Record<string, JobHandler>): Map<string, JobHandler> {
  const handlers = new Map(Object.entries(platform));
  for (const module of modules) {
    for (const [kind, handler] of Object.entries(module.jobs ?? {})) {
      if (handlers.has(kind)) throw new Error(`jobs of kind ${kind} have two handlers`);
      const recurring = module.recurring?.find((r) => r.kind === kind);
      handlers.set(kind, recurring ? recurringHandler(recurring, handler) : handler);
    }
  }
  return handlers;
}

/** The modules' recurring jobs (each handled in its module's `jobs`). */
export function recurringJobs(modules: readonly ModuleManifest[]): RecurringJob[] {
  return modules.flatMap((m) => m.recurring ?? []);
}

/** Every kind of notification the modules send, by kind. */
export function notificationKinds(modules: readonly ModuleManifest[]): Map<string, NotificationKind> {
  return new Map(modules.flatMap((m) => m.notifications ?? []).map((kind) => [kind.kind, kind]));
}

/** Every kind of transparency-log entry the modules write; a kind declared twice is a programming error. */
export function logKinds(modules: readonly ModuleManifest[]): Map<string, LogKind> {
  const kinds = new Map<string, LogKind>();
  for (const module of modules) {
    for (const [kind, source] of Object.entries(module.logKinds ?? {})) {
      if (kinds.has(kind)) throw new Error(`log entries of kind ${kind} are declared twice`);
      kinds.set(kind, source);
    }
  }
  return kinds;
}

/** Every search source the modules declare; a kind declared twice is a programming error. */
export function searchSources(modules: readonly ModuleManifest[]): SearchSource[] {
  const sources = modules.flatMap((m) => m.search ?? []);
  const kinds = new Set<string>();
  for (const source of sources) {
    if (kinds.has(source.kind)) throw new Error(`search documents of kind ${source.kind} have two sources`);
    kinds.add(source.kind);
  }
  return sources;
}
