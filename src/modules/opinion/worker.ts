/**
 * Opinion analyses off the event loop, in a small pool of long-lived worker threads.
 *
 * Starting a worker costs far more than most analyses: a new V8 isolate and, under tsx, the
 * TypeScript loader again. So the server keeps its workers (one by default) and queues jobs
 * for them. Result typed arrays are transferred back (not copied); the input store is copied
 * unless the caller gives it up with `transferInput`. An aborted job that is still queued is
 * simply dropped; one that is running stops only when its worker is terminated, so the pool
 * replaces that worker. A worker that dies takes only its own job with it.
 */
import type { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import type { AnalysisOptions, OpinionAnalysis } from './engine/analyse.ts';
import type { VoteStore } from './engine/voteStore.ts';
import { startWorker } from '../../platform/worker.ts';

export interface WorkerRunOptions {
  /** Move the store's buffers to the worker instead of copying them (the caller's arrays become unusable). */
  transferInput?: boolean;
  signal?: AbortSignal;
}

export interface PoolOptions {
  /** Worker threads kept (default 1: analyses are short, and the server has other work for the cores). */
  size?: number;
}

/** What the worker answers to one job. */
export type WorkerReply = { id: number; ok: true; analysis: OpinionAnalysis } | { id: number; ok: false; error: string };

/** Starts one analysis worker (see startWorker for how a TypeScript source starts). */
function createWorker(): Worker {
  return startWorker('./analysisWorker', import.meta.url);
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

interface Job {
  id: number;
  store: VoteStore;
  options: AnalysisOptions;
  run: WorkerRunOptions;
  resolve: (analysis: OpinionAnalysis) => void;
  reject: (error: unknown) => void;
  onAbort?: () => void;
}

interface Slot {
  worker: Worker;
  job: Job | null;
}

export class AnalysisWorkerPool {
  private readonly size: number;
  private readonly slots: Slot[] = [];
  private readonly queue: Job[] = [];
  private nextId = 1;
  private closed = false;
  /** Workers started over the pool's life (a crash or an abort of a running job starts another). */
  workersStarted = 0;

  constructor(options: PoolOptions = {}) {
    this.size = Math.max(1, Math.min(options.size ?? 1, availableParallelism()));
  }

  /** Queues an analysis; resolves with its result, rejects with the worker's error or the abort reason. */
  analyse(store: VoteStore, options: AnalysisOptions = {}, run: WorkerRunOptions = {}): Promise<OpinionAnalysis> {
    if (this.closed) return Promise.reject(new Error('the analysis worker pool is closed'));
    if (run.signal?.aborted) return Promise.reject(run.signal.reason ?? new Error('aborted'));
    return new Promise((resolve, reject) => {
      const job: Job = { id: this.nextId++, store, options, run, resolve, reject };
      if (run.signal) {
        job.onAbort = () => this.abort(job);
        run.signal.addEventListener('abort', job.onAbort, { once: true });
      }
      this.queue.push(job);
      this.dispatch();
    });
  }

  /**
   * Starts a worker now unless one is idle or the pool is full, so that an analysis queued soon
   * (once its votes are read) does not wait for the worker to load: loading takes a few hundred
   * milliseconds under tsx, and the second core can spend them while the first reads.
   */
  warm(): void {
    if (this.closed || this.slots.some((slot) => slot.job === null) || this.slots.length >= this.size) return;
    this.startSlot();
  }

  /** Stops every worker; queued and running jobs are rejected. */
  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) this.finish(job, () => job.reject(new Error('the analysis worker pool was closed')));
    const slots = this.slots.splice(0);
    for (const slot of slots) if (slot.job) this.finish(slot.job, () => slot.job!.reject(new Error('the analysis worker pool was closed')));
    await Promise.all(slots.map((slot) => slot.worker.terminate()));
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      const slot = this.idleSlot();
      if (!slot) return;
      const job = this.queue.shift()!;
      slot.job = job;
      slot.worker.ref();
      const transfer = job.run.transferInput ? transferableBuffers(job.store) : [];
      slot.worker.postMessage({ id: job.id, store: job.store, options: job.options }, transfer);
    }
  }

  private idleSlot(): Slot | null {
    const idle = this.slots.find((slot) => slot.job === null);
    if (idle) return idle;
    if (this.slots.length >= this.size) return null;
    return this.startSlot();
  }

  private startSlot(): Slot {
    const slot: Slot = { worker: createWorker(), job: null };
    this.workersStarted++;
    slot.worker.on('message', (reply: WorkerReply) => this.onReply(slot, reply));
    slot.worker.on('error', (error) => this.onDeath(slot, error));
    slot.worker.on('exit', (code) => this.onDeath(slot, new Error(`opinion worker exited with code ${code}`)));
    // An idle worker must not keep the process alive; after the listeners, which ref its port again.
    slot.worker.unref();
    this.slots.push(slot);
    return slot;
  }

  private onReply(slot: Slot, reply: WorkerReply): void {
    const job = slot.job;
    if (!job || job.id !== reply.id) return;
    slot.job = null;
    slot.worker.unref();
    this.finish(job, () => (reply.ok ? job.resolve(reply.analysis) : job.reject(new Error(reply.error))));
    this.dispatch();
  }

  /** A dead worker fails its job and leaves the pool; the next job starts a new one. */
  private onDeath(slot: Slot, error: unknown): void {
    const index = this.slots.indexOf(slot);
    if (index < 0) return;
    this.slots.splice(index, 1);
    const job = slot.job;
    slot.job = null;
    if (job) this.finish(job, () => job.reject(error));
    void slot.worker.terminate();
    if (!this.closed) this.dispatch();
  }

  private abort(job: Job): void {
    const reason = job.run.signal?.reason ?? new Error('aborted');
    const queued = this.queue.indexOf(job);
    if (queued >= 0) {
      this.queue.splice(queued, 1);
      this.finish(job, () => job.reject(reason));
      return;
    }
    const slot = this.slots.find((s) => s.job === job);
    if (!slot) return;
    // A running analysis cannot be interrupted: its worker goes, and a fresh one takes the queue.
    this.slots.splice(this.slots.indexOf(slot), 1);
    slot.job = null;
    this.finish(job, () => job.reject(reason));
    void slot.worker.terminate();
    this.dispatch();
  }

  private finish(job: Job, settle: () => void): void {
    if (job.onAbort) job.run.signal?.removeEventListener('abort', job.onAbort);
    settle();
  }
}

let sharedPool: AnalysisWorkerPool | null = null;

/** The process's shared pool (one worker), started on first use. */
export function sharedAnalysisPool(): AnalysisWorkerPool {
  sharedPool ??= new AnalysisWorkerPool();
  return sharedPool;
}

/** Analyses `store` in the shared long-lived worker; rejects with the worker's error. */
export function analyseInWorker(store: VoteStore, options: AnalysisOptions = {}, run: WorkerRunOptions = {}): Promise<OpinionAnalysis> {
  return sharedAnalysisPool().analyse(store, options, run);
}
