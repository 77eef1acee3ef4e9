// A cold index read by worker threads is the same corpus, and the same cache, as one read file
// by file: word ids in order of first appearance, speakers, documents, problems.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Corpus } from '../../../server/src/engine/corpus/corpus';
import { loadCorpusReport, loadCorpusSteps } from '../../../server/src/engine/corpus/loadCorpus';
import { fixture, sharedDir } from '../readers/helpers';

/** Sources of every kind, enough for several batches, with a binary, an empty and an oversized file among them. */
function sources(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-parallel-'));
  for (const name of ['briefing.txt', 'interview.md', 'statements.csv', 'statements.jsonl', 'briefing.srt', 'zoom.vtt']) fs.copyFileSync(fixture(name), path.join(dir, name));
  const shared = sharedDir();
  const sample = shared && path.join(shared, 'data', 'whitehouse', 'sample');
  if (sample && fs.existsSync(sample)) for (const n of fs.readdirSync(sample)) fs.copyFileSync(path.join(sample, n), path.join(dir, n));
  for (let k = 0; k < 30; k++) fs.writeFileSync(path.join(dir, `note-${k}.md`), `---\nspeaker: Person ${k % 7} Smith\n---\nWe will say ${k} things, and won’t take ${k + 1} questions.\n`);
  fs.writeFileSync(path.join(dir, 'binary.txt'), Buffer.from([0, 1, 2, 3, 0, 0, 7]));
  fs.writeFileSync(path.join(dir, 'empty.md'), '');
  fs.writeFileSync(path.join(dir, 'huge.txt'), 'x'.repeat(300_000));
  return dir;
}

function snapshot(corpus: Corpus): unknown {
  const statements = [];
  for (let id = 0; id < corpus.cols.live.length; id++) {
    const s = corpus.statement(id);
    statements.push({ ...s, text: s.text, words: [...corpus.wordIdsOf(id)].map((w) => corpus.wordOf(w)), speaker: corpus.speakers.speaker(s.speakerId).name });
  }
  return { statements, documents: corpus.documents, problems: corpus.problems, words: corpus.vocab.words, speakers: corpus.speakers.toJSON() };
}

/** The cache folder's files by content (their names are stamped). */
function cacheFiles(dir: string): string[] {
  const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as { arrays: string; texts: Array<{ file: string }> };
  const arrays = fs.readFileSync(path.join(dir, manifest.arrays)).toString('base64');
  const texts = manifest.texts.map((t) => fs.readFileSync(path.join(dir, t.file)).toString('base64'));
  return [arrays, ...texts, JSON.stringify({ ...manifest, arrays: '', texts: manifest.texts.map((t) => ({ ...t, file: '' })) })];
}

test('parallel read: worker threads make the same corpus and cache as one thread', () => {
  const dir = sources();
  const cacheOne = fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-cache-one-'));
  const cacheMany = fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-cache-many-'));
  try {
    const one = loadCorpusReport([dir], { readThreads: 0, cacheDir: cacheOne, maxFileBytes: 200_000 });
    const many = loadCorpusReport([dir], { readThreads: 3, cacheDir: cacheMany, maxFileBytes: 200_000 });
    assert.ok(one.corpus.statementCount > 40);
    assert.ok(one.corpus.problems.some((p) => p.path.endsWith('binary.txt')));
    assert.ok(one.corpus.problems.some((p) => p.path.endsWith('huge.txt') && /too large/.test(p.message)));
    assert.deepEqual(snapshot(many.corpus), snapshot(one.corpus));
    assert.deepEqual(cacheFiles(cacheMany), cacheFiles(cacheOne));
    one.corpus.close();
    many.corpus.close();
  } finally {
    for (const d of [dir, cacheOne, cacheMany]) fs.rmSync(d, { recursive: true, force: true });
  }
});

test('parallel read: without a cache folder too; a load given up midway can be given up', () => {
  const dir = sources();
  try {
    const steps = loadCorpusSteps([dir], { readThreads: 2 });
    for (let k = 0; k < 20; k++) steps.next();
    steps.return(undefined as never);
    const one = loadCorpusReport([dir], { readThreads: 0 });
    const many = loadCorpusReport([dir], { readThreads: 2 });
    assert.deepEqual(snapshot(many.corpus), snapshot(one.corpus));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
