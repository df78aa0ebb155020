/**
 * Runs an opinion analysis in a worker thread so the server's event loop never blocks.
 * Result typed arrays are transferred back (not copied); the input store is copied unless
 * the caller gives it up with `transferInput`.
 */
import { Worker } from 'node:worker_threads';
import type { AnalysisOptions, OpinionAnalysis } from './engine/analyse.ts';
import type { VoteStore } from './engine/voteStore.ts';

export interface WorkerRunOptions {
  /** Move the store's buffers to the worker instead of copying them (the caller's arrays become unusable). */
  transferInput?: boolean;
  signal?: AbortSignal;
}

/**
 * Starts the analysis worker. Compiled JavaScript runs directly; TypeScript sources (the
 * app under tsx) start through a tiny bootstrap that registers tsx inside the worker before
 * importing the entry, because on Node 20 an inherited `--import tsx` does not apply to a
 * worker's entry module (ERR_UNKNOWN_FILE_EXTENSION). The worker gets no inherited flags:
 * some runners (node --test on Node 24) put process-wide flags in execArgv that workers refuse.
 */
function createWorker(): Worker {
  const entry = new URL(import.meta.url.endsWith('.ts') ? './analysisWorker.ts' : './analysisWorker.js', import.meta.url);
  if (!entry.pathname.endsWith('.ts')) return new Worker(entry);
  const tsxApi = import.meta.resolve('tsx/esm/api');
  const bootstrap = `import(${JSON.stringify(tsxApi)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry.href)}); })`;
  return new Worker(bootstrap, { eval: true, execArgv: [] });
}

/** Buffers of every typed array reachable from `value` (deduplicated), for the transfer list. */
export function transferableBuffers(value: unknown, found = new Set<ArrayBuffer>()): ArrayBuffer[] {
  if (ArrayBuffer.isView(value)) {
    if (value.buffer instanceof ArrayBuffer) found.add(value.buffer);
  } else if (Array.isArray(value)) {
    for (const item of value) transferableBuffers(item, found);
  } else if (value && typeof value === 'object') {
    for (const item of Object.values(value)) transferableBuffers(item, found);
  }
  return [...found];
}

/** Analyses `store` in a fresh worker thread; rejects with the worker's error. */
export function analyseInWorker(store: VoteStore, options: AnalysisOptions = {}, run: WorkerRunOptions = {}): Promise<OpinionAnalysis> {
  return new Promise((resolve, reject) => {
    const worker = createWorker();
    let settled = false;
    const settle = (action: () => void): void => {
      if (settled) return;
      settled = true;
      run.signal?.removeEventListener('abort', onAbort);
      action();
      void worker.terminate();
    };
    const onAbort = (): void => settle(() => reject(run.signal?.reason ?? new Error('aborted')));
    run.signal?.addEventListener('abort', onAbort, { once: true });
    worker.once('message', (message: { ok: true; analysis: OpinionAnalysis } | { ok: false; error: string }) => {
      settle(() => (message.ok ? resolve(message.analysis) : reject(new Error(message.error))));
    });
    worker.once('error', (error) => settle(() => reject(error)));
    worker.once('exit', (code) => settle(() => reject(new Error(`opinion worker exited with code ${code}`))));
    const transfer = run.transferInput ? transferableBuffers(store) : [];
    worker.postMessage({ store, options }, transfer);
  });
}
