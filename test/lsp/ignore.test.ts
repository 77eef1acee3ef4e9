// Ignore comments in the language server: the same quotes the CLI ignores carry no diagnostic,
// also after edits that the paragraph cache re-checks piecemeal; hover says "checked by hand".
import { describe, it, before, after } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import type { Diagnostic, Hover, MarkupContent } from 'vscode-languageserver-protocol';
import type { DocumentSummary } from '../../server/src/lsp/protocol';
import { applyEdits, copyFixture, REPO, TestClient } from './lspClient';

const FIXTURES = path.join(REPO, 'test', 'fixtures', 'ignore');
const lines = (ds: Diagnostic[]) => ds.map((d) => d.range.start.line + 1);

describe('verbatim-ls honours ignore comments', () => {
  let root: string;
  let client: TestClient;
  before(async () => {
    root = copyFixture();
    for (const f of ['ignore.md', 'ignore.txt']) fs.copyFileSync(path.join(FIXTURES, f), path.join(root, f));
    client = new TestClient(root);
    await client.initialize();
    await client.ready();
  });
  after(async () => {
    await client.stop();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('Markdown: verbatim-ignore and verbatim-disable … verbatim-enable, as the CLI', async () => {
    const file = path.join(root, 'ignore.md');
    let text = fs.readFileSync(file, 'utf8');
    const uri = client.open(file);
    const ds = await client.diagnosticsFor(uri);
    assert.deepEqual(lines(ds), [4, 21]);
    const summary = await client.waitFor(() => [...client.summaries].reverse().find((s: DocumentSummary) => s.uri === uri), 'document summary');
    assert.equal(summary.ignored, 5);

    const hover = await client.conn.sendRequest<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 14, character: 30 } });
    assert.match((hover?.contents as MarkupContent).value, /ignored: checked by hand/);

    // Typing inside the disabled passage re-checks only its chunk: still ignored.
    const at = { line: 14, character: text.split('\n')[14].indexOf('Tehran') };
    let version = client.change(uri, { start: at, end: at }, 'Iran and ');
    text = applyEdits(text, [{ range: { start: at, end: at }, newText: 'Iran and ' }]);
    assert.deepEqual(lines(await client.diagnosticsFor(uri, version)), [4, 21]);

    // Typing in the paragraph after a stand-alone ignore comment: still ignored.
    const at2 = { line: 10, character: 0 };
    version = client.change(uri, { start: at2, end: at2 }, 'Later, ');
    text = applyEdits(text, [{ range: { start: at2, end: at2 }, newText: 'Later, ' }]);
    assert.deepEqual(lines(await client.diagnosticsFor(uri, version)), [4, 21]);

    // Without verbatim-enable the passage runs to the end of the draft.
    const enable = text.split('\n').indexOf('<!-- verbatim-enable -->');
    const range = { start: { line: enable, character: 0 }, end: { line: enable, character: '<!-- verbatim-enable -->'.length } };
    version = client.change(uri, range, '');
    assert.deepEqual(lines(await client.diagnosticsFor(uri, version)), [4]);

    // Removing the first ignore comment brings its quote back.
    version = client.change(uri, { start: { line: 5, character: 0 }, end: { line: 6, character: 0 } }, '');
    assert.deepEqual(lines(await client.diagnosticsFor(uri, version)), [4, 6]);
  });

  it('plain text: "verbatim: ignore" and "# verbatim: disable" … "# verbatim: enable" lines', async () => {
    const uri = client.open(path.join(root, 'ignore.txt'), 'plaintext');
    assert.deepEqual(lines(await client.diagnosticsFor(uri)), [1, 12]);
  });
});
