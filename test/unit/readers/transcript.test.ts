import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { looksLikeTranscript, matchLabel, readTranscript } from '../../../server/src/engine/corpus/readers/transcript';
import { assertSpansExact, fixture } from './helpers';

const read = (text: string, meta = {}, problems?: string[]) => readTranscript(text, 0, meta, problems);

test('transcript: one statement per paragraph, a turn runs over paragraphs until the next label', () => {
  const text = [
    'The Oval Office',
    '',
    '11:52 A.M. EST',
    '',
    'THE PRESIDENT:  Thank you all for being here.  We have a lot',
    'to talk about today.',
    '',
    'Second paragraph of the same turn.',
    '',
    'PRIME MINISTER BENNETT:  Thank you, Mr. President.',
    '',
    'MS. JEAN-PIERRE: One more thing.',
  ].join('\n');
  const st = read(text);
  assert.deepEqual(
    st.map((s) => [s.speakerText, s.text]),
    [
      ['THE PRESIDENT', 'Thank you all for being here. We have a lot to talk about today.'],
      ['THE PRESIDENT', 'Second paragraph of the same turn.'],
      ['PRIME MINISTER BENNETT', 'Thank you, Mr. President.'],
      ['MS. JEAN-PIERRE', 'One more thing.'],
    ],
  );
  assertSpansExact(text, st);
  // The span covers the original hard-wrapped text exactly.
  assert.equal(text.slice(st[0].span.start, st[0].span.end), 'Thank you all for being here.  We have a lot\nto talk about today.');
});

test('transcript: surname, Title Case names and senior officials', () => {
  const caps = 'BLINKEN: We spoke today.\nSENIOR ADMINISTRATION OFFICIAL:  Good afternoon.\nMR. O\u2019ROURKE: Yes.\n';
  assert.deepEqual(
    read(caps).map((s) => s.speakerText),
    ['BLINKEN', 'SENIOR ADMINISTRATION OFFICIAL', 'MR. O\u2019ROURKE'],
  );
  assertSpansExact(caps, read(caps));
  const names = 'Antony Blinken: We spoke today.\nDr. Anthony Fauci: Masks work.\nJosé de la Cruz: Claro.\n';
  assert.deepEqual(
    read(names).map((s) => s.speakerText),
    ['Antony Blinken', 'Dr. Anthony Fauci', 'José de la Cruz'],
  );
  assertSpansExact(names, read(names));
});

test('transcript: in a transcript labelled in capitals, Title Case "labels" are the speaker\'s prose', () => {
  const text = 'THE PRESIDENT:  The result is a crisis.\n\nConsider: Since Roe was overturned, I have met women.\n\nTwo: mental health.\n\nMS. PSAKI: Thanks.\n';
  assert.deepEqual(
    read(text).map((s) => [s.speakerText, s.text]),
    [
      ['THE PRESIDENT', 'The result is a crisis.'],
      ['THE PRESIDENT', 'Consider: Since Roe was overturned, I have met women.'],
      ['THE PRESIDENT', 'Two: mental health.'],
      ['MS. PSAKI', 'Thanks.'],
    ],
  );
  // ... unless the front matter names the label.
  const mixed = 'BLINKEN: One.\n\nJane Doe: Two?\n';
  assert.deepEqual(
    read(mixed).map((s) => s.speakerText),
    ['BLINKEN', 'BLINKEN'],
  );
  assert.deepEqual(
    read(mixed, { speakers: ['Jane Doe=Jane Doe'] }).map((s) => s.speakerText),
    ['BLINKEN', 'Jane Doe'],
  );
});

test('transcript: a bare White House "Q" line that reads like a label is still a question', () => {
  const text = 'MS. PSAKI:  Go ahead.\n\nQ\u00a0\u00a0 On Taiwan: what did he mean?\n\nMS. PSAKI:  Our policy has not changed.\n';
  assert.deepEqual(
    read(text).map((s) => s.text),
    ['Go ahead.', 'Our policy has not changed.'],
  );
});

test('transcript: timestamps before and after the label', () => {
  const text = '[00:01:02] MILLER: Good afternoon.\n\n00:02:10 Q: A question?\n\nSpeaker 1 (00:03): An answer.\n';
  const st = read(text);
  assert.deepEqual(
    st.map((s) => [s.speakerText, s.text]),
    [
      ['MILLER', 'Good afternoon.'],
      ['Speaker 1', 'An answer.'],
    ],
  );
  assertSpansExact(text, st);
});

test('transcript: Q turns are questions and are skipped unless mapped; bare White House "Q" lines too', () => {
  const text = 'MS. PSAKI:\u00a0 Hello.\n\nQ\u00a0\u00a0\u00a0 Thanks, Jen.  A question\nthat wraps.\n\nMore of the question.\n\nMS. PSAKI:  An answer.\n\nQ: Another?\n';
  const st = read(text);
  assert.deepEqual(
    st.map((s) => [s.speakerText, s.text]),
    [
      ['MS. PSAKI', 'Hello.'],
      ['MS. PSAKI', 'An answer.'],
    ],
  );
  const mapped = read(text, { q: 'Jane Doe' });
  assert.deepEqual(
    mapped.filter((s) => s.speakerText === 'Jane Doe').map((s) => s.text),
    ['Thanks, Jen. A question that wraps.', 'More of the question.', 'Another?'],
  );
});

test('transcript: A turns need a name from front matter (a, speaker, speakers)', () => {
  const text = 'Q: What happened?\nA: We talked.\n';
  const problems: string[] = [];
  assert.deepEqual(read(text, {}, problems), []);
  assert.equal(problems.length, 1);
  assert.match(problems[0], /A:/);
  assert.deepEqual(
    read(text, { a: 'Antony Blinken' }).map((s) => s.speakerText),
    ['Antony Blinken'],
  );
  assert.deepEqual(
    read(text, { speaker: 'Antony Blinken' }).map((s) => s.speakerText),
    ['Antony Blinken'],
  );
  assert.deepEqual(
    read(text, { speakers: ['Q = Jane Doe', 'A: Tony Blinken'] }).map((s) => s.speakerText),
    ['Jane Doe', 'Tony Blinken'],
  );
  assert.deepEqual(
    read(text, { 'speakers.A': 'Antony Blinken' }).map((s) => s.speakerText),
    ['Antony Blinken'],
  );
  assert.deepEqual(
    read('Speaker 1: Hi.\n', { 'speakers.Speaker 1': 'Matthew Miller' }).map((s) => s.speakerText),
    ['Matthew Miller'],
  );
});

test('transcript: stage directions are dropped from the text; a paragraph that is only one yields nothing', () => {
  const text =
    'THE PRESIDENT:  Thank you.  (Applause.)  Now that I\u2019ve ruined your reputation.  (Laughter.)\n\n(A basketball jersey is presented to the\nPresident.)\n\nPRIME MINISTER BENNETT:  (As interpreted.)  Shalom.  [inaudible] Thank you [crosstalk].\n';
  const st = read(text);
  assert.deepEqual(
    st.map((s) => s.text),
    ['Thank you. Now that I\u2019ve ruined your reputation.', 'Shalom. Thank you.'],
  );
  // Spans stay exact and do not start or end on a dropped stage direction.
  assert.equal(text.slice(st[0].span.start, st[0].span.end), 'Thank you.  (Applause.)  Now that I\u2019ve ruined your reputation.');
  assert.equal(text.slice(st[1].span.start, st[1].span.end), 'Shalom.  [inaudible] Thank you [crosstalk].');
});

test('transcript: lines before the first label, ###, END and a closing time are not statements', () => {
  const text = [
    'James S. Brady Press Briefing Room',
    '',
    '7:06 P.M. EST',
    '\u00a0 ',
    'MS. PSAKI:\u00a0 Good evening.',
    '\u00a0 ',
    '10:54 A.M. EDT',
    '',
    'Trailing noise after the end time.',
    '',
    'MS. PSAKI: Back again.',
    'END 11:00 A.M. EDT',
    'After END.',
    '\\###',
    'After the hashes.',
  ].join('\n');
  assert.deepEqual(
    read(text).map((s) => s.text),
    ['Good evening.', 'Back again.'],
  );
  // END padded with many non-breaking spaces, as in the 2021 briefings.
  const padded = 'MS. PSAKI: Thanks.\n' + '\u00a0 '.repeat(23) + 'END' + '\u00a0 '.repeat(15) + '1:39 P.M. EST\n';
  assert.deepEqual(
    read(padded).map((s) => s.text),
    ['Thanks.'],
  );
});

test('transcript: labels are not confused with prose', () => {
  const text = [
    'MILLER: Good afternoon.',
    '',
    'Note: this paragraph belongs to Miller, and so does the next one.',
    '',
    'He said: we will see. Editor\u2019s Note: no. Update: none.',
    'Washington, D.C.: a place. The reason is simple: time.',
    'https://example.org/path is a link',
    'The time was 10:30 and nobody said anything.',
  ].join('\n');
  const st = read(text);
  assert.ok(
    st.every((s) => s.speakerText === 'MILLER'),
    JSON.stringify(st.map((s) => s.speakerText)),
  );
  assert.equal(st.length, 3);
  for (const line of [
    'Note: this',
    'Update: none',
    "Editor's Note: x",
    'However: x',
    'He said: x',
    'Washington, D.C.: x',
    'The reason is simple: x',
    'This is a long sentence with many words: x',
    'NOMINATIONS SENT TO THE SENATE: x',
    'Key Takeaways: x',
    'A day of history and hope.',
  ]) {
    assert.equal(matchLabel(line, 0, true, null), null, line);
  }
  // A Title Case name inside a paragraph opens a turn only after a finished sentence.
  assert.equal(matchLabel('Antony Blinken: yes', 0, false, 'we went on to see'), null);
  assert.notEqual(matchLabel('Antony Blinken: yes', 0, false, 'Thank you.'), null);
});

test('transcript: a label alone on its line takes the next line; alone before a blank line it is a heading', () => {
  const text = 'NOMINATIONS SENT TO THE SENATE:\n\nRobert T. Anderson, of Washington.\n\nTHE PRESIDENT:\nHello there.\n';
  const st = read(text);
  assert.deepEqual(
    st.map((s) => [s.speakerText, s.text]),
    [['THE PRESIDENT', 'Hello there.']],
  );
  assert.equal(looksLikeTranscript('NOMINATIONS SENT TO THE SENATE:\n\nRobert T. Anderson, of Washington.\n\nMichael A. Brown.\n'), false);
});

test('transcript: body offset and CRLF line endings keep spans exact in the full text', () => {
  const head = '---\r\ntitle: t\r\n---\r\n';
  const text = head + 'BLINKEN: One line\r\nand another.\r\n\r\nMILLER: Reply.\r\n';
  const st = readTranscript(text, head.length, {});
  assert.deepEqual(
    st.map((s) => s.text),
    ['One line and another.', 'Reply.'],
  );
  assert.equal(text.slice(st[0].span.start, st[0].span.end), 'One line\r\nand another.');
  assertSpansExact(text, st);
});

test('transcript fixtures: Q/A interview with names from front matter, timestamped briefing', () => {
  const interview = fs.readFileSync(fixture('interview.md'), 'utf8');
  const body = interview.indexOf('Recorded');
  const st = readTranscript(interview, body, { q: 'Jane Doe', a: 'Antony Blinken' });
  assert.deepEqual(
    st.filter((s) => s.speakerText === 'Antony Blinken').map((s) => s.text),
    ["We discussed areas of mutual interest, including Israel's integration into the region.", 'And we talked about Iran.'],
  );
  const briefing = fs.readFileSync(fixture('briefing.txt'), 'utf8');
  const b = readTranscript(briefing, 0, {});
  assert.deepEqual(
    b.map((s) => [s.speakerText, s.text]),
    [
      ['MILLER', 'Good afternoon, everyone.'],
      ['MILLER', 'I have one announcement at the top.'],
      ['MILLER', 'The Secretary spoke with the Prime Minister today.'],
    ],
  );
  assertSpansExact(briefing, b);
});

test('looksLikeTranscript', () => {
  assert.equal(looksLikeTranscript('BLINKEN: a\n\nMILLER: b\n\nBLINKEN: c\n'), true);
  assert.equal(looksLikeTranscript('Antony Blinken: a\n\nMatthew Miller: b\n'), true);
  assert.equal(looksLikeTranscript('Q: a\nA: b\nQ: c\nA: d\n'), true);
  // A speech: one strong label near the top, then unlabelled paragraphs.
  assert.equal(looksLikeTranscript('The Capitol\n\n11:52 AM\n\nTHE PRESIDENT: Hello.\n\nOne.\n\nTwo.\n\nThree.\n\nFour.\n'), true);
  // Articles and prose.
  assert.equal(looksLikeTranscript('US Secretary of State Antony Blinken on Thursday tweeted.\n\n\u201cSpoke with him,\u201d he wrote.\n'), false);
  assert.equal(looksLikeTranscript('Note: this is a note.\n\nAnother paragraph.\n\nA third.\n'), false);
  assert.equal(looksLikeTranscript('Intro.\n\nMore.\n\nMore.\n\nMore.\n\nMore.\n\nBLINKEN: late label.\n\nMore.\n'), false);
  assert.equal(looksLikeTranscript(''), false);
});

test('transcript: Otter.ai export, a "Name  0:03" line above each turn', () => {
  const text =
    'Jane Roe  0:03\nWe will finish the bridge by spring, and it will carry forty thousand cars.\n\n' +
    'Speaker 2  0:15\nThank you, Mayor. What about the cost?\n\n' +
    'Jane Roe  1:02:21\nThe cost is covered by the state grant.\nWe checked it twice.\n';
  assert.ok(looksLikeTranscript(text));
  const st = read(text, { 'speakers.Speaker 2': 'Sam Lee' });
  assert.deepEqual(
    st.map((s) => [s.speakerText, s.text]),
    [
      ['Jane Roe', 'We will finish the bridge by spring, and it will carry forty thousand cars.'],
      ['Sam Lee', 'Thank you, Mayor. What about the cost?'],
      ['Jane Roe', 'The cost is covered by the state grant. We checked it twice.'],
    ],
  );
  assertSpansExact(text, st);
  // Prose with a time in it is not a turn.
  assert.equal(matchLabel('Meeting at 10:30', 0, true, null), null);
});
