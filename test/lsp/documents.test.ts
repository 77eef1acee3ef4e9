// The real language server over stdio, with a sources folder as a reporter keeps it: a saved
// web page, a PDF (made with pdf-lib), a Word file and an email (made by pandoc and Python:
// test/fixtures/documents/RECIPE.md), and a photo it cannot read.
import { after, before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Diagnostic, Location } from 'vscode-languageserver-protocol';
import type { CheckDocumentResult } from '../../server/src/lsp/protocol';
import { REPO, TestClient, uriOf } from './lspClient';
import { makePdf } from '../support/documents';

const DOCS = path.join(REPO, 'test', 'fixtures', 'documents');

const DRAFT = [
  'Hale said the new breakwater “will protect three hundred boats.”',
  '',
  'Senator Jane Roe said the bridge “will carry forty thousand cars a day.”',
  '',
  'Governor Ana Ruiz said “the state grant covers every dollar of the cost.”',
  '',
  'The press office said the bridge “will open to traffic in April.”',
  '',
].join('\n');

describe('verbatim-ls: sources as reporters have them (HTML, PDF, Word, email)', () => {
  let root: string;
  let client: TestClient;
  let uri: string;

  before(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-lsp-docs-'));
    const sources = path.join(root, 'sources');
    fs.mkdirSync(sources);
    for (const name of ['saved-page.html', 'statement.docx', 'reply.eml']) fs.copyFileSync(path.join(DOCS, name), path.join(sources, name));
    fs.writeFileSync(
      path.join(sources, 'roe.pdf'),
      await makePdf([['The committee met on Tuesday to hear from the public.'], ['We will finish the bridge by spring, and it will carry forty thousand cars a day.']], {
        title: 'Statement by Senator Jane Roe on the Bridge',
      }),
    );
    fs.writeFileSync(path.join(sources, 'harbor.jpg'), Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]));
    fs.writeFileSync(path.join(root, 'draft.md'), DRAFT);
    client = new TestClient(root);
  });
  after(async () => {
    await client.stop();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('indexes every document and lists the file it does not read, with the reason', async () => {
    await client.initialize({}, false);
    const status = await client.ready();
    assert.equal(status.documents, 4, JSON.stringify(status));
    assert.deepEqual(status.problems, [{ path: path.join(root, 'sources', 'harbor.jpg'), message: 'not read: an image: no text to read' }]);
  });

  it("verifies the quotes from each, and goes to the PDF's page and the page's paragraph on definition", async () => {
    uri = client.open(path.join(root, 'draft.md'));
    const ds: Diagnostic[] = await client.diagnosticsFor(uri);
    const result = await client.conn.sendRequest<CheckDocumentResult>('workspace/executeCommand', { command: 'verbatim.server.checkDocument', arguments: [uri] });
    assert.deepEqual(
      result.findings.map((f) => [f.verdict, f.source?.path && path.basename(f.source.path)]),
      [
        ['verified', 'saved-page.html'],
        ['verified', 'roe.pdf'],
        ['verified', 'statement.docx'],
        ['verified', 'reply.eml'],
      ],
      JSON.stringify(ds),
    );
    assert.equal(result.findings[1].source?.page, 2);
    assert.equal(result.findings[2].source?.paragraph, 6); // after the title page's title, author and date, and the heading
    const hover = await client.conn.sendRequest<{ contents: { value: string } }>('textDocument/hover', { textDocument: { uri }, position: { line: 2, character: 40 } });
    assert.match(hover.contents.value, /\[roe\.pdf, p\. 2\]\(file:[^)]*roe\.pdf#page=2\)/);

    const pdf = await client.conn.sendRequest<Location[]>('textDocument/definition', { textDocument: { uri }, position: { line: 2, character: 40 } });
    assert.equal(pdf[0].uri, uriOf(path.join(root, 'sources', 'roe.pdf')));
    assert.equal(pdf[0].range.start.line, 1);
    const page = await client.conn.sendRequest<Location[]>('textDocument/definition', { textDocument: { uri }, position: { line: 0, character: 40 } });
    const html = fs.readFileSync(path.join(root, 'sources', 'saved-page.html'), 'utf8').split('\n')[page[0].range.start.line];
    assert.ok(html.slice(page[0].range.start.character).startsWith('The new breakwater will protect'), html);
  });
});
