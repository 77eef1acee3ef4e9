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
  assert.deepEqual(
    found.map((q) => q.text),
    ['spineless clerk,', 'liar', 'unfit.'],
  );
  for (const q of found) assert.match(q.speaker ?? '', /Ortega/);
});

test('a short phrase after a verb that is not a cue of speech on its own', () => {
  assert.deepEqual(quotes('Ortega likened the tax to “daylight robbery” in his speech.'), [{ text: 'daylight robbery', speaker: 'Ortega' }]);
  assert.deepEqual(
    quotes('Ortega tweeted before dawn that the mayor was “a fraud” and “a coward.”').map((q) => q.text),
    ['a fraud', 'a coward.'],
  );
});

test('quoted words in a headline are quotes; a "Name:" lead names the speaker', () => {
  const text = 'Ortega: Port Deal Is ‘A Total Surrender’\n\nThe port deal was signed on Monday.';
  assert.deepEqual(quotes(text), [{ text: 'A Total Surrender', speaker: 'Ortega' }]);
});

test('a new clause after a quote does not carry the cue to a later scare quote', () => {
  assert.deepEqual(
    quotes('Ortega said the port “opens in June,” a date the “insiders” doubt.').map((q) => q.text),
    ['opens in June,'],
  );
});

test('two apostrophes used as a double mark make a quote (newspaper archive style)', () => {
  assert.deepEqual(quotes("''The ferry is safe,'' Ruiz said. The sailors' union disagreed."), [{ text: 'The ferry is safe,', speaker: 'Ruiz' }]);
});

test('quoted phrases of a clause reported by a verb of saying are all the speaker’s', () => {
  const found = quotes('Ortega said on Friday that the levy was “a cruel joke” while the new toll is “plain theft.”');
  assert.deepEqual(
    found.map((q) => q.text),
    ['a cruel joke', 'plain theft.'],
  );
  for (const q of found) assert.match(q.speaker ?? '', /Ortega/);
});

test('titles of shows, books and slogans stay silent even beside a cue', () => {
  assert.deepEqual(quotes('Speaking on WKRP’s “Morning Harbor Hour,” Ortega said the ferries would run again by June.'), []);
  assert.deepEqual(quotes('In his 2009 memoir, “A Long Way From Anywhere,” Ortega described growing up above a bakery.'), []);
  assert.deepEqual(quotes('Ortega told KXLF’s “Sunday Desk” that the ferry was safe.'), []);
  assert.deepEqual(quotes('Supporters wore “Port Jobs Now” caps to the rally, and Ortega said the crowd was huge.'), []);
  // a chant is speech, not a title
  assert.equal(quotes('Supporters of the mayor chanted “Ortega! Ortega!” as he walked in.').length, 1);
});

test('a headline verb of saying in Title Case names the speaker before it', () => {
  assert.deepEqual(quotes('Ortega Calls Port Deal ‘A Surrender’\n\nThe deal was signed on Monday.'), [{ text: 'A Surrender', speaker: 'Ortega' }]);
  assert.deepEqual(quotes('Ferry Fares ‘Will Stay Frozen,’ Mayor Kim Dahl Says\n\nThe mayor spoke on Monday.'), [{ text: 'Will Stay Frozen,', speaker: 'Mayor Kim Dahl' }]);
  assert.deepEqual(quotes('Dahl on the Port Strike: Talks Are ‘Hopeless’\n\nThe strike began on Monday.'), [{ text: 'Hopeless', speaker: 'Dahl' }]);
});

test('a short quote right after an attributed one continues it even when its speaker is unresolved', () => {
  const found = quotes('“Come and see the boats,” she said. “Right now.”');
  assert.deepEqual(
    found.map((q) => q.text),
    ['Come and see the boats,', 'Right now.'],
  );
});

test('a quoted phrase ending without a comma carries the reported clause on to the next one', () => {
  const found = quotes('Ortega claimed “the auditors inflated” the toll figures through a “sloppy use of averages.”');
  assert.deepEqual(
    found.map((q) => q.text),
    ['the auditors inflated', 'sloppy use of averages.'],
  );
  for (const q of found) assert.match(q.speaker ?? '', /Ortega/);
});
