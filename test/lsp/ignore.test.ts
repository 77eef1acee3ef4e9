// Ignore comments in the language server: the same quotes the CLI ignores carry no diagnostic,
// also after edits that the paragraph cache re-checks piecemeal; hover says "checked by hand".
import { describe, it, before, after } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import type { CodeAction, Diagnostic, Hover, MarkupContent } from 'vscode-languageserver-protocol';
import type { DocumentSummary, HideFindingResult } from '../../server/src/lsp/protocol';
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

  it('"Hide in this workspace" records the finding in verbatim.json, not in the copy, and the draft is checked again', async () => {
    const file = path.join(root, 'draft.md');
    const uri = client.open(file);
    const ds = await client.diagnosticsFor(uri);
    const missing = ds.find((d) => d.code === 'missing')!;
    const actions = await client.conn.sendRequest<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: missing.range, context: { diagnostics: [missing] } });
    const hide = actions.find((a) => a.title === 'Hide in this workspace (verbatim.json)');
    assert.ok(hide?.command, actions.map((a) => a.title).join(' | '));
    assert.equal(hide.edit, undefined, 'the draft is not edited');
    const text = fs.readFileSync(file, 'utf8');
    const result = await client.conn.sendRequest<HideFindingResult>('workspace/executeCommand', { command: hide.command.command, arguments: hide.command.arguments });
    assert.equal(result.configFile, path.join(root, 'verbatim.json'));
    assert.deepEqual(JSON.parse(fs.readFileSync(result.configFile, 'utf8')).hidden, [{ draft: 'draft.md', verdict: 'missing', quote: 'Washington has signed a new agreement with Tehran this week.' }]);
    assert.equal(fs.readFileSync(file, 'utf8'), text);
    await client.waitFor(() => !client.diagnostics.get(uri)?.diagnostics.some((d) => d.code === 'missing'), 'the missing diagnostic to go');
    const hover = await client.conn.sendRequest<Hover | null>('textDocument/hover', { textDocument: { uri }, position: missing.range.start });
    assert.match((hover?.contents as MarkupContent).value, /hidden in this workspace/);
  });
});
