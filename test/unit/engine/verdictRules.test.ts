import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkText, type Finding } from '../../../server/src/engine';
import { seedCorpus } from '../../support/corpus';

// The seed article plus a few records written for these rules.
const corpus = seedCorpus([
  { speaker: 'Antony Blinken', text: 'We will work with our partners to organize a summit on regional security in Amman next spring.' },
  { speaker: 'Matthew Miller', text: 'We will work with our partners to organize a summit on regional security in Amman next spring.' },
  { speaker: 'Antony Blinken', text: 'The United States will not recognize any annexation of territory taken by force.' },
  { speaker: 'Benjamin Netanyahu', text: 'Our defense forces are prepared for every scenario, and we are ready to act alone if we must.' },
]);

function only(draft: string): Finding {
  const findings = checkText(draft, '/drafts/draft.md', corpus).findings;
  assert.equal(findings.length, 1, `one quote expected in: ${draft}`);
  return findings[0];
}

test('the same words said by two people are verified for either', () => {
  for (const who of ['Blinken', 'Miller']) {
    const f = only(`“We will work with our partners to organize a summit on regional security,” ${who} said.`);
    assert.equal(f.verdict, 'verified', who);
    assert.equal(f.source?.speaker, who === 'Blinken' ? 'Antony Blinken' : 'Matthew Miller');
  }
});

test('a quote found only under another speaker is misattributed, naming them', () => {
  const f = only(`“Our defense forces are prepared for every scenario,” Blinken said.`);
  assert.equal(f.verdict, 'misattributed');
  assert.match(f.message, /Benjamin Netanyahu's, not Antony Blinken's/);
});

test('reordered words are an alteration that says so', () => {
  const f = only(`“We will work with our partners to organize a summit on security regional in Amman,” Blinken said.`);
  assert.equal(f.verdict, 'altered');
  assert.equal(f.severity, 'error');
  assert.match(f.message, /“security regional” reorders the source's “regional security”/);
});

test('a changed name is an error that says so', () => {
  const f = only(`“We will work with our partners to organize a summit on regional security in Cairo next spring,” Blinken said.`);
  assert.equal(f.verdict, 'altered');
  assert.equal(f.severity, 'error');
  assert.deepEqual(f.changes, [{ op: 'replace', draft: 'Cairo', source: 'Amman' }]);
  assert.match(f.message, /\(name\)/);
});

test('a changed modal or tense is an error', () => {
  const f = only(`“The United States would not recognize any annexation of territory taken by force,” Blinken said.`);
  assert.equal(f.verdict, 'altered');
  assert.equal(f.severity, 'error');
  assert.match(f.message, /“would” where the source has “will” \(tense or modal\)/);
});

test('a US/UK spelling variant is a warning', () => {
  const f = only(`“We will work with our partners to organise a summit on regional security,” Blinken said.`);
  assert.equal(f.verdict, 'altered');
  assert.equal(f.severity, 'warning');
  assert.match(f.message, /\(spelling\)/);
  const defence = only(`“Our defence forces are prepared for every scenario,” Netanyahu said.`);
  assert.equal(defence.severity, 'warning');
});

test('a contraction that changes form (won’t for will not, can’t for cannot) is a warning, not verified', () => {
  const f = only(`“The United States won't recognize any annexation of territory taken by force,” Blinken said.`);
  assert.equal(f.verdict, 'altered');
  assert.equal(f.severity, 'warning');
  assert.deepEqual(f.changes, [{ op: 'replace', draft: "won't", source: 'will not' }]);
});

test('an added negation is an error', () => {
  const f = only(`“We are not ready to act alone if we must,” Netanyahu said.`);
  assert.equal(f.verdict, 'altered');
  assert.equal(f.severity, 'error');
  assert.match(f.message, /“not” added \(negation\)/);
});

test('an ellipsis joining two statements is a stitch, not an omission', () => {
  const f = only(`“The United States will not recognize any annexation … to organize a summit on regional security in Amman next spring,” Blinken said.`);
  assert.equal(f.verdict, 'stitched');
  assert.equal(f.otherSources.length, 1);
});

test('a stitch across two speakers names both', () => {
  const f = only(`“Our defense forces are prepared for every scenario, and we will work with our partners to organize a summit,” Netanyahu said.`);
  assert.equal(f.verdict, 'stitched');
  assert.match(f.message, /Benjamin Netanyahu/);
  assert.match(f.message, /Antony Blinken|Matthew Miller/);
});

test('the message names the most serious change when there are several', () => {
  const f = only(`“The United States will recognize an annexation of territory taken by force,” Blinken said.`);
  assert.equal(f.verdict, 'altered');
  assert.equal(f.severity, 'error');
  assert.match(f.message, /^“not” dropped \(negation\) \(and 1 more change\)$/);
});
