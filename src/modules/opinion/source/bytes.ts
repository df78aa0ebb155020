/** The character codes the vote parsers read bytes by (CSV files, SQLite's quote() text, PostgreSQL's COPY text). */
export const TAB = 9;
export const LF = 10;
export const CR = 13;
export const SPACE = 32;
export const DOUBLE_QUOTE = 34;
export const SINGLE_QUOTE = 39;
export const COMMA = 44;
export const MINUS = 45;
export const ZERO = 48;
export const NINE = 57;
export const CAPITAL_N = 78;
export const BACKSLASH = 92;
