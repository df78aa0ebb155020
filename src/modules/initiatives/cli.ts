import { existsSync, readFileSync } from 'node:fs';
import { UsageError, type CliCommand } from '../../platform/cli.ts';
import { importInitiativesFile } from './seeds.ts';

export const importNris: CliCommand = {
  name: 'import nris',
  usage: 'FILE.csv',
  summary: 'import initiatives as listed (columns as in the demo seed,\nsrc/modules/initiatives/seeds/nris.csv)',
  async run([file], { io, withDatabase }) {
    if (!file) throw new UsageError('did you mean: cabildo import nris FILE.csv');
    if (!existsSync(file)) throw new UsageError(`${file}: no such file`);
    const csv = readFileSync(file, 'utf8');
    io.stdout(`${await withDatabase(({ db }) => importInitiativesFile(db, csv, { demo: false, now: new Date(), source: file }))}\n`);
    return 0;
  },
};
