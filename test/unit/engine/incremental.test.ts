// The check as you type (engine/incremental.ts) gives what a full check gives, after any edit,
// and re-checks only the pieces whose text it read changed.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { checkText, IncrementalCheck, loadCorpus, piecesOf, type Finding } from '../../../server/src/engine';
import { maskProse } from '../../../server/src/engine/text/mask';
import { EXAMPLES, REPO_ROOT } from '../../support/paths';

const corpus = loadCorpus([path.join(EXAMPLES, 'sources'), path.join(REPO_ROOT, 'test', 'fixtures', 'workspace', 'sources')]);
const key = (f: Finding) =>
  `${f.verdict} ${f.span.start}-${f.span.end} ${f.range.start.line}:${f.range.start.character}-${f.range.end.line}:${f.range.end.character} ${f.severity} ${f.speaker} ${f.source?.path ?? '-'} ${!!f.ignored}`;
const full = (text: string) => checkText(text, 'draft.md', corpus).findings.map(key);

describe('piecesOf', () => {
  const pieces = (text: string) => piecesOf(text, maskProse(text, 'markdown')).map((p) => text.slice(p.own.start, p.own.end));

  it('covers the text in order, a paragraph a piece', () => {
    const text = 'One.\n\nTwo.\r\n\r\nThree.\n';
    assert.deepEqual(pieces(text), ['One.\n\n', 'Two.\r\n\r\n', 'Three.\n']);
  });

  it('keeps a quotation across paragraphs and a block quote with its neighbours in one piece', () => {
    assert.deepEqual(pieces('He said: “First paragraph.\n\n“Second paragraph.”\n\nAfter.'), ['He said: “First paragraph.\n\n“Second paragraph.”\n\n', 'After.']);
    assert.deepEqual(pieces('Before.\n\nMore.\n\n> A block quote.\n\n— Miller said\n\nAfter.'), ['Before.\n\n', 'More.\n\n> A block quote.\n\n— Miller said\n\n', 'After.']);
  });

  it('reads three paragraphs back and one ahead', () => {
    const text = ['A.', 'B.', 'C.', 'D.', 'E.', 'F.'].join('\n\n');
    const p = piecesOf(text, maskProse(text, 'markdown'))[4];
    assert.equal(text.slice(p.own.start, p.own.end), 'E.\n\n');
    assert.equal(text.slice(p.read.start, p.read.end), 'B.\n\nC.\n\nD.\n\nE.\n\nF.');
  });
});

describe('IncrementalCheck', () => {
  it('finds what a full check finds in the example drafts', () => {
    for (const file of [path.join(EXAMPLES, 'draft.md'), path.join(REPO_ROOT, 'test', 'fixtures', 'workspace', 'draft.md'), path.join(REPO_ROOT, 'test', 'fixtures', 'ignore', 'ignore.md')]) {
      const text = fs.readFileSync(file, 'utf8');
      assert.deepEqual(new IncrementalCheck().check(text, 'draft.md', corpus).map(key), full(text), file);
    }
  });

  it('resolves “she said” to a name two paragraphs back, as the full check does', () => {
    const text = 'Ana Ruiz, the port director, spoke to the council on Monday.\n\nThe meeting ran late.\n\n“We will not sell the port to anyone,” she said.\n';
    const inc = new IncrementalCheck();
    const found = inc.check(text, 'draft.md', corpus);
    assert.equal(found[0].speaker, 'Ana Ruiz');
    assert.deepEqual(found.map(key), full(text));
    // Typing in the middle paragraph keeps the answer.
    const edited = text.replace('ran late', 'ran very late');
    assert.deepEqual(inc.check(edited, 'draft.md', corpus).map(key), full(edited));
  });

  it('a headline is the first paragraph of the document only', () => {
    const text =
      'Ruiz Says Port Is ‘Not for Sale at Any Price Whatsoever’\n\nBody text here.\n\nMore body text.\n\nEven more text.\n\nReport On Budget ‘Will Go To The Council Next Week For Sure’\n\nEnd.';
    assert.deepEqual(new IncrementalCheck().check(text, 'draft.md', corpus).map(key), full(text));
  });

  it('stays equal to the full check through a seeded sequence of edits', () => {
    let text = fs.readFileSync(path.join(EXAMPLES, 'draft.md'), 'utf8');
    text = `${text}\n\n${text.replace(/^---[\s\S]*?\n---\n/, '')}`;
    let seed = 14;
    const random = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
    const inserts = [' she said', '\n\n', '“', '”', ' Ana Ruiz', ' he', '<!-- verbatim-ignore -->', '\n> ', 'Miller said ', ' ', 'Matthew Miller spoke.\n\n'];
    const inc = new IncrementalCheck();
    for (let i = 0; i < 60; i++) {
      const at = Math.floor(random() * text.length);
      text = random() < 0.3 ? text.slice(0, at) + text.slice(at + 1 + Math.floor(random() * 20)) : text.slice(0, at) + inserts[Math.floor(random() * inserts.length)] + text.slice(at);
      assert.deepEqual(inc.check(text, 'draft.md', corpus).map(key), full(text), `after edit ${i}`);
    }
    assert.ok(inc.stats.hits > inc.stats.pieces / 2, `the cache served most pieces: ${inc.stats.hits} of ${inc.stats.pieces}`);
  });

  it('re-checks only the pieces that read the edited paragraph', () => {
    const paragraphs = Array.from({ length: 12 }, (_, i) => `Paragraph ${i}: “Our commitment to Israel’s security is ironclad,” Blinken said.`);
    const text = paragraphs.join('\n\n');
    const inc = new IncrementalCheck();
    inc.check(text, 'draft.md', corpus);
    const before = { ...inc.stats };
    const edited = text.replace('Paragraph 6:', 'Paragraph six:');
    inc.check(edited, 'draft.md', corpus);
    const checked = inc.stats.pieces - before.pieces;
    const missed = checked - (inc.stats.hits - before.hits);
    assert.equal(checked, 12);
    assert.equal(missed, 5, 'its own piece, the three after it (context) and the one before (look-ahead)');
  });

  it('forgets its results when the corpus changes', () => {
    const text = '“Our commitment to Israel’s security is ironclad,” Blinken said.';
    const inc = new IncrementalCheck();
    inc.check(text, 'draft.md', corpus);
    const hits = inc.stats.hits;
    corpus.generation++;
    inc.check(text, 'draft.md', corpus);
    assert.equal(inc.stats.hits, hits);
  });
});
