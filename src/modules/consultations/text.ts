/**
 * A consultation's text (docs/decisions/034): Markdown split into numbered section headings and
 * paragraphs, each under a stable anchor that later versions keep for the same paragraph.
 */
import { createHash, randomBytes } from 'node:crypto';
import { Lexer, type Token } from 'marked';

export interface Block {
  kind: 'heading' | 'paragraph';
  /** A heading's level (1–6), 0 for a paragraph. */
  level: number;
  /** The block's Markdown, trimmed. */
  text: string;
}

export interface NumberedBlock extends Block {
  anchor: string;
  /** A heading's section number, or a paragraph's number counted through the whole text. */
  number: number;
}

/** Why a text cannot be a consultation's: a catalog key and the line of the Markdown it concerns. */
export interface TextProblem {
  key: string;
  line: number;
}

export const maxBlocks = 400;
export const maxBlockLength = 8_000;

const lineEndings = (text: string) => text.replace(/\r\n?/g, '\n');

/**
 * The text's blocks, in order. Each heading opens a numbered section; every other block (a
 * paragraph, a list, a quote, a table, code) is one numbered paragraph, commented and amended as a
 * whole. Refused: raw HTML blocks and link definitions (a block is shown on its own, so a
 * definition elsewhere would leave its links broken), and texts with no paragraph or too many.
 */
export function splitText(markdown: string): { ok: true; blocks: Block[] } | { ok: false; problem: TextProblem } {
  const source = lineEndings(markdown);
  let tokens: Token[];
  try {
    tokens = new Lexer({ gfm: true }).lex(source);
  } catch {
    return { ok: false, problem: { key: 'consultations.errors.text_unreadable', line: 1 } };
  }
  const blocks: Block[] = [];
  let line = 1;
  for (const token of tokens) {
    const here = line;
    line += (token.raw.match(/\n/g) ?? []).length;
    if (token.type === 'space' || token.type === 'hr') continue;
    if (token.type === 'html') return { ok: false, problem: { key: 'consultations.errors.text_html', line: here } };
    if (token.type === 'def') return { ok: false, problem: { key: 'consultations.errors.text_definition', line: here } };
    const text = token.type === 'heading' ? (token as { text: string }).text.trim() : token.raw.trim();
    if (text === '') continue;
    if (text.length > maxBlockLength) return { ok: false, problem: { key: 'consultations.errors.text_block_long', line: here } };
    blocks.push(token.type === 'heading' ? { kind: 'heading', level: (token as { depth: number }).depth, text } : { kind: 'paragraph', level: 0, text });
    if (blocks.length > maxBlocks) return { ok: false, problem: { key: 'consultations.errors.text_too_many', line: here } };
  }
  if (!blocks.some((b) => b.kind === 'paragraph')) return { ok: false, problem: { key: 'consultations.errors.text_empty', line: 1 } };
  return { ok: true, blocks };
}

/** A fresh anchor: eight lowercase letters and digits, so `#p-<anchor>` is short and safe in any address. */
export function newAnchor(): string {
  const alphabet = 'abcdefghijkmnpqrstuvwxyz23456789';
  return [...randomBytes(8)].map((b) => alphabet[b % alphabet.length]).join('');
}

const normalised = (text: string) => text.replace(/\s+/g, ' ').trim().toLowerCase();
const words = (text: string) => normalised(text).split(/[^\p{L}\p{N}]+/u).filter(Boolean);

/** How alike two texts are, from 0 to 1: the share of words they have in common (Dice's coefficient over word counts). */
export function likeness(a: string, b: string): number {
  const left = words(a);
  const right = words(b);
  if (left.length === 0 && right.length === 0) return 1;
  const counts = new Map<string, number>();
  for (const w of left) counts.set(w, (counts.get(w) ?? 0) + 1);
  let common = 0;
  for (const w of right) {
    const n = counts.get(w) ?? 0;
    if (n > 0) {
      common++;
      counts.set(w, n - 1);
    }
  }
  return (2 * common) / (left.length + right.length);
}

/** Below this likeness a changed paragraph counts as a new one, with an anchor of its own. */
export const sameParagraphLikeness = 0.5;

/**
 * The anchors of a new version's blocks, carried from the previous version's (docs/decisions/034,
 * "Anchors"): first every block whose text is unchanged (spaces and case aside) keeps its anchor;
 * then each remaining block, in order, takes the anchor of the remaining block of the same kind
 * it is most like, if at least half its words are shared; every other block gets a new anchor.
 */
export function carryAnchors(blocks: readonly Block[], previous: ReadonlyArray<Block & { anchor: string }>, fresh: () => string = newAnchor): string[] {
  const taken = new Set<number>();
  const anchors: Array<string | null> = blocks.map((block) => {
    const i = previous.findIndex((p, j) => !taken.has(j) && p.kind === block.kind && normalised(p.text) === normalised(block.text));
    if (i < 0) return null;
    taken.add(i);
    return previous[i]!.anchor;
  });
  blocks.forEach((block, k) => {
    if (anchors[k] !== null) return;
    let best = -1;
    let bestScore = sameParagraphLikeness;
    previous.forEach((p, j) => {
      if (taken.has(j) || p.kind !== block.kind) return;
      const score = likeness(p.text, block.text);
      if (score >= bestScore && (best < 0 || score > bestScore)) {
        best = j;
        bestScore = score;
      }
    });
    if (best >= 0) {
      taken.add(best);
      anchors[k] = previous[best]!.anchor;
    }
  });
  const used = new Set([...anchors.filter((a): a is string => a !== null), ...previous.map((p) => p.anchor)]);
  return anchors.map((anchor) => {
    if (anchor !== null) return anchor;
    let made = fresh();
    while (used.has(made)) made = fresh();
    used.add(made);
    return made;
  });
}

/** Blocks with their anchors and numbers: sections and paragraphs each counted from 1. */
export function numberBlocks(blocks: readonly Block[], anchors: readonly string[]): NumberedBlock[] {
  let sections = 0;
  let paragraphs = 0;
  return blocks.map((block, i) => ({ ...block, anchor: anchors[i]!, number: block.kind === 'heading' ? ++sections : ++paragraphs }));
}

/** The text as Markdown again, from its blocks: what a version's hash is computed over. */
export function canonicalText(blocks: readonly Block[]): string {
  return `${blocks.map((b) => (b.kind === 'heading' ? `${'#'.repeat(b.level)} ${b.text}` : b.text)).join('\n\n')}\n`;
}

export const textHash = (blocks: readonly Block[]) => createHash('sha256').update(canonicalText(blocks), 'utf8').digest('hex');

/** The text with one paragraph's wording replaced (an accepted amendment applied to a draft). */
export function replaceParagraph(blocks: readonly NumberedBlock[], anchor: string, wording: string): NumberedBlock[] {
  return blocks.map((b) => (b.anchor === anchor ? { ...b, text: wording.trim() } : b));
}
