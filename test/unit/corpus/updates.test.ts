import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkText, Corpus } from '../../../server/src/engine';

// A source file rewritten many times (a watched file saved again and again) must leave the corpus
// as a fresh read of its last version would: the same word counts, so the same verdicts. Before,
// the removed versions' words still counted, made the file's words look common, and a quote the
// fresh read called altered became missing as you typed (the soak's '104:27 missing' vs 'altered').

const FIXED = 'harbour.md';
const CHANGING = 'ferry.jsonl';
const fixedText = ['HARBOUR MASTER: The north pier closes at dusk for repairs to the crane rails.', 'HARBOUR MASTER: Pilots should expect delays near the grain terminal until spring.'].join('\n\n');
const version = (n: number) => `${JSON.stringify({ speaker: 'Ines Carvalho', text: `We will never run the night ferry without a second engineer aboard, notice ${n}.` })}\n`;

const DRAFT = 'Carvalho was firm. “We willnever run the night ferry,” Carvalho said.\n';

function rewritten(times: number): Corpus {
  const corpus = new Corpus();
  corpus.addText(FIXED, fixedText);
  for (let n = 1; n <= times; n++) {
    corpus.addText(CHANGING, version(n));
    // The draft is checked between saves, as in the editor: the index is built and then kept current.
    checkText(DRAFT, 'draft.md', corpus);
  }
  return corpus;
}

function fresh(n: number): Corpus {
  const corpus = new Corpus();
  corpus.addText(FIXED, fixedText);
  corpus.addText(CHANGING, version(n));
  return corpus;
}

test('a file rewritten 40 times counts its words as a fresh read of its last version does', () => {
  const updated = rewritten(40);
  const clean = fresh(40);
  assert.equal(updated.statementCount, clean.statementCount);
  for (const word of ['we', 'will', 'never', 'run', 'night', 'ferry', 'engineer', 'aboard', 'notice', 'pier', '40', '39']) {
    assert.equal(updated.statementsWithWord(updated.wordId(word)), clean.statementsWithWord(clean.wordId(word)), `statements with '${word}'`);
  }
});

test('a quote of a rewritten file gets the verdict a fresh read gives it', () => {
  const verdicts = (corpus: Corpus) => checkText(DRAFT, 'draft.md', corpus).findings.map((f) => `${f.range.start.line}:${f.range.start.character} ${f.verdict}`);
  const clean = verdicts(fresh(40));
  assert.deepEqual(clean, ['0:20 altered']);
  assert.deepEqual(verdicts(rewritten(40)), clean);
});

test('word counts stay right across a rebuild of the index and more rewrites after it', () => {
  const updated = rewritten(10);
  updated.index.build();
  for (let n = 11; n <= 20; n++) updated.addText(CHANGING, version(n));
  updated.removeFile(FIXED);
  const clean = new Corpus();
  clean.addText(CHANGING, version(20));
  for (const word of ['ferry', 'pier', 'notice', '20', '10']) {
    assert.equal(updated.statementsWithWord(updated.wordId(word)), clean.statementsWithWord(clean.wordId(word)), `statements with '${word}'`);
  }
});
