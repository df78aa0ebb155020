/** Only same-site paths are followed after login or a language change, never another host. */
export function safeNext(next: string | undefined, fallback = '/'): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\') || /[\u0000-\u001F]/.test(next)) {
    return fallback;
  }
  return next;
}
