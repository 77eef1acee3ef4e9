// The server's paragraph cache and word diff: plain functions, tested without a server.
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { checkText, Corpus, loadCorpus } from '../../server/src/engine';
import { chunksOf, ParagraphCache } from '../../server/src/lsp/paragraphCache';
import { renderDiff } from '../../server/src/lsp/render';
import { FIXTURE, REPO } from './lspClient';

const texts = (text: string) => chunksOf(text).map((c) => text.slice(c.start, c.end));

describe('chunksOf', () => {
  it('covers the text, one chunk per paragraph', () => {
    const text = 'One.\n\nTwo.\r\n\r\nThree.\n';
    const chunks = chunksOf(text);
    assert.deepEqual(texts(text), ['One.\n\n', 'Two.\r\n\r\n', 'Three.\n']);
    assert.equal(chunks[0].start, 0);
    for (let i = 1; i < chunks.length; i++) assert.equal(chunks[i].start, chunks[i - 1].end);
    assert.equal(chunks[chunks.length - 1].end, text.length);
  });

  it('keeps together what runs across paragraphs', () => {
    assert.deepEqual(texts('---\ntitle: x\n\nmore: y\n---\nBody.\n\nNext.'), ['---\ntitle: x\n\nmore: y\n---\nBody.\n\n', 'Next.']);
    assert.deepEqual(texts('```\ncode\n\nstill code\n```\n\nText.'), ['```\ncode\n\nstill code\n```\n\n', 'Text.']);
    assert.deepEqual(texts('He said: “First paragraph.\n\n“Second paragraph.”\n\nAfter.'), ['He said: “First paragraph.\n\n“Second paragraph.”\n\n', 'After.']);
    assert.deepEqual(texts('Before.\n\n> A block quote.\n\n— Miller said\n\nAfter.'), ['Before.\n\n> A block quote.\n\n— Miller said\n\n', 'After.']);
    assert.deepEqual(texts('<!-- verbatim-disable -->\n\nA.\n\n<!-- verbatim-enable -->\n\nB.'), ['<!-- verbatim-disable -->\n\nA.\n\n<!-- verbatim-enable -->\n\n', 'B.']);
    assert.deepEqual(texts('<!-- a comment\n\nstill -->\n\nB.'), ['<!-- a comment\n\nstill -->\n\n', 'B.']);
  });
});

describe('ParagraphCache', () => {
  const corpus = loadCorpus([path.join(FIXTURE, 'sources'), path.join(REPO, 'examples', 'sources')]);
  const drafts = [path.join(FIXTURE, 'draft.md'), path.join(REPO, 'examples', 'draft.md')];

  for (const file of drafts) {
    it(`finds what a full check finds: ${path.relative(REPO, file)}`, () => {
      const text = fs.readFileSync(file, 'utf8');
      const full = checkText(text, file, corpus, { format: 'markdown' }).findings;
      const cache = new ParagraphCache();
      const inc = cache.check(text, 'markdown', (slice) => checkText(slice, file, corpus, { format: 'markdown' }).findings);
      const key = (f: { verdict: string; span: { start: number; end: number }; speaker: string | null; ignored?: boolean }) => `${f.verdict} ${f.span.start}-${f.span.end} ${f.speaker} ${!!f.ignored}`;
      assert.deepEqual(inc.map(key), full.map(key));
    });
  }

  it('re-checks only the edited chunk and the one after it', () => {
    const file = drafts[0];
    const text = fs.readFileSync(file, 'utf8');
    const cache = new ParagraphCache();
    let calls = 0;
    const check = (slice: string) => {
      calls++;
      return checkText(slice, file, corpus, { format: 'markdown' }).findings;
    };
    cache.check(text, 'markdown', check);
    const first = calls;
    calls = 0;
    const edited = text.replace('At a briefing on Thursday', 'At a briefing late on Thursday');
    const after = cache.check(edited, 'markdown', check);
    assert.equal(calls, 2, `of ${first} chunks`);
    assert.equal(after.find((f) => f.verdict === 'altered')!.span.start, text.indexOf('Iran will soon') + 'late '.length);
    cache.invalidate();
    calls = 0;
    cache.check(edited, 'markdown', check);
    assert.equal(calls, first);
  });
});

describe('word diff', () => {
  const corpus = new Corpus();
  corpus.addText('/sources/s.jsonl', [
    { speaker: 'Ana Ortiz', text: 'Our position has not changed: the bridge will never be closed to buses.' },
    { speaker: 'Ana Ortiz', text: 'The response is not at all encouraging, and we said so.' },
  ].map((r) => JSON.stringify(r)).join('\n'));
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
