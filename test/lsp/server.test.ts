// The real language server process over stdio, driven with JSON-RPC as an editor would.
import { after, before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { CodeAction, Diagnostic, Hover, Location, MarkupContent } from 'vscode-languageserver-protocol';
import type { CheckDocumentResult, CorpusStatus, DiagnosticData, ServerInfo } from '../../server/src/lsp/protocol';
import { applyEdits, copyFixture, TestClient, uriOf } from './lspClient';

const byCode = (ds: Diagnostic[], code: string) => {
  const d = ds.find((x) => x.code === code);
  assert.ok(d, `expected a ${code} diagnostic, got ${ds.map((x) => x.code).join(', ')}`);
  return d;
};

describe('verbatim-ls over stdio: the fixture workspace', () => {
  let root: string;
  let client: TestClient;
  let draft: string;
  let uri: string;
  let text: string;

  before(async () => {
    root = copyFixture();
    client = new TestClient(root);
    draft = path.join(root, 'draft.md');
    text = fs.readFileSync(draft, 'utf8');
  });
  after(async () => {
    await client.stop();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('initializes with incremental sync, hover, definition, code actions and commands', async () => {
    const result = await client.initialize({}, false);
    const caps = result.capabilities;
    assert.deepEqual(caps.textDocumentSync, { openClose: true, change: 2 });
    assert.equal(caps.hoverProvider, true);
    assert.equal(caps.definitionProvider, true);
    assert.deepEqual(caps.codeActionProvider, { codeActionKinds: ['quickfix'] });
    assert.ok(caps.executeCommandProvider?.commands.includes('verbatim.server.checkDocument'));
    assert.ok(caps.executeCommandProvider?.commands.includes('verbatim.server.rebuildIndex'));
    assert.equal(result.serverInfo?.name, 'verbatim-ls');
  });

  it('indexes the corpus with work-done progress and watches its files', async () => {
    const status = await client.ready();
    assert.equal(status.documents, 2);
    assert.ok(status.statements >= 8, `statements: ${status.statements}`);
    assert.deepEqual(status.problems, []);
    const kinds = client.progress.map((p) => (p as { value: { kind: string } }).value.kind);
    assert.equal(kinds[0], 'begin');
    assert.equal(kinds[kinds.length - 1], 'end');
    const watch = JSON.stringify(client.registrations);
    assert.match(watch, /workspace\/didChangeWatchedFiles/);
    assert.match(watch, /sources\/\*\*/);
  });

  it('publishes diagnostics with verdict codes, ranges, docs links, related source and data', async () => {
    uri = client.open(draft);
    const ds = await client.diagnosticsFor(uri);
    assert.deepEqual(
      ds.map((d) => d.code),
      ['altered', 'misattributed', 'missing'],
    );
    for (const d of ds) {
      assert.equal(d.source, 'verbatim');
      assert.match(d.codeDescription!.href, new RegExp(`verdicts\\.md#${d.code}$`));
      assert.ok(d.data, 'data for code actions');
    }
    const altered = byCode(ds, 'altered');
    assert.equal(altered.severity, 1);
    assert.deepEqual(altered.range, { start: { line: 4, character: 41 }, end: { line: 4, character: 94 } });
    assert.match(altered.message as string, /soon/);
    assert.match(altered.message as string, /never/);
    assert.equal(altered.relatedInformation?.[0].location.uri, uriOf(path.join(root, 'sources', 'briefing.md')));
    assert.equal(altered.relatedInformation?.[0].location.range.start.line, 10);
    assert.equal((altered.data as DiagnosticData).verdict, 'altered');
    assert.ok((altered.message as string).length <= 120, 'one short clause');

    const mis = byCode(ds, 'misattributed');
    assert.equal(mis.severity, 1);
    assert.equal(mis.range.start.line, 6);
    assert.equal((mis.data as DiagnosticData).quote, 'not going to comment on reports of ongoing negotiations.');

    const missing = byCode(ds, 'missing');
    assert.equal(missing.severity, 2);
    assert.deepEqual(missing.range, { start: { line: 8, character: 23 }, end: { line: 8, character: 83 } });
    assert.equal(missing.relatedInformation, undefined);

    const summary = await client.waitFor(() => client.summaries.find((s) => s.uri === uri), 'document summary');
    assert.equal(summary.verified, 1);
    assert.equal(summary.issues, 3);
  });

  it('hovers a quote with its source, speaker, date, title, link and a word diff', async () => {
    const altered = await client.conn.sendRequest<Hover>('textDocument/hover', { textDocument: { uri }, position: { line: 4, character: 60 } });
    const md = (altered.contents as MarkupContent).value;
    assert.equal((altered.contents as MarkupContent).kind, 'markdown');
    assert.match(md, /Altered quote/);
    // The source once, with the draft's differences marked in it; the message is the diagnostic's, not repeated.
    assert.match(md, /^> We are not going to comment on reports of ongoing negotiations\. Our position has not changed: Iran will ~~never~~ \*\*soon\*\* be allowed to obtain a nuclear weapon\.$/m);
    assert.equal(md.split('Iran will').length, 2, 'the source sentence appears once');
    assert.doesNotMatch(md, /where the source has/);
    assert.match(md, /Matthew Miller/);
    assert.match(md, /Department Press Briefing/);
    assert.match(md, /2023-06-08/);
    assert.match(md, /https:\/\/example\.org\/briefings\/2023-06-08/);
    assert.match(md, /briefing\.md:11/);
    assert.match(md, /~~never~~/);
    assert.match(md, /\*\*soon\*\*/);
    assert.deepEqual(altered.range, { start: { line: 4, character: 41 }, end: { line: 4, character: 94 } });

    const verified = await client.conn.sendRequest<Hover>('textDocument/hover', { textDocument: { uri }, position: { line: 2, character: 80 } });
    const vmd = (verified.contents as MarkupContent).value;
    assert.match(vmd, /Verified quote/);
    assert.match(vmd, /seed-article\.txt/);
    assert.doesNotMatch(vmd, /struck/, 'no diff legend on a verified quote with no differences');

    const none = await client.conn.sendRequest<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 3 } });
    assert.equal(none, null);
  });

  it('puts a code lens over each verified quote, naming its source', async () => {
    const lenses = await client.conn.sendRequest<{ range: { start: { line: number } }; command: { title: string; command: string; arguments: unknown[] } }[]>('textDocument/codeLens', {
      textDocument: { uri },
    });
    assert.equal(lenses.length, 1);
    assert.equal(lenses[0].range.start.line, 2);
    assert.match(lenses[0].command.title, /^✓ Verified: Matthew Miller, /);
    assert.equal(lenses[0].command.command, 'verbatim.openSource');
    assert.match(String(lenses[0].command.arguments[0]), /seed-article\.txt$/);
  });

  it('goes to the source statement on definition', async () => {
    const locs = await client.conn.sendRequest<Location[]>('textDocument/definition', { textDocument: { uri }, position: { line: 4, character: 50 } });
    assert.equal(locs.length, 1);
    assert.equal(locs[0].uri, uriOf(path.join(root, 'sources', 'briefing.md')));
    assert.equal(locs[0].range.start.line, 10);
    const src = fs.readFileSync(path.join(root, 'sources', 'briefing.md'), 'utf8').split('\n')[10];
    assert.ok(src.slice(locs[0].range.start.character).startsWith('We are not going to comment'), src.slice(locs[0].range.start.character));
  });

  it('offers a quick fix with the exact source words, and the fix verifies the quote', async () => {
    const ds = await client.diagnosticsFor(uri);
    const altered = byCode(ds, 'altered');
    const actions = await client.conn.sendRequest<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: altered.range,
      context: { diagnostics: [altered], only: ['quickfix'] },
    });
    const fix = actions.find((a) => /Replace with the source's words/.test(a.title));
    assert.ok(fix, actions.map((a) => a.title).join(' | '));
    assert.equal(fix.isPreferred, true);
    const edits = fix.edit!.changes![uri];
    // Only the changed word is replaced: the rest of the quote, its marks and punctuation stay.
    assert.deepEqual(edits, [{ range: { start: { line: 4, character: 51 }, end: { line: 4, character: 55 } }, newText: 'never' }]);
    assert.ok(actions.some((a) => /checked by hand/.test(a.title)));

    // Apply it as an editor would: one incremental change.
    const version = client.change(uri, edits[0].range, edits[0].newText);
    text = applyEdits(text, edits);
    const after = await client.diagnosticsFor(uri, version);
    assert.deepEqual(
      after.map((d) => d.code),
      ['misattributed', 'missing'],
    );
  });

  it('re-checks only the changed paragraphs on didChange', async () => {
    const before = await client.conn.sendRequest<ServerInfo>('workspace/executeCommand', { command: 'verbatim.server.info', arguments: [] });
    // Type a word into the heading: the quotes' paragraphs come from the cache.
    const version = client.change(uri, { start: { line: 0, character: 2 }, end: { line: 0, character: 2 } }, 'Update: ');
    text = applyEdits(text, [{ range: { start: { line: 0, character: 2 }, end: { line: 0, character: 2 } }, newText: 'Update: ' }]);
    const ds = await client.diagnosticsFor(uri, version);
    assert.deepEqual(
      ds.map((d) => d.code),
      ['misattributed', 'missing'],
    );
    const info = await client.conn.sendRequest<ServerInfo>('workspace/executeCommand', { command: 'verbatim.server.info', arguments: [] });
    const checked = info.checks.pieces - before.checks.pieces;
    const hits = info.checks.pieceCacheHits - before.checks.pieceCacheHits;
    assert.ok(checked >= 5, `pieces: ${checked}`);
    // The heading is read by its own piece and by the pieces of the three paragraphs after it (their context).
    assert.ok(hits >= checked - 4, `only the pieces that read the heading should be re-checked: ${hits} hits of ${checked}`);
    assert.ok(hits > 0);
  });

  it('changes the attribution to the real speaker', async () => {
    const ds = await client.diagnosticsFor(uri);
    const mis = byCode(ds, 'misattributed');
    const actions = await client.conn.sendRequest<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: mis.range, context: { diagnostics: [mis] } });
    const fix = actions.find((a) => /Attribute to Matthew Miller/.test(a.title));
    assert.ok(fix, actions.map((a) => a.title).join(' | '));
    const edits = fix.edit!.changes![uri];
    assert.equal(edits[0].range.start.line, 6);
    assert.equal(edits[0].newText, 'Matthew Miller');
  });

  it('marks a quote as checked by hand with an ignore comment the engine honours', async () => {
    const ds = await client.diagnosticsFor(uri);
    const missing = byCode(ds, 'missing');
    const actions = await client.conn.sendRequest<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: missing.range, context: { diagnostics: [missing] } });
    const ignore = actions.find((a) => /checked by hand/.test(a.title));
    assert.ok(ignore);
    const edits = ignore.edit!.changes![uri];
    assert.equal(edits[0].newText, '<!-- verbatim-ignore --> ');
    const version = client.change(uri, edits[0].range, edits[0].newText);
    text = applyEdits(text, edits);
    assert.match(text.split('\n')[8], /that <!-- verbatim-ignore --> “Washington/);
    const after = await client.diagnosticsFor(uri, version);
    assert.deepEqual(
      after.map((d) => d.code),
      ['misattributed'],
    );
  });

  it('runs Check Document: the summary, every finding and a report', async () => {
    const r = await client.conn.sendRequest<CheckDocumentResult>('workspace/executeCommand', { command: 'verbatim.server.checkDocument', arguments: [uri] });
    assert.equal(r.uri, uri);
    assert.equal(r.summary.verified, 2);
    assert.equal(r.summary.misattributed, 1);
    assert.equal(r.summary.missing, 0, 'the ignored quote is not counted');
    assert.equal(r.findings.length, 4);
    assert.equal(r.findings.filter((f) => f.ignored).length, 1);
    assert.equal(r.corpus.documents, 2);
    // The report's content: problems first by verdict, the set-aside ones apart, verified last.
    assert.equal(r.report.title, 'draft.md');
    assert.deepEqual(
      r.report.problems.map((g) => [g.verdict, g.items.map((i) => i.line)]),
      [['misattributed', [6]]],
    );
    assert.deepEqual(
      r.report.verified.map((i) => i.line),
      [2, 4],
    );
    assert.deepEqual(
      r.report.setAside.map((i) => [i.finding.verdict, i.setAside]),
      [['missing', 'comment']],
    );
    assert.equal(r.report.counts.verified, 2);
  });

  it('re-indexes a corpus file when it changes (didChangeWatchedFiles)', async () => {
    fs.writeFileSync(
      path.join(root, 'sources', 'notes.jsonl'),
      JSON.stringify({ speaker: 'Antony Blinken', text: 'We are not going to comment on reports of ongoing negotiations.', date: '2023-06-09' }) + '\n',
    );
    const n = client.statuses.length;
    await client.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(path.join(root, 'sources', 'notes.jsonl')), type: 1 }] });
    const status = await client.waitFor(() => client.statuses.slice(n).find((s) => s.state === 'ready'), 'status after the change');
    assert.equal(status.documents, 3);
    // The misattributed quote now has a statement by Blinken: no diagnostic is left.
    await client.waitFor(() => client.diagnostics.get(uri)!.diagnostics.length === 0 || undefined, 'diagnostics re-published after the corpus changed');
  });

  it('executes Rebuild Corpus Index', async () => {
    const s = await client.conn.sendRequest<CorpusStatus>('workspace/executeCommand', { command: 'verbatim.server.rebuildIndex', arguments: [] });
    assert.equal(s.state, 'ready');
    assert.equal(s.documents, 3);
  });
});

describe('verbatim-ls over stdio: edge cases', () => {
  it('with no corpus: no diagnostics, one quiet status that suggests sources/', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-empty-'));
    fs.writeFileSync(path.join(root, 'draft.md'), 'Miller said: “Iran will never be allowed to obtain a nuclear weapon.”\n');
    const client = new TestClient(root);
    try {
      await client.initialize();
      const status = await client.ready('noCorpus');
      assert.equal(status.suggestedCorpusFolder, path.join(root, 'sources'));
      const uri = client.open(path.join(root, 'draft.md'));
      assert.deepEqual(await client.diagnosticsFor(uri), []);
      const hover = await client.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 20 } });
      assert.equal(hover, null);
      // Creating the folder with a source makes it a corpus.
      fs.mkdirSync(path.join(root, 'sources'));
      fs.writeFileSync(path.join(root, 'sources', 'b.md'), '---\nkind: transcript\n---\nMILLER: Iran will never be allowed to obtain a nuclear weapon.\n');
      await client.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(path.join(root, 'sources', 'b.md')), type: 1 }] });
      await client.ready('ready');
    } finally {
      await client.stop();
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  it('reports a malformed source file as a diagnostic on that file, and loads the rest', async () => {
    const root = copyFixture();
    fs.writeFileSync(path.join(root, 'sources', 'broken.json'), '{ "speaker": "Miller", "text": ');
    const client = new TestClient(root);
    try {
      await client.initialize();
      const status = await client.ready();
      assert.equal(status.problems.length, 1);
      const ds = await client.diagnosticsFor(uriOf(path.join(root, 'sources', 'broken.json')));
      assert.equal(ds.length, 1);
      assert.equal(ds[0].code, 'corpus');
      assert.equal(ds[0].source, 'verbatim');
      const uri = client.open(path.join(root, 'draft.md'));
      assert.equal((await client.diagnosticsFor(uri)).length, 3);
    } finally {
      await client.stop();
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  it('takes settings from workspace/configuration: corpus path and severities', async () => {
    const root = copyFixture();
    fs.renameSync(path.join(root, 'sources'), path.join(root, 'refs'));
    const client = new TestClient(root);
    try {
      await client.initialize({ corpus: ['refs'], severity: { missing: 'none', altered: 'information' } }, true);
      const status = await client.ready();
      assert.deepEqual(status.corpusPaths, [path.join(root, 'refs')]);
      const uri = client.open(path.join(root, 'draft.md'));
      const ds = await client.diagnosticsFor(uri);
      assert.deepEqual(
        ds.map((d) => [d.code, d.severity]),
        [
          ['altered', 3],
          ['misattributed', 1],
        ],
      );
      // A config file in the workspace is read too; the settings still win for severities.
      fs.writeFileSync(path.join(root, 'verbatim.json'), JSON.stringify({ severity: { misattributed: 'warning' } }));
      const n = client.statuses.length;
      await client.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(path.join(root, 'verbatim.json')), type: 1 }] });
      await client.waitFor(() => client.statuses.length > n || undefined, 'status after config change');
      await client.waitFor(() => client.diagnostics.get(uri)!.diagnostics.find((d) => d.code === 'misattributed' && d.severity === 2), 'misattributed downgraded to warning');
    } finally {
      await client.stop();
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  it('checks plain text and ignores a "verbatim: ignore" line', async () => {
    const root = copyFixture();
    const file = path.join(root, 'draft.txt');
    fs.writeFileSync(file, 'Miller said: "Iran will soon be allowed to obtain a nuclear weapon."\n');
    const client = new TestClient(root);
    try {
      await client.initialize();
      await client.ready();
      const uri = client.open(file, 'plaintext');
      const ds = await client.diagnosticsFor(uri);
      assert.deepEqual(
        ds.map((d) => d.code),
        ['altered'],
      );
      const actions = await client.conn.sendRequest<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: ds[0].range, context: { diagnostics: ds } });
      const ignore = actions.find((a) => /checked by hand/.test(a.title))!;
      const edit = ignore.edit!.changes![uri][0];
      assert.equal(edit.newText, 'verbatim: ignore\n');
      const version = client.change(uri, edit.range, edit.newText);
      assert.deepEqual(await client.diagnosticsFor(uri, version), []);
    } finally {
      await client.stop();
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
