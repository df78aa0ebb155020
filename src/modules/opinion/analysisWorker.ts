/**
 * Worker-thread entry: a long-lived loop. Each message { id, store, options } gets one reply
 * { id, ok, analysis | error }, with the result's buffers transferred.
 */
import { parentPort } from 'node:worker_threads';
import { analyseOpinions, type AnalysisOptions } from './engine/analyse.ts';
import { createVoteStore, type VoteStore } from './engine/voteStore.ts';
import { transferableBuffers, type WorkerReply } from './worker.ts';

parentPort?.on('message', (message: { id: number; store: VoteStore; options: AnalysisOptions }) => {
  let reply: WorkerReply;
  try {
    const { participantCount, statementCount, rowStart, statementOf, voteOf } = message.store;
    // The store crossed a thread boundary: check its invariants before trusting them.
    const store = createVoteStore(participantCount, statementCount, rowStart, statementOf, voteOf);
    reply = { id: message.id, ok: true, analysis: analyseOpinions(store, message.options) };
  } catch (error) {
    reply = { id: message.id, ok: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  parentPort?.postMessage(reply, reply.ok ? transferableBuffers(reply.analysis) : []);
});
