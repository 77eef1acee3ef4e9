// What an editor's file watcher does not say: the files inside a folder copied into the corpus
// (VS Code reports the folder alone), and what changed while the watcher was starting. The real
// server over stdio; the tests send the events an editor would, and no more.
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { TestClient, uriOf } from './lspClient';

const DRAFT = 'Miller said: “Iran will never be allowed to obtain a nuclear weapon.”\n';
const SOURCE = '---\nkind: transcript\n---\nMILLER: Iran will never be allowed to obtain a nuclear weapon.\n';
const OTHER = '---\nkind: transcript\n---\nRUIZ: The bridge will reopen in May.\n';

function workspace(): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-watch-'));
  fs.writeFileSync(path.join(root, 'draft.md'), DRAFT);
  return root;
}

describe('verbatim-ls: what the file watcher does not report', () => {
  it('indexes the files of a folder copied into an existing sources/, told only of the folder', async () => {
    const root = workspace();
    fs.mkdirSync(path.join(root, 'sources'));
    const client = new TestClient(root);
    try {
      await client.initialize();
      const empty = await client.ready('noCorpus');
      assert.equal(empty.statements, 0);
      const folder = path.join(root, 'sources', 'briefings-2016');
      fs.mkdirSync(folder);
      fs.writeFileSync(path.join(folder, 'miller.md'), SOURCE);
      fs.writeFileSync(path.join(folder, 'ruiz.md'), OTHER);
      const n = client.statuses.length;
      await client.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(folder), type: 1 }] });
      const status = await client.waitFor(() => client.statuses.slice(n).find((s) => s.state === 'ready'), 'the corpus ready after the folder came');
      assert.equal(status.documents, 2);
      assert.equal(status.statements, 2);
      // And the folder deleted, told only of the folder: its files leave the index.
      fs.rmSync(folder, { recursive: true });
      const m = client.statuses.length;
      await client.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(folder), type: 3 }] });
      const after = await client.waitFor(() => client.statuses.slice(m).find((s) => s.state === 'noCorpus'), 'the corpus empty after the folder went');
      assert.equal(after.statements, 0);
    } finally {
      await client.stop();
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  it('catches up with a source added, one changed and one deleted while the watcher was being registered', async () => {
    const root = workspace();
    fs.mkdirSync(path.join(root, 'sources'));
    fs.writeFileSync(path.join(root, 'sources', 'ruiz.md'), OTHER);
    fs.writeFileSync(path.join(root, 'sources', 'old.md'), '---\nkind: transcript\n---\nLEE: We will not comment.\n');
    const client = new TestClient(root);
    let changedWhileStarting = false;
    // The first index is done before the editor answers the registration; in between the disk
    // changes, and no event is ever sent for it.
    client.beforeRegistering = async (registration) => {
      if (changedWhileStarting || !JSON.stringify(registration).includes('didChangeWatchedFiles')) return;
      await client.ready('ready');
      fs.writeFileSync(path.join(root, 'sources', 'miller.md'), SOURCE);
      fs.writeFileSync(path.join(root, 'sources', 'ruiz.md'), `${OTHER}\nLEE: The ferry will stop.\n`);
      fs.rmSync(path.join(root, 'sources', 'old.md'));
      changedWhileStarting = true;
    };
    try {
      await client.initialize();
      const first = await client.ready('ready');
      assert.equal(first.documents, 2);
      assert.equal(first.statements, 2);
      const uri = client.open(path.join(root, 'draft.md'));
      const caughtUp = await client.waitFor(
        // miller.md came (1 statement), ruiz.md has a second turn (2), old.md went.
        () => changedWhileStarting && client.statuses.find((s) => s.state === 'ready' && s.documents === 2 && s.statements === 3),
        'the index caught up with the files changed while the watcher started',
      );
      assert.ok(caughtUp);
      // The quote's source came in without an event: the draft is checked against it.
      await client.waitFor(() => client.diagnostics.get(uri)?.diagnostics.length === 0 || undefined, 'the quote verified against the source that came in');
    } finally {
      await client.stop();
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
