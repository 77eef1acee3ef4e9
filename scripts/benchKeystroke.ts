// The cost of one keystroke in the editor (issue 14): a 3,000-word Markdown draft checked as
// the language server checks it after an edit (the same incremental check, with the judgements
// of unchanged quotes remembered), one character typed at a time in a paragraph in the middle.
// Times are CPU time (process.cpuUsage: the machine is shared, and a check waiting for a core
// does no more work), over several rounds of typing; the figures are medians. Beside the whole
// check, the reading of the Markdown alone (maskProse, once per version).
// Run alone (node out/scripts/benchKeystroke.js) or as part of npm run bench.
import * as fs from 'fs';
import * as path from 'path';
import { IncrementalCheck, loadCorpus } from '../server/src/engine';
import { maskProse } from '../server/src/engine/text/mask';

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

/** CPU milliseconds (user + system) this process spent in `run`. */
function cpuMs(run: () => void): number {
  const started = process.cpuUsage();
  run();
  const used = process.cpuUsage(started);
  return (used.user + used.system) / 1000;
}

export interface KeystrokeResult {
  words: number;
  quotes: number;
  keystrokes: number;
  rounds: number;
  /** CPU time per keystroke, the whole incremental check: median and 95th percentile over every keystroke of every round. */
  p50ms: number;
  p95ms: number;
  /** CPU time of reading the draft's Markdown once (maskProse), median of as many runs. */
  maskP50ms: number;
}

export function keystrokeBench(keystrokes = 40, rounds = 5): KeystrokeResult {
  const corpus = loadCorpus([path.join(EXAMPLES, 'sources')]);
  const file = path.join(EXAMPLES, 'long-draft.md');
  const draft = keystrokeDraft();
  const times: number[] = [];
  const maskTimes: number[] = [];
  let quotes = 0;
  let words = 0;
  for (let round = 0; round < rounds; round++) {
    let text = draft;
    const incremental = new IncrementalCheck();
    quotes = incremental.check(text, file, corpus, { format: 'markdown' }).length; // the open: everything checked once
    // Type a word, a character at a time, into the middle paragraph (after its first word).
    let at = text.indexOf('\n\n', text.length >> 1) + 2;
    at = text.indexOf(' ', at);
    const typed = 'really '.repeat(Math.ceil(keystrokes / 7)).slice(0, keystrokes);
    for (const ch of typed) {
      text = text.slice(0, at) + ch + text.slice(at);
      at++;
      times.push(cpuMs(() => incremental.check(text, file, corpus, { format: 'markdown' })));
      maskTimes.push(cpuMs(() => maskProse(text, 'markdown')));
    }
    words = text.split(/\s+/).length;
  }
  corpus.close();
  return { words, quotes, keystrokes, rounds, p50ms: percentile(times, 0.5), p95ms: percentile(times, 0.95), maskP50ms: percentile(maskTimes, 0.5) };
}

export function describeKeystroke(r: KeystrokeResult): string {
  return `keystroke: ${r.words}-word draft, ${r.quotes} quotes and claims: CPU per keystroke p50 ${r.p50ms.toFixed(2)} ms, p95 ${r.p95ms.toFixed(2)} ms; reading its Markdown p50 ${r.maskP50ms.toFixed(2)} ms (${r.rounds} rounds of ${r.keystrokes} keystrokes)`;
}

if (require.main === module) {
  const r = keystrokeBench();
  process.stdout.write(process.argv.includes('--json') ? `${JSON.stringify(r)}\n` : `${describeKeystroke(r)}\n`);
}
