import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { REPO_ROOT } from './paths';

/**
 * A copy of what `bin/verbatim.js` runs (bin/, the compiled server, the bundles, package.json and
 * the production dependencies) in a fresh folder every user may read. A test that runs the CLI as
 * another user needs it: the checkout itself may sit in a folder that user cannot enter (a
 * `mktemp -d`, a home folder with mode 700), and then node cannot even load the CLI.
 */
export function runnableCopyForAnyUser(): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-runnable-'));
  const parts = ['bin', 'package.json', path.join('out', 'server'), 'dist'];
  for (const part of productionDependencies()) parts.push(part);
  for (const part of parts) {
    const from = path.join(REPO_ROOT, part);
    if (!fs.existsSync(from)) continue; // dist/ only after a bundle; the CLI runs without it
    fs.cpSync(from, path.join(root, part), { recursive: true, dereference: true });
  }
  openToAll(root);
  return root;
}

/** node_modules/… paths of the production dependency tree, relative to the repository. */
function productionDependencies(): string[] {
  const r = spawnSync('npm', ['ls', '--omit=dev', '--parseable', '--all'], { cwd: REPO_ROOT, encoding: 'utf8' });
  if (r.status !== 0 && !r.stdout) throw new Error(`npm ls failed: ${r.stderr}`);
  return r.stdout
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && path.resolve(line) !== REPO_ROOT)
    .map((line) => path.relative(REPO_ROOT, line))
    .filter((rel) => rel.startsWith('node_modules'));
}

function openToAll(dir: string): void {
  fs.chmodSync(dir, 0o755);
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) openToAll(p);
    else if (entry.isFile()) fs.chmodSync(p, 0o644 | (fs.statSync(p).mode & 0o111 ? 0o111 : 0));
  }
}
