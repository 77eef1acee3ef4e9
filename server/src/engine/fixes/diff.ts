// The source statement against the quote, from the judge's alignment: the words the quote
// covers, the source words it lacks (struck in the hover and the report), its own words the
// source lacks, and the statement's text around it. Every source word appears once.
import type { DiffSegment } from '../types';
import { surfaceWords, type Token } from '../text/tokenize';
import type { AlignedQuote } from './alignedQuote';

export function diffSegments(aligned: AlignedQuote): DiffSegment[] {
  const { sourceText, source, quote, draftText } = aligned;
  const segments: DiffSegment[] = [];
  const push = (op: DiffSegment['op'], text: string) => {
    if (!text) return;
    const last = segments[segments.length - 1];
    if (last && last.op === op) last.text += text;
    else segments.push({ op, text });
  };
  let cursor = 0;
  let started = false;
  /** Draft words before the first source word: they go after the statement's text before it. */
  let lead: string | null = null;
  /** Source text up to `end`: what stands between words goes with the words around it. */
  const advance = (op: DiffSegment['op'], start: number, end: number) => {
    if (end <= cursor) return; // the second token of a contraction: the word is out already
    push(started ? 'equal' : 'context', sourceText.slice(cursor, Math.max(cursor, start)));
    if (lead !== null) {
      push('added', lead);
      push('equal', ' ');
      lead = null;
    }
    push(op, sourceText.slice(Math.max(cursor, start), end));
    cursor = end;
    started = true;
  };
  if (aligned.negationBefore) advance('removed', aligned.negationBefore.start, aligned.negationBefore.end);
  let removed: Token[] = [];
  let added: Token[] = [];
  const flush = () => {
    if (removed.length) advance('removed', removed[0].start, removed[removed.length - 1].end);
    if (added.length) {
      if (!started) lead = surfaceWords(added, draftText);
      else {
        push('equal', ' ');
        push('added', surfaceWords(added, draftText));
      }
    }
    removed = [];
    added = [];
  };
  const byRun = new Set(aligned.runs.flatMap((r) => [...r.draft, ...r.source]));
  for (const step of aligned.alignment.steps) {
    if (step.op === 'skip') {
      flush();
      if (step.s.length) advance('skipped', source[step.s[0]].start, source[step.s[step.s.length - 1]].end);
      continue;
    }
    const q = 'q' in step ? quote[step.q] : null;
    const s = 's' in step ? source[step.s] : null;
    if ((q && byRun.has(q)) || (s && byRun.has(s))) {
      if (s) removed.push(s);
      if (q) added.push(q);
      continue;
    }
    flush();
    if (s) advance('equal', s.start, s.end);
  }
  flush();
  if (lead !== null) push('added', lead);
  push('context', sourceText.slice(cursor));
  return segments;
}
