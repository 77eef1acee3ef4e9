// The walkthrough's steps tick as the writer goes (issue 13, item 7), read off the page of a real
// VS Code (code-server + headless Chromium): scripts/vscode/walkthrough-ui.js.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'child_process';
import * as path from 'path';

const REPO = path.resolve(__dirname, '..', '..', '..');

test('the walkthrough ticks "Create the sources folder" and "Add a source" when they are done, in a real VS Code', { timeout: 10 * 60 * 1000 }, (t) => {
  const r = spawnSync(process.execPath, [path.join(REPO, 'scripts', 'vscode', 'walkthrough-ui.js')], { cwd: REPO, encoding: 'utf8' });
  const out = `${r.stdout}\n${r.stderr}`;
  const checks = out.split('\n').filter((l) => l.startsWith('[walkthrough-ui] ok:'));
  for (const line of checks) t.diagnostic(line.replace('[walkthrough-ui] ', ''));
  assert.equal(r.status, 0, out.split('\n').slice(-40).join('\n'));
  assert.equal(checks.length, 7, 'every check of the script ran');
});
