#!/usr/bin/env node
// The `cabildo` command. It runs its built JavaScript (bin/bundle.js): `cabildo opinion` from a
// bundle of its own that never loads the platform, every other command from a bundle of src/cli.ts.
// Where nothing can be built, it registers tsx in this process and runs the TypeScript sources. One
// process rather than a child with `--import tsx`: a second Node start-up cost every command ~0.1 s,
// and `serve` handles its own signals (analysis workers register tsx themselves, see opinion/worker.ts).
import { builtEntry } from './bundle.js';

const [command, ...args] = process.argv.slice(2);
if (command === 'opinion') {
  const built = await builtEntry('src/modules/opinion/cli.ts', 'opinion');
  const { runOpinionCli } = built ? await import(built) : await sources('../src/modules/opinion/cli.ts');
  process.exitCode = await runOpinionCli(args, { stdout: (s) => process.stdout.write(s), stderr: (s) => process.stderr.write(s) });
} else {
  const built = await builtEntry('src/cli.ts', 'cli');
  // A bundle that was built but does not load is a bug to see, not to hide behind the slow path.
  await (built ? import(built) : sources('../src/cli.ts'));
}

async function sources(entry) {
  const { register } = await import('tsx/esm/api');
  register();
  return import(entry);
}
