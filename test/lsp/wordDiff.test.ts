// The server's word diff: plain functions, tested without a server.
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { checkText, Corpus } from '../../server/src/engine';
import { renderDiff } from '../../server/src/lsp/render';

describe('word diff', () => {
  const corpus = new Corpus();
  corpus.addText(
    '/sources/s.jsonl',
    [
      { speaker: 'Ana Ortiz', text: 'Our position has not changed: the bridge will never be closed to buses.' },
      { speaker: 'Ana Ortiz', text: 'The response is not at all encouraging, and we said so.' },
      { speaker: 'Ana Ortiz', text: 'Our timetable for the Harbour Street works has not changed since the spring.' },
    ]
      .map((r) => JSON.stringify(r))
      .join('\n'),
  );
  const diffOf = (draft: string) => checkText(draft, '/d.md', corpus).findings[0].diff;

  it('marks each source word once: the words the draft dropped struck, the words it added bold', () => {
    assert.equal(renderDiff(diffOf('Ortiz said: “The bridge will soon be closed to buses.”')!), 'Our position has not changed: the bridge will ~~never~~ **soon** be closed to buses.');
    assert.equal(renderDiff(diffOf('Ortiz said the response was “at all encouraging.”')!), 'The response is ~~not~~ at all encouraging, and we said so.');
  });

  // Ten words, one of them changed: a five-word quote with one word in five changed needs more
  // evidence than a two-statement corpus holds (judgeQuote's REWORDED_BITS) and is missing.
  it('keeps a changed last word of a partial quote', () => {
    assert.equal(
      renderDiff(diffOf('“Our timetable for the Harbour Street works has not shifted,” Ortiz said.')!),
      'Our timetable for the Harbour Street works has not ~~changed~~ **shifted** since the spring.',
    );
  });

  it('has no diff for a quote with no differences (quote marks and case are not differences)', () => {
    assert.equal(diffOf('Ortiz said: “the bridge will never be closed to buses.”'), undefined);
  });
});
