import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { loadCorpus } from '../../server/src/engine';
import { runnableCopyForAnyUser } from '../support/runnableCopy';
import { seeded } from './hostileInputs';

const GOOD = (i: number) => JSON.stringify({ speaker: 'Ana Ruiz', text: `The bridge will reopen on day ${i} of the repairs, as planned.` });

/** What a sources folder collects over the years: 1,000 broken files of every kind, and 20 good ones. */
function hostileFolder(): { dir: string; broken: string[]; good: number } {
  const random = seeded(31);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-corpus-'));
  const broken: string[] = [];
  const makers: Array<(i: number) => [string, string | Buffer]> = [
    (i) => [`truncated-${i}.json`, `[${GOOD(i)}, {"speaker": "Ana Ruiz", "te`],
    (i) => [`truncated-${i}.jsonl`, `${GOOD(i)}\n{"speaker": "Ana`],
    (i) => [`wrong-types-${i}.jsonl`, `${JSON.stringify({ speaker: 42, text: ['not', 'text'] })}\n`],
    (i) => [`not-records-${i}.json`, String(i)],
    (i) => [`nested-${i}.json`, '['.repeat(100000 + i)],
    // Bytes that are not UTF-8 are Windows-1252 text since issue 16 (read, not broken); a UTF-16
    // file cut in the middle of a character is broken in any encoding.
    (i) => [`cut-utf16-${i}.md`, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`The bridge will reopen ${i}.`, 'utf16le'), Buffer.from([0x41])])],
    (i) => [`binary-${i}.txt`, Buffer.from(Array.from({ length: 512 }, (_, k) => (k * 7 + i) % 256))],
    (i) => [`no-columns-${i}.csv`, `who,what\nAna Ruiz,The bridge will reopen ${i}.\n`],
    (i) => [`statement-without-speaker-${i}.md`, `---\nkind: statement\n---\n\nThe bridge will reopen ${i}.\n`],
  ];
  for (let i = 0; i < 1000; i++) {
    const [name, content] = makers[Math.floor(random() * makers.length)](i);
    fs.writeFileSync(path.join(dir, name), content);
    broken.push(path.join(dir, name));
  }
  for (let i = 0; i < 20; i++) fs.writeFileSync(path.join(dir, `good-${i}.jsonl`), `${GOOD(i)}\n`);
  return { dir, broken, good: 20 };
}

test('1,000 corrupt source files: each reported with its path and reason, every good file loaded', () => {
  const { dir, broken, good } = hostileFolder();
  const corpus = loadCorpus([dir]);
  const problems = new Map(corpus.problems.map((p) => [p.path, p.message]));
  const unreported = broken.filter((file) => !problems.has(file));
  assert.deepEqual(unreported.slice(0, 5), [], `${unreported.length} broken files were not reported`);
  for (const [file, message] of problems) assert.ok(message.length > 5, `${path.basename(file)}: a reason, not "${message}"`);
  // Good files load, and so do the good records in front of a truncated line.
  assert.ok(corpus.statementCount >= good, `${corpus.statementCount} statements`);
  // Through the persisted index too: written, then read back the same, never left corrupt.
  const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-cache-'));
  const cold = loadCorpus([dir], { cacheDir });
  const warm = loadCorpus([dir], { cacheDir });
  assert.equal(warm.statementCount, cold.statementCount);
  assert.equal(cold.statementCount, corpus.statementCount);
  assert.deepEqual(warm.problems.map((p) => p.path).sort(), corpus.problems.map((p) => p.path).sort());
  fs.rmSync(cacheDir, { recursive: true, force: true });
  fs.rmSync(dir, { recursive: true, force: true });
});

test('a 200 MB file, a FIFO, symlink loops and a folder named like a file are reported without reading or hanging', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-corpus-'));
  fs.writeFileSync(path.join(dir, 'good.jsonl'), `${GOOD(1)}\n`);
  const huge = path.join(dir, 'huge.md');
  const fd = fs.openSync(huge, 'w');
  fs.ftruncateSync(fd, 200 * 1024 * 1024); // sparse: 200 MB on paper, nothing on disk
  fs.closeSync(fd);
  const fifo = path.join(dir, 'pipe.md');
  spawnSync('mkfifo', [fifo]);
  fs.symlinkSync(dir, path.join(dir, 'loop')); // a folder linking back up the tree
  fs.symlinkSync(path.join(dir, 'self.md'), path.join(dir, 'self.md')); // a link to itself
  fs.mkdirSync(path.join(dir, 'folder.md'));
  const corpus = loadCorpus([dir]);
  const messages = Object.fromEntries(corpus.problems.map((p) => [path.relative(dir, p.path), p.message]));
  assert.match(messages['huge.md'] ?? '', /too large/);
  if (fs.existsSync(fifo)) assert.match(messages['pipe.md'] ?? '', /not a regular file/);
  assert.equal(messages['folder.md'], undefined, 'a folder named like a file is walked as a folder, not reported');
  assert.match(messages['self.md'] ?? '', /loop|cannot read/);
  assert.equal(corpus.statementCount, 1);
  fs.rmSync(dir, { recursive: true, force: true });
});

test('a file deleted while the corpus is indexed is reported; the rest loads', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-corpus-'));
  for (let i = 0; i < 200; i++) fs.writeFileSync(path.join(dir, `s-${String(i).padStart(3, '0')}.jsonl`), `${GOOD(i)}\n`);
  const doomed = path.join(dir, 's-199.jsonl');
  const corpus = loadCorpus([dir], {
    onProgress: () => {
      if (fs.existsSync(doomed)) fs.rmSync(doomed);
    },
  });
  assert.ok(corpus.statementCount >= 190 && corpus.statementCount <= 199, `${corpus.statementCount} statements`);
  assert.ok(
    corpus.problems.some((p) => p.path === doomed),
    JSON.stringify(corpus.problems),
  );
  fs.rmSync(dir, { recursive: true, force: true });
});

test('a file the user may not read is reported by path and reason (the CLI run as an unprivileged user)', (t) => {
  const asNobody = (args: string[], cwd: string) => spawnSync('setpriv', ['--reuid=nobody', '--regid=nogroup', '--clear-groups', '--', ...args], { encoding: 'utf8', cwd });
  const probe = asNobody(['true'], os.tmpdir());
  if (probe.status !== 0) return t.skip('setpriv cannot drop to nobody here (needs root); root reads every file');
  // The checkout may sit where nobody cannot enter (a mktemp -d, a home folder of mode 700):
  // run a copy of the CLI that nobody can read, and make sure it starts before judging it.
  const runnable = runnableCopyForAnyUser();
  const cli = path.join(runnable, 'bin', 'verbatim.js');
  const started = asNobody([process.execPath, cli, '--version'], runnable);
  if (started.status !== 0) {
    fs.rmSync(runnable, { recursive: true, force: true });
    return t.skip(`the CLI does not start as nobody here (exit ${started.status}): ${(started.stderr || started.error?.message || '').slice(0, 300)}`);
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-corpus-'));
  fs.chmodSync(dir, 0o755);
  fs.writeFileSync(path.join(dir, 'open.jsonl'), `${GOOD(1)}\n`, { mode: 0o644 });
  fs.writeFileSync(path.join(dir, 'secret.jsonl'), `${GOOD(2)}\n`, { mode: 0o000 });
  const drafts = fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-drafts-'));
  fs.chmodSync(drafts, 0o755);
  const draft = path.join(drafts, 'draft.md'); // outside the corpus: files in the corpus are not drafts
  fs.writeFileSync(draft, '“The bridge will reopen on day 1 of the repairs,” Ruiz said.\n', { mode: 0o644 });
  const r = asNobody([process.execPath, cli, 'check', draft, '--corpus', dir, '--format', 'json'], dir);
  try {
    assert.ok(r.status === 0 || r.status === 1, `exit ${r.status}: ${r.stderr}`);
    const out = JSON.parse(r.stdout);
    const problem = out.corpus.problems.find((p: { path: string }) => p.path.endsWith('secret.jsonl'));
    assert.ok(problem, JSON.stringify(out.corpus.problems));
    assert.match(problem.message, /EACCES|permission/i);
    assert.equal(out.files[0].quotes[0].verdict, 'verified');
  } finally {
    for (const d of [dir, drafts, runnable]) fs.rmSync(d, { recursive: true, force: true });
  }
});
