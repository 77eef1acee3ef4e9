// A word diff of a draft's quote against a source statement, for hovers, reports and the
// "replace with the source's words" quick fix. Independent of the engine's own comparison:
// this one only has to show a reader what differs and where.

export interface Token {
  /** The word as written, with any punctuation attached to it. */
  text: string;
  /** Comparison key: lower case, typographic forms folded, edge punctuation dropped. */
  key: string;
  start: number;
  end: number;
}

export type DiffPart =
  | { op: 'equal'; draft: Token; source: Token }
  | { op: 'added'; draft: Token } // in the draft, not in the source
  | { op: 'removed'; source: Token }; // in the source, not in the draft

export interface WordDiff {
  parts: DiffPart[];
  /** Source offsets of the aligned window: from the first to the last source word matched. */
  window: { start: number; end: number } | null;
  equal: number;
  added: number;
  removed: number;
}

const ELLIPSIS = /^(?:\.\.\.|…|\. \. \.)$/;

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const re = /\S+/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const key = normalizeWord(m[0]);
    tokens.push({ text: m[0], key, start: m.index, end: m.index + m[0].length });
  }
  // Fold ". . ." into one token.
  for (let i = 0; i + 2 < tokens.length; i++) {
    if (tokens[i].text === '.' && tokens[i + 1].text === '.' && tokens[i + 2].text.startsWith('.')) {
      tokens.splice(i, 3, { text: '. . .', key: '…', start: tokens[i].start, end: tokens[i + 2].end });
    }
  }
  return tokens;
}

export function normalizeWord(word: string): string {
  const w = word
    .normalize('NFKC')
    .replace(/[\u2018\u2019\u201B\u2032]/g, "'")
    .replace(/[\u201C\u201D\u201E\u201F\u00AB\u00BB]/g, '"')
    .toLowerCase();
  if (ELLIPSIS.test(w)) return '…';
  const core = w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
  return core || w;
}

const MAX_CELLS = 4_000_000;

/** Longest-common-subsequence diff of the draft's words against the source's. */
export function diffWords(draft: string, source: string): WordDiff {
  const a = tokenize(draft).filter((t) => t.key !== '…' && !/^\[.*\]$/.test(t.text) && t.key !== 'sic');
  const b = tokenize(source);
  const parts: DiffPart[] = [];
  if (a.length * b.length > MAX_CELLS) {
    // Too large to align word by word: show both sides whole.
    for (const t of b) parts.push({ op: 'removed', source: t });
    for (const t of a) parts.push({ op: 'added', draft: t });
    return { parts, window: null, equal: 0, added: a.length, removed: b.length };
  }
  const n = a.length;
  const m = b.length;
  // lcs[i][j] = LCS length of a[i..] and b[j..], in one flat array.
  const w = m + 1;
  const lcs = new Uint32Array((n + 1) * w);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i * w + j] = a[i].key === b[j].key ? lcs[(i + 1) * w + j + 1] + 1 : Math.max(lcs[(i + 1) * w + j], lcs[i * w + j + 1]);
    }
  }
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i].key === b[j].key) {
      parts.push({ op: 'equal', draft: a[i], source: b[j] });
      i++;
      j++;
    } else if (lcs[(i + 1) * w + j] >= lcs[i * w + j + 1]) {
      parts.push({ op: 'added', draft: a[i++] });
    } else {
      parts.push({ op: 'removed', source: b[j++] });
    }
  }
  while (i < n) parts.push({ op: 'added', draft: a[i++] });
  while (j < m) parts.push({ op: 'removed', source: b[j++] });
  // In each run of differences, the source's words first, then the draft's: "~~never~~ **soon**".
  for (let k = 0; k < parts.length; ) {
    if (parts[k].op === 'equal') {
      k++;
      continue;
    }
    let e = k;
    while (e < parts.length && parts[e].op !== 'equal') e++;
    const run = parts.slice(k, e);
    parts.splice(k, run.length, ...run.filter((p) => p.op === 'removed'), ...run.filter((p) => p.op === 'added'));
    k = e;
  }

  const equalParts = parts.filter((p): p is Extract<DiffPart, { op: 'equal' }> => p.op === 'equal');
  const window = equalParts.length
    ? { start: equalParts[0].source.start, end: equalParts[equalParts.length - 1].source.end }
    : null;
  return {
    parts,
    window,
    equal: equalParts.length,
    added: parts.filter((p) => p.op === 'added').length,
    removed: parts.filter((p) => p.op === 'removed').length,
  };
}

/**
 * The diff restricted to the aligned window: source words before the first and after the last
 * matched word are the parts of the statement the quote does not cover, not removals.
 */
export function windowedParts(diff: WordDiff): { parts: DiffPart[]; before: boolean; after: boolean } {
  const firstEq = diff.parts.findIndex((p) => p.op === 'equal');
  if (firstEq < 0) return { parts: diff.parts, before: false, after: false };
  let lastEq = diff.parts.length - 1;
  while (diff.parts[lastEq].op !== 'equal') lastEq--;
  const head = diff.parts.slice(0, firstEq);
  const tail = diff.parts.slice(lastEq + 1);
  const parts = [
    ...head.filter((p) => p.op === 'added'),
    ...diff.parts.slice(firstEq, lastEq + 1),
    ...tail.filter((p) => p.op === 'added'),
  ];
  return { parts, before: head.some((p) => p.op === 'removed'), after: tail.some((p) => p.op === 'removed') };
}

/** The source's exact words covering the quote, shaped like the draft's quote (first-letter case, end punctuation). */
export function sourceWordsFor(draft: string, source: string): string | null {
  const diff = diffWords(draft, source);
  if (!diff.window || diff.equal === 0) return null;
  let words = source.slice(diff.window.start, diff.window.end);
  // The window ends at a word: carry the statement's punctuation after it ("encouraging." → keep ".").
  const trailing = /^[^\s\p{L}\p{N}]*/u.exec(source.slice(diff.window.end))?.[0] ?? '';
  words += trailing.replace(/[\u201C\u201D"'\u2018\u2019]+$/u, '');
  const draftTrim = draft.trim();
  // Match the draft's first-letter case (an editing convention, not an alteration).
  const d0 = draftTrim.charAt(0);
  const s0 = words.charAt(0);
  if (d0 && s0 && d0 !== s0 && d0.toLowerCase() === s0.toLowerCase()) words = d0 + words.slice(1);
  // Keep the draft's closing punctuation when the source's window has none.
  const draftEnd = /[.,!?;:]$/.exec(draftTrim)?.[0];
  if (draftEnd && !/[.,!?;:]$/.test(words)) words += draftEnd;
  if (!draftEnd) words = words.replace(/[.,;:]+$/, '');
  return words;
}
