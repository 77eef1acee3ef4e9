// The archive's lookup keys: word pairs, as in the local index (match/statementIndex.ts), but
// hashed from the words' matching keys rather than from word ids, which belong to one corpus's
// vocabulary. The loader and the checker make them the same way, so a quote's pairs find the
// statements that hold them. Only these hashes are sent to the archive, never a draft's words.

import type { Token } from '../text/tokenize';

/** FNV-1a of a matching key: the half of a pair key that depends on one word. */
export function wordHash(norm: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < norm.length; i++) h = Math.imul(h ^ norm.charCodeAt(i), 0x01000193);
  return h | 0;
}

/** The key of two words in a row (a signed 32-bit integer, PostgreSQL's `int4`). */
export function pairHash(a: number, b: number): number {
  let h = Math.imul(a ^ 0x7f4a7c15, 0x9e3779b1) ^ Math.imul(b + 0x165667b1, 0x85ebca77);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  h ^= h >>> 12;
  return h | 0;
}

/** The distinct pair keys of one statement's words (`hashes[i]` the word hash of its i-th word). */
export function statementKeys(hashes: ArrayLike<number>): number[] {
  const keys = new Set<number>();
  for (let i = 0; i + 1 < hashes.length; i++) keys.add(pairHash(hashes[i], hashes[i + 1]));
  return [...keys];
}

/**
 * A quote's pair keys: pairs inside each run of words between the writer's marks (an ellipsis or
 * a bracket stands for words that are not in the quote), as the local index reads a quote.
 */
export function quoteKeys(quote: Token[]): number[] {
  const keys = new Set<number>();
  let previous: number | null = null;
  for (const t of quote) {
    if (t.gap || t.bracket) {
      previous = null;
      continue;
    }
    const h = wordHash(t.norm);
    if (previous !== null) keys.add(pairHash(previous, h));
    previous = h;
  }
  return [...keys];
}
