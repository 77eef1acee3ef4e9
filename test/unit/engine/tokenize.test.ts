import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tokenize, tokenizeQuote } from '../../../server/src/engine/text/tokenize';
import { LineIndex } from '../../../server/src/engine/text/lineIndex';

test('words are matched without case, apostrophe, dash or accent differences', () => {
  assert.deepEqual(
    tokenize('Israel’s 75–year–old Café').map((t) => t.norm),
    ["israel's", '75', 'year', 'old', 'cafe'],
  );
  // A contraction reads as the words it stands for, so "won't" aligns with "will not".
  assert.deepEqual(
    tokenize("won't 1,000 3.5").map((t) => t.norm),
    ['will', 'not', '1,000', '3.5'],
  );
});

test('token offsets point into the original text', () => {
  const text = '  “Hello,” world';
  for (const t of tokenize(text)) assert.equal(text.slice(t.start, t.end).toLowerCase(), t.norm);
});

test('quote marks: ellipses become gaps, brackets wildcards, [sic] disappears', () => {
  const tokens = tokenizeQuote('We [the city] will ... open it. . . soon … [sic] now');
  assert.deepEqual(
    tokens.map((t) => (t.gap ? '…' : t.bracket ? '[]' : t.norm)),
    ['we', '[]', 'will', '…', 'open', 'it', '…', 'soon', '…', 'now'],
  );
});

test('line index: LF, CRLF and lone CR line ends, UTF-16 characters', () => {
  const text = 'a\r\nb\rc\n🙂d';
  const index = new LineIndex(text);
  assert.equal(index.lineCount, 4);
  assert.deepEqual(index.position(text.indexOf('d')), { line: 3, character: 2 });
  assert.equal(index.offset({ line: 2, character: 0 }), text.indexOf('c'));
  assert.deepEqual(index.position(text.length + 10), { line: 3, character: 3 });
});
