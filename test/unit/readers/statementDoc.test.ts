import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { readStatementBody } from '../../../server/src/engine/corpus/readers/statementDoc';
import { assertSpansExact } from './helpers';

test('statement body: each paragraph is a statement of the speaker; headings, rules, END and ### are not', () => {
  const head = '---\nspeaker: Matthew Miller\n---\n';
  const text =
    head +
    '# Readout of the Secretary\u2019s Call\n\n' +
    'The Secretary discussed the need to uphold the commitments made at\nregional meetings in Aqaba.\n\n' +
    '---\n\n' +
    '-   **Encourage states** to allow more people to be vaccinated.\n' +
    '-   Expand [vaccination\nsites](https://example.org/sites).\n\n' +
    '1. First numbered item.\n\n' +
    'He also discussed broader regional challenges.\u00a0 \n\n' +
    '<!-- an editor\u2019s comment\nover two lines -->\n\n' +
    '```\ncode is not a statement\n```\n\n' +
    '\\###\n';
  const st = readStatementBody(text, head.length, 'Matthew Miller');
  assert.deepEqual(
    st.map((s) => s.text),
    [
      'The Secretary discussed the need to uphold the commitments made at regional meetings in Aqaba.',
      'Encourage states to allow more people to be vaccinated.',
      'Expand vaccination sites.',
      'First numbered item.',
      'He also discussed broader regional challenges.',
    ],
  );
  assert.ok(st.every((s) => s.speakerText === 'Matthew Miller'));
  assertSpansExact(text, st);
  assert.equal(text.slice(st[0].span.start, st[0].span.end), 'The Secretary discussed the need to uphold the commitments made at\nregional meetings in Aqaba.');
  // The list item's span starts at its words, after the bullet and bold marks.
  assert.ok(text.slice(st[1].span.start).startsWith('Encourage states**'));
});

test('statement body: empty body yields nothing', () => {
  assert.deepEqual(readStatementBody('', 0, 'X'), []);
  assert.deepEqual(readStatementBody('\n\n\u00a0\n###\n', 0, 'X'), []);
});
