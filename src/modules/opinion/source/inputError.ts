/**
 * A problem with the user's input that is not a CSV syntax error: a missing file, a column
 * that is not there, a value out of range. The message names the file, and the line when
 * there is one, in the same `file:line: detail` form as the platform's CsvError.
 */
export class InputError extends Error {
  constructor(
    readonly file: string,
    readonly line: number | null,
    detail: string,
  ) {
    super(line === null ? `${file}: ${detail}` : `${file}:${line}: ${detail}`);
    this.name = 'InputError';
  }
}
