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
    ]
      .map((r) => JSON.stringify(r))
      .join('\n'),
  );
  const diffOf = (draft: string) => checkText(draft, '/d.md', corpus).findings[0].diff;

  it('marks each source word once: the words the draft dropped struck, the words it added bold', () => {
    assert.equal(renderDiff(diffOf('Ortiz said: “The bridge will soon be closed to buses.”')!), 'Our position has not changed: the bridge will ~~never~~ **soon** be closed to buses.');
    assert.equal(renderDiff(diffOf('Ortiz said the response was “at all encouraging.”')!), 'The response is ~~not~~ at all encouraging, and we said so.');
  });

  it('keeps a changed last word of a partial quote', () => {
    assert.equal(renderDiff(diffOf('“Our position has not shifted,” Ortiz said.')!), 'Our position has not ~~changed~~ **shifted**: the bridge will never be closed to buses.');
  });

  it('has no diff for a quote with no differences (quote marks and case are not differences)', () => {
    assert.equal(diffOf('Ortiz said: “the bridge will never be closed to buses.”'), undefined);
  });
});
