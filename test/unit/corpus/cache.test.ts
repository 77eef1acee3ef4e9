import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Corpus } from '../../../server/src/engine/corpus/corpus';
import { loadCorpusReport } from '../../../server/src/engine/corpus/loadCorpus';
import { tokenizeQuote } from '../../../server/src/engine/text/tokenize';
import { checkText } from '../../../server/src/engine';
import { fixture } from '../readers/helpers';

/** A sources folder with the fixture corpus, and a cache folder beside it. */
function workspace(): { sources: string; cache: string } {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-cache-'));
  const sources = path.join(root, 'sources');
  fs.mkdirSync(sources);
  for (const name of ['briefing.txt', 'interview.md', 'statements.csv', 'statements.jsonl']) fs.copyFileSync(fixture(name), path.join(sources, name));
  return { sources, cache: path.join(root, '.verbatim') };
}

/** Everything a caller can see of a corpus, for comparing a warm load with a cold one. */
function snapshot(corpus: Corpus): unknown {
  const statements = [];
  for (let id = 0; id < corpus.cols.live.length; id++) {
    if (corpus.cols.live.data[id] !== 1) continue;
    const s = corpus.statement(id);
    statements.push({ ...s, speaker: corpus.speakers.speaker(corpus.speakers.canonical(s.speakerId)).name, doc: corpus.document(s.documentId).path, tokens: corpus.tokensOf(id) });
  }
  return { statements, documents: corpus.documents, problems: corpus.problems, count: corpus.statementCount };
}

function touch(file: string, secondsLater: number): void {
  const t = new Date(Date.now() + secondsLater * 1000);
  fs.utimesSync(file, t, t);
}

test('cache: a warm load reads no file and gives the same corpus as the cold one', () => {
  const { sources, cache } = workspace();
  const cold = loadCorpusReport([sources], { cacheDir: cache });
  assert.equal(cold.cache.state, 'cold');
  assert.equal(cold.cache.saved, true);
  assert.ok(fs.existsSync(path.join(cache, 'manifest.json')));
  const warm = loadCorpusReport([sources], { cacheDir: cache });
  assert.equal(warm.cache.state, 'warm');
  assert.equal(warm.cache.reread, 0);
  assert.equal(warm.cache.reused, 4);
  assert.equal(warm.cache.saved, false, 'nothing changed: nothing written');
  assert.deepEqual(snapshot(warm.corpus), snapshot(cold.corpus));
  const quote = tokenizeQuote('The Secretary spoke with the Prime Minister today');
  assert.deepEqual(warm.corpus.candidates(quote, 5), cold.corpus.candidates(quote, 5));
  assert.ok(warm.corpus.candidates(quote, 5).length > 0);
  cold.corpus.close();
  warm.corpus.close();
});

test('cache: a changed file is re-read, a touched one is kept by its hash, a deleted one dropped, a new one added', () => {
  const { sources, cache } = workspace();
  loadCorpusReport([sources], { cacheDir: cache }).corpus.close();
  const jsonl = path.join(sources, 'statements.jsonl');
  fs.writeFileSync(jsonl, '{"speaker": "Antony Blinken", "text": "A sentence that was never in the corpus before today."}\n');
  touch(jsonl, 5);
  touch(path.join(sources, 'interview.md'), 10); // same bytes, new time
  fs.rmSync(path.join(sources, 'statements.csv'));
  fs.writeFileSync(path.join(sources, 'new.md'), '---\nkind: statement\nspeaker: Matthew Miller\n---\nWe welcome the new agreement on shipping lanes.\n');
  const r = loadCorpusReport([sources], { cacheDir: cache });
  assert.equal(r.cache.state, 'warm');
  assert.equal(r.cache.reread, 2, 'the changed file and the new one');
  assert.equal(r.cache.reused, 2, 'briefing.txt unchanged, interview.md touched only');
  assert.equal(r.cache.removed, 1);
  assert.equal(r.cache.saved, true);
  const fresh = loadCorpusReport([sources]).corpus;
  const texts = (c: Corpus) =>
    Array.from({ length: c.cols.live.length }, (_, id) => id)
      .filter((id) => c.cols.live.data[id] === 1)
      .map((id) => c.statement(id).text)
      .sort();
  assert.deepEqual(texts(r.corpus), texts(fresh));
  assert.equal(r.corpus.statementCount, fresh.statementCount);
  const hits = r.corpus.candidates(tokenizeQuote('never in the corpus before today'), 3);
  assert.equal(r.corpus.statement(hits[0]).text, 'A sentence that was never in the corpus before today.');
  assert.equal(r.corpus.candidates(tokenizeQuote('shipping lanes'), 3).length, 1);
  // The saved cache has it all: a third load reads nothing.
  const again = loadCorpusReport([sources], { cacheDir: cache });
  assert.equal(again.cache.reread, 0);
  assert.deepEqual(texts(again.corpus), texts(fresh));
  for (const c of [r.corpus, again.corpus]) c.close();
});

test('cache: corrupt or stale caches are rebuilt, never trusted', () => {
  const { sources, cache } = workspace();
  const reference = snapshot(loadCorpusReport([sources]).corpus);
  loadCorpusReport([sources], { cacheDir: cache }).corpus.close();
  const manifest = path.join(cache, 'manifest.json');
  const arraysFile = () =>
    path.join(
      cache,
      fs.readdirSync(cache).find((n) => n.startsWith('arrays-'))!,
    );
  const textsFile = () =>
    path.join(
      cache,
      fs.readdirSync(cache).find((n) => n.startsWith('texts-'))!,
    );
  const cases: Array<[string, () => void, RegExp]> = [
    ['garbage manifest', () => fs.writeFileSync(manifest, '{"format": 4, "files": [tru'), /unreadable manifest/],
    ['truncated arrays', () => fs.truncateSync(arraysFile(), 100), /corrupt/],
    ['truncated texts', () => fs.truncateSync(textsFile(), 3), /corrupt/],
    ['missing arrays', () => fs.rmSync(arraysFile()), /corrupt|ENOENT/],
    ['another engine', () => fs.writeFileSync(manifest, JSON.stringify({ ...JSON.parse(fs.readFileSync(manifest, 'utf8')), fingerprint: 'old' })), /another version/],
    ['another format', () => fs.writeFileSync(manifest, JSON.stringify({ ...JSON.parse(fs.readFileSync(manifest, 'utf8')), format: 1 })), /format/],
    [
      'bad posting ids',
      () => {
        const m = JSON.parse(fs.readFileSync(manifest, 'utf8'));
        const file = path.join(cache, m.arrays);
        const buf = fs.readFileSync(file);
        const ref = m.refs.pairIds;
        buf.writeUInt32LE(0xffffffff, ref.offset);
        fs.writeFileSync(file, buf);
      },
      /corrupt/,
    ],
  ];
  for (const [name, spoil, reason] of cases) {
    spoil();
    const r = loadCorpusReport([sources], { cacheDir: cache });
    assert.equal(r.cache.state, 'cold', name);
    assert.match(r.cache.reason ?? '', reason, name);
    assert.equal(r.cache.saved, true, name);
    assert.deepEqual(snapshot(r.corpus), reference, name);
    r.corpus.close();
    const healed = loadCorpusReport([sources], { cacheDir: cache });
    assert.equal(healed.cache.state, 'warm', `${name}: the rebuilt cache is used next time`);
    healed.corpus.close();
  }
});

test('cache: the config’s speaker aliases are part of its key', () => {
  const { sources, cache } = workspace();
  loadCorpusReport([sources], { cacheDir: cache }).corpus.close();
  const r = loadCorpusReport([sources], { cacheDir: cache, speakers: { 'Matthew Miller': ['MILLER'] } });
  assert.equal(r.cache.state, 'cold');
  r.corpus.close();
});

test('cache: checking a draft against a warm corpus gives the same findings as against a cold one', () => {
  const { sources, cache } = workspace();
  const draft = '“The Secretary spoke with the Prime Minister today,” Miller said.\n\n“We will never stop,” Miller said.\n';
  const cold = loadCorpusReport([sources], { cacheDir: cache }).corpus;
  const warm = loadCorpusReport([sources], { cacheDir: cache }).corpus;
  assert.deepEqual(checkText(draft, 'draft.md', warm), checkText(draft, 'draft.md', cold));
  assert.equal(checkText(draft, 'draft.md', warm).findings[0].verdict, 'verified');
  cold.close();
  warm.close();
});

test('corpus: files updated and removed after loading stay searchable and consistent', () => {
  const { sources, cache } = workspace();
  const { corpus } = loadCorpusReport([sources], { cacheDir: cache });
  const before = corpus.statementCount;
  const file = path.join(sources, 'added.md');
  fs.writeFileSync(file, '---\nkind: statement\nspeaker: Matthew Miller\n---\nThe embassy reopens on Monday morning.\n');
  const generation = corpus.generation;
  corpus.updateFile(file);
  assert.ok(corpus.generation > generation);
  assert.equal(corpus.statementCount, before + 1);
  const [id] = corpus.candidates(tokenizeQuote('embassy reopens on Monday'), 1);
  assert.equal(corpus.statement(id).text, 'The embassy reopens on Monday morning.');
  corpus.removeFile(file);
  assert.equal(corpus.statementCount, before);
  assert.deepEqual(corpus.candidates(tokenizeQuote('embassy reopens on Monday'), 1), []);
  assert.throws(() => corpus.statement(id), /not in the corpus/);
  corpus.close();
});
