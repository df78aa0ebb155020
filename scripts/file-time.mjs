// Preloaded into every test file's process by scripts/test.sh (node --test runs each file in a
// process of its own): when the file's process exits, appends one line, `{ file, ms }`, to the
// file named by CABILDO_TEST_TIMES, so the run can print its slowest files.
import { appendFileSync } from 'node:fs';
import { relative } from 'node:path';

const file = process.argv[1];
const out = process.env.CABILDO_TEST_TIMES;
if (out && file && /\.test\.tsx?$/.test(file)) {
  const started = performance.now();
  process.on('exit', () => {
    appendFileSync(out, `${JSON.stringify({ file: relative(process.cwd(), file), ms: Math.round(performance.now() - started) })}\n`);
  });
}
