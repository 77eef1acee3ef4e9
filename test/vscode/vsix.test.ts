// The packaged extension: a .vsix built with vsce, installed into a clean VS Code (code-server)
// with its own --install-extension, underlines the fixture draft's quotes.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'child_process';
import * as path from 'path';

const REPO = path.resolve(__dirname, '..', '..', '..');

test('the .vsix installs into a clean VS Code and checks a draft', { timeout: 10 * 60 * 1000 }, (t) => {
  const r = spawnSync(process.execPath, [path.join(REPO, 'scripts', 'vscode', 'vsix-smoke.js')], { cwd: REPO, encoding: 'utf8' });
  const out = `${r.stdout}\n${r.stderr}`;
  for (const line of out.split('\n').filter((l) => l.startsWith('[vsix-smoke]'))) t.diagnostic(line.replace('[vsix-smoke] ', ''));
  assert.equal(r.status, 0, out.split('\n').slice(-40).join('\n'));
});
