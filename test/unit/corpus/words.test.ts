import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { tokenize } from '../../../server/src/engine/text/tokenize';
import { Vocabulary, tokenizeFast } from '../../../server/src/engine/corpus/words';
import { sharedDir, fixture } from '../readers/helpers';

const TRICKY = [
  'café naïve ’tis don’t won’t cannot 1,000.5 3.5, x’y’z ʼab 12’a a\u0301b 𝐀𝐁c 中文字 l’été',
  "rock'n'roll ..5 5.. ,5 It’s O.K. — U.S.-led 75-year-old COVID-\u206019 Ünïcödé’s",
  '',
  '   ',
];

function texts(): string[] {
  const out = [...TRICKY];
  for (const name of ['briefing.txt', 'interview.md', 'statements.csv', 'statements.jsonl']) out.push(fs.readFileSync(fixture(name), 'utf8'));
  const shared = sharedDir();
  const dir = shared && path.join(shared, 'data', 'whitehouse', 'sample');
  if (dir && fs.existsSync(dir)) for (const n of fs.readdirSync(dir)) out.push(fs.readFileSync(path.join(dir, n), 'utf8'));
  return out;
}

test('the corpus scanner gives exactly the tokens of tokenize (real files and odd words)', () => {
  for (const text of texts()) {
    assert.deepEqual(tokenizeFast(text), tokenize(text));
    assert.deepEqual(tokenizeFast(text), tokenize(text), 'the second time, from the form cache');
  }
});

test('vocabulary ids stand for the same keys as tokenize', () => {
  const v = new Vocabulary();
  for (const text of texts()) {
    const ids: number[] = [];
    v.scan(text, (id) => ids.push(id));
    assert.deepEqual(
      ids.map((id) => v.words[id]),
      tokenize(text).map((t) => t.norm),
    );
  }
  assert.equal(v.lookup('never-seen-word'), -1);
  const restored = Vocabulary.from(v.words);
  assert.equal(restored.lookup(v.words[7]), 7);
});
