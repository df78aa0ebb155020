/** What the HTTP benchmarks share: starting a server as a process, and the bare server they are compared with. */
import { spawn, type ChildProcess } from 'node:child_process';
import { request } from 'node:http';

/** Starts a server process and answers its port, read from its first log line (`"port":N` or `ready N`). */
export function startProcess(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let buffer = '';
    const onData = (chunk: Buffer) => {
      buffer += chunk.toString();
      const port = buffer.match(/"port":(\d+)/)?.[1] ?? buffer.match(/^ready (\d+)$/m)?.[1];
      if (port) {
        child.stdout!.off('data', onData);
        child.stdout!.resume(); // keep draining its log so it never blocks on a full pipe
        resolve({ child, port: Number(port) });
      }
    };
    child.stdout!.on('data', onData);
    child.on('exit', (code) => reject(new Error(`${command} ${args.join(' ')} exited with ${code}`)));
  });
}

/** A bare node:http server that answers each path with the exact status, headers and bytes given. */
export const bareServer = `
const http = require('node:http');
const answers = new Map(JSON.parse(require('node:fs').readFileSync(process.env.ANSWERS, 'utf8')).map(([path, a]) => [path, { ...a, body: Buffer.from(a.body, 'base64') }]));
const server = http.createServer((req, res) => {
  const a = answers.get(req.url);
  if (!a) { res.writeHead(404); res.end(); return; }
  res.writeHead(a.status, a.headers);
  res.end(a.body);
});
server.listen(0, '127.0.0.1', () => console.log('ready ' + server.address().port));
`;

/** What a server answers for a path: status, the headers that matter on the wire, the body as sent (compressed, base64) and how long it took. */
export function capture(port: number, path: string, headers: Record<string, string>): Promise<{ status: number; headers: Record<string, string>; body: string; bytes: number; ms: number }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const raw = Buffer.concat(chunks);
        const kept: Record<string, string> = {};
        for (const name of ['content-type', 'content-encoding', 'etag', 'cache-control', 'vary']) {
          const value = res.headers[name];
          if (typeof value === 'string') kept[name] = value;
        }
        resolve({ status: res.statusCode!, headers: kept, body: raw.toString('base64'), bytes: raw.length, ms: performance.now() - started });
      });
    });
    req.on('error', reject);
    req.end();
  });
}
