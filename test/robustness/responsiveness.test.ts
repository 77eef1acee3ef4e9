import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { TestClient } from '../lsp/lspClient';
import { EXAMPLES } from '../support/paths';

// A long draft: tens of thousands of quotes, a second or more to check in full.
const LONG = Array.from({ length: 4000 }, (_, i) => `Paragraph ${i}. “Our commitment to Israel’s security is unshakable number ${i},” Blinken said.\n`).join('\n');
const SHORT = '“Our commitment to Israel’s security is ironclad,” Blinken said.\n';

async function withServer(run: (client: TestClient, root: string) => Promise<void>): Promise<void> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-responsive-'));
  fs.cpSync(path.join(EXAMPLES, 'sources'), path.join(root, 'sources'), { recursive: true });
  const client = new TestClient(root);
  try {
    await client.initialize({ debounce: 0 });
    await client.ready();
    await run(client, root);
  } finally {
    await client.stop();
    fs.rmSync(root, { recursive: true, force: true });
  }
}

test('a slow check never blocks a hover: another document answers while a long one is checked', async () => {
  await withServer(async (client, root) => {
    const small = client.open(path.join(root, 'small.md'), 'markdown', SHORT);
    await client.diagnosticsFor(small);
    const big = client.open(path.join(root, 'long.md'), 'markdown', LONG);
    await new Promise((r) => setTimeout(r, 50)); // the long check is under way
    const started = Date.now();
    const hover = await client.conn.sendRequest<{ contents: unknown } | null>('textDocument/hover', { textDocument: { uri: small }, position: { line: 0, character: 5 } });
    const hoverMs = Date.now() - started;
    const longDone = client.diagnostics.has(big);
    assert.ok(hover && JSON.stringify(hover.contents).includes('Blinken'));
    const diagnostics = await client.diagnosticsFor(big);
    console.log(`# hover answered in ${hoverMs} ms while the long draft was being checked (finished first: ${longDone}); ${diagnostics.length} diagnostics on it`);
    assert.equal(longDone, false, 'the hover was answered before the long check finished');
    assert.ok(diagnostics.length >= 4000);
  });
});

test('typing cancels a stale check: only the newest version of a long draft is published', async () => {
  await withServer(async (client, root) => {
    const published: number[] = [];
    const file = path.join(root, 'long.md');
    const uri = client.open(file, 'markdown', LONG);
    client.conn.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      client.diagnostics.set(p.uri, p);
      if (p.uri === uri) published.push(p.version ?? -1);
    });
    await new Promise((r) => setTimeout(r, 50));
    let version = 1;
    for (let i = 0; i < 3; i++) version = client.change(uri, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, 'x');
    await client.diagnosticsFor(uri, version);
    await new Promise((r) => setTimeout(r, 300));
    assert.deepEqual(published, [version], `published versions ${published.join(', ')}`);
  });
});

test('a document over the size limit gets a visible notice, not a silent cut-off', async () => {
  await withServer(async (client, root) => {
    const uri = client.open(path.join(root, 'huge.md'), 'markdown', 'word '.repeat(1_100_000));
    const diagnostics = await client.diagnosticsFor(uri);
    assert.equal(diagnostics.length, 1);
    assert.equal(diagnostics[0].code, 'too-large');
    const message = diagnostics[0].message;
    assert.match(typeof message === 'string' ? message : message.value, /did not check this document.*verbatim check/);
  });
});
