import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkText, type Finding } from '../../../server/src/engine';
import { seedCorpus } from '../../support/corpus';

// The seed article is the whole corpus here: six statements of five speakers.
const corpus = seedCorpus();

function check(draft: string): Finding[] {
  return checkText(draft, '/drafts/draft.md', corpus).findings;
}

function only(draft: string): Finding {
  const findings = check(draft);
  assert.equal(findings.length, 1, `expected one quote, found ${findings.length}: ${findings.map((f) => f.text).join(' | ')}`);
  return findings[0];
}

const MILLER = 'State Department spokesperson Matthew Miller';

test('verified: the exact words of the named speaker', () => {
  const f = only(`Blinken wrote: “Spoke with Israeli Prime Minister Netanyahu today on areas of mutual interest, including Israel’s further integration into the region.”`);
  assert.equal(f.verdict, 'verified');
  assert.equal(f.severity, 'none');
  assert.equal(f.speaker, 'Antony Blinken');
  assert.equal(f.source?.speaker, 'Antony Blinken');
  assert.equal(f.source?.path, '/sources/seed-article.txt');
  assert.deepEqual(f.changes, []);
});

test('verified: a speaker named by surname, title or alias form resolves to one identity', () => {
  for (const who of ['Miller', 'Matthew Miller', MILLER, 'Spokesperson Matthew Miller']) {
    const f = only(`${who} said the two “discussed areas of mutual interest.”`);
    assert.equal(f.verdict, 'verified', who);
    assert.equal(f.speaker, 'Matthew Miller', who);
  }
});

test('§4: typographic quote and apostrophe forms are not alterations', () => {
  const f = only(`The Prime Minister's Office said "returning to the nuclear agreement with Iran won’t stop the Iranian nuclear program."`);
  assert.equal(f.verdict, 'verified');
});

test('§4: dash forms, white space and line breaks are not alterations', () => {
  const f = only(`Miller said the Secretary “underscored the United States’ ironclad commitment to Israel’s security and our 75–year–old\n   partnership.”`);
  assert.equal(f.verdict, 'verified');
});

test('§4: the case of the first letter and punctuation at the edge are not alterations', () => {
  const f = only(`“Discussed areas of mutual interest, including expanding and deepening Israel’s integration into the Middle East,” Miller said.`);
  assert.equal(f.verdict, 'verified');
});

test('§4: an ellipsis stands for omitted words, in any of its forms', () => {
  for (const ellipsis of ['...', '…', '. . .']) {
    const f = only(
      `“The Secretary discussed the need to uphold the commitments made at regional meetings ${ellipsis} to avoid measures that undermine the prospects for a two-state solution,” Miller said.`,
    );
    assert.equal(f.verdict, 'verified', ellipsis);
  }
});

test('§4: a bracketed insertion or replacement stands for the words it replaces', () => {
  const f = only(`“[Blinken] discussed the need to uphold the commitments made at regional meetings in Aqaba,” Miller said.`);
  assert.equal(f.verdict, 'verified');
  const inserted = only(`Miller said the two “discussed areas of mutual interest, including expanding and deepening [the] integration into the Middle East.”`);
  assert.equal(inserted.verdict, 'verified');
});

test('§4: [sic] is not a word of the quote', () => {
  const f = only(`“He also discussed broader regional challenges, such as the threat posed by Iran [sic],” Miller said.`);
  assert.equal(f.verdict, 'verified');
});

test('§4: a partial quote, a contiguous part of a statement, is verified', () => {
  const f = only(`Miller said the United States has an “ironclad commitment to Israel’s security.”`);
  assert.equal(f.verdict, 'verified');
});

test('altered: a changed content word is an error naming the change', () => {
  const f = only(`“He also discussed broader regional challenges, such as the danger posed by Iran,” Miller said.`);
  assert.equal(f.verdict, 'altered');
  assert.equal(f.severity, 'error');
  assert.deepEqual(f.changes, [{ op: 'replace', draft: 'danger', source: 'threat' }]);
  assert.match(f.message, /“danger” where the source has “threat”/);
});

test('altered: a changed number is an error', () => {
  const f = only(`Miller said the Secretary spoke of “our 70-year-old partnership.”`);
  assert.equal(f.verdict, 'altered');
  assert.equal(f.severity, 'error');
  assert.deepEqual(f.changes, [{ op: 'replace', draft: '70', source: '75' }]);
  assert.match(f.message, /number/);
});

test('altered: a dropped negation is an error, also when the quote starts just after it', () => {
  const dropped = only(`A senior Biden administration official said the Iranian response “is at all encouraging.”`);
  assert.equal(dropped.verdict, 'altered');
  assert.equal(dropped.severity, 'error');
  assert.deepEqual(dropped.changes, [{ op: 'delete', draft: '', source: 'not' }]);
  assert.match(dropped.message, /^“not” dropped/);
  const cut = only(`A senior Biden administration official said the Iranian response was “at all encouraging.”`);
  assert.equal(cut.verdict, 'altered');
  assert.equal(cut.severity, 'error');
  assert.match(cut.message, /not/);
});

test('altered: an ellipsis that hides a negation is a change', () => {
  const f = only(`The Prime Minister’s Office said “returning to the nuclear agreement with Iran won't ... stop the Iranian nuclear program.”`);
  assert.equal(f.verdict, 'verified', 'a harmless ellipsis is fine');
  const hidden = only(`The Prime Minister’s Office said Netanyahu believes “no arrangement with Iran will ... obligate Israel.”`);
  assert.equal(hidden.verdict, 'verified');
  const negationHidden = only(`The Prime Minister’s Office said “returning to the nuclear agreement with Iran will … stop the Iranian nuclear program.”`);
  assert.equal(negationHidden.verdict, 'altered');
  assert.equal(negationHidden.severity, 'error');
});

test('altered: a contraction or a changed function word is a warning', () => {
  const contraction = only(`The Prime Minister’s Office said “returning to the nuclear agreement with Iran will not stop the Iranian nuclear program.”`);
  assert.equal(contraction.verdict, 'altered');
  assert.equal(contraction.severity, 'warning');
  const functionWord = only(`“He also discussed broader regional challenges, such as a threat posed by Iran,” Miller said.`);
  assert.equal(functionWord.verdict, 'altered');
  assert.equal(functionWord.severity, 'warning');
});

test('altered: words dropped without an ellipsis and words added are listed', () => {
  const dropped = only(`“The Secretary discussed the need to uphold the commitments made at meetings in Aqaba,” Miller said.`);
  assert.equal(dropped.verdict, 'altered');
  assert.deepEqual(dropped.changes, [{ op: 'delete', draft: '', source: 'regional' }]);
  const added = only(`“The Secretary discussed the urgent need to uphold the commitments made at regional meetings in Aqaba,” Miller said.`);
  assert.equal(added.verdict, 'altered');
  assert.deepEqual(added.changes, [{ op: 'insert', draft: 'urgent', source: '' }]);
});

test('misattributed: the words of another speaker, naming them', () => {
  const f = only(`“The Secretary discussed the need to uphold the commitments made at regional meetings in Aqaba and Sharm El Sheikh,” Netanyahu said.`);
  assert.equal(f.verdict, 'misattributed');
  assert.equal(f.severity, 'error');
  assert.equal(f.source?.speaker, 'Matthew Miller');
  assert.match(f.message, /Matthew Miller/);
});

test('misattributed: a speaker the corpus does not know, with words it does', () => {
  const f = only(`“Spoke with Israeli Prime Minister Netanyahu today on areas of mutual interest,” Jake Sullivan said.`);
  assert.equal(f.verdict, 'misattributed');
  assert.equal(f.source?.speaker, 'Antony Blinken');
});

test('missing: no statement has these words', () => {
  const f = only(`“We will never negotiate with Tehran under any circumstances,” Blinken said.`);
  assert.equal(f.verdict, 'missing');
  assert.equal(f.severity, 'warning');
  assert.equal(f.source, null);
});

test('missing, short: one to three words not found are information only', () => {
  const f = only(`A US official said the efforts have “hit a snag” lately.`);
  assert.equal(f.verdict, 'missing');
  assert.equal(f.severity, 'information');
  const found = only(`A US official said the efforts have “hit a wall” lately.`);
  assert.equal(found.verdict, 'verified');
});

test('unattributed: a cue with no speaker that can be resolved', () => {
  const f = only(`“We will never negotiate with Tehran under any circumstances,” the spokesperson said.`);
  assert.equal(f.verdict, 'unattributed');
  assert.equal(f.severity, 'information');
  assert.equal(f.speaker, null);
});

test('stitched: fragments of two statements joined without an ellipsis', () => {
  const f = only(
    `Miller said the two “discussed areas of mutual interest, including expanding and deepening Israel’s integration, and underscored the United States’ ironclad commitment to Israel’s security.”`,
  );
  assert.equal(f.verdict, 'stitched');
  assert.equal(f.severity, 'error');
  assert.ok(f.source);
  assert.equal(f.otherSources.length, 1);
  assert.notEqual(f.source.text, f.otherSources[0].text);
  assert.match(f.message, /Stitched/);
});

test('the same verdicts for a quote split by its attribution', () => {
  const f = only(
    `“The Secretary discussed the need to uphold the commitments made at regional meetings in Aqaba and Sharm El Sheikh,” Miller said, “to avoid measures that undermine the prospects for a two-state solution.”`,
  );
  assert.equal(f.verdict, 'verified');
  assert.equal(f.speaker, 'Matthew Miller');
});

test('silent: scare quotes, titles, code, URLs, front matter and HTML get no finding', () => {
  const draft = [
    '---',
    'title: "A draft about the so-called deal"',
    '---',
    '',
    'The so-called “interim deal” was in the news, and the “deal” was discussed.',
    '',
    'She read “Gone with the Wind” again.',
    '',
    'Inline code `print("Spoke with Israeli Prime Minister Netanyahu today")` is not a quote.',
    '',
    '```',
    '"The Secretary discussed the need to uphold the commitments made," Miller said.',
    '```',
    '',
    'See https://example.com/?q="hit a wall" and <span title="is not at all encouraging">this</span>.',
  ].join('\n');
  assert.deepEqual(check(draft), []);
});

test('an ignore comment marks the next quote as checked by hand', () => {
  const findings = check(`<!-- verbatim-ignore -->\n“We will never negotiate with Tehran under any circumstances,” Blinken said.`);
  assert.equal(findings.length, 1);
  assert.equal(findings[0].ignored, true);
});

test('ranges are zero-based lines and UTF-16 characters', () => {
  const draft = `# Title 🙂\n\nBlinken wrote: “Spoke with Israeli Prime Minister Netanyahu today.”`;
  const f = only(draft);
  assert.deepEqual(f.range.start, { line: 2, character: 16 });
  assert.equal(draft.slice(f.span.start, f.span.end), 'Spoke with Israeli Prime Minister Netanyahu today.');
});
