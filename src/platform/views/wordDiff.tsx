import { diffWords } from 'diff';

export interface DiffPart {
  text: string;
  change: 'added' | 'removed' | 'same';
}

/** What changed between two versions of a text, word by word. */
export function wordDiff(before: string, after: string): DiffPart[] {
  return diffWords(before, after).map((part) => ({ text: part.value, change: part.added ? 'added' : part.removed ? 'removed' : 'same' }));
}

/** A word diff as `<ins>` and `<del>`, under a legend, in the text's language. */
export function WordDiff({ diff, language, legend }: { diff: DiffPart[]; language: string; legend: string }) {
  return (
    <div class="word-diff" lang={language}>
      <p class="hint">{legend}</p>
      {/* Lines kept as breaks rather than a <pre>, so that long lines wrap at 320 px. */}
      <p>{diff.map((part) => {
        const text = part.text.split('\n').flatMap((line, i) => (i === 0 ? [line] : [<br />, line]));
        return part.change === 'added' ? <ins>{text}</ins> : part.change === 'removed' ? <del>{text}</del> : text;
      })}</p>
    </div>
  );
}
