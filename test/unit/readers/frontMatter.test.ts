import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { parseFrontMatter } from '../../../server/src/engine/corpus/readers/frontMatter';

test('front matter: simple keys, quoted values, lists', () => {
  const text = [
    '---',
    'title: "Readout: Secretary Blinken\'s call"',
    "date: '2023-06-29'",
    'url: https://example.org/a?b=c#frag',
    'speaker: Matthew Miller # a comment',
    'tags: [state, "israel, iran", \'mideast\']',
    'aliases:',
    '  - Tony Blinken',
    '  - "Secretary Blinken"',
    'kind: statement',
    '---',
    'Body starts here.',
  ].join('\n');
  const fm = parseFrontMatter(text);
  assert.deepEqual(fm.problems, []);
  assert.equal(fm.data.title, "Readout: Secretary Blinken's call");
  assert.equal(fm.data.date, '2023-06-29');
  assert.equal(fm.data.url, 'https://example.org/a?b=c#frag');
  assert.equal(fm.data.speaker, 'Matthew Miller');
  assert.deepEqual(fm.data.tags, ['state', 'israel, iran', 'mideast']);
  assert.deepEqual(fm.data.aliases, ['Tony Blinken', 'Secretary Blinken']);
  assert.equal(fm.data.kind, 'statement');
  assert.equal(text.slice(fm.bodyStart), 'Body starts here.');
});

test('front matter: YAML escapes and folded double-quoted lines as in the White House files', () => {
  const text =
    '---\r\n' +
    'title: "FACT SHEET: The American Families Plan Will Support Children, Teachers, and\\\r\n' +
    '  \\ Working Families in Rural\\_America"\r\n' +
    'other: "Blinken\\u2019\\\r\n' +
    '  s Visit to the Middle\\_East"\r\n' +
    'folded: "one\r\n' +
    '  two"\r\n' +
    'modified_time: 2021-01-25 02:21:50-05:00\r\n' +
    '---\r\n' +
    ' \r\nBody';
  const fm = parseFrontMatter(text);
  assert.deepEqual(fm.problems, []);
  assert.equal(fm.data.title, 'FACT SHEET: The American Families Plan Will Support Children, Teachers, and Working Families in Rural\u00a0America');
  assert.equal(fm.data.other, 'Blinken\u2019s Visit to the Middle\u00a0East');
  assert.equal(fm.data.folded, 'one two');
  assert.equal(fm.data.modified_time, '2021-01-25 02:21:50-05:00');
  assert.equal(text.slice(fm.bodyStart), ' \r\nBody');
});

test('front matter: nested speakers map and flow map are flattened', () => {
  const fm = parseFrontMatter('---\nspeakers:\n  Q: Jane Doe\n  "Speaker 1": Antony Blinken\nmap: {a: b, "c d": \'e\'}\n---\n');
  assert.deepEqual(fm.problems, []);
  assert.equal(fm.data['speakers.Q'], 'Jane Doe');
  assert.equal(fm.data['speakers.Speaker 1'], 'Antony Blinken');
  assert.equal(fm.data['map.a'], 'b');
  assert.equal(fm.data['map.c d'], 'e');
});

test("front matter: a map two levels deep is reported, not read under the parent's keys", () => {
  const fm = parseFrontMatter('---\nspeakers:\n  Q:\n    name: Jane Doe\n    role: reporter\n  A: Antony Blinken\ntitle: Interview\n---\nBody');
  assert.equal(fm.data['speakers.name'], undefined);
  assert.equal(fm.data['speakers.role'], undefined);
  assert.equal(fm.data['speakers.Q'], undefined);
  assert.equal(fm.data['speakers.A'], 'Antony Blinken');
  assert.equal(fm.data.title, 'Interview');
  assert.equal(fm.problems.length, 1);
  assert.match(fm.problems[0], /line 3: `speakers\.Q` holds a nested map or list, deeper than Verbatim reads/);
});

test('front matter: block scalars', () => {
  const fm = parseFrontMatter('---\nlit: |\n  line one\n  line two\nfold: >\n  a\n  b\n---\nx');
  assert.equal(fm.data.lit, 'line one\nline two');
  assert.equal(fm.data.fold, 'a b');
});

test('front matter: none', () => {
  for (const text of ['Just a body.\n---\nkey: v\n---\n', '', '  ---\nkey: v\n---\n', '----\nx']) {
    const fm = parseFrontMatter(text);
    assert.deepEqual(fm, { data: {}, bodyStart: 0, problems: [] });
  }
});

test('front matter: BOM before the opening line', () => {
  const fm = parseFrontMatter('\ufeff---\ntitle: T\n---\nBody');
  assert.equal(fm.data.title, 'T');
  assert.equal(fm.bodyStart, '\ufeff---\ntitle: T\n---\n'.length);
});

test('front matter: malformed lines are problems, not throws; good keys still load', () => {
  const fm = parseFrontMatter('---\ntitle: Good\nthis line is not yaml\n  stray indented\nquote: "never closed\n---\nBody');
  assert.equal(fm.data.title, 'Good');
  assert.ok(fm.problems.length >= 2, fm.problems.join('\n'));
  assert.ok(
    fm.problems.some((p) => /line 3/.test(p)),
    fm.problems.join('\n'),
  );
});

test('front matter: unclosed block is a problem and the whole file is the body', () => {
  const fm = parseFrontMatter('---\ntitle: x\nno closing line\n');
  assert.equal(fm.bodyStart, 0);
  assert.equal(fm.problems.length, 1);
  assert.match(fm.problems[0], /never closed/);
});

test('front matter: unclosed flow list and bad escape are problems', () => {
  const fm = parseFrontMatter('---\ntags: [a, b\ntitle: "bad \\q escape"\n---\n');
  assert.ok(
    fm.problems.some((p) => /never closes/.test(p)),
    fm.problems.join('\n'),
  );
  assert.ok(
    fm.problems.some((p) => /escape/.test(p)),
    fm.problems.join('\n'),
  );
});
