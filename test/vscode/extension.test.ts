// node:test entry for the extension tests: runs the suite in test/vscode/index.ts inside a real
// VS Code (scripts/vscode/run-vscode-tests.js) and reports each of its tests here, so `npm test`
// counts them with everything else.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const REPO = path.resolve(__dirname, '..', '..', '..');

interface Results {
  results: { name: string; ok: boolean; ms: number; error?: string }[];
  metrics: string[];
}

test('extension tests in a real VS Code', { timeout: 15 * 60 * 1000 }, async (t) => {
  const copy = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-vscode-results-')), 'results.json');
  const log: string[] = [];
  const code = await new Promise<number>((resolve) => {
    const child = spawn(process.execPath, [path.join(REPO, 'scripts', 'vscode', 'run-vscode-tests.js')], {
      cwd: REPO,
      env: { ...process.env, VERBATIM_RESULTS_COPY: copy },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const keep = (d: Buffer) => log.push(d.toString());
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.on('close', (c) => resolve(c ?? 1));
  });
  const tail = log.join('').split('\n').slice(-60).join('\n');
  assert.ok(fs.existsSync(copy), `the VS Code suite wrote no results (exit ${code}):\n${tail}`);
  const results = JSON.parse(fs.readFileSync(copy, 'utf8')) as Results;
  fs.rmSync(path.dirname(copy), { recursive: true, force: true });
  for (const m of results.metrics) t.diagnostic(m);
  for (const r of results.results) {
    await t.test(r.name, () => {
      if (!r.ok) assert.fail(r.error ?? 'failed');
    });
  }
  assert.ok(results.results.length > 0, 'no VS Code tests ran');
  assert.equal(code, 0, tail);
});
