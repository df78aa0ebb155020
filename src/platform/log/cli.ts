import { createPublicKey } from 'node:crypto';
import { CommandError, UsageError, type CliCommand } from '../cli.ts';
import { logKinds } from '../manifests.ts';
import { existingLogKey, logOrigin, verifierKey } from './note.ts';
import { verifyLog } from './verify.ts';
import { witness, WitnessError } from './witness.ts';

/** `cabildo log verify` and `cabildo log witness URL`. */
export const logCommands: CliCommand[] = [
  {
    name: 'log verify',
    summary: "recompute the transparency log's tree from its entries and the records\nthey name, and check every checkpoint it signed; exits 1 naming the\nfirst entry that no longer matches",
    async run(_, { io, withDatabase, modules, config }) {
      const { dataDir, baseUrl } = config();
      const privateKey = existingLogKey(dataDir);
      const key = privateKey ? verifierKey(logOrigin(baseUrl), createPublicKey(privateKey)) : null;
      const report = await withDatabase(({ db }) => verifyLog(db, logKinds(modules), key));
      if (report.failure) {
        io.stderr(`cabildo: THE TRANSPARENCY LOG DOES NOT VERIFY${report.failure.index === null ? '' : ` at entry ${report.failure.index}`}: ${report.failure.reason}.\n`);
        return 1;
      }
      io.stdout(`The transparency log verifies: ${report.size} entries, each matching its record, and ${report.checkpoints} signed checkpoints.\n`);
      return 0;
    },
  },
  {
    name: 'log witness',
    usage: 'URL',
    summary: "fetch another installation's checkpoint, check its signature and that it\nextends the last one seen from there, keep it (GET /api/log/witnessed);\nexits 1 and says so loudly on a fork",
    async run([url], { io, withDatabase }) {
      if (!url || !/^https?:\/\/[^\s/]+/i.test(url)) throw new UsageError('log witness needs the URL of another Cabildo (https://…)');
      let result;
      try {
        result = await withDatabase(({ db }) => witness(db, url, new Date()));
      } catch (error) {
        if (error instanceof WitnessError) throw new CommandError(error.message);
        throw error;
      }
      if (result.status !== 'consistent') {
        const what = { fork: 'FORK', rollback: 'ROLLBACK', key_changed: 'KEY CHANGED' }[result.status];
        io.stderr(`cabildo: ${what}: the log ${result.origin} at ${url} is not consistent with what this installation saw before: ${result.detail}.\nIts checkpoint is kept as evidence and published at /api/log/witnessed.\n`);
        return 1;
      }
      io.stdout(result.previous === null
        ? `Witnessed ${result.origin}: ${result.size} entries (first checkpoint seen from there).\n`
        : `Witnessed ${result.origin}: ${result.size} entries, consistent with the ${result.previous} seen before.\n`);
      return 0;
    },
  },
];
