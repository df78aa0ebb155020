#!/usr/bin/env node
// The `cabildo` command: registers tsx in this process and runs the TypeScript CLI. One process
// rather than a child with `--import tsx`: a second Node start-up cost every command ~0.1 s, and
// `serve` handles its own signals (analysis workers register tsx themselves, see opinion/worker.ts).
import { register } from 'tsx/esm/api';

register();
await import('../src/cli.ts');
