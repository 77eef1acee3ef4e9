import type { Token } from '../text/tokenize';

/** Word pairs and single words of a quote, the keys the index is searched by. */
function keysOf(tokens: Token[]): string[] {
  const keys: string[] = [];
  let run: string[] = [];
  const flush = () => {
    if (run.length === 1) keys.push(run[0]);
    for (let i = 0; i + 1 < run.length; i++) keys.push(`${run[i]} ${run[i + 1]}`);
    run = [];
  };
  for (const t of tokens) {
    if (t.gap || t.bracket) flush();
    else run.push(t.norm);
  }
  flush();
  return keys;
}

/** Posting lists longer than this are too common to rank by ("of the", "we are"). */
const COMMON = 20000;

/**
 * Finds the statements worth aligning a quote against: an inverted index from word pairs
 * (and, for one-word quotes, words) to statement ids, ranked by how many of the quote's pairs
 * each statement shares. No quote is ever compared with every statement.
 */
export class StatementIndex {
  private readonly postings = new Map<string, number[]>();
  private readonly live = new Set<number>();

  add(id: number, tokens: Token[]): void {
    this.live.add(id);
    const seen = new Set<string>();
    for (let i = 0; i < tokens.length; i++) {
      const one = tokens[i].norm;
      const two = i + 1 < tokens.length ? `${one} ${tokens[i + 1].norm}` : null;
      for (const key of two ? [one, two] : [one]) {
        if (seen.has(key)) continue;
        seen.add(key);
        let list = this.postings.get(key);
        if (!list) this.postings.set(key, (list = []));
        list.push(id);
      }
    }
  }

  /** Removed statements drop out of results at once; their postings are skipped. */
  remove(id: number): void {
    this.live.delete(id);
  }

  candidates(quote: Token[], limit = 24): number[] {
    const keys = keysOf(quote);
    const scores = new Map<number, number>();
    const lists = keys.map((k) => this.postings.get(k) ?? []).filter((l) => l.length > 0);
    const usable = lists.filter((l) => l.length <= COMMON);
    for (const list of usable.length > 0 ? usable : lists.slice(0, 1)) {
      const weight = 1 / Math.log2(2 + list.length);
      for (const id of list) if (this.live.has(id)) scores.set(id, (scores.get(id) ?? 0) + weight);
    }
    return [...scores.entries()]
      .sort((a, b) => b[1] - a[1] || a[0] - b[0])
      .slice(0, limit)
      .map(([id]) => id);
  }
}
