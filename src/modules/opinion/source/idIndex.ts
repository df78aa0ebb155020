/**
 * Dense indices for participant and statement ids, in order of first appearance. Ids that are
 * canonical integers (the usual case in Polis exports and database keys) are looked up by
 * number, so streaming two million votes makes no string per vote.
 */
import type { CsvRecordView } from './csvStream.ts';

/** Numeric ids below this are looked up in a flat table (at most 16 MB); larger ones in a Map. */
const DIRECT_LIMIT = 1 << 22;

export class IdIndex {
  readonly ids: string[] = [];
  private direct = new Int32Array(1024).fill(-1);
  private readonly byNumber = new Map<number, number>();
  private readonly byText = new Map<string, number>();

  get size(): number {
    return this.ids.length;
  }

  /** Index of a numeric id, added when new. */
  ofNumber(id: number): number {
    if (id >= 0 && id < DIRECT_LIMIT) return this.ofSmallNumber(id);
    let index = this.byNumber.get(id);
    if (index === undefined) {
      index = this.ids.length;
      this.ids.push(String(id));
      this.byNumber.set(id, index);
    }
    return index;
  }

  private ofSmallNumber(id: number): number {
    if (id >= this.direct.length) {
      const bigger = new Int32Array(Math.min(DIRECT_LIMIT, Math.max(id + 1, this.direct.length * 2))).fill(-1);
      bigger.set(this.direct);
      this.direct = bigger;
    }
    let index = this.direct[id];
    if (index < 0) {
      index = this.ids.length;
      this.ids.push(String(id));
      this.direct[id] = index;
    }
    return index;
  }

  /** Index of an id given as text (trimmed); canonical integers share the numeric table. */
  of(id: string): number {
    const text = id.trim();
    if (/^-?(0|[1-9]\d{0,14})$/.test(text)) return this.ofNumber(Number(text));
    let index = this.byText.get(text);
    if (index === undefined) {
      index = this.ids.length;
      this.ids.push(text);
      this.byText.set(text, index);
    }
    return index;
  }

  /** Index of the id in a field of a streamed record; null when the field is empty. */
  ofField(record: CsvRecordView, field: number): number | null {
    const number = record.integer(field);
    if (number !== -Infinity) return this.ofNumber(number);
    if (record.isEmpty(field)) return null;
    return this.of(record.text(field));
  }

  /** The index of an id already seen, or -1. */
  find(id: string): number {
    const text = id.trim();
    if (/^-?(0|[1-9]\d{0,14})$/.test(text)) {
      const id = Number(text);
      if (id >= 0 && id < DIRECT_LIMIT) return id < this.direct.length ? this.direct[id] : -1;
      return this.byNumber.get(id) ?? -1;
    }
    return this.byText.get(text) ?? -1;
  }
}

/**
 * The order in which statements are numbered for output: numeric order when every id is a
 * number, else code-unit order, so that results do not depend on the order votes arrived in.
 * Returns, for each index in `ids`, its rank.
 */
export function stableOrder(ids: readonly string[]): Int32Array {
  const numeric = ids.every((id) => /^-?\d+$/.test(id));
  const order = Array.from(ids.keys()).sort(
    numeric ? (a, b) => Number(ids[a]) - Number(ids[b]) : (a, b) => (ids[a] < ids[b] ? -1 : ids[a] > ids[b] ? 1 : 0),
  );
  const rank = new Int32Array(ids.length);
  order.forEach((index, position) => (rank[index] = position));
  return rank;
}
