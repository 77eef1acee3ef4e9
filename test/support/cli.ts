import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { REPO_ROOT } from './paths';

export const BIN = path.join(REPO_ROOT, 'bin', 'verbatim.js');

/** The user cache folder the tests' CLI runs use ($XDG_CACHE_HOME), never the real ~/.cache. */
export const TEST_CACHE_HOME = fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-xdg-cache-'));
process.on('exit', () => fs.rmSync(TEST_CACHE_HOME, { recursive: true, force: true }));

export function cliEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return { ...process.env, XDG_CACHE_HOME: TEST_CACHE_HOME, ...extra };
}

/** Runs the real `bin/verbatim.js` as a user would. */
export function runCli(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; input?: string } = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? REPO_ROOT,
    env: options.env ?? cliEnv(),
    input: options.input,
    encoding: 'utf8',
    timeout: 60000,
    maxBuffer: 256 * 1024 * 1024,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A temporary folder holding the given files. */
export function workspace(files: Record<string, string | Buffer>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-cli-'));
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), content);
  }
  return dir;
}
