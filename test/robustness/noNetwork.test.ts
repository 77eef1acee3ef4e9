import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver-protocol/node';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { EXAMPLES, REPO_ROOT } from '../support/paths';
import { cliEnv } from '../support/cli';

const BIN = path.join(REPO_ROOT, 'bin', 'verbatim.js');
const SERVER = path.join(REPO_ROOT, 'out', 'server', 'src', 'lsp', 'server.js');
const BUNDLED_SERVER = path.join(REPO_ROOT, 'dist', 'server.js');
const GUARD = path.join(REPO_ROOT, 'test', 'robustness', 'noSockets.js');

/** `unshare -n` gives a process a network namespace with no interface up; root and util-linux needed. */
function canUnshare(): boolean {
  const r = spawnSync('unshare', ['-n', '--', 'true']);
  return r.status === 0;
}

function workspace(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-nonet-'));
  fs.cpSync(path.join(EXAMPLES, 'sources'), path.join(dir, 'sources'), { recursive: true });
  fs.copyFileSync(path.join(EXAMPLES, 'draft.md'), path.join(dir, 'draft.md'));
  return dir;
}

function cli(prefix: string[], cwd: string, env: NodeJS.ProcessEnv = cliEnv()) {
  const argv = [...prefix, process.execPath, BIN, 'check', 'draft.md', '--format', 'json'];
  const r = spawnSync(argv[0], argv.slice(1), { cwd, encoding: 'utf8', env, timeout: 120000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** Starts the server (optionally inside a prefix such as unshare), opens the draft, returns its diagnostics. */
async function serverDiagnostics(prefix: string[], server: string, cwd: string, env: NodeJS.ProcessEnv = process.env): Promise<PublishDiagnosticsParams> {
  const argv = [...prefix, process.execPath, server, '--stdio'];
  const proc = spawn(argv[0], argv.slice(1), { cwd, env, stdio: ['pipe', 'pipe', 'pipe'] });
  const conn = createProtocolConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
  const draft = path.join(cwd, 'draft.md');
  const uri = pathToFileURL(draft).toString();
  const published = new Promise<PublishDiagnosticsParams>((resolve) =>
    conn.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      if (p.uri === uri && p.diagnostics.length > 0) resolve(p);
    }),
  );
  conn.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => null));
  conn.onRequest('client/registerCapability', () => null);
  conn.onRequest('window/workDoneProgress/create', () => null);
  conn.listen();
  try {
    await conn.sendRequest('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(cwd).toString(),
      workspaceFolders: [{ uri: pathToFileURL(cwd).toString(), name: 'ws' }],
      capabilities: { window: { workDoneProgress: true } },
    });
    await conn.sendNotification('initialized', {});
    await conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: fs.readFileSync(draft, 'utf8') } });
    return await Promise.race([published, new Promise<never>((_, reject) => setTimeout(() => reject(new Error('no diagnostics within 30 s')), 30000))]);
  } finally {
    await Promise.race([conn.sendRequest('shutdown').catch(() => undefined), new Promise((r) => setTimeout(r, 1000))]);
    conn.dispose();
    proc.kill();
  }
}

const summary = (p: PublishDiagnosticsParams) => p.diagnostics.map((d) => `${d.range.start.line}:${d.range.start.character} ${d.code} ${d.message}`).sort();

test('the CLI behaves the same with no network at all (unshare -n)', (t) => {
  if (!canUnshare()) return t.skip('unshare -n is not available here (needs root and util-linux)');
  const dir = workspace();
  const online = cli([], dir);
  const offline = cli(['unshare', '-n', '--'], dir);
  assert.equal(offline.code, online.code, offline.err);
  assert.deepEqual(JSON.parse(offline.out), JSON.parse(online.out));
});

test('the language server behaves the same with no network at all (unshare -n)', async (t) => {
  if (!canUnshare()) return t.skip('unshare -n is not available here (needs root and util-linux)');
  const dir = workspace();
  const online = await serverDiagnostics([], SERVER, dir);
  const offline = await serverDiagnostics(['unshare', '-n', '--'], SERVER, dir);
  assert.deepEqual(summary(offline), summary(online));
  assert.ok(online.diagnostics.some((d) => d.code === 'altered'));
});

test('no code path of the CLI, the server or the bundle opens a socket or looks up a host', async () => {
  const dir = workspace();
  const log = path.join(dir, 'network.log');
  const env = cliEnv({ VERBATIM_NET_LOG: log, NODE_OPTIONS: `--require ${GUARD}` });
  const r = cli([], dir, env);
  assert.ok(r.code === 0 || r.code === 1, r.err);
  assert.ok(JSON.parse(r.out).files[0].quotes.length > 0);
  for (const server of [SERVER, ...(fs.existsSync(BUNDLED_SERVER) ? [BUNDLED_SERVER] : [])]) {
    const published = await serverDiagnostics([], server, dir, env);
    assert.ok(published.diagnostics.length > 0, server);
  }
  assert.equal(fs.existsSync(log) ? fs.readFileSync(log, 'utf8') : '', '', 'network calls were attempted');
});
