import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { runOpinionCli } from './cli.ts';
import { polisConversationDir } from './testing/polisData.ts';

async function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runOpinionCli(args, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) });
  return { code, stdout, stderr };
}

const seattle = polisConversationDir('15-per-hour-seattle');

test('analyze --format json prints the documented shape', async () => {
  const { code, stdout } = await run(['analyze', seattle, '--format', 'json']);
  assert.equal(code, 0);
  const report = JSON.parse(stdout);
  assert.equal(report.participants, 339);
  assert.equal(report.statements, 31);
  assert.equal(typeof report.votes, 'number');
  assert.ok(report.opinion_groups.length >= 2);
  for (const group of report.opinion_groups) {
    assert.equal(typeof group.id, 'number');
    assert.ok(group.members.every((m: unknown) => typeof m === 'string'));
  }
  const members = report.opinion_groups.flatMap((g: { members: string[] }) => g.members);
  assert.equal(new Set(members).size, members.length);
  for (const list of [report.bridging, report.divisive]) {
    assert.ok(list.length > 0);
    for (const item of list) assert.deepEqual(Object.keys(item).sort(), ['missing_groups', 'provisional', 'score', 'statement_id', 'text']);
    for (let i = 1; i < list.length; i++) assert.ok(list[i - 1].score >= list[i].score, 'best first');
  }
  assert.equal(typeof report.timings_ms.load, 'number');
  assert.equal(typeof report.timings_ms.analyse, 'number');
});

test('the same seed gives identical output twice (timings aside)', async () => {
  const strip = (s: string): unknown => ({ ...JSON.parse(s), timings_ms: null });
  const a = await run(['analyze', seattle, '--format', 'json', '--seed', '7']);
  const b = await run(['analyze', seattle, '--format', 'json', '--seed', '7']);
  assert.deepEqual(strip(a.stdout), strip(b.stdout));
});

test('--groups adds stakeholder groups, reported separately and combined', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'groups-'));
  try {
    const votes = readFileSync(join(seattle, 'votes.csv'), 'utf8').split('\n').slice(1).filter(Boolean);
    const voters = [...new Set(votes.map((line) => line.split(',')[3]))];
    const labels = ['government', 'civil_society', 'private_sector'];
    writeFileSync(join(dir, 'groups.csv'), 'participant,group\n' + voters.map((v, i) => `${v},${labels[i % 3]}`).join('\n') + '\n');
    const { code, stdout } = await run(['analyze', seattle, '--groups', join(dir, 'groups.csv'), '--format', 'json', '--min-votes', '3']);
    assert.equal(code, 0);
    const report = JSON.parse(stdout);
    assert.deepEqual(report.stakeholder_groups.map((g: { id: string }) => g.id).sort(), [...labels].sort());
    const byId = (list: { statement_id: string; score: number }[]) => new Map(list.map((r) => [r.statement_id, r.score]));
    const opinion = byId(report.bridging_opinion_groups);
    const stakeholder = byId(report.bridging_stakeholder_groups);
    for (const item of report.bridging) {
      assert.equal(item.score, Math.min(opinion.get(item.statement_id)!, stakeholder.get(item.statement_id)!));
    }
  } finally {
    rmSync(dir, { recursive: true });
  }
});

test('--format text is a readable summary; --format html a self-contained accessible page', async () => {
  const text = await run(['analyze', seattle]);
  assert.equal(text.code, 0);
  assert.match(text.stdout, /339 participants, 31 statements/);
  assert.match(text.stdout, /Bridging statements/);
  const dir = mkdtempSync(join(tmpdir(), 'html-'));
  try {
    const out = join(dir, 'map.html');
    const html = await run(['analyze', seattle, '--format', 'html', '--out', out]);
    assert.equal(html.code, 0);
    assert.equal(html.stdout, '');
    const page = readFileSync(out, 'utf8');
    assert.match(page, /^<!doctype html>\n<html lang="en">/);
    assert.match(page, /<title>Opinion map: 15-per-hour-seattle<\/title>/);
    const spanish = await run(['analyze', seattle, '--format', 'html', '--lang', 'es']);
    assert.match(spanish.stdout, /^<!doctype html>\n<html lang="es">/);
    assert.match(spanish.stdout, /<title>Mapa de opiniones: 15-per-hour-seattle<\/title>/);
    assert.match(page, /<svg role="img" aria-labelledby="map-title map-desc"[^>]*>\s*<title id="map-title">/);
    assert.match(page, /Group A: \d+ participants/);
    assert.doesNotMatch(page, /<script|https?:\/\/(?!www\.w3\.org)/);
    assert.equal((page.match(/<svg/g) ?? []).length, (page.match(/<\/svg>/g) ?? []).length);
    assert.ok(page.length < 80_000, `page is ${page.length} bytes`);
  } finally {
    rmSync(dir, { recursive: true });
  }
});

test('--help prints usage; bad arguments print usage and exit 2', async () => {
  const help = await run(['--help']);
  assert.equal(help.code, 0);
  assert.match(help.stdout, /Usage: cabildo opinion analyze DIR/);
  for (const args of [[], ['frobnicate'], ['analyze'], ['analyze', seattle, '--format', 'pdf'], ['analyze', seattle, '--seed', 'x'], ['analyze', seattle, '--bogus'], ['analyze', seattle, '--lang', 'de']]) {
    const result = await run(args);
    assert.equal(result.code, 2, args.join(' '));
    assert.match(result.stderr, /Usage:/);
  }
});

test('malformed input stops with a message naming the file and line', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'bad-'));
  try {
    writeFileSync(join(dir, 'votes.csv'), 'timestamp,datetime,comment-id,voter-id,vote\n1,x,0,1,1\n1,x,0,"2,1\n');
    const result = await run(['analyze', dir, '--format', 'json']);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /votes\.csv:3: a quoted field is never closed/);
    const missing = await run(['analyze', join(dir, 'nope')]);
    assert.equal(missing.code, 1);
    assert.equal(
      missing.stderr,
      `cabildo opinion analyze: ${join(dir, 'nope')}: no such file or folder; expected a Polis export: votes.csv (timestamp,datetime,comment-id,voter-id,vote) or participants-votes.csv, with comments.csv\n`,
    );
    const empty = mkdtempSync(join(tmpdir(), 'empty-'));
    const noVotes = await run(['analyze', empty]);
    assert.equal(noVotes.code, 1);
    assert.match(noVotes.stderr, new RegExp(`^cabildo opinion analyze: ${join(empty, 'votes\\.csv')}: not found \\(nor participants-votes\\.csv beside it\\); expected`));
    rmSync(empty, { recursive: true });
    const unwritable = await run(['analyze', seattle, '--out', join(dir, 'no', 'such', 'dir', 'out.txt')]);
    assert.equal(unwritable.code, 1);
    assert.equal(unwritable.stderr, `cabildo opinion analyze: ${join(dir, 'no', 'such', 'dir', 'out.txt')}: cannot write the output: no such file or folder\n`);
    const groups = await run(['analyze', seattle, '--groups', join(dir, 'groups.csv')]);
    assert.equal(groups.code, 1);
    assert.match(groups.stderr, /groups\.csv: not found; expected a CSV file with the header participant,group/);
  } finally {
    rmSync(dir, { recursive: true });
  }
});

test('bin/cabildo.js runs the command from its built bundle, with the same answers and catalogs as the sources', async () => {
  const bin = fileURLToPath(new URL('../../../bin/cabildo.js', import.meta.url));
  const viaBin = (args: string[]) => spawnSync(process.execPath, [bin, 'opinion', ...args], { encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } });
  const withoutTimings = (json: string) => ({ ...JSON.parse(json), timings_ms: null });
  const args = ['analyze', seattle, '--format', 'json', '--seed', '3'];
  const built = viaBin(args);
  assert.equal(built.status, 0, built.stderr);
  assert.deepEqual(withoutTimings(built.stdout), withoutTimings((await run(args)).stdout));
  assert.ok(existsSync(fileURLToPath(new URL('../../../.build/opinion.mjs', import.meta.url))), 'the command ran from its bundle');
  const french = viaBin(['analyze', seattle, '--format', 'html', '--lang', 'fr']);
  assert.equal(french.status, 0, french.stderr);
  assert.match(french.stdout, /<html lang="fr">/);
  assert.equal(french.stdout, (await run(['analyze', seattle, '--format', 'html', '--lang', 'fr'])).stdout, 'the French catalog, found from the bundle');
  const missing = viaBin(['analyze', '/nowhere']);
  assert.equal(missing.status, 1);
  assert.match(missing.stderr, /\/nowhere: no such file or folder/);
});
