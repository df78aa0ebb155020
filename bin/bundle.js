// The `cabildo` command as built JavaScript: esbuild bundles a TypeScript entry (our sources only;
// packages stay in node_modules) into one file under .build/. Starting from it takes ~0.5 s where
// registering tsx and loading some 400 sources through it takes ~1.6 s, on every command
// (docs/decisions/003 and 005). Rebuilt whenever a source it was built from changed, or the checkout
// moved; when it cannot be built (a read-only install), the caller runs the sources through tsx.
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));

const stamp = (file) => {
  const { mtimeMs, size } = statSync(file);
  return `${mtimeMs}:${size}`;
};

function isFresh(bundle) {
  try {
    const built = JSON.parse(readFileSync(`${bundle}.inputs.json`, 'utf8'));
    statSync(bundle);
    return built.root === root && Object.entries(built.inputs).every(([file, seen]) => stamp(`${root}${file}`) === seen);
  } catch {
    return false;
  }
}

/**
 * Sources find their catalogs, seeds and workers relative to themselves (`new URL('./i18n/',
 * import.meta.url)`); in one bundle every file would share the bundle's address, so each keeps its own.
 */
const ownAddress = {
  name: 'own-address',
  setup(build) {
    build.onLoad({ filter: /\.tsx?$/ }, (args) => ({
      contents: readFileSync(args.path, 'utf8').replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href)),
      loader: args.path.endsWith('.tsx') ? 'tsx' : 'ts',
    }));
  },
};

async function build(entry, bundle) {
  const { build: esbuild } = await import('esbuild');
  const own = `.${process.pid}.tmp`;
  mkdirSync(`${root}.build`, { recursive: true });
  const { metafile } = await esbuild({
    entryPoints: [`${root}${entry}`], outfile: bundle + own, bundle: true, platform: 'node', format: 'esm', target: 'node20',
    packages: 'external', metafile: true, logLevel: 'silent', plugins: [ownAddress],
  });
  const inputs = Object.fromEntries(Object.keys(metafile.inputs).map((file) => [file, stamp(`${root}${file}`)]));
  writeFileSync(`${bundle}.inputs.json${own}`, JSON.stringify({ root, inputs }));
  // Renamed into place, so another process starting at the same moment never reads half a file.
  renameSync(bundle + own, bundle);
  renameSync(`${bundle}.inputs.json${own}`, `${bundle}.inputs.json`);
}

/**
 * The address of `entry` (a path under the repository) built as `.build/<name>.mjs`, or null when it
 * cannot be built here.
 */
export async function builtEntry(entry, name) {
  const bundle = `${root}.build/${name}.mjs`;
  if (!isFresh(bundle)) {
    try {
      await build(entry, bundle);
    } catch {
      return null;
    }
  }
  return pathToFileURL(bundle).href;
}
