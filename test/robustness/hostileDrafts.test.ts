import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { checkText, loadCorpus, MAX_CHECKED_CHARS, type Finding } from '../../server/src/engine';
import { EXAMPLES, REPO_ROOT } from '../support/paths';
import { cliEnv } from '../support/cli';
import { hostileDrafts, largeDrafts, pathologicalShapes } from './hostileInputs';
import { TestClient } from '../lsp/lspClient';

// A liveness bound, not a speed measurement (that is npm run bench): no input may hang a check.
// It bounds the CPU time the check itself spends (this process's, the check being synchronous),
// not the wall clock: on a machine busy with other work a check waits for a core without doing
// any more of it, and a hang burns CPU all the same.
const BOUND_MS = 2000;
const corpus = loadCorpus([path.join(EXAMPLES, 'sources')]);

function cpuMs<T>(run: () => T): { ms: number; result: T } {
  const started = process.cpuUsage();
  const result = run();
  const used = process.cpuUsage(started);
  return { ms: (used.user + used.system) / 1000, result };
}

function checkTimed(text: string, file: string): { ms: number; findings: Finding[] } {
  const { ms, result } = cpuMs(() => checkText(text, file, corpus).findings);
  return { ms, findings: result };
}

test('engine: 10,000 generated hostile drafts each get a defined result within the bound', () => {
  let slowest = { ms: 0, index: -1 };
  const drafts = hostileDrafts(10000);
  drafts.forEach((text, i) => {
    const { ms, findings } = checkTimed(text, i % 3 === 0 ? '/d.txt' : '/d.md');
    assert.ok(Array.isArray(findings));
    for (const f of findings) assert.ok(f.span.start >= 0 && f.span.end <= text.length && typeof f.message === 'string');
    if (ms > slowest.ms) slowest = { ms, index: i };
  });
  console.log(`# slowest of ${drafts.length} generated drafts: #${slowest.index}, ${slowest.ms.toFixed(1)} ms (${drafts[slowest.index].length} characters)`);
  assert.ok(slowest.ms < BOUND_MS, `draft #${slowest.index} took ${slowest.ms} ms`);
});

test('engine: a pathological shape for every family of regular expressions, 200,000 characters each', () => {
  for (const [name, text] of pathologicalShapes(200000)) {
    for (const file of ['/d.md', '/d.txt']) {
      const { ms } = checkTimed(text, file);
      assert.ok(ms < BOUND_MS, `${name} (${file}) took ${ms.toFixed(0)} ms`);
    }
  }
});

test('engine: a 10,000-line Markdown file is checked whole; a 5 MB single line up to the limit, with a notice of what was skipped', () => {
  for (const [name, text] of largeDrafts()) {
    const { ms, result: report } = cpuMs(() => checkText(text, '/d.md', corpus));
    console.log(`# ${name}: ${report.findings.length} findings in ${ms.toFixed(0)} ms${report.skipped ? `; ${report.skipped.message}` : ''}`);
    assert.ok(ms < BOUND_MS, `${name} took ${ms} ms`);
    const checkedUpTo = report.skipped ? MAX_CHECKED_CHARS : text.length;
    if (text.length > MAX_CHECKED_CHARS) {
      assert.ok(report.skipped, `${name}: a notice says what was skipped`);
      assert.match(report.skipped.message, /Checked the first 1\.0 million characters of 5\.2 million; the rest, from line 1, was skipped/);
    } else assert.equal(report.skipped, undefined, `${name} is checked whole`);
    // Everything up to the cut is checked: the last complete quote before it is found.
    const head = text.slice(0, checkedUpTo);
    const lastQuote = head.lastIndexOf('“', head.lastIndexOf('”'));
    assert.ok(
      report.findings.some((f) => f.span.start === lastQuote + 1),
      `${name}: the last quote before the cut was checked`,
    );
  }
});

test('CLI: a folder of 10,000 hostile drafts is checked in one run; NUL bytes and invalid UTF-8 get a clear message', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-hostile-'));
  // eslint-disable-next-line no-control-regex -- NUL bytes are what is taken out
  const drafts = hostileDrafts(10000, 77).map((d) => d.replace(/\u0000/g, ''));
  drafts.forEach((text, i) => fs.writeFileSync(path.join(dir, `draft-${String(i).padStart(4, '0')}.${i % 3 === 0 ? 'txt' : 'md'}`), text));
  const bin = path.join(REPO_ROOT, 'bin', 'verbatim.js');
  const run = spawnSync(process.execPath, [bin, 'check', dir, '--corpus', path.join(EXAMPLES, 'sources'), '--format', 'json'], {
    encoding: 'utf8',
    maxBuffer: 1 << 30,
    timeout: 300000,
    env: cliEnv(),
  });
  assert.ok(run.status === 0 || run.status === 1, `exit ${run.status}: ${run.stderr.slice(0, 500)}`);
  const out = JSON.parse(run.stdout);
  assert.equal(out.files.length, drafts.length);

  fs.writeFileSync(path.join(dir, 'nul.md'), Buffer.from('“Quote,” he said.\u0000\u0000binary'));
  const nul = spawnSync(process.execPath, [bin, 'check', path.join(dir, 'nul.md'), '--corpus', path.join(EXAMPLES, 'sources')], { encoding: 'utf8', env: cliEnv() });
  assert.equal(nul.status, 2);
  assert.match(nul.stderr, /nul\.md: cannot read draft: binary file/);
  assert.doesNotMatch(nul.stderr, /\n\s+at /);

  fs.writeFileSync(path.join(dir, 'latin1.md'), Buffer.from([0x93, 0x57, 0x65, 0x20, 0x77, 0x69, 0x6c, 0x6c, 0x94, 0x20, 0x68, 0x65, 0x20, 0x73, 0x61, 0x69, 0x64, 0xff, 0xfe]));
  const latin = spawnSync(process.execPath, [bin, 'check', path.join(dir, 'latin1.md'), '--corpus', path.join(EXAMPLES, 'sources'), '--format', 'json'], { encoding: 'utf8', env: cliEnv() });
  assert.ok(latin.status === 0 || latin.status === 1 || latin.status === 2, `defined exit, got ${latin.status}`);
  assert.doesNotMatch(latin.stderr, /\n\s+at /);
  fs.rmSync(dir, { recursive: true, force: true });
});

test('server: hostile drafts over LSP each get their diagnostics, the server stays up and keeps answering', async () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-hostile-lsp-'));
  fs.cpSync(path.join(EXAMPLES, 'sources'), path.join(root, 'sources'), { recursive: true });
  const client = new TestClient(root);
  try {
    await client.initialize({ debounce: 0 });
    await client.ready();
    const inputs: Array<[string, string]> = [...hostileDrafts(10000, 5).map((t, i): [string, string] => [`generated ${i}`, t]), ...pathologicalShapes(50000), ...largeDrafts().slice(1)];
    let slowest = { ms: 0, name: '' };
    for (const [i, [name, text]] of inputs.entries()) {
      const file = path.join(root, `draft-${i}.${i % 4 === 0 ? 'txt' : 'md'}`);
      const started = Date.now();
      const uri = client.open(file, file.endsWith('.txt') ? 'plaintext' : 'markdown', text);
      await client.diagnosticsFor(uri);
      const ms = Date.now() - started;
      if (ms > slowest.ms) slowest = { ms, name };
      await client.conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
    }
    console.log(`# ${inputs.length} hostile drafts over LSP; slowest: ${slowest.name}, ${slowest.ms} ms`);
    assert.ok(slowest.ms < BOUND_MS * 2, `${slowest.name} took ${slowest.ms} ms over LSP`);
    assert.equal(client.proc.exitCode, null, 'the server is still running');
    // Still answering: a hover on an ordinary draft after all that.
    const file = path.join(root, 'after.md');
    const uri = client.open(file, 'markdown', '“Our commitment to Israel’s security is ironclad,” Blinken said.\n');
    await client.diagnosticsFor(uri);
    const hover = await client.conn.sendRequest<{ contents: unknown } | null>('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 5 } });
    assert.ok(hover && JSON.stringify(hover.contents).includes('Blinken'));
  } finally {
    await client.stop();
    fs.rmSync(root, { recursive: true, force: true });
  }
});
