// Progress shows once: a client that draws the corpus state itself (VS Code's status bar item,
// from verbatim/status) asks for no $/progress, and gets none; other clients get both.
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import { copyFixture, TestClient } from './lspClient';

describe('indexing progress', () => {
  for (const statusBarProgress of [true, false]) {
    it(statusBarProgress ? 'a client with its own status bar: verbatim/status only' : 'any other client: $/progress too, with no folder names repeated', async () => {
      const root = copyFixture();
      const client = new TestClient(root);
      try {
        await client.initialize({}, true, statusBarProgress ? { statusBarProgress } : {});
        await client.ready();
        assert.ok(
          client.statuses.some((s) => s.state === 'indexing'),
          'the status says indexing',
        );
        const begins = client.progress.filter((p) => (p as { value: { kind: string } }).value.kind === 'begin') as Array<{ value: { title: string; message?: string } }>;
        if (statusBarProgress) assert.equal(client.progress.length, 0);
        else {
          assert.equal(begins.length, 1);
          assert.equal(begins[0].value.title, 'Verbatim: indexing sources');
          assert.equal(begins[0].value.message, undefined);
        }
      } finally {
        await client.stop();
        fs.rmSync(root, { recursive: true, force: true });
      }
    });
  }
});
