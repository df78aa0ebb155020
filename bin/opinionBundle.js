// `cabildo opinion` as one JavaScript file, built by esbuild from the TypeScript sources and kept
// beside them (src/modules/opinion/cli.bundle.mjs, so that the catalogs it finds relative to itself
// are there). Starting it takes ~0.05 s where registering tsx and loading the sources through it
// takes ~0.2 s: on a large conversation that is a fifth of the command (docs/decisions/005).
// Rebuilt whenever a source it was built from changed; when it cannot be built (a read-only
// install), the caller runs the sources through tsx instead.
import { readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const entry = `${root}src/modules/opinion/cli.ts`;
const bundle = `${root}src/modules/opinion/cli.bundle.mjs`;
const inputsFile = `${bundle}.inputs.json`;

const stamp = (file) => {
  const { mtimeMs, size } = statSync(file);
  return `${mtimeMs}:${size}`;
};

function isFresh() {
  try {
    const inputs = JSON.parse(readFileSync(inputsFile, 'utf8'));
    statSync(bundle);
    return Object.entries(inputs).every(([file, seen]) => stamp(`${root}${file}`) === seen);
  } catch {
    return false;
  }
}

async function build() {
  const { buildSync } = await import('esbuild');
  const own = `.${process.pid}.tmp`;
  const { metafile } = buildSync({
    entryPoints: [entry], outfile: bundle + own, bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', metafile: true, logLevel: 'silent',
  });
  const inputs = Object.fromEntries(Object.keys(metafile.inputs).map((file) => [file, stamp(`${root}${file}`)]));
  writeFileSync(inputsFile + own, JSON.stringify(inputs));
  // Renamed into place, so another process starting at the same moment never reads half a file.
  renameSync(bundle + own, bundle);
  renameSync(inputsFile + own, inputsFile);
}

/** The built command's `runOpinionCli`, or null when it cannot be built here. */
export async function opinionCli() {
  if (!isFresh()) {
    try {
      await build();
    } catch {
      return null;
    }
  }
  // A bundle that was built but does not load is a bug to see, not to hide behind the slow path.
  return (await import(bundle)).runOpinionCli;
}
