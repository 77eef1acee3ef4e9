import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { checkText } from '../../../server/src/engine';
import { workDone } from '../../../server/src/engine/work';
import { seedCorpus } from '../../support/corpus';

// Sentences of news and of nonsense: quotes, cues, names, pronouns, unbalanced marks.
const SENTENCES = [
  '“We will rebuild the bridge,” Mayor Ana Ruiz said.',
  'Ruiz told reporters the plan “is fully funded.”',
  'A senior official said the response was “not at all encouraging.”',
  '“Spoke with Israeli Prime Minister Netanyahu today,” he wrote.',
  'Miller said the two discussed the region.',
  'The so-called “deal” fell apart.',
  'He said “ oops and “ again',
  'Officials met on Tuesday.',
  '“The Secretary discussed the need to uphold the commitments,” added Miller.',
  'According to the city engineer, the bridge “will carry 40,000 cars a day.”',
  'Critics called it a “bridge to nowhere” and a “boondoggle.”',
];

/** Steps a full check of `text` takes, against a fresh corpus (so no judgement is cached from a previous run). */
function stepsFor(text: string): number {
  const corpus = seedCorpus();
  workDone.steps = 0;
  checkText(text, '/d.md', corpus);
  return workDone.steps;
}

test('the work of a check grows linearly: twice the text, at most about twice the steps', () => {
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...SENTENCES), { minLength: 3, maxLength: 12 }), fc.constantFrom(' ', '\n', '\n\n'), fc.boolean(), (sentences, joiner, runOn) => {
      // Run-on: no sentence ever ends, the shape where a per-quote scan of "its sentence" turns quadratic.
      const unit = runOn ? sentences.join(' ').replace(/\./g, ',') : sentences.join(joiner);
      const steps = [8, 16, 32].map((k) => stepsFor(Array(k).fill(unit).join(joiner)));
      // Linear: each doubling at most doubles the steps, with room for a constant.
      for (let i = 1; i < steps.length; i++) assert.ok(steps[i] <= 2.2 * steps[i - 1] + 2000, `steps ${steps.join(' → ')} (${runOn ? 'run-on' : JSON.stringify(joiner)})`);
    }),
    { numRuns: 40, seed: 11 },
  );
});

test('the work counter counts: a longer text takes more steps', () => {
  assert.ok(stepsFor(SENTENCES.join(' ').repeat(4)) > stepsFor(SENTENCES.join(' ')));
});
