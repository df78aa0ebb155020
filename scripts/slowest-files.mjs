// A node:test reporter that prints, at the end of the run, the ten test files that took
// longest (the sum of their top-level tests' durations), so a growing suite shows where
// its time goes. Used by scripts/test.sh next to the spec reporter.
import { relative } from 'node:path';

export default async function* slowestFiles(source) {
  const totals = new Map();
  for await (const event of source) {
    if ((event.type === 'test:pass' || event.type === 'test:fail') && event.data.nesting === 0 && event.data.file) {
      const file = relative(process.cwd(), event.data.file);
      totals.set(file, (totals.get(file) ?? 0) + (event.data.details?.duration_ms ?? 0));
    }
  }
  const slowest = [...totals].sort((a, b) => b[1] - a[1]).slice(0, 10);
  yield '\nslowest test files:\n';
  for (const [file, ms] of slowest) yield `  ${(ms / 1000).toFixed(1).padStart(7)} s  ${file}\n`;
}
