/** Worker-thread entry: receives { store, options }, replies with the analysis (buffers transferred). */
import { parentPort } from 'node:worker_threads';
import { analyseOpinions, type AnalysisOptions } from './engine/analyse.ts';
import { createVoteStore, type VoteStore } from './engine/voteStore.ts';
import { transferableBuffers } from './worker.ts';

parentPort?.once('message', (message: { store: VoteStore; options: AnalysisOptions }) => {
  try {
    const { participantCount, statementCount, rowStart, statementOf, voteOf } = message.store;
    // The store crossed a thread boundary: check its invariants before trusting them.
    const store = createVoteStore(participantCount, statementCount, rowStart, statementOf, voteOf);
    const analysis = analyseOpinions(store, message.options);
    parentPort?.postMessage({ ok: true, analysis }, transferableBuffers(analysis));
  } catch (error) {
    parentPort?.postMessage({ ok: false, error: error instanceof Error ? error.stack ?? error.message : String(error) });
  }
});
