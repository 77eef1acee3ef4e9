import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { checkText, extractQuotes, LineIndex, type Span } from '../../../server/src/engine';
import { seedCorpus } from '../../support/corpus';

// Pieces hostile text is made of: every kind of quote mark, names and cues (so attribution runs),
// astral characters, combining marks, right-to-left text, every line ending, Markdown syntax.
const PIECES = [
  '“',
  '”',
  '"',
  "'",
  '‘',
  '’',
  '«',
  '»',
  '„',
  '‹',
  '›',
  '``',
  "''",
  ' ',
  ' ',
  ' ',
  '\n',
  '\r\n',
  '\r',
  '\n\n',
  '\t',
  '\u00a0',
  'Blinken',
  'Miller',
  'Sen. Ann Ortiz',
  'he',
  'she',
  'the secretary',
  'a senior official',
  'said',
  'told reporters',
  'according to',
  'wrote',
  'added',
  'saying',
  'so-called',
  'the',
  'deal',
  'is not',
  'at all',
  'encouraging',
  '.',
  ',',
  ':',
  '?',
  '!',
  '—',
  '…',
  '...',
  '(',
  ')',
  '[',
  ']',
  '[sic]',
  '🙂',
  '👍🏽',
  '𝔘𝔫𝔦𝔠𝔬𝔡𝔢',
  'e\u0301',
  'שלום',
  'مرحبا',
  '\u200f',
  '\u200b',
  '\u0000',
  '\ufeff',
  '#',
  '> ',
  '```',
  '`',
  '<!-- verbatim-ignore -->',
  '<!-- verbatim-disable -->',
  '<b>',
  'https://x.org/"a"',
  '[link](http://y.org)',
  '---\n',
];
const hostileText = fc.array(fc.constantFrom(...PIECES), { maxLength: 120 }).map((parts) => parts.join(''));
const anyText = fc.oneof(hostileText, fc.string({ unit: 'grapheme', maxLength: 200 }), fc.string({ unit: 'binary', maxLength: 200 }));

function onBoundary(text: string, offset: number): boolean {
  if (offset <= 0 || offset >= text.length) return true;
  const before = text.charCodeAt(offset - 1);
  const after = text.charCodeAt(offset);
  return !(before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff);
}

function assertSpan(text: string, span: Span, what: string): void {
  assert.ok(Number.isInteger(span.start) && Number.isInteger(span.end), `${what}: integer offsets`);
  assert.ok(span.start >= 0 && span.start <= span.end && span.end <= text.length, `${what}: inside the text`);
  assert.ok(onBoundary(text, span.start) && onBoundary(text, span.end), `${what}: on UTF-16 boundaries`);
}

const corpus = seedCorpus();

test('for any text, quote finding never throws and every span lies inside it, on character boundaries', () => {
  fc.assert(
    fc.property(anyText, fc.constantFrom('markdown' as const, 'plaintext' as const), (text, format) => {
      for (const q of extractQuotes(text, { format, claims: true } as Parameters<typeof extractQuotes>[1])) {
        assertSpan(text, q.span, 'quote');
        for (const f of q.fragments) assertSpan(text, f, 'fragment');
        if (q.speaker) assertSpan(text, q.speaker.span, 'speaker');
        if (q.speakerSpan) assertSpan(text, q.speakerSpan, 'speaker span');
        if (q.cue) assertSpan(text, q.cue, 'cue');
      }
    }),
    { numRuns: 1500, seed: 42 },
  );
});

test('for any text, a check never throws and its ranges agree with the text', () => {
  fc.assert(
    fc.property(hostileText, (text) => {
      const lines = new LineIndex(text);
      for (const f of checkText(text, '/d.md', corpus).findings) {
        assertSpan(text, f.span, 'finding');
        assert.deepEqual(f.range, lines.range(f.span));
        assert.ok(f.range.start.line < lines.lineCount && f.range.end.line < lines.lineCount);
        assert.equal(typeof f.message, 'string');
      }
    }),
    { numRuns: 800, seed: 7 },
  );
});

test('line index round-trips every offset, whatever the line endings', () => {
  fc.assert(
    fc.property(anyText, (text) => {
      const lines = new LineIndex(text);
      for (let offset = 0; offset <= text.length; offset++) {
        const position = lines.position(offset);
        // An offset between \r and \n belongs to the line the pair ends.
        if (text[offset - 1] === '\r' && text[offset] === '\n') continue;
        assert.equal(lines.offset(position), offset);
      }
    }),
    { numRuns: 500, seed: 3 },
  );
});
