// Recall causes from the PolNeAR error analysis (issue 5): short quoted phrases that are speech.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractQuotes } from '../../../server/src/engine';

const quotes = (text: string) =>
  extractQuotes(text, { format: 'plaintext' })
    .filter((q) => q.kind === 'quote')
    .map((q) => ({ text: q.text, speaker: q.speaker?.text ?? null }));

test('a list of short phrases after a verb of naming: each is a quote of the subject', () => {
  const found = quotes('Ortega called the councillor a "spineless clerk," a "liar" and "unfit."');
  assert.deepEqual(found.map((q) => q.text), ['spineless clerk,', 'liar', 'unfit.']);
  for (const q of found) assert.match(q.speaker ?? '', /Ortega/);
});

test('a short phrase after a verb that is not a cue of speech on its own', () => {
  assert.deepEqual(quotes('Ortega likened the tax to “daylight robbery” in his speech.'), [{ text: 'daylight robbery', speaker: 'Ortega' }]);
  assert.deepEqual(quotes('Ortega tweeted before dawn that the mayor was “a fraud” and “a coward.”').map((q) => q.text), ['a fraud', 'a coward.']);
});

test('quoted words in a headline are quotes; a "Name:" lead names the speaker', () => {
  const text = 'Ortega: Port Deal Is ‘A Total Surrender’\n\nThe port deal was signed on Monday.';
  assert.deepEqual(quotes(text), [{ text: 'A Total Surrender', speaker: 'Ortega' }]);
});

test('a new clause after a quote does not carry the cue to a later scare quote', () => {
  assert.deepEqual(quotes('Ortega said the port “opens in June,” a date the “insiders” doubt.').map((q) => q.text), ['opens in June,']);
});

test("two apostrophes used as a double mark make a quote (newspaper archive style)", () => {
  assert.deepEqual(quotes("''The ferry is safe,'' Ruiz said. The sailors' union disagreed."), [{ text: 'The ferry is safe,', speaker: 'Ruiz' }]);
});
