import { test } from 'node:test';
import assert from 'node:assert/strict';
import { maskProse } from '../../../server/src/engine/text/mask';

test('the mask keeps length and line breaks, blanking what is not prose', () => {
  const text = '---\ntitle: "x"\n---\nProse `code "q"` and <b>bold</b> and [a link](https://x.org/"q") and https://y.org/a_(b)?q=%22x%22 "end".\n```\n"fenced"\n```\n';
  const masked = maskProse(text, 'markdown');
  assert.equal(masked.text.length, text.length);
  assert.equal(masked.text.split('\n').length, text.split('\n').length);
  assert.equal((masked.text.match(/"/g) ?? []).length, 2, 'only the prose quote "end" is left');
  assert.doesNotMatch(masked.text, /y\.org|x\.org|%22|code|title/);
  assert.match(masked.text, /Prose/);
  assert.match(masked.text, /bold/);
  assert.match(masked.text, /a link/);
});

test('block quotes are recorded and their markers blanked', () => {
  const text = 'Intro:\n\n> first line\n> second line\n\nAfter.';
  const masked = maskProse(text, 'markdown');
  assert.equal(masked.blockQuotes.length, 1);
  assert.equal(text.slice(masked.blockQuotes[0].start, masked.blockQuotes[0].end), 'first line\n> second line');
  assert.doesNotMatch(masked.text, />/);
});

test('ignore, disable and enable comments in Markdown and plain text', () => {
  const md = maskProse('a <!-- verbatim-ignore --> b\n\n<!-- verbatim-disable -->\nc\n<!-- verbatim-enable -->\nd', 'markdown');
  assert.equal(md.ignoreNext.length, 1);
  assert.equal(md.disabled.length, 1);
  const txt = maskProse('a\n# verbatim: ignore\nb', 'plaintext');
  assert.equal(txt.ignoreNext.length, 1);
  assert.doesNotMatch(txt.text, /verbatim/);
});

test('indented code blocks are blanked, list continuations are not confused with quotes', () => {
  const masked = maskProse('Text.\n\n    "code quote"\n\nMore.', 'markdown');
  assert.doesNotMatch(masked.text, /code quote/);
});

test('Markdown by its parser: every offset stays, entities read as their characters, links as their labels', () => {
  const text = '&ldquo;We *will* win,&rdquo; [Ruiz][r] said in `the hall`.\r\n\r\n| who | said |\r\n| --- | --- |\r\n| Ana | “yes” |\r\n\r\n[r]: https://example.org/ruiz "Ruiz"\r\n';
  const masked = maskProse(text, 'markdown');
  assert.equal(masked.text.length, text.length);
  assert.deepEqual(
    [...masked.text].map((c, i) => (c === '\r' || c === '\n' ? i : -1)).filter((i) => i >= 0),
    [...text].map((c, i) => (c === '\r' || c === '\n' ? i : -1)).filter((i) => i >= 0),
    'line breaks where they were',
  );
  assert.equal(masked.text.indexOf('“'), '&ldquo;'.length - 1, 'an opening mark touches the word after it');
  assert.equal(masked.text.indexOf('”'), text.indexOf('&rdquo;'), 'a closing mark the word before it');
  assert.equal(masked.text.slice(masked.text.indexOf('We'), masked.text.indexOf('win') + 3), 'We  will  win', 'emphasis marks blanked in place');
  assert.equal(masked.text.slice(text.indexOf('[Ruiz]'), text.indexOf(' said')), ' Ruiz    ');
  assert.doesNotMatch(masked.text, /the hall|example|\|/);
  assert.match(masked.reading ?? '', /the hall/, 'a code span is read, though no prose');
  assert.equal(masked.text.slice(text.indexOf('Ana'), text.indexOf('Ana') + 3), 'Ana', 'a table cell is prose where it stands');
  assert.equal(masked.text.slice(text.indexOf('“yes”'), text.indexOf('“yes”') + 5), '“yes”');
});

test('Markdown by its parser: a lone surrogate and a NUL keep their places', () => {
  const text = 'A \ud800 and \u0000 “quote,” she said.';
  const masked = maskProse(text, 'markdown');
  assert.equal(masked.text.length, text.length);
  assert.equal(masked.text.indexOf('“quote,”'), text.indexOf('“quote,”'));
  assert.equal(masked.text.charCodeAt(2), 0xd800);
});
