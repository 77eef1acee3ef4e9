// Quote-mark causes from the PolNeAR error analysis (issue 5): marks typed the wrong way round,
// set off by spaces, nested in the other style, left unclosed, and transcripts quoted turn by turn.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractQuotes } from '../../../server/src/engine';
import { findQuotedSpans } from '../../../server/src/engine/extract/quoteMarks';

const quotes = (text: string) =>
  extractQuotes(text, { format: 'plaintext' })
    .filter((q) => q.kind === 'quote')
    .map((q) => ({ text: q.text, speaker: q.speaker?.text ?? null }));

test('an opening “ typed where the closing mark belongs closes the quote', () => {
  assert.deepEqual(quotes('“The ferry runs at a loss,“ said Ana Ruiz, the harbour master.'), [{ text: 'The ferry runs at a loss,', speaker: 'Ana Ruiz' }]);
  assert.deepEqual(
    quotes('Inspectors rated the claim “Half True.“ Ruiz said nothing.').map((q) => q.text),
    ['Half True.'],
  );
});

test('a closing mark set off by a space after an inner quote still closes', () => {
  assert.deepEqual(quotes(`"We were told to call it 'the harbour plan,' " Ruiz said.`), [{ text: "We were told to call it 'the harbour plan,'", speaker: 'Ruiz' }]);
  assert.deepEqual(quotes('“ We will not sell the port,” Ruiz said.'), [{ text: 'We will not sell the port,', speaker: 'Ruiz' }]);
  // a mark standing alone between words quotes nothing
  assert.deepEqual(findQuotedSpans('The gauge read 5 " on Monday and the crew left.'), []);
});

test('a quote of the other style inside a straight quote is part of it', () => {
  const text = `Ruiz said: "The survey asked: “Would you ride the ferry?” Most people said yes."`;
  assert.deepEqual(quotes(text), [{ text: 'The survey asked: “Would you ride the ferry?” Most people said yes.', speaker: 'Ruiz' }]);
});

test('a quote left open at the end of its paragraph runs to that end', () => {
  const text = '“The port will reopen in May,” Ruiz said. “We owe that to the crews.\n\nThe council meets on Friday.';
  assert.deepEqual(
    quotes(text).map((q) => q.text),
    ['The port will reopen in May,', 'We owe that to the crews.'],
  );
});

test('a transcript quoted turn by turn: one quote a turn, each with its label’s speaker', () => {
  const text = [
    'Part of the exchange follows:',
    '"HOST: Will the ferry run on Sunday? The crews say “not a chance.”',
    '"(CROSSTALK.)',
    '"RUIZ: It will run. We have the crews and the fuel.',
    'And that is settled, she said."',
  ].join('\n\n');
  const found = quotes(text);
  assert.deepEqual(
    found.map((q) => q.speaker),
    ['HOST', 'RUIZ'],
  );
  assert.match(found[0].text, /^HOST: Will the ferry run on Sunday\? The crews say “not a chance\.”$/);
  assert.doesNotMatch(found[0].text, /CROSSTALK/);
});
