import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const cabildoBin = fileURLToPath(new URL('../../bin/cabildo.js', import.meta.url));

export interface ServerProcess {
  child: ChildProcess;
  /** Every JSON log line printed so far. */
  lines: Array<Record<string, unknown>>;
  /** The port, once the server says it listens. */
  listening: Promise<number>;
  exited: Promise<number | null>;
  /** SIGTERM, then the exit code. */
  stop(): Promise<number | null>;
}

/** Starts `cabildo serve` as a process with only the given environment (PORT 0: a free port). */
export function serveProcess(env: Record<string, string>): ServerProcess {
  const child = spawn(process.execPath, [cabildoBin, 'serve'], {
    env: { PATH: process.env.PATH!, PORT: '0', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines: Array<Record<string, unknown>> = [];
  let buffer = '';
  const listening = new Promise<number>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      let at: number;
      while ((at = buffer.indexOf('\n')) >= 0) {
        const line = JSON.parse(buffer.slice(0, at)) as Record<string, unknown>;
        buffer = buffer.slice(at + 1);
        lines.push(line);
        if (typeof line.port === 'number') resolve(line.port);
      }
    });
    child.on('exit', (code) => reject(new Error(`serve exited with ${code}`)));
  });
  listening.catch(() => {});
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return {
    child, lines, listening, exited,
    stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
}

/** Waits until `check` holds, polling; fails the test naming what did not happen. */
export async function eventually(what: string, check: () => Promise<boolean> | boolean, ms = 15_000): Promise<void> {
  const until = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`not within ${ms} ms: ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
