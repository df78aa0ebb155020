/**
 * `cabildo opinion …` as the top-level dispatch runs it (src/cli.ts hands the arguments to
 * runOpinionCli), without loading the rest of the platform: the benchmark times this.
 */
import { runOpinionCli } from '../src/modules/opinion/cli.ts';

process.exitCode = await runOpinionCli(process.argv.slice(2), {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
});
