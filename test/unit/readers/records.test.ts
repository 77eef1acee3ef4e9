import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { readCsv, readJsonRecords } from '../../../server/src/engine/corpus/readers/records';
import { lineNumberAt } from '../../../server/src/engine/corpus/readers/lines';
import { fixture } from './helpers';

test('jsonl: a bad line is a problem with its line number; the rest loads', () => {
  const text = fs.readFileSync(fixture('statements.jsonl'), 'utf8');
  const r = readJsonRecords(text, 'jsonl');
  assert.deepEqual(
    r.statements.map((s) => s.speakerText),
    ['Matthew Miller', "Prime Minister's Office"],
  );
  assert.equal(r.statements[0].date, '2023-06-29');
  assert.equal(r.statements[0].url, 'https://example.org/readout');
  assert.equal(r.statements[0].title, undefined);
  assert.equal(r.problems.length, 2, r.problems.join('\n'));
  assert.match(r.problems[0], /^line 2, column \d+: not valid JSON/);
  assert.match(r.problems[1], /^line 4: "speaker" must be a string \(a number\)/);
  // The span is the words of "text", inside the quotes, on the record's line.
  for (const s of r.statements) {
    assert.equal(text.slice(s.span.start, s.span.end), s.text);
  }
  assert.equal(lineNumberAt(text, r.statements[1].span.start), 5);
});

test('jsonl: escapes in text keep the span on the raw string', () => {
  const text = '{"text": "He said \\"no\\" \\u2014 twice.", "speaker": "A B"}\r\n';
  const r = readJsonRecords(text, 'jsonl');
  assert.deepEqual(r.problems, []);
  assert.equal(r.statements[0].text, 'He said "no" \u2014 twice.');
  assert.equal(text.slice(r.statements[0].span.start, r.statements[0].span.end), 'He said \\"no\\" \\u2014 twice.');
});

test('json: an array of records, and wrapped in {"statements": [...]}', () => {
  const records = '[\n  {"speaker": "Antony Blinken", "text": "One.", "date": "2023-06-29"},\n  {"speaker": "Matthew Miller", "text": "Two.", "title": "Readout"}\n]';
  for (const text of [records, `{"source": "x", "statements": ${records}}`]) {
    const r = readJsonRecords(text, 'json');
    assert.deepEqual(r.problems, []);
    assert.deepEqual(
      r.statements.map((s) => [s.speakerText, s.text]),
      [
        ['Antony Blinken', 'One.'],
        ['Matthew Miller', 'Two.'],
      ],
    );
    assert.equal(r.statements[0].date, '2023-06-29');
    assert.equal(r.statements[1].title, 'Readout');
    assert.equal(lineNumberAt(text, r.statements[1].span.start), 3);
    assert.equal(text.slice(r.statements[0].span.start, r.statements[0].span.end), 'One.');
  }
  // A single record object is accepted too.
  assert.equal(readJsonRecords('{"speaker": "A", "text": "B"}', 'json').statements.length, 1);
});

test('json: wrong field types are problems naming the record; good records still load', () => {
  const text = '[{"speaker": "A", "text": "ok"}, {"speaker": ["x"], "text": 5}, "just a string", {"speaker": "B", "text": "t", "date": 2023}, {"speaker": "C", "text": "  "}]';
  const r = readJsonRecords(text, 'json');
  assert.deepEqual(
    r.statements.map((s) => s.speakerText),
    ['A'],
  );
  assert.equal(r.problems.length, 4, r.problems.join('\n'));
  assert.match(r.problems[0], /^record 2 \(line 1\): "speaker" must be a string \(an array\); "text" must be a string \(a number\)/);
  assert.match(r.problems[1], /^record 3 .*expected an object/);
  assert.match(r.problems[2], /^record 4 .*"date" must be a string/);
  assert.match(r.problems[3], /^record 5 .*"text" is empty/);
});

test('json: malformed JSON and wrong shapes are one problem each, never a throw', () => {
  const bad = readJsonRecords('[\n  {"speaker": "A", "text": "x"},\n  {"speaker": "B" "text": "y"}\n]', 'json');
  assert.deepEqual(bad.statements, []);
  assert.equal(bad.problems.length, 1);
  assert.match(bad.problems[0], /^not valid JSON: line 3, column \d+: expected `,` or `}`/);
  assert.match(readJsonRecords('', 'json').problems[0], /not valid JSON/);
  assert.match(readJsonRecords('{"statements": 3}', 'json').problems[0], /"statements" must be an array/);
  assert.match(readJsonRecords('{"other": []}', 'json').problems[0], /expected an array/);
  assert.match(readJsonRecords('[1, 2', 'json').problems[0], /not valid JSON/);
  assert.match(readJsonRecords('"unterminated', 'json').problems[0], /unterminated string/);
});

test('csv: quoted commas, quotes and newlines; optional columns; a row without a speaker is a problem', () => {
  const text = fs.readFileSync(fixture('statements.csv'), 'utf8');
  const r = readCsv(text);
  assert.deepEqual(
    r.statements.map((s) => [s.speakerText, s.text, s.date]),
    [
      ['Matthew Miller', 'The Secretary discussed the need, as he said, to uphold "the commitments".', '2023-06-29'],
      ['Antony Blinken', 'Spoke with Israeli Prime Minister Netanyahu today.\nA second line of the same statement.', '2023-06-29'],
    ],
  );
  assert.equal(r.problems.length, 1);
  assert.match(r.problems[0], /^line 5: row skipped, `speaker` is empty/);
  assert.equal(text.slice(r.statements[1].span.start, r.statements[1].span.end), r.statements[1].text);
  assert.equal(lineNumberAt(text, r.statements[1].span.start), 3);
  const raw = text.slice(r.statements[0].span.start, r.statements[0].span.end);
  assert.ok(raw.startsWith('The Secretary discussed the need, as he said'));
});

test('csv: missing columns, ragged rows, unclosed quote, CRLF and BOM', () => {
  assert.match(readCsv('name,quote\nA,B\n').problems[0], /^line 1: the CSV header has no `speaker` and `text` column/);
  assert.match(readCsv('Speaker,date\nA,B\n').problems[0], /no `text` column/);
  assert.match(readCsv('').problems[0], /empty CSV/);
  const crlf = readCsv('\ufeffText,SPEAKER,url\r\n"Hello, world",A,https://x.org\r\nshort\r\n\r\n');
  assert.deepEqual(
    crlf.statements.map((s) => [s.speakerText, s.text, s.url]),
    [['A', 'Hello, world', 'https://x.org']],
  );
  assert.equal(crlf.problems.length, 2, crlf.problems.join('\n'));
  assert.match(crlf.problems[0], /^line 3: 1 field, the header has 3/);
  const unclosed = readCsv('speaker,text\nA,"never closed\n');
  assert.ok(unclosed.problems.some((p) => /never closed/.test(p)));
});

test('csv: the separator is detected (`;` from a European spreadsheet, tab), and a quoted field after a space is whole', () => {
  const semi = readCsv('speaker;text;date\nMiller; "We said a, b and c; nothing more.";2024-01-02\n');
  assert.deepEqual(semi.problems, []);
  assert.deepEqual(
    semi.statements.map((s) => [s.speakerText, s.text, s.date]),
    [['Miller', 'We said a, b and c; nothing more.', '2024-01-02']],
  );
  const tab = readCsv('text\tspeaker\nWe will, in time.\tRuiz\n');
  assert.deepEqual(
    tab.statements.map((s) => [s.speakerText, s.text]),
    [['Ruiz', 'We will, in time.']],
  );
  const comma = 'speaker,text\nMiller, "a, b"\n';
  const r = readCsv(comma);
  assert.deepEqual(r.problems, []);
  assert.deepEqual(
    r.statements.map((s) => [s.speakerText, s.text, comma.slice(s.span.start, s.span.end)]),
    [['Miller', 'a, b', 'a, b']],
  );
});

test("json: each record's line label is right in a long pretty-printed file", () => {
  const records = Array.from({ length: 3000 }, (_, i) => (i === 2999 ? { speaker: 'Miller', text: 7 } : { speaker: 'Miller', text: `Statement ${i}.` }));
  const text = JSON.stringify(records, null, 2);
  const r = readJsonRecords(text, 'json');
  assert.equal(r.statements.length, 2999);
  const line = lineNumberAt(text, text.lastIndexOf('{'));
  assert.deepEqual(r.problems, [`record 3000 (line ${line}): "text" must be a string (a number)`]);
});

test('jsonl: another speaker\'s turn inside a record ("… LOPEZ: …") is cut out as their statement', () => {
  const rows = [
    {
      speaker: 'Dana Whitfield',
      text: 'Let us turn to the budget. Councillor Lopez, your answer? LOPEZ: The \u201cbudget\u201d is a promise we cannot keep. WHITFIELD: Thank you. (UNKNOWN): Louder!',
    },
    { speaker: 'Maria Lopez', text: 'I stand by every line of it.' },
    { speaker: 'Dana Whitfield', text: 'The STATE: of things, FYI: nothing here is a label.' },
  ];
  const text = rows.map((r) => JSON.stringify(r)).join('\n') + '\n';
  const r = readJsonRecords(text, 'jsonl');
  assert.deepEqual(r.problems, []);
  assert.deepEqual(
    r.statements.map((s) => [s.speakerText, s.text]),
    [
      ['Dana Whitfield', 'Let us turn to the budget. Councillor Lopez, your answer?'],
      ['Maria Lopez', 'The \u201cbudget\u201d is a promise we cannot keep.'],
      ['Dana Whitfield', 'Thank you.'],
      ['', 'Louder!'],
      ['Maria Lopez', 'I stand by every line of it.'],
      ['Dana Whitfield', 'The STATE: of things, FYI: nothing here is a label.'],
    ],
  );
  // Each part's span is its words on the raw line (escapes and all).
  const raw = (s: { span: { start: number; end: number } }) => JSON.parse(`"${text.slice(s.span.start, s.span.end)}"`);
  for (const s of r.statements) assert.equal(raw(s), s.text);
});
