// The PolNeAR scoring helpers behind `npm run eval:extraction` (scripts/polnear.ts).
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  buildArticles,
  findSharedDir,
  goldOf,
  goldQuotedRuns,
  goldSpeakerKind,
  overlapsSubstantially,
  parseRecords,
  prf,
  quotedRegions,
  sharesSurname,
  surnameOf,
  type PolnearQuote,
  type PolnearRecord,
} from '../../scripts/polnear';

function quote(text: string, content: string, type: PolnearQuote['type'], speaker: string | null, id = 'E1'): PolnearQuote {
  const start = text.indexOf(content);
  assert.ok(start >= 0, `${content} not in ${text}`);
  const speakerStart = speaker ? text.indexOf(speaker) : -1;
  return {
    start,
    end: start + content.length,
    quote: content,
    type,
    speaker,
    speaker_start: speakerStart >= 0 ? speakerStart : null,
    speaker_end: speakerStart >= 0 ? speakerStart + speaker!.length : null,
    cue: 'said',
    cue_start: null,
    cue_end: null,
    attribution_id: id,
  };
}

function record(doc: string, index: number, text: string, quotes: PolnearQuote[] = []): PolnearRecord {
  return { id: `${doc}#p${index}`, doc_id: doc, para_index: index, text, quotes };
}

test('articles: paragraphs in para_index order, joined by a blank line, offsets kept', () => {
  const a = 'The mayor spoke at noon.';
  const b = '“We will rebuild the bridge,” Mayor Ana Ortiz said.';
  const articles = buildArticles([record('d1', 1, b, [quote(b, '“We will rebuild the bridge,”', 'direct', 'Mayor Ana Ortiz')]), record('d1', 0, a)]);
  assert.equal(articles.length, 1);
  const article = articles[0];
  assert.equal(article.text, `${a}\n\n${b}`);
  assert.deepEqual(
    article.paragraphs.map((p) => p.index),
    [0, 1],
  );
  const gold = goldOf(article);
  assert.equal(gold.quotes.length, 1);
  const g = gold.quotes[0];
  assert.equal(article.text.slice(g.span.start, g.span.end), 'We will rebuild the bridge,');
  assert.equal(article.text.slice(g.speakerSpan!.start, g.speakerSpan!.end), 'Mayor Ana Ortiz');
  assert.equal(gold.all.length, 1);
});

test('mixed fragments: the quoted runs inside the gold content, marks excluded', () => {
  const p = 'The governor said the plan was “a disaster” and “a joke,” aides recalled.';
  const q = quote(p, 'the plan was “a disaster” and “a joke,”', 'mixed', 'The governor');
  assert.deepEqual(
    goldQuotedRuns(p, q).map((s) => p.slice(s.start, s.end)),
    ['a disaster', 'a joke,'],
  );
});

test('direct fragments: the whole content, or its runs when marks split it', () => {
  const p = 'She called them “cowards” and “frauds.” The crowd cheered. “We won,” he said.';
  const runs = (content: string) => goldQuotedRuns(p, quote(p, content, 'direct', null)).map((s) => p.slice(s.start, s.end));
  assert.deepEqual(runs('“cowards” and “frauds.”'), ['cowards', 'frauds.']);
  assert.deepEqual(runs('“We won,”'), ['We won,']);
});

test('quoted regions: apostrophes, nested quotes, continued and continuing paragraphs', () => {
  const regions = (p: string) => quotedRegions(p).map((s) => p.slice(s.start, s.end));
  assert.deepEqual(regions('The voters’ mood isn’t “sour,” she said.'), ['sour,']);
  assert.deepEqual(regions('"He told me ‘never again’ and left," she said.'), ['He told me ‘never again’ and left,']);
  assert.deepEqual(regions('“The first part runs on'), ['The first part runs on']);
  assert.deepEqual(regions('and ends here.” Then she left.'), ['and ends here.']);
  assert.deepEqual(regions('Headline: Senator Calls Plan ‘Reckless’'), ['Reckless']);
});

test('overlap: at least half of the shorter side', () => {
  assert.ok(overlapsSubstantially([{ start: 0, end: 10 }], { start: 5, end: 100 }));
  assert.ok(!overlapsSubstantially([{ start: 0, end: 10 }], { start: 6, end: 100 }));
  assert.ok(
    overlapsSubstantially(
      [
        { start: 0, end: 4 },
        { start: 50, end: 60 },
      ],
      { start: 48, end: 62 },
    ),
  );
  assert.ok(!overlapsSubstantially([{ start: 0, end: 10 }], { start: 10, end: 20 }));
});

test('speaker kinds and surnames: names, pronouns, roles', () => {
  assert.equal(goldSpeakerKind('he'), 'pronoun');
  assert.equal(goldSpeakerKind('They'), 'pronoun');
  assert.equal(goldSpeakerKind(null), 'none');
  assert.equal(goldSpeakerKind('the senator'), 'other');
  assert.equal(goldSpeakerKind('a county official in Dayton, Ohio,'), 'other');
  assert.equal(goldSpeakerKind('a Gallup poll released Monday'), 'other');
  assert.equal(surnameOf('Sen. Rita Vale (D-Ore.)'), 'vale');
  assert.equal(surnameOf('Rita Vale, a former state treasurer,'), 'vale');
  assert.equal(surnameOf('Representative Omar B. Lindqvist of New Mexico'), 'lindqvist');
  assert.equal(surnameOf('Secretary of Labor Dana Whitcomb'), 'whitcomb');
  assert.equal(surnameOf('A longtime pollster, Gus Ferreira,'), 'ferreira');
  assert.equal(surnameOf('Ferreira’s'), 'ferreira');
  assert.equal(surnameOf('The Denver Ledger'), 'ledger');
  assert.equal(surnameOf('Paul Hart Jr.'), 'hart');
});

test('speaker match: the predicted mention holds the gold surname', () => {
  assert.ok(sharesSurname('Sen. Rita Vale (D-Ore.)', 'Rita Vale'));
  assert.ok(sharesSurname('Vale', 'State Sen. Rita Vale’s'));
  assert.ok(sharesSurname('Lena Park-Holm', 'Lena Park Holm'));
  assert.ok(sharesSurname("Ann O'Leary", 'Ann O’Leary'));
  assert.ok(!sharesSurname('Rita Vale', 'Gus Ferreira'));
  assert.ok(!sharesSurname('Rita Vale', null));
  assert.ok(!sharesSurname('he', 'he'));
});

test('precision, recall and F1', () => {
  assert.deepEqual(prf(8, 10, 6, 12), { precision: 0.8, recall: 0.5, f1: (2 * 0.8 * 0.5) / 1.3 });
  assert.deepEqual(prf(0, 0, 0, 0), { precision: 0, recall: 0, f1: 0 });
});

test('records: a malformed line is reported with its line number', () => {
  assert.throws(() => parseRecords('{"doc_id":"d","para_index":0,"text":"x","quotes":[]}\n{oops', 'f.jsonl'), /f\.jsonl:2: not valid JSON/);
  assert.throws(() => parseRecords('{"text":"x"}', 'f.jsonl'), /f\.jsonl:1: not a PolNeAR record/);
});

test('shared folder: found by walking up to a "shared" folder holding SPEC.md', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-shared-'));
  try {
    const repo = path.join(root, 'clone', 'repo');
    fs.mkdirSync(path.join(repo, 'out', 'scripts'), { recursive: true });
    assert.equal(findSharedDir(path.join(repo, 'out', 'scripts')), null);
    fs.mkdirSync(path.join(root, 'clone', 'shared'));
    assert.equal(findSharedDir(repo), null, 'a shared folder without SPEC.md does not count');
    fs.writeFileSync(path.join(root, 'clone', 'shared', 'SPEC.md'), '# spec\n');
    assert.equal(findSharedDir(path.join(repo, 'out', 'scripts')), path.join(root, 'clone', 'shared'));
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
});

test("indirect fragments in '' … '' marks are scored as quotes; plain indirect ones as claims", () => {
  const p = "''The dam will hold,'' the engineer said. The council said the dam would be inspected.";
  const articles = buildArticles([record('d2', 0, p, [quote(p, "''The dam will hold,''", 'indirect', 'the engineer', 'E1'), quote(p, 'the dam would be inspected', 'indirect', 'The council', 'E2')])]);
  const gold = goldOf(articles[0]);
  assert.equal(gold.retyped, 1);
  assert.deepEqual(
    gold.quotes.map((g) => p.slice(g.span.start, g.span.end)),
    ['The dam will hold,'],
  );
  assert.deepEqual(
    gold.claims.map((g) => p.slice(g.span.start, g.span.end)),
    ['the dam would be inspected'],
  );
  assert.equal(gold.all.length, 2);
});

test('an indirect fragment wholly inside a quotation opened before it is scored as a quote', () => {
  const p = '“The dam will hold. The spillway was rebuilt last year,” the engineer said. The council said the dam would be inspected.';
  const articles = buildArticles([
    record('d3', 0, p, [quote(p, 'The spillway was rebuilt last year', 'indirect', 'the engineer', 'E1'), quote(p, 'the dam would be inspected', 'indirect', 'The council', 'E2')]),
  ]);
  const gold = goldOf(articles[0]);
  assert.equal(gold.retyped, 1);
  assert.deepEqual(
    gold.quotes.map((g) => p.slice(g.span.start, g.span.end)),
    ['The spillway was rebuilt last year'],
  );
  assert.deepEqual(
    gold.claims.map((g) => p.slice(g.span.start, g.span.end)),
    ['the dam would be inspected'],
  );
});
