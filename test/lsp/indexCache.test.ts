// The language server loads the corpus through the persisted index (issue 4): a second start
// reuses it, re-reads only the files changed since, and a workspace's .verbatim/ folder comes
// before the editor's storage.
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { CorpusStatus } from '../../server/src/lsp/protocol';
import { copyFixture, TestClient, uriOf } from './lspClient';

/** Starts a server on `root`, waits for the corpus, runs `body`, stops it. */
async function withServer(root: string, storagePath: string | undefined, body: (client: TestClient, status: CorpusStatus) => Promise<void>): Promise<void> {
  const client = new TestClient(root);
  try {
    await client.initialize({}, true, storagePath ? { storagePath } : {});
    await body(client, await client.ready());
  } finally {
    await client.stop();
  }
}

const codes = async (client: TestClient, uri: string) => (await client.diagnosticsFor(uri)).map((d) => d.code);

describe('verbatim-ls: the persisted corpus index', () => {
  it('a second start reuses the index in the editor storage and re-reads a file changed in between', async () => {
    const root = copyFixture();
    const storage = fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-storage-'));
    const draft = path.join(root, 'draft.md');
    const briefing = path.join(root, 'sources', 'briefing.md');
    try {
      await withServer(root, storage, async (client, status) => {
        assert.equal(status.cache?.state, 'cold');
        assert.equal(status.cache?.saved, true);
        assert.ok(status.cache!.folder.startsWith(storage + path.sep), status.cache!.folder);
        assert.ok(fs.existsSync(path.join(status.cache!.folder, 'manifest.json')), 'the index is written to the storage folder');
        assert.deepEqual(await codes(client, client.open(draft)), ['altered', 'misattributed', 'missing']);
      });

      await withServer(root, storage, async (client, status) => {
        assert.equal(status.cache?.state, 'warm');
        assert.deepEqual([status.cache?.reused, status.cache?.reread, status.cache?.removed, status.cache?.saved], [2, 0, 0, false]);
        assert.equal(status.documents, 2);
        assert.deepEqual(await codes(client, client.open(draft)), ['altered', 'misattributed', 'missing'], 'the same verdicts from the reloaded index');
      });

      // Between the starts, Miller's words change to what the draft quotes: the altered quote becomes verified.
      fs.writeFileSync(briefing, fs.readFileSync(briefing, 'utf8').replace('Iran will never be allowed', 'Iran will soon be allowed'));
      await withServer(root, storage, async (client, status) => {
        assert.equal(status.cache?.state, 'warm');
        assert.deepEqual([status.cache?.reused, status.cache?.reread, status.cache?.saved], [1, 1, true]);
        assert.deepEqual(await codes(client, client.open(draft)), ['misattributed', 'missing']);
      });
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
      fs.rmSync(storage, { recursive: true, force: true });
    }
  });

  it('keeps file-by-file updates and the next start right; prefers the workspace .verbatim/ folder', async () => {
    const root = copyFixture();
    const storage = fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-storage-'));
    const workspaceCache = path.join(root, '.verbatim');
    fs.mkdirSync(workspaceCache);
    const draft = path.join(root, 'draft.md');
    const notes = path.join(root, 'sources', 'notes.jsonl');
    try {
      await withServer(root, storage, async (client, status) => {
        assert.equal(status.cache?.folder, workspaceCache);
        assert.equal(status.cache?.state, 'cold');
        assert.deepEqual(fs.readdirSync(storage), [], 'nothing in the editor storage');
        const uri = client.open(draft);
        assert.deepEqual(await codes(client, uri), ['altered', 'misattributed', 'missing']);
        // A source added while the server runs: indexed by itself, the misattributed quote now has Blinken's statement.
        fs.writeFileSync(notes, JSON.stringify({ speaker: 'Antony Blinken', text: 'We are not going to comment on reports of ongoing negotiations.', date: '2023-06-09' }) + '\n');
        const n = client.statuses.length;
        await client.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(notes), type: 1 }] });
        const after = await client.waitFor(() => client.statuses.slice(n).find((s) => s.state === 'ready'), 'status after the change');
        assert.equal(after.documents, 3);
        await client.waitFor(() => !client.diagnostics.get(uri)!.diagnostics.some((d) => d.code === 'misattributed') || undefined, 'diagnostics after the change');
      });

      // The next start finds the new file (not yet in the saved index) and reads it, and only it.
      await withServer(root, storage, async (client, status) => {
        assert.equal(status.cache?.state, 'warm');
        assert.deepEqual([status.cache?.reused, status.cache?.reread, status.documents], [2, 1, 3]);
        assert.deepEqual(await codes(client, client.open(draft)), ['altered', 'missing']);
      });

      // Rebuild Corpus Index reads every file anew, whatever the cache holds.
      await withServer(root, storage, async (client, status) => {
        assert.deepEqual([status.cache?.state, status.cache?.reused, status.cache?.reread], ['warm', 3, 0]);
        const rebuilt = await client.conn.sendRequest<CorpusStatus>('workspace/executeCommand', { command: 'verbatim.server.rebuildIndex', arguments: [] });
        assert.equal(rebuilt.cache?.state, 'cold');
        assert.equal(rebuilt.cache?.reason, 'a rebuild was asked for');
        assert.equal(rebuilt.documents, 3);
      });
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
      fs.rmSync(storage, { recursive: true, force: true });
    }
  });

  it('never reads its own index files as sources, even with the whole workspace as the corpus', async () => {
    const root = copyFixture();
    fs.mkdirSync(path.join(root, '.verbatim'));
    const client = new TestClient(root);
    try {
      await client.initialize({ corpus: ['.'] });
      const status = await client.ready();
      assert.equal(status.cache?.folder, path.join(root, '.verbatim'));
      const documents = status.documents;
      const n = client.statuses.length;
      await client.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(path.join(root, '.verbatim', 'manifest.json')), type: 2 }] });
      // A change to a real source after it: its status comes after the one the manifest would have caused.
      fs.appendFileSync(path.join(root, 'sources', 'briefing.md'), '\n');
      await client.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(path.join(root, 'sources', 'briefing.md')), type: 2 }] });
      const after = await client.waitFor(() => client.statuses.slice(n).find((s) => s.state === 'ready'), 'status after the change');
      assert.equal(after.documents, documents);
      assert.deepEqual(after.problems, []);
    } finally {
      await client.stop();
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  it('without a .verbatim/ folder or a storage path, indexes in memory and writes nothing', async () => {
    const root = copyFixture();
    try {
      await withServer(root, undefined, async (_client, status) => {
        assert.equal(status.cache, undefined);
        assert.equal(status.documents, 2);
      });
      assert.ok(!fs.existsSync(path.join(root, '.verbatim')));
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
