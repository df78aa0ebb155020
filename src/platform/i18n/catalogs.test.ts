import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { IntlMessageFormat } from 'intl-messageformat';
import { locales, negotiateLocale } from './index.ts';
import { modules } from '../../modules/index.ts';

const src = fileURLToPath(new URL('../../', import.meta.url));

function flatten(tree: Record<string, unknown>, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === 'string') out.set(prefix + key, value);
    else for (const [k, v] of flatten(value as Record<string, unknown>, `${prefix}${key}.`)) out.set(k, v);
  }
  return out;
}

function walk(dir: string, found: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path, found);
    else found.push(path);
  }
  return found;
}

const files = walk(src);
/** The catalogs the app loads: the platform's (`common`) and each module's, as its manifest declares. */
const declared: Array<[string, string]> = [
  ['common', fileURLToPath(new URL('./', import.meta.url))],
  ...modules.flatMap((m): Array<[string, string]> => (m.catalogs ? [[m.name, fileURLToPath(m.catalogs)]] : [])),
];

/** namespace.key → message, per locale */
const catalogs = new Map(locales.map((l) => [l, new Map<string, string>()]));
for (const [namespace, dir] of declared) {
  for (const locale of locales) {
    const messages = flatten(JSON.parse(readFileSync(join(dir, `${locale}.json`), 'utf8')));
    for (const [key, message] of messages) catalogs.get(locale)!.set(`${namespace}.${key}`, message);
  }
}

test('every catalog folder in the code is declared by its module', () => {
  const folders = [...new Set(files.filter((f) => /\/i18n\/en\.json$/.test(f)).map((f) => f.replace(/en\.json$/, '')))];
  assert.deepEqual(folders.filter((f) => !declared.some(([, dir]) => dir === f)), []);
});

test('every catalog has every key in es, en, pt and fr, and every message parses', () => {
  assert.ok(declared.length >= 3);
  const english = catalogs.get('en')!;
  for (const locale of locales) {
    const messages = catalogs.get(locale)!;
    assert.deepEqual([...english.keys()].filter((k) => !messages.has(k)), [], `${locale} lacks keys`);
    assert.deepEqual([...messages.keys()].filter((k) => !english.has(k)), [], `${locale} has keys en lacks`);
    for (const [key, message] of messages) assert.doesNotThrow(() => new IntlMessageFormat(message, locale), `${locale} ${key}`);
  }
});

/** Literal keys passed to the translator or to a command's refusal. */
const keyPattern = new RegExp(String.raw`\b(?:t|refuse)\(\s*'((?:${declared.map(([n]) => n).join('|')})\.[a-z_.0-9]+)'`, 'g');

test('every literal message key used in the code exists in the catalogs', () => {
  const english = catalogs.get('en')!;
  const missing: string[] = [];
  for (const file of files.filter((f) => /\.tsx?$/.test(f) && !f.endsWith('.test.ts'))) {
    const code = readFileSync(file, 'utf8');
    for (const match of code.matchAll(keyPattern)) {
      if (!english.has(match[1]!)) missing.push(`${file.replace(src, 'src/')}: ${match[1]}`);
    }
  }
  assert.deepEqual(missing, []);
});

test('Accept-Language negotiation honours quality values and falls back to English', () => {
  assert.equal(negotiateLocale('pt-BR,pt;q=0.9,en;q=0.8'), 'pt');
  assert.equal(negotiateLocale('de-CH, fr;q=0.5, es;q=0.7'), 'es');
  assert.equal(negotiateLocale('de, ja'), 'en');
  assert.equal(negotiateLocale('es;q=0, fr'), 'fr');
  assert.equal(negotiateLocale(undefined), 'en');
  assert.equal(negotiateLocale(';;;,q=,,'), 'en');
});
