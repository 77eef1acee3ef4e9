// The cost of one keystroke in the editor (issue 14): a 3,000-word Markdown draft checked as
// the language server checks it after an edit (the same incremental check, with the judgements
// of unchanged quotes remembered), one character typed at a time in a paragraph in the middle.
// Run alone (node out/scripts/benchKeystroke.js) or as part of npm run bench.
import * as fs from 'fs';
import * as path from 'path';
import { IncrementalCheck, loadCorpus } from '../server/src/engine';

const EXAMPLES = path.join(__dirname, '..', '..', 'examples');

/** About 3,000 words: the example draft's paragraphs, numbered so no two are alike, with prose between. */
export function keystrokeDraft(targetWords = 3000): string {
  const body = fs.readFileSync(path.join(EXAMPLES, 'draft.md'), 'utf8').replace(/^---[\s\S]*?\n---\n/, '');
  const paragraphs = body.split(/\n\s*\n/).filter((p) => p.trim() && !p.startsWith('#'));
  const out: string[] = ['---', 'title: A long draft', '---', '', '# A long draft', ''];
  let words = 0;
  for (let round = 1; words < targetWords; round++) {
    for (const p of paragraphs) {
      const para = `In part ${round}, the talks went on. ${p}`;
      out.push(para, '');
      words += para.split(/\s+/).length;
      if (words >= targetWords) break;
    }
  }
  return out.join('\n');
}

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(p * s.length))];
}

export interface KeystrokeResult {
  words: number;
  quotes: number;
  keystrokes: number;
  p50ms: number;
  p95ms: number;
}

export function keystrokeBench(keystrokes = 40): KeystrokeResult {
  const corpus = loadCorpus([path.join(EXAMPLES, 'sources')]);
  const file = path.join(EXAMPLES, 'long-draft.md');
  let text = keystrokeDraft();
  const incremental = new IncrementalCheck();
  const first = incremental.check(text, file, corpus, { format: 'markdown' }); // the open: everything checked once
  // Type a word, a character at a time, into the middle paragraph (after its first word).
  let at = text.indexOf('\n\n', text.length >> 1) + 2;
  at = text.indexOf(' ', at);
  const times: number[] = [];
  const typed = 'really '.repeat(Math.ceil(keystrokes / 7)).slice(0, keystrokes);
  for (const ch of typed) {
    text = text.slice(0, at) + ch + text.slice(at);
    at++;
    const t = process.hrtime.bigint();
    incremental.check(text, file, corpus, { format: 'markdown' });
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  corpus.close();
  return { words: text.split(/\s+/).length, quotes: first.length, keystrokes, p50ms: percentile(times, 0.5), p95ms: percentile(times, 0.95) };
}

if (require.main === module) {
  const r = keystrokeBench();
  process.stdout.write(`keystroke: ${r.words}-word draft, ${r.quotes} quotes and claims: per keystroke p50 ${r.p50ms.toFixed(2)} ms, p95 ${r.p95ms.toFixed(2)} ms (${r.keystrokes} keystrokes)\n`);
}
