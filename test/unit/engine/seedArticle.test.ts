import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import { Corpus, extractQuotes } from '../../../server/src/engine';
import { SEED_ARTICLE } from '../../support/paths';

const text = fs.readFileSync(SEED_ARTICLE, 'utf8');

test('the seed article yields its quotes with the right speakers', () => {
  const quotes = extractQuotes(text, { format: 'plaintext' });
  const found = quotes.map((q) => ({ start: q.text.slice(0, 30), speaker: q.speaker?.text, from: q.speaker?.resolvedFrom, cue: q.cue && text.slice(q.cue.start, q.cue.end) }));
  assert.deepEqual(found, [
    { start: 'Spoke with Israeli Prime Minis', speaker: 'US Secretary of State Antony Blinken', from: 'he', cue: 'wrote' },
    { start: 'discussed areas of mutual inte', speaker: 'State Department spokesperson Matthew Miller', from: undefined, cue: 'said' },
    { start: 'The Secretary discussed the ne', speaker: 'Miller', from: undefined, cue: 'added' },
    { start: 'Netanyahu reiterated his consi', speaker: 'The Prime Minister’s Office', from: undefined, cue: 'said' },
    { start: 'is not at all encouraging.', speaker: 'A senior Biden administration official', from: undefined, cue: 'said' },
    { start: 'hit a wall', speaker: 'A US official', from: undefined, cue: 'said' },
  ]);
});

test('quote spans cover exactly the quoted words, marks excluded', () => {
  for (const q of extractQuotes(text, { format: 'plaintext' })) {
    const inner = text.slice(q.span.start, q.span.end);
    assert.equal(inner, q.text);
    assert.match(text[q.span.start - 1], /["“]/);
    assert.match(text[q.span.end], /["”]/);
  }
});

test('as a corpus, the seed article gives six statements of five speakers', () => {
  const corpus = new Corpus();
  corpus.addText('/sources/seed-article.txt', text);
  assert.equal(corpus.statementCount, 6);
  const speakers = new Set(Array.from({ length: 6 }, (_, id) => corpus.speakers.speaker(corpus.speakers.canonical(corpus.statement(id).speakerId)).name));
  assert.deepEqual([...speakers].sort(), ['A US official', 'A senior Biden administration official', 'Antony Blinken', 'Matthew Miller', 'The Prime Minister’s Office']);
  // "Miller" (added Miller) and "State Department spokesperson Matthew Miller" are one speaker.
  assert.ok(corpus.speakers.same(corpus.statement(1).speakerId, corpus.statement(2).speakerId));
  // Statement ranges point at the words in the source file.
  const s = corpus.statement(1);
  assert.equal(s.range.start.line, 7);
  assert.ok(text.split('\n')[7].slice(s.range.start.character).startsWith('discussed areas of mutual interest'));
});
