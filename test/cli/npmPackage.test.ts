// The npm package as a user gets it (issue 17): `node scripts/packNpm.js` packs the tarball,
// npm installs it into an empty folder with no network and an empty npm cache (`--offline`:
// the package must need no dependency), and the installed `verbatim` and `verbatim-ls --stdio`
// run from there, `npm exec` (what `npx` runs) included.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { cliEnv } from '../support/cli';
import { EXAMPLES, REPO_ROOT } from '../support/paths';

const NAME = '@verbatim-editor/verbatim';

function initializeOverStdio(bin: string, cwd: string): Promise<{ name: string; capabilities: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [bin, '--stdio'], { cwd, env: cliEnv(), stdio: ['pipe', 'pipe', 'pipe'] });
    const timer = setTimeout(() => {
      proc.kill();
      reject(new Error('no initialize response in 30 s'));
    }, 30000);
    let buffer = Buffer.alloc(0);
    proc.stdout.on('data', (chunk: Buffer) => {
      buffer = Buffer.concat([buffer, chunk]);
      for (;;) {
        const header = buffer.indexOf('\r\n\r\n');
        if (header < 0) return;
        const length = Number(/Content-Length: (\d+)/i.exec(buffer.subarray(0, header).toString())?.[1]);
        if (buffer.length < header + 4 + length) return;
        const message = JSON.parse(buffer.subarray(header + 4, header + 4 + length).toString('utf8'));
        buffer = buffer.subarray(header + 4 + length);
        if (message.id === 1) {
          clearTimeout(timer);
          proc.kill();
          resolve({ name: message.result.serverInfo?.name, capabilities: message.result.capabilities });
        }
      }
    });
    proc.on('error', reject);
    const body = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } });
    proc.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
  });
}

test('the npm package installs offline into an empty folder, with no dependency, and its verbatim and verbatim-ls run', async () => {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-npm-'));
  try {
    const tarball = execFileSync(process.execPath, [path.join(REPO_ROOT, 'scripts', 'packNpm.js'), '--out', work], { encoding: 'utf8' }).trim();
    const listed = execFileSync('tar', ['tzf', tarball], { encoding: 'utf8' }).trim().split('\n').sort();
    assert.deepEqual(listed, [
      'package/CHANGELOG.md',
      'package/LICENSE',
      'package/README.md',
      'package/bin/verbatim-ls.js',
      'package/bin/verbatim.js',
      'package/dist/cli.js',
      'package/dist/readWorker.js',
      'package/dist/server.js',
      'package/dist/synonyms.txt',
      'package/package.json',
      'package/schemas/verbatim.schema.json',
    ]);
    const manifest = JSON.parse(execFileSync('tar', ['xzOf', tarball, 'package/package.json'], { encoding: 'utf8' }));
    assert.equal(manifest.name, NAME);
    assert.equal(manifest.private, undefined);
    assert.equal(manifest.dependencies, undefined, 'everything is bundled');
    assert.equal(manifest.version, JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')).version);

    const project = path.join(work, 'project');
    fs.mkdirSync(project);
    // An empty npm cache and --offline: npm may fetch nothing, so any dependency would fail the install.
    const npmEnv = {
      ...cliEnv(),
      npm_config_cache: path.join(work, 'npm-cache'),
      npm_config_offline: 'true',
      npm_config_audit: 'false',
      npm_config_fund: 'false',
      npm_config_update_notifier: 'false',
    };
    const install = spawnSync('npm', ['install', '--offline', tarball], { cwd: project, env: npmEnv, encoding: 'utf8' });
    assert.equal(install.status, 0, install.stderr);
    assert.deepEqual(
      fs.readdirSync(path.join(project, 'node_modules')).filter((n) => !n.startsWith('.')),
      ['@verbatim-editor'],
    );

    fs.cpSync(path.join(EXAMPLES, 'sources'), path.join(project, 'sources'), { recursive: true });
    fs.copyFileSync(path.join(EXAMPLES, 'draft.md'), path.join(project, 'draft.md'));
    const verbatim = path.join(project, 'node_modules', '.bin', 'verbatim');
    const check = spawnSync(verbatim, ['check', 'draft.md', '--format', 'json'], { cwd: project, env: cliEnv(), encoding: 'utf8' });
    assert.equal(check.status, 1, check.stderr);
    const report = JSON.parse(check.stdout);
    assert.equal(report.corpus.documents, 3);
    assert.ok(report.files[0].quotes.some((q: { verdict: string }) => q.verdict === 'altered'));

    const npx = spawnSync('npm', ['exec', '--offline', '--', 'verbatim', '--version'], { cwd: project, env: npmEnv, encoding: 'utf8' });
    assert.equal(npx.status, 0, npx.stderr);
    assert.equal(npx.stdout.trim(), `verbatim ${manifest.version}`);

    const server = await initializeOverStdio(path.join(project, 'node_modules', '.bin', 'verbatim-ls'), project);
    assert.ok(server.capabilities.textDocumentSync, JSON.stringify(server.capabilities));
    assert.ok(server.capabilities.hoverProvider);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
});
