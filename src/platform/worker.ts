import { Worker } from 'node:worker_threads';

/**
 * Starts a worker thread on the module `name` beside the caller (`startWorker('./x',
 * import.meta.url)`), in the caller's own form. Compiled JavaScript runs directly; a TypeScript
 * source (the app under tsx, or a source built into `.build/`, which keeps each source's own
 * address) starts through a tiny bootstrap that registers tsx inside the worker before importing
 * it, because on Node 20 an inherited `--import tsx` does not apply to a worker's entry module
 * (ERR_UNKNOWN_FILE_EXTENSION). The worker gets no inherited flags: some runners (node --test on
 * Node 24) put process-wide flags in execArgv that workers refuse.
 */
export function startWorker(name: string, callerUrl: string): Worker {
  const entry = new URL(`${name}${callerUrl.endsWith('.ts') ? '.ts' : '.js'}`, callerUrl);
  if (!entry.pathname.endsWith('.ts')) return new Worker(entry);
  const tsxApi = import.meta.resolve('tsx/esm/api');
  const bootstrap = `import(${JSON.stringify(tsxApi)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry.href)}); })`;
  return new Worker(bootstrap, { eval: true, execArgv: [] });
}
