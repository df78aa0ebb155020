/** Worker-thread entry (stemming.ts): each message { id, batch } gets { id, columns } or { id, error }. */
import { parentPort } from 'node:worker_threads';
import { stemmedColumns } from './stemming.ts';
import type { SearchText, SearchWeight } from './index.ts';

parentPort?.on('message', ({ id, batch }: { id: number; batch: Array<Record<SearchWeight, SearchText[]>> }) => {
  try {
    parentPort?.postMessage({ id, columns: batch.map(stemmedColumns) });
  } catch (error) {
    parentPort?.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
