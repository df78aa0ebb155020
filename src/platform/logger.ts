import { pino, type Logger } from 'pino';

/**
 * Structured JSON logs. Passwords, tokens and cookies are redacted wherever they appear, so a
 * careless log call cannot leak them.
 */
export function createLogger(level: string): Logger {
  return pino({
    level,
    redact: {
      paths: ['password', '*.password', 'token', '*.token', 'secret', '*.secret', 'headers.cookie', 'headers.authorization', '*.password_hash'],
      censor: '[redacted]',
    },
  });
}
