import { startWorker } from '../worker.ts';
import { terms } from './text.ts';
import type { IndexRow, SearchText, SearchWeight } from './index.ts';

type Weighted = Record<SearchWeight, SearchText[]>;

/** The SQLite index's four columns (weights A to D): the texts' terms, each stemmed in its language. */
export function stemmedColumns(weighted: Weighted): string[] {
  return (['A', 'B', 'C', 'D'] as const).map((weight) => weighted[weight].map((t) => terms(t.text, t.language)).join(' '));
}

type Reply = { id: number; columns: string[][] } | { id: number; error: string };

/**
 * Stems batches of documents on a worker thread, so that a SQLite rebuild writes one batch while
 * the next is stemmed (docs/decisions/012-search.md, "Stemming beside the writing"): stemming was
 * about a third of a rebuild's time, on the one thread that writes.
 */
export class Stemmer {
  private readonly worker = startWorker('./stemWorker', import.meta.url);
  private readonly waiting = new Map<number, { resolve: (columns: string[][]) => void; reject: (error: Error) => void }>();
  private nextId = 1;
  /** Why the worker stopped, once it has: later batches are refused rather than left waiting. */
  private stopped: Error | null = null;

  constructor() {
    this.worker.on('message', (reply: Reply) => {
      const job = this.waiting.get(reply.id);
      this.waiting.delete(reply.id);
      if ('error' in reply) job?.reject(new Error(reply.error));
      else job?.resolve(reply.columns);
    });
    this.worker.on('error', (error) => this.stop(error));
    this.worker.on('exit', (code) => this.stop(new Error(`the stemming worker stopped (exit code ${code})`)));
  }

  /** The rows with their columns stemmed. */
  async stem(rows: IndexRow[]): Promise<IndexRow[]> {
    const id = this.nextId++;
    const columns = await new Promise<string[][]>((resolve, reject) => {
      if (this.stopped) return reject(this.stopped);
      this.waiting.set(id, { resolve, reject });
      this.worker.postMessage({ id, batch: rows.map((row) => row.weighted) });
    });
    return rows.map((row, i) => ({ ...row, stemmed: columns[i] }));
  }

  async close(): Promise<void> {
    await this.worker.terminate();
  }

  private stop(error: Error): void {
    this.stopped ??= error;
    for (const job of this.waiting.values()) job.reject(error);
    this.waiting.clear();
  }
}
