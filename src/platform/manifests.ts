import type { ModuleManifest, ModuleMigration } from './module.ts';
import type { IdentityProvider } from './auth/identity.ts';
import type { CliCommand } from './cli.ts';
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
