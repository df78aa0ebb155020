import type { ModuleManifest } from '../../platform/module.ts';
import type { CliCommand } from '../../platform/cli.ts';

/** `cabildo opinion …`: the opinion engine's own command line (src/modules/opinion/cli.ts). */
const opinion: CliCommand = {
  name: 'opinion',
  usage: 'analyze DIR [--groups F] [--seed N] [--format json|text|html] [--lang es|en|pt|fr]',
  summary: 'opinion groups and bridging statements of a Polis conversation',
  async run(args, { io }) {
    // The engine loads only when asked for: the other commands start faster without it.
    const { runOpinionCli } = await import('./cli.ts');
    return runOpinionCli(args, { stdout: io.stdout, stderr: io.stderr });
  },
};

export const opinionModule: ModuleManifest = {
  name: 'opinion',
  catalogs: new URL('./i18n/', import.meta.url),
  cli: [opinion],
};
