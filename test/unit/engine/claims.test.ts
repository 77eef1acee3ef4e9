import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkText, type Finding } from '../../../server/src/engine';
import { stem } from '../../../server/src/engine/claims/stem';
import { areSynonyms } from '../../../server/src/engine/claims/synonyms';
import { seedCorpus } from '../../support/corpus';

const corpus = seedCorpus([
  { speaker: 'Matthew Miller', text: 'The department will send 40 additional inspectors to the border crossing this month.' },
  { speaker: 'Benjamin Netanyahu', text: 'Israel will never accept a nuclear Iran.' },
  // A long answer that holds a claim's words, but scattered: no passage of it says the claim.
  {
    speaker: 'Dana Ortiz',
    text:
      'Our campaign is different. The average voter in this county has been ignored for years, and we went door to door. ' +
      'We heard about rents, about the mill closing, about the bus line that stopped running. ' +
      'People gave what they could, a donation here and there, and we are proud of every one. ' +
      'Some of them gave 27 dollars, some gave five, and the amount never mattered to us.',
  },
]);

function claim(draft: string): Finding {
  const claims = checkText(draft, '/drafts/draft.md', corpus).findings.filter((f) => f.kind === 'claim');
  assert.equal(claims.length, 1, `one claim expected in: ${draft}`);
  return claims[0];
}

test('stems and synonyms: inflections meet, WordNet senses match', () => {
  assert.equal(stem('discussed'), stem('discusses'));
  assert.equal(stem('inspectors'), stem('inspector'));
  assert.ok(areSynonyms('discuss', 'talk'), 'discuss ~ talk (the table is built by npm run build)');
});

test('supported: the speaker said it, in other words', () => {
  const f = claim('Miller said the department would send 40 more inspectors to the border crossing.');
  assert.equal(f.verdict, 'supported');
  assert.equal(f.severity, 'none');
  assert.equal(f.source?.speaker, 'Matthew Miller');
  assert.match(f.message, /Claim supported by Matthew Miller/);
});

test('supported through a synonym', () => {
  const f = claim('Miller said the two talked about deepening Israel’s integration into the Middle East.');
  assert.equal(f.verdict, 'supported');
});

test('a changed number is not support', () => {
  const f = claim('Miller said the department would send 400 more inspectors to the border crossing.');
  assert.notEqual(f.verdict, 'supported');
  assert.equal(f.severity, 'information');
});

test('a negation the statement lacks is not support', () => {
  const f = claim('Miller said the department would not send inspectors to the border crossing.');
  assert.notEqual(f.verdict, 'supported');
});

test('misattributed: only another speaker said it, and the message names them', () => {
  const f = claim('Blinken said Israel would never accept a nuclear Iran.');
  assert.equal(f.verdict, 'misattributed');
  assert.equal(f.severity, 'information');
  assert.match(f.message, /Benjamin Netanyahu/);
  assert.equal(f.source?.speaker, 'Benjamin Netanyahu');
});

test('not misattributed when another speaker’s long answer holds the claim’s words only scattered over it (SPEC §5)', () => {
  const f = claim('The campaign said the average donation amount was $27.');
  assert.equal(f.verdict, 'missing');
  assert.equal(f.source, null);
});

test('missing: nothing the speaker said bears it out; the closest statements are listed', () => {
  const f = claim('Miller said the department had closed its consulate in Jerusalem.');
  assert.equal(f.verdict, 'missing');
  assert.equal(f.severity, 'information');
  assert.equal(f.source, null);
  assert.ok(f.otherSources.length >= 1 && f.otherSources.length <= 3);
});

test('claims can be turned off', () => {
  const findings = checkText('Miller said the department would send 40 more inspectors.', '/d.md', corpus, { claims: false }).findings;
  assert.deepEqual(findings, []);
});
