// Multi-root workspaces (issue 17): each workspace folder has its own verbatim.json, corpus and
// index cache, and a draft is checked against the corpus of the folder that holds it. Folders
// added or removed while the server runs (workspace/didChangeWorkspaceFolders) get or lose theirs.
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ServerCommands, type CorpusStatus, type ServerInfo } from '../../server/src/lsp/protocol';
import { TestClient, uriOf } from './lspClient';

const BRIDGE = 'The bridge will reopen in May, and the tolls stay as they are.';
const HARBOUR = 'The harbour dredging starts in the autumn and ends before the spring thaw.';

/** A folder with its own config naming its own corpus folder, one statement, and a draft quoting both statements. */
function makeFolder(top: string, name: string, corpusDir: string, speaker: string, words: string): string {
  const root = path.join(top, name);
  fs.mkdirSync(path.join(root, corpusDir), { recursive: true });
  fs.mkdirSync(path.join(root, '.verbatim'));
  fs.writeFileSync(path.join(root, 'verbatim.json'), JSON.stringify({ corpus: [corpusDir] }));
  fs.writeFileSync(path.join(root, corpusDir, 'statements.jsonl'), JSON.stringify({ speaker, text: words, date: '2026-11-02' }) + '\n');
  fs.writeFileSync(path.join(root, 'draft.md'), `The mayor spoke first. “${BRIDGE.replace(/,.*$/, '')},” Ana Ruiz said.\n\nThen the port. “${HARBOUR}” Ben Ortiz said.\n`);
  return root;
}

function folderStatus(client: TestClient, root: string, state: CorpusStatus['state']): Promise<CorpusStatus> {
  return client.waitFor(
    () => {
      const mine = client.statuses.filter((s) => s.folder === root);
      const last = mine[mine.length - 1];
      return last && last.state === state ? last : undefined;
    },
    `${path.basename(root)} ${state}`,
  );
}

async function codesOf(client: TestClient, file: string): Promise<string[]> {
  const uri = client.open(file);
  const diagnostics = await client.diagnosticsFor(uri);
  return diagnostics.map((d) => `${d.range.start.line}:${String(d.code)}`);
}

describe('verbatim-ls in a multi-root workspace', () => {
  it('checks each folder’s drafts against that folder’s own config, corpus and index', async () => {
    const top = fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-multiroot-'));
    const city = makeFolder(top, 'city-desk', 'sources', 'Ana Ruiz', BRIDGE);
    const port = makeFolder(top, 'port-desk', 'transcripts', 'Ben Ortiz', HARBOUR);
    const client = new TestClient(city);
    client.folders = [city, port];
    try {
      await client.initialize({}, true);
      const [a, b] = await Promise.all([folderStatus(client, city, 'ready'), folderStatus(client, port, 'ready')]);
      assert.deepEqual(a.corpusPaths, [path.join(city, 'sources')]);
      assert.deepEqual(b.corpusPaths, [path.join(port, 'transcripts')]);
      assert.equal(a.statements, 1);
      assert.equal(b.statements, 1);
      // Each folder's index in its own .verbatim/.
      assert.equal(a.cache?.folder, path.join(city, '.verbatim'));
      assert.equal(b.cache?.folder, path.join(port, '.verbatim'));

      // The bridge quote is the city desk's source, the harbour quote the port desk's: each
      // draft verifies its own folder's quote and finds the other folder's missing.
      assert.deepEqual(await codesOf(client, path.join(city, 'draft.md')), ['2:missing']);
      assert.deepEqual(await codesOf(client, path.join(port, 'draft.md')), ['0:missing']);

      const info = await client.conn.sendRequest<ServerInfo>('workspace/executeCommand', { command: ServerCommands.info, arguments: [uriOf(path.join(port, 'draft.md'))] });
      assert.equal(info.status.folder, port, 'info about a document gives its folder');
      assert.deepEqual(
        info.folders.map((f) => f.folder),
        [city, port],
      );

      // Check Workspace: every folder's drafts, each against its own corpus.
      const ws = await client.conn.sendRequest<{ files: { path: string; findings: { verdict: string }[] }[] }>('workspace/executeCommand', { command: ServerCommands.checkWorkspace, arguments: [] });
      const verdicts = Object.fromEntries(ws.files.map((f) => [path.relative(top, f.path), f.findings.map((x) => x.verdict)]));
      assert.deepEqual(verdicts, { [path.join('city-desk', 'draft.md')]: ['verified', 'missing'], [path.join('port-desk', 'draft.md')]: ['missing', 'verified'] });
    } finally {
      await client.stop();
      fs.rmSync(top, { recursive: true, force: true });
    }
  });

  it('gives a folder added while it runs its own corpus, and drops a removed folder’s', async () => {
    const top = fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-multiroot-'));
    const city = makeFolder(top, 'city-desk', 'sources', 'Ana Ruiz', BRIDGE);
    const port = makeFolder(top, 'port-desk', 'transcripts', 'Ben Ortiz', HARBOUR);
    const client = new TestClient(city);
    client.folders = [city];
    try {
      await client.initialize({}, true);
      await folderStatus(client, city, 'ready');
      // Before the port desk is a folder, its draft belongs to the first folder: checked against the city's sources.
      assert.deepEqual(await codesOf(client, path.join(port, 'draft.md')), ['2:missing']);

      await client.conn.sendNotification('workspace/didChangeWorkspaceFolders', { event: { added: [{ uri: uriOf(port), name: 'port-desk' }], removed: [] } });
      await folderStatus(client, port, 'ready');
      // The open draft is checked again against its own folder's corpus.
      await client.waitFor(() => {
        const d = client.diagnostics.get(uriOf(path.join(port, 'draft.md')));
        return d && d.diagnostics.length === 1 && d.diagnostics[0].range.start.line === 0 && d.diagnostics[0].code === 'missing';
      }, 'the port draft re-checked against the port corpus');

      await client.conn.sendNotification('workspace/didChangeWorkspaceFolders', { event: { added: [], removed: [{ uri: uriOf(port), name: 'port-desk' }] } });
      await client.waitFor(() => {
        const d = client.diagnostics.get(uriOf(path.join(port, 'draft.md')));
        return d && d.diagnostics.length === 1 && d.diagnostics[0].range.start.line === 2;
      }, 'the port draft back on the city corpus');
      const info = await client.conn.sendRequest<ServerInfo>('workspace/executeCommand', { command: ServerCommands.info, arguments: [] });
      assert.deepEqual(
        info.folders.map((f) => f.folder),
        [city],
      );
    } finally {
      await client.stop();
      fs.rmSync(top, { recursive: true, force: true });
    }
  });
});
