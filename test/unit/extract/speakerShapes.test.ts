// Issue 15: no resolved speaker is a closed-class word or a clause. The detector
// (test/support/speakerShape.ts) on sentences of our own, then the engine over every article of
// PolNeAR dev and the GGT dev half (~110,000 words, a few seconds); `npm run eval:speaker-shapes`
// walks PolNeAR train as well.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { badSpeakerShape } from '../../support/speakerShape';
import { extractQuotes } from '../../../server/src/engine';
import { defaultSets, walkSpeakers } from '../../../scripts/speakerShapes';

test('speaker shapes: closed-class words and clauses are told from names, roles and groups', () => {
  for (const bad of ['But', 'Some', 'At', 'Last', 'One', 'Somehow', 'It’s', 'WATCH', 'A March', 'Harlan must', 'the harbour board haven’t', 'of the letter to', 'He’s', 'Ana Ruiz said', 'His']) {
    assert.ok(badSpeakerShape(bad), `${bad} should be no speaker`);
  }
  for (const good of [
    'Ana Ruiz',
    'Ms. May',
    'Will Okafor',
    'the harbour board',
    'some economists',
    'First Lady Ana Ruiz',
    'Schlafly',
    'they',
    'officials',
    'the Pier Authority',
    'Sen. Ann Ortiz (D-Ore.)',
  ]) {
    assert.equal(badSpeakerShape(good), null, `${good} is a speaker`);
  }
});

test('speaker shapes: the engine never returns a function word, a clause or a fragment (own sentences)', () => {
  const draft = [
    'But Harlan Vos said the ferry would run again. “We will sail by June,” he said.',
    '',
    'Some residents were unconvinced. Last winter the pier closed for a month.',
    '',
    'Harlan must know that, “the pier was never safe,” a dock worker said.',
    '',
    'At the meeting, “nobody asked us,” Somehow said.',
  ].join('\n');
  for (const q of extractQuotes(draft, { format: 'plaintext', claims: true })) {
    if (q.speaker) assert.equal(badSpeakerShape(q.speaker.text), null, `${JSON.stringify(q.speaker.text)} for ${JSON.stringify(q.text)}`);
  }
});

let sets: string[] = [];
try {
  sets = defaultSets().filter((f) => !f.endsWith('train.jsonl') && fs.existsSync(f));
} catch {
  sets = [];
}

test('speaker shapes: every PolNeAR dev and GGT dev article', { skip: sets.length < 2 ? 'no ../shared/data' : false }, () => {
  const { bad, speakers, articles } = walkSpeakers(sets);
  assert.ok(articles >= 84 + 49 && speakers > 1000, `read ${articles} articles, ${speakers} speakers`);
  const lines = bad.map((b) => `${b.file} ${path.basename(b.docId)} ${b.kind} ${JSON.stringify(b.speaker)}: ${b.why} (${b.rules.join(', ')})`);
  assert.deepEqual(lines, []);
});
