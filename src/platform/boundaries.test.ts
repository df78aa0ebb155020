import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { modules } from '../modules/index.ts';
import { platformTables } from './migrations/index.ts';

/**
 * The layering rules of docs/architecture.md, checked on the source: the platform knows no
 * module; a module reaches another only through its index.ts, and names only its own tables.
 * (Tests are exempt: they assemble the layers.)
 */
const src = fileURLToPath(new URL('../', import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

/** Every file a source file imports (statically or dynamically), as absolute paths. */
function importsOf(file: string): string[] {
  const code = readFileSync(file, 'utf8');
  const specifiers = [...code.matchAll(/(?:\bfrom\s+|\bimport\s*\(\s*|\bimport\s+)'(\.{1,2}\/[^']+)'/g)].map((m) => m[1]!);
  return specifiers.map((s) => resolve(dirname(file), s));
}

const moduleOf = (path: string): string | null => {
  const inside = relative(join(src, 'modules'), path);
  return inside.startsWith('..') || !inside.includes('/') ? null : inside.split('/')[0]!;
};
const isPlatform = (path: string) => !relative(join(src, 'platform'), path).startsWith('..');

test('the platform imports nothing from the modules', () => {
  const breaches = sourceFiles(join(src, 'platform')).flatMap((file) =>
    importsOf(file).filter((target) => moduleOf(target) !== null).map((target) => `${relative(src, file)} → ${relative(src, target)}`));
  assert.deepEqual(breaches, []);
});

test("a module reaches another module only through that module's index.ts", () => {
  // src/modules/index.ts, the list of manifests, is the composition root and may name every module.
  const breaches = sourceFiles(join(src, 'modules')).filter((file) => moduleOf(file) !== null).flatMap((file) => {
    const own = moduleOf(file);
    return importsOf(file)
      .filter((target) => {
        const other = moduleOf(target);
        return other !== null && other !== own && relative(join(src, 'modules', other), target) !== 'index.ts';
      })
      .map((target) => `${relative(src, file)} → ${relative(src, target)}`);
  });
  assert.deepEqual(breaches, []);
});

test('code names only the tables its own module (or the platform) owns', () => {
  const owner = new Map<string, string>(platformTables.map((table) => [table, 'platform']));
  for (const module of modules) for (const table of module.tables ?? []) owner.set(table, module.name);
  const breaches: string[] = [];
  for (const file of sourceFiles(src)) {
    const own = moduleOf(file) ?? (isPlatform(file) ? 'platform' : null);
    if (!own) continue;
    const code = readFileSync(file, 'utf8');
    for (const match of code.matchAll(/\b(?:selectFrom|insertInto|updateTable|deleteFrom|innerJoin|leftJoin|rightJoin|fullJoin|createTable|alterTable|dropTable)\(\s*'(\w+)/g)) {
      const table = match[1]!;
      const tableOwner = owner.get(table);
      if (tableOwner && tableOwner !== own) breaches.push(`${relative(src, file)} uses ${table} (owned by ${tableOwner})`);
    }
  }
  assert.deepEqual(breaches, []);
});
