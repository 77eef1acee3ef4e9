import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { readSourceText } from '../../../server/src/engine/corpus/readers/classify';
import { readCaptions } from '../../../server/src/engine/corpus/readers/captions';
import { loadCorpus } from '../../../server/src/engine/corpus/loadCorpus';
import { checkText } from '../../../server/src/engine';
import { fixture } from './helpers';

const noArticle = () => {
  throw new Error('not an article');
};

test('captions: WebVTT voice tags and Name: labels, cues of one voice joined into one statement', () => {
  const text = fs.readFileSync(fixture('zoom.vtt'), 'utf8');
  const r = readSourceText('zoom.vtt', text, noArticle);
  assert.equal(r.kind, 'transcript');
  assert.deepEqual(r.problems, []);
  assert.deepEqual(
    r.statements.map((s) => [s.speakerText, s.text]),
    [
      ['Jane Doe', 'Thank you for joining us, Mr. Secretary.'],
      ['Antony Blinken', 'We are deeply concerned about the situation and we are working with our partners to bring the parties back to the table.'],
      ['Jane Doe', 'And on Iran?'],
    ],
  );
  for (const s of r.statements) {
    const raw = text.slice(s.span.start, s.span.end);
    assert.ok(raw.startsWith(s.text.split(' ')[0]) && raw.endsWith(s.text.split(' ').pop()!), raw);
  }
});

test('captions: SRT with labels; Q cues are questions; inline tags dropped', () => {
  const text = fs.readFileSync(fixture('briefing.srt'), 'utf8');
  const r = readSourceText('briefing.srt', text, noArticle);
  assert.deepEqual(r.problems, []);
  assert.deepEqual(
    r.statements.map((s) => [s.speakerText, s.text]),
    [
      ['MILLER', "Good afternoon, everyone. We have no announcements at the top of today's briefing."],
      ['MILLER', 'The Secretary spoke with the Prime Minister today.'],
    ],
  );
});

test('captions: no speaker at all (Whisper) is a problem that says what to add; a missing WEBVTT header is noted', () => {
  const srt = readSourceText('whisper.srt', '1\n00:00:01,000 --> 00:00:02,000\nJust words, no voice.\n', noArticle);
  assert.deepEqual(srt.statements, []);
  assert.match(srt.problems[0], /no speaker/);
  const vtt = readCaptions('00:00.000 --> 00:01.000\n<v Ann Lee>Hello there.\n', 'vtt');
  assert.match(vtt.problems[0], /WEBVTT/);
  assert.deepEqual(
    vtt.statements.map((s) => s.speakerText),
    ['Ann Lee'],
  );
});

test('captions: a quote from a caption file is verified, and "Speaker 1" maps to a name through the config', () => {
  const corpus = loadCorpus([fixture('zoom.vtt')]);
  const report = checkText('“We are deeply concerned about the situation,” Blinken said.\n', 'draft.md', corpus);
  assert.equal(report.findings[0].verdict, 'verified');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-vtt-'));
  const file = `${dir}/call.vtt`;
  fs.writeFileSync(file, 'WEBVTT\n\n00:00.000 --> 00:03.000\nSpeaker 1: The plant will close in March.\n');
  const mapped = loadCorpus([file], { speakers: { 'Maria Ortiz': ['Speaker 1'] } });
  assert.equal(checkText('“The plant will close in March,” Maria Ortiz said.\n', 'draft.md', mapped).findings[0].verdict, 'verified');
});

test('captions: broadcast `>>` speaker changes (named, or not named and skipped), entities decoded, roll-up repeats dropped', () => {
  const text =
    'WEBVTT\n\n00:00:01.000 --> 00:00:03.000\n&gt;&gt; MILLER: We&apos;re committed to\n\n' +
    '00:00:03.000 --> 00:00:05.000\nWe&apos;re committed to the people of Ukraine\n\n' +
    '00:00:05.000 --> 00:00:07.000\nthe people of Ukraine and their fight. &gt;&gt; Thank you, sir.\n\n' +
    '00:00:07.000 --> 00:00:09.000\n>> BLINKEN: Good morning &amp; welcome.\n';
  const r = readSourceText('news.vtt', text, noArticle);
  assert.deepEqual(
    r.statements.map((s) => [s.speakerText, s.text]),
    [
      ['MILLER', 'We\u2019re committed to the people of Ukraine and their fight.'.replace('\u2019', "'")],
      ['BLINKEN', 'Good morning & welcome.'],
    ],
  );
  assert.deepEqual(r.problems, ['1 caption cue with no speaker skipped: captions need voice tags (`<v Name>`), `Name:` labels or `>> NAME:` speaker changes']);
  // Spans stay on the raw text, from the first cue's words to the last's.
  const miller = r.statements[0];
  assert.ok(text.slice(miller.span.start, miller.span.end).startsWith('We&apos;re committed to\n'));
  assert.ok(text.slice(miller.span.start, miller.span.end).endsWith('and their fight.'));
});

test('captions: a repeat shorter than three words is the speaker\'s own ("no, no"), not a roll-up', () => {
  const text = 'WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nRUIZ: I said no\n\n00:00:02.000 --> 00:00:03.000\nno to the plan.\n';
  assert.deepEqual(
    readSourceText('c.vtt', text, noArticle).statements.map((s) => s.text),
    ['I said no no to the plan.'],
  );
});

test('captions: YouTube .sbv with `>>` speaker labels', () => {
  const text = '0:00:00.599,0:00:04.160\n>> ALICE: Hi, my name is Alice\nand this is the harbor report.\n\n0:00:04.160,0:00:06.770\n>> BOB: Hello.\n';
  const r = readSourceText('talk.sbv', text, noArticle);
  assert.equal(r.kind, 'transcript');
  assert.deepEqual(r.problems, []);
  assert.deepEqual(
    r.statements.map((s) => [s.speakerText, s.text]),
    [
      ['ALICE', 'Hi, my name is Alice and this is the harbor report.'],
      ['BOB', 'Hello.'],
    ],
  );
});
