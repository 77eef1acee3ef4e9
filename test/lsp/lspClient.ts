// A minimal LSP client for the tests: starts the real server process over stdio and speaks
// JSON-RPC with vscode-languageserver-protocol, recording what the server sends.
import { ChildProcess, spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { createProtocolConnection, ProtocolConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver-protocol/node';
import type { Diagnostic, InitializeResult, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import type { CorpusStatus, DocumentSummary } from '../../server/src/lsp/protocol';

export const REPO = path.resolve(__dirname, '..', '..', '..');
export const FIXTURE = path.join(REPO, 'test', 'fixtures', 'workspace');
// VERBATIM_SERVER=dist/server.js (or an unpacked .vsix's) runs the same tests against a bundle.
export const SERVER = process.env.VERBATIM_SERVER ? path.resolve(process.env.VERBATIM_SERVER) : path.join(REPO, 'out', 'server', 'src', 'lsp', 'server.js');

export function uriOf(file: string): string {
  return pathToFileURL(file).toString();
}

/** A fresh copy of the fixture workspace (tests edit it). */
export function copyFixture(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-lsp-'));
  fs.cpSync(FIXTURE, dir, { recursive: true });
  return dir;
}

export class TestClient {
  readonly proc: ChildProcess;
  readonly conn: ProtocolConnection;
  readonly diagnostics = new Map<string, PublishDiagnosticsParams>();
  readonly statuses: CorpusStatus[] = [];
  readonly summaries: DocumentSummary[] = [];
  readonly progress: unknown[] = [];
  readonly registrations: unknown[] = [];
  stderr = '';
  private waiters: Array<() => void> = [];
  private versions = new Map<string, number>();

  constructor(
    readonly root: string,
    serverArgs: string[] = [],
    nodeArgs: string[] = [],
  ) {
    this.proc = spawn(process.execPath, [...nodeArgs, SERVER, '--stdio', ...serverArgs], { cwd: root, stdio: ['pipe', 'pipe', 'pipe'] });
    this.proc.stderr!.on('data', (d) => (this.stderr += d));
    this.conn = createProtocolConnection(new StreamMessageReader(this.proc.stdout!), new StreamMessageWriter(this.proc.stdin!));
    this.conn.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      this.diagnostics.set(p.uri, p);
      this.poke();
    });
    this.conn.onNotification('verbatim/status', (s: CorpusStatus) => {
      this.statuses.push(s);
      this.poke();
    });
    this.conn.onNotification('verbatim/documentSummary', (s: DocumentSummary) => {
      this.summaries.push(s);
      this.poke();
    });
    this.conn.onNotification('$/progress', (p: unknown) => {
      this.progress.push(p);
      this.poke();
    });
    this.conn.onNotification('window/logMessage', () => undefined);
    this.conn.onRequest('client/registerCapability', async (p: unknown) => {
      this.registrations.push(p);
      if (this.beforeRegistering) await this.beforeRegistering(p);
      return null;
    });
    this.conn.onRequest('client/unregisterCapability', () => null);
    this.conn.onRequest('window/workDoneProgress/create', () => null);
    this.conn.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => this.settings));
    this.conn.listen();
  }

  settings: Record<string, unknown> = {};
  /** Runs before a registration is answered: what an editor does while its watcher starts. */
  beforeRegistering: ((registration: unknown) => Promise<void>) | null = null;
  /** The workspace folders to announce (a multi-root workspace); the root alone by default. */
  folders: string[] | undefined;

  private poke(): void {
    const w = this.waiters;
    this.waiters = [];
    for (const f of w) f();
  }

  /** Resolves when `cond` holds, re-tested on every message from the server. */
  waitFor<T>(cond: () => T | undefined | null | false, what: string, ms = 20000): Promise<T> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}; stderr: ${this.stderr.slice(-2000)}`)), ms);
      const test = () => {
        let v: T | undefined | null | false;
        try {
          v = cond();
        } catch (e) {
          clearTimeout(timer);
          reject(e);
          return;
        }
        if (v) {
          clearTimeout(timer);
          resolve(v);
        } else this.waiters.push(test);
      };
      test();
    });
  }

  /** `options`: more initializationOptions beside the settings (a `storagePath`). */
  async initialize(settings: Record<string, unknown> = {}, configuration = true, options: Record<string, unknown> = {}): Promise<InitializeResult> {
    this.settings = settings;
    const result = await this.conn.sendRequest<InitializeResult>('initialize', {
      processId: process.pid,
      rootUri: uriOf(this.root),
      workspaceFolders: (this.folders ?? [this.root]).map((f) => ({ uri: uriOf(f), name: path.basename(f) })),
      initializationOptions: { settings, ...options },
      capabilities: {
        workspace: {
          configuration,
          didChangeConfiguration: { dynamicRegistration: true },
          didChangeWatchedFiles: { dynamicRegistration: true, relativePatternSupport: true },
          workspaceFolders: true,
        },
        window: { workDoneProgress: true },
        textDocument: {
          synchronization: { dynamicRegistration: false },
          hover: { contentFormat: ['markdown', 'plaintext'] },
          publishDiagnostics: { relatedInformation: true, codeDescriptionSupport: true, dataSupport: true, versionSupport: true },
          codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } }, dataSupport: true },
        },
      },
    });
    await this.conn.sendNotification('initialized', {});
    return result;
  }

  async ready(state: CorpusStatus['state'] = 'ready'): Promise<CorpusStatus> {
    return this.waitFor(() => {
      const last = this.statuses[this.statuses.length - 1];
      return last && last.state === state ? last : undefined;
    }, `corpus state ${state}`);
  }

  open(file: string, languageId = file.endsWith('.txt') ? 'plaintext' : 'markdown', text = fs.readFileSync(file, 'utf8')): string {
    const uri = uriOf(file);
    this.versions.set(uri, 1);
    this.diagnostics.delete(uri);
    void this.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
    return uri;
  }

  /** Sends one incremental change and returns the new version. */
  change(uri: string, range: { start: { line: number; character: number }; end: { line: number; character: number } }, text: string): number {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    void this.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range, text }] });
    return version;
  }

  /** Waits for diagnostics of the given document version (or any, if none given). */
  diagnosticsFor(uri: string, version?: number): Promise<Diagnostic[]> {
    return this.waitFor(
      () => {
        const p = this.diagnostics.get(uri);
        return p && (version === undefined || p.version === version) ? p.diagnostics : undefined;
      },
      `diagnostics for ${uri}${version ? ` v${version}` : ''}`,
    );
  }

  async stop(): Promise<void> {
    try {
      await Promise.race([this.conn.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
      await this.conn.sendNotification('exit');
    } catch {
      /* already gone */
    }
    await new Promise((r) => setTimeout(r, 100));
    this.conn.dispose();
    if (this.proc.exitCode === null) this.proc.kill();
  }
}

/** Applies LSP text edits (as a WorkspaceEdit's changes for one document) to a text. */
export function applyEdits(text: string, edits: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }[]): string {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
  const off = (p: { line: number; character: number }) => lineStarts[p.line] + p.character;
  const sorted = [...edits].sort((a, b) => off(b.range.start) - off(a.range.start));
  let out = text;
  for (const e of sorted) out = out.slice(0, off(e.range.start)) + e.newText + out.slice(off(e.range.end));
  return out;
}
