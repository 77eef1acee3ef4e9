import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { decodeText, isProbablyBinary } from '../../../server/src/engine/text/decode';
import { readSourceText, titleHint, type ArticleExtractor } from '../../../server/src/engine/corpus/readers/classify';
import type { RawStatement } from '../../../server/src/engine/corpus/readers/transcript';
import { assertSpansExact, fixture, sharedDir } from './helpers';

/** A stand-in for the real article extractor: records its calls, returns one marker statement. */
function fakeArticle(): { extract: ArticleExtractor; calls: Array<[string, number]> } {
  const calls: Array<[string, number]> = [];
  const extract: ArticleExtractor = (body, bodyStart) => {
    calls.push([body, bodyStart]);
    return [{ speakerText: 'ARTICLE', span: { start: bodyStart, end: bodyStart + 1 }, text: body.slice(0, 1) }];
  };
  return { extract, calls };
}
const noArticle: ArticleExtractor = () => {
  throw new Error('not an article');
};

test('classify: front matter kind statement with speaker, title, url, date', () => {
  const text = '---\nkind: statement\nspeaker: Matthew Miller\ntitle: "Readout"\nsource_url: https://state.gov/r\ndate: 2023-06-29\n---\nThe Secretary spoke.\n\nHe also said more.\n';
  const r = readSourceText('sources/readout.md', text, noArticle);
  assert.equal(r.kind, 'statement');
  assert.equal(r.title, 'Readout');
  assert.equal(r.url, 'https://state.gov/r');
  assert.equal(r.date, '2023-06-29');
  assert.deepEqual(r.problems, []);
  assert.deepEqual(
    r.statements.map((s) => [s.speakerText, s.text]),
    [
      ['Matthew Miller', 'The Secretary spoke.'],
      ['Matthew Miller', 'He also said more.'],
    ],
  );
  assertSpansExact(text, r.statements);
});

test('classify: kind statement without a speaker is a problem', () => {
  const r = readSourceText('x.md', '---\nkind: statement\n---\nWords.\n', noArticle);
  assert.equal(r.kind, 'statement');
  assert.deepEqual(r.statements, []);
  assert.match(r.problems[0], /needs a `speaker`/);
});

test('classify: a speaker without a kind reads the body as a statement', () => {
  const r = readSourceText('x.txt', '---\nspeaker: Antony Blinken\n---\nWords.\n', noArticle);
  assert.equal(r.kind, 'statement');
  assert.equal(r.statements[0].speakerText, 'Antony Blinken');
});

test('classify: transcript by front matter, and by labels without front matter', () => {
  const interview = fs.readFileSync(fixture('interview.md'), 'utf8');
  const r = readSourceText('interview.md', interview, noArticle);
  assert.equal(r.kind, 'transcript');
  assert.equal(r.title, 'Interview with Secretary Blinken');
  assert.deepEqual(new Set(r.statements.map((s) => s.speakerText)), new Set(['Jane Doe', 'Antony Blinken']));
  assertSpansExact(interview, r.statements);

  const briefing = fs.readFileSync(fixture('briefing.txt'), 'utf8');
  const b = readSourceText('briefing.txt', briefing, noArticle);
  assert.equal(b.kind, 'transcript');
  assert.equal(b.statements.length, 3);
  assert.deepEqual(b.problems, []);
});

test('classify: an article goes to the injected extractor with the body and its offset', () => {
  const { extract, calls } = fakeArticle();
  const head = '---\ntitle: News\n---\n';
  const text = head + 'US Secretary of State Antony Blinken on Thursday tweeted.\n\n\u201cSpoke with him,\u201d he wrote.\n';
  const r = readSourceText('news.markdown', text, extract);
  assert.equal(r.kind, 'article');
  assert.equal(r.title, 'News');
  assert.deepEqual(calls, [[text.slice(head.length), head.length]]);
  assert.equal(r.statements[0].speakerText, 'ARTICLE');
  // An extractor that throws is a problem, not a crash.
  const bad = readSourceText('news.md', text, noArticle);
  assert.deepEqual(bad.statements, []);
  assert.match(bad.problems[0], /not an article/);
});

test('classify: seed article without front matter is an article', () => {
  const shared = sharedDir();
  if (!shared) return;
  const text = fs.readFileSync(path.join(shared, 'fixtures', 'seed-article.txt'), 'utf8');
  const { extract, calls } = fakeArticle();
  assert.equal(readSourceText('seed-article.txt', text, extract).kind, 'article');
  assert.equal(calls[0][1], 0);
});

test('classify: notes are a transcript when labelled, else an article', () => {
  const { extract, calls } = fakeArticle();
  const labelled = readSourceText('n.md', '---\nkind: notes\n---\nBLINKEN: We spoke.\n\nMILLER: Indeed.\n', extract);
  assert.equal(labelled.kind, 'notes');
  assert.deepEqual(
    labelled.statements.map((s) => s.speakerText),
    ['BLINKEN', 'MILLER'],
  );
  assert.equal(calls.length, 0);
  const prose = readSourceText('n.md', '---\nkind: notes\n---\nMet Miller at noon. He said \u201cwe spoke.\u201d\n', extract);
  assert.equal(prose.kind, 'notes');
  assert.equal(calls.length, 1);
  assert.equal(prose.statements[0].speakerText, 'ARTICLE');
});

test('classify: unknown kind is a problem and the kind is guessed', () => {
  const r = readSourceText('x.md', '---\nkind: memo\n---\nBLINKEN: Hi.\n\nMILLER: Hello.\n', noArticle);
  assert.equal(r.kind, 'transcript');
  assert.match(r.problems[0], /unknown `kind: memo`/);
});

test('classify: records by extension', () => {
  const jsonl = readSourceText('a/b/STATEMENTS.JSONL', fs.readFileSync(fixture('statements.jsonl'), 'utf8'), noArticle);
  assert.equal(jsonl.kind, 'record');
  assert.equal(jsonl.statements.length, 2);
  assert.equal(jsonl.problems.length, 2);
  const json = readSourceText('s.json', '[{"speaker": "A", "text": "B"}]', noArticle);
  assert.equal(json.kind, 'record');
  assert.equal(json.statements.length, 1);
  const csv = readSourceText('s.csv', fs.readFileSync(fixture('statements.csv'), 'utf8'), noArticle);
  assert.equal(csv.kind, 'record');
  assert.equal(csv.statements.length, 2);
  const other = readSourceText('s.xlsx', 'x', noArticle);
  assert.deepEqual(other.statements, []);
  assert.match(other.problems[0], /^not read: a spreadsheet: export the sheet as \.csv/);
  assert.match(readSourceText('s.wxyz', 'x', noArticle).problems[0], /^not read: `\.wxyz` is not a source format Verbatim reads \(\.md, /);
  assert.match(readSourceText('s.docx', 'x', noArticle).problems[0], /a \.docx file is read from its bytes/);
});

test('classify: malformed front matter is a problem; the body still reads', () => {
  const r = readSourceText('x.md', '---\nspeaker: Antony Blinken\nnot yaml at all\n---\nWords.\n', noArticle);
  assert.equal(r.kind, 'statement');
  assert.equal(r.statements.length, 1);
  assert.equal(r.problems.length, 1);
});

test('titleHint: White House titles', () => {
  assert.deepEqual(titleHint('Statement by President Joe\u00a0Biden on Secretary of State Antony Blinken\u2019s Visit'), { kind: 'statement', speaker: 'Joe Biden' });
  assert.deepEqual(titleHint('Statement from President Joseph R. Biden, Jr. on the Passing of X'), { kind: 'statement', speaker: 'Joseph R. Biden, Jr.' });
  assert.deepEqual(titleHint('Statement by Press Secretary Jen Psaki on the Call'), { kind: 'statement', speaker: 'Jen Psaki' });
  assert.deepEqual(titleHint('Statement by National Security Advisor Jake Sullivan'), { kind: 'statement', speaker: 'Jake Sullivan' });
  assert.deepEqual(titleHint('Statement from the Press Secretary'), { kind: 'statement', speaker: 'the Press Secretary' });
  assert.deepEqual(titleHint('FACT SHEET: The American Families Plan'), { kind: 'statement', speaker: 'the White House' });
  assert.deepEqual(titleHint('Fact Sheet: President\u00a0Biden Expands Efforts'), { kind: 'statement', speaker: 'the White House' });
  assert.deepEqual(titleHint('Press Briefing by Press Secretary Jen\u00a0Psaki, January 20,\u00a02021'), { kind: 'transcript' });
  assert.deepEqual(titleHint('Press Gaggle by Press Secretary Jen Psaki En Route Queens'), { kind: 'transcript' });
  assert.deepEqual(titleHint('Background Press Call by Senior Administration Officials'), { kind: 'transcript' });
  assert.deepEqual(titleHint('Statement from President Joe Biden Three Years Since the Attack'), { kind: 'statement', speaker: 'Joe Biden' });
  assert.deepEqual(titleHint('Statement by Jake Sullivan Congratulating Inaugural Quad Fellows'), { kind: 'statement', speaker: 'Jake Sullivan' });
  // Releases speak for the issuing office (issue 4).
  assert.deepEqual(titleHint('Nominations Sent to the Senate'), { kind: 'statement', speaker: 'the White House' });
  assert.deepEqual(titleHint('Readout of President Joseph R. Biden, Jr. Call with Prime Minister Trudeau'), { kind: 'statement', speaker: 'the White House' });
  assert.deepEqual(titleHint('Remarks as Prepared for Delivery by First Lady Jill Biden at a Summer Nutrition Event'), { kind: 'statement', speaker: 'First Lady Jill Biden' });
  assert.equal(titleHint('Remarks by President Biden'), null);
});

test('isProbablyBinary', () => {
  assert.equal(isProbablyBinary(Buffer.from('plain text\nwith lines\r\n\ttabs')), false);
  assert.equal(isProbablyBinary(Buffer.from('caf\u00e9 \u201cquotes\u201d', 'utf8')), false);
  assert.equal(isProbablyBinary(Buffer.alloc(0)), false);
  assert.equal(isProbablyBinary(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00])), true); // zip header
  assert.equal(isProbablyBinary(Buffer.from([1, 2, 3, 4, 5, 65, 66, 67, 6, 7])), true);
  assert.equal(isProbablyBinary(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('hi', 'utf16le')])), false);
});

test('decodeText: UTF-8 with and without BOM, UTF-16 LE/BE with BOM, else Windows-1252', () => {
  assert.deepEqual(decodeText(Buffer.from('Caf\u00e9 \u2014 ok', 'utf8')), { text: 'Caf\u00e9 \u2014 ok', encoding: 'utf-8' });
  assert.deepEqual(decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('BOM', 'utf8')])), { text: 'BOM', encoding: 'utf-8' });
  assert.deepEqual(decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Hi \u201cthere\u201d', 'utf16le')])), { text: 'Hi \u201cthere\u201d', encoding: 'utf-16le' });
  const be = Buffer.from('Hi \u201cthere\u201d \ud83d\ude00', 'utf16le');
  be.swap16();
  assert.deepEqual(decodeText(Buffer.concat([Buffer.from([0xfe, 0xff]), be])), { text: 'Hi \u201cthere\u201d \ud83d\ude00', encoding: 'utf-16be' });
  // Windows-1252: curly quotes, dashes and the euro are single bytes 0x80-0x9F; the rest is Latin-1.
  assert.deepEqual(decodeText(Buffer.from([0x93, 0x57, 0x65, 0x92, 0x6c, 0x6c, 0x94, 0x20, 0x96, 0x20, 0x63, 0x61, 0x66, 0xe9, 0x20, 0x80])), {
    text: '\u201cWe\u2019ll\u201d \u2013 caf\u00e9 \u20ac',
    encoding: 'windows-1252',
  });
  assert.ok('problem' in decodeText(Buffer.from([0xff, 0xfe, 0x41])));
});

// ----- Real files from ../shared/data/whitehouse/sample (skipped when the folder is absent).

function whitehouse(name: string): string | null {
  const shared = sharedDir();
  const file = shared && path.join(shared, 'data', 'whitehouse', 'sample', name);
  return file && fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : null;
}

test('White House: a Psaki briefing gives statements of MS. PSAKI and no Q statements', (t) => {
  const name = '2021-01-20-press-briefing-by-press-secretary-jen-psaki-january-20-2021.md';
  const text = whitehouse(name);
  if (!text) return t.skip('shared sample not found');
  const r = readSourceText(name, text, noArticle);
  assert.equal(r.kind, 'transcript');
  assert.equal(r.title, 'Press Briefing by Press Secretary Jen Psaki, January 20, 2021');
  assert.equal(r.date, '2021-01-20');
  assert.match(r.url ?? '', /^https:\/\/bidenwhitehouse\.archives\.gov\/briefing-room\/press-briefings\//);
  assert.deepEqual(r.problems, []);
  assert.ok(r.statements.length > 50);
  assert.deepEqual(new Set(r.statements.map((s) => s.speakerText)), new Set(['MS. PSAKI']));
  assert.equal(r.statements[0].text, 'Good evening, everyone. Thank you for joining us on this historic day. It\u2019s an honor to be here with all of you.');
  // No question text leaks in: the first question opens "Thanks, Jen."
  assert.ok(!r.statements.some((s) => s.text.startsWith('Thanks, Jen.')));
  assert.ok(!r.statements.some((s) => /^Q\s/.test(s.text)));
  assertSpansExact(text, r.statements);
  for (const s of r.statements) assert.ok(!/\s{2}|\u00a0/.test(s.text), s.text);
});

test('White House: a signed statement gives the president as speaker', (t) => {
  const name = '2021-05-24-statement-by-president-joe-biden-on-secretary-of-state-antony-blinkens-visit-to-the-middle-east.md';
  const text = whitehouse(name);
  if (!text) return t.skip('shared sample not found');
  const r = readSourceText(name, text, noArticle);
  assert.equal(r.kind, 'statement');
  assert.equal(r.statements.length, 1);
  assert.equal(r.statements[0].speakerText, 'Joe Biden');
  assert.match(
    r.statements[0].text,
    /^Following up on our quiet, intensive diplomacy to bring about a ceasefire between Israel and Hamas, I have asked my Secretary of State, Tony Blinken, to travel/,
  );
  assert.match(r.statements[0].text, /in the coming months\.$/);
  assertSpansExact(text, r.statements);
});

test('White House: remarks with several speakers and stage directions; a background call; a fact sheet', (t) => {
  const remarks = '2021-11-08-remarks-by-president-biden-honoring-the-2021-nba-champion-milwaukee-bucks.md';
  const text = whitehouse(remarks);
  if (!text) return t.skip('shared sample not found');
  const r = readSourceText(remarks, text, noArticle);
  assert.equal(r.kind, 'transcript');
  assert.deepEqual(new Set(r.statements.map((s) => s.speakerText)), new Set(['THE PRESIDENT', 'MR. LASRY', 'MR. ANTETOKOUNMPO']));
  assert.ok(!r.statements.some((s) => /\((Applause|Laughter)\.\)/.test(s.text)));
  assertSpansExact(text, r.statements);

  const call =
    '2021-05-12-background-press-call-by-senior-administration-officials-on-executive-order-charting-a-new-course-to-improve-the-nations-cybersecurity-and-protect-federal-government-networks.md';
  const c = readSourceText(call, whitehouse(call)!, noArticle);
  assert.equal(c.kind, 'transcript');
  assert.ok(c.statements.some((s) => s.speakerText === 'SENIOR ADMINISTRATION OFFICIAL'));
  assert.match(c.title ?? '', /Nation\u2019s Cybersecurity and Protect Federal Government Networks$/);

  const sheet = '2021-04-29-fact-sheet-the-american-families-plan-will-support-children-teachers-and-working-families-in-rural-america.md';
  const fsText = whitehouse(sheet)!;
  const f = readSourceText(sheet, fsText, noArticle);
  assert.equal(f.kind, 'statement');
  assert.ok(f.statements.length > 10);
  assert.ok(f.statements.every((s) => s.speakerText === 'the White House'));
  assert.ok(f.statements.some((s) => s.text.startsWith('Provide free universal pre-school to all 3- and 4-year-olds')));
  assert.ok(!f.statements.some((s) => /\]\(http|\*\*|<u>/.test(s.text)));
  assertSpansExact(fsText, f.statements);
});

test('White House: a release with no speaker in its title speaks for the issuing office', (t) => {
  const name = '2021-04-12-nominations-sent-to-the-senate-9.md';
  const text = whitehouse(name);
  if (!text) return t.skip('shared sample not found');
  const { extract, calls } = fakeArticle();
  const r = readSourceText(name, text, extract);
  assert.equal(r.kind, 'statement');
  assert.equal(calls.length, 0);
  assert.ok(r.statements.length > 0);
  assert.ok(r.statements.every((s) => s.speakerText === 'the White House'));
  assertSpansExact(text, r.statements as RawStatement[]);
});

test('White House: a release on whitehouse.gov whose title names no one is the White House’s', () => {
  const text =
    '---\ntitle: President Biden Announces Key Nominees\nsource_url: https://www.whitehouse.gov/briefing-room/x/\n---\nWASHINGTON – Today, President Biden announced his intent to nominate the following.\n';
  const r = readSourceText('x.md', text, noArticle);
  assert.equal(r.kind, 'statement');
  assert.deepEqual(
    r.statements.map((s) => s.speakerText),
    ['the White House'],
  );
});

test('White House: every sample file reads without a throw and with exact spans', (t) => {
  const shared = sharedDir();
  const dir = shared && path.join(shared, 'data', 'whitehouse', 'sample');
  if (!dir || !fs.existsSync(dir)) return t.skip('shared sample not found');
  const { extract } = fakeArticle();
  for (const name of fs.readdirSync(dir).filter((n) => n.endsWith('.md'))) {
    const text = fs.readFileSync(path.join(dir, name), 'utf8');
    const r = readSourceText(name, text, extract);
    assert.deepEqual(r.problems, [], name);
    if (r.kind !== 'article') assertSpansExact(text, r.statements as RawStatement[]);
  }
});
