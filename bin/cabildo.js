#!/usr/bin/env node
// The `cabildo` command. `cabildo opinion` runs its built JavaScript when it can (bin/opinionBundle.js);
// everything else registers tsx in this process and runs the TypeScript CLI. One process rather than
// a child with `--import tsx`: a second Node start-up cost every command ~0.1 s, and `serve` handles
// its own signals (analysis workers register tsx themselves, see opinion/worker.ts).
const [command, ...args] = process.argv.slice(2);
const runOpinionCli = command === 'opinion' ? await (await import('./opinionBundle.js')).opinionCli() : null;
if (runOpinionCli) {
  process.exitCode = await runOpinionCli(args, { stdout: (s) => process.stdout.write(s), stderr: (s) => process.stderr.write(s) });
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli.ts');
}
