// extensionTestsPath entry: VS Code calls run() inside its extension host, with the fixture
// workspace open and this repository loaded as the extension under development. Everything
// goes through VS Code's own APIs, so the real client and the real server answer.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { VerbatimApi } from '../../client/src/extension';
import type { CheckDocumentResult } from '../../server/src/lsp/protocol';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until<T>(what: string, fn: () => T | undefined | null | false | Promise<T | undefined | null | false>, ms = 30000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await sleep(50);
  }
}

function hoverText(hovers: vscode.Hover[]): string {
  return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))).join('\n');
}

const codeOf = (d: vscode.Diagnostic) => (typeof d.code === 'object' ? String(d.code.value) : String(d.code));
const rangeOf = (r: vscode.Range) => [r.start.line, r.start.character, r.end.line, r.end.character];

export async function run(): Promise<void> {
  const results: { name: string; ok: boolean; ms: number; error?: string }[] = [];
  const metrics: string[] = [];
  const test = async (name: string, fn: () => Promise<void>) => {
    const t = Date.now();
    try {
      await fn();
      results.push({ name, ok: true, ms: Date.now() - t });
      console.log(`ok - ${name} (${Date.now() - t} ms)`);
    } catch (e) {
      const error = e instanceof Error ? (e.stack ?? e.message) : String(e);
      results.push({ name, ok: false, ms: Date.now() - t, error });
      console.log(`not ok - ${name}\n${error}`);
    }
  };

  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const draftUri = folder && vscode.Uri.joinPath(folder, 'draft.md');
  const briefing = folder && vscode.Uri.joinPath(folder, 'sources', 'briefing.md');
  let api: VerbatimApi | undefined;
  let doc: vscode.TextDocument | undefined;
  let diagnostics: vscode.Diagnostic[] = [];

  await test('the fixture workspace is open', async () => {
    assert.ok(folder && draftUri && briefing, 'no workspace folder');
    assert.ok(fs.existsSync(draftUri.fsPath), draftUri.fsPath);
  });

  await test('opening a draft activates the extension and the server publishes diagnostics', async () => {
    const t0 = Date.now();
    doc = await vscode.workspace.openTextDocument(draftUri!);
    await vscode.window.showTextDocument(doc);
    const ext = vscode.extensions.getExtension<VerbatimApi>('verbatim.verbatim');
    assert.ok(ext, 'extension verbatim.verbatim not found');
    diagnostics = await until(
      'diagnostics on draft.md',
      () => {
        const d = vscode.languages.getDiagnostics(draftUri!).filter((x) => x.source === 'verbatim');
        return d.length >= 3 ? d : undefined;
      },
      60000,
    );
    const ms = Date.now() - t0;
    metrics.push(`opening draft.md to its first diagnostics: ${ms} ms (extension activation, server start, indexing included)`);
    api = await ext.activate();
    assert.ok(ext.isActive);
  });

  await test('diagnostics carry verdict codes, ranges, severities and the source statement', async () => {
    const sorted = [...diagnostics].sort((a, b) => a.range.start.line - b.range.start.line);
    assert.deepStrictEqual(sorted.map(codeOf), ['altered', 'misattributed', 'missing']);
    assert.deepStrictEqual(rangeOf(sorted[0].range), [4, 41, 4, 94]);
    assert.deepStrictEqual(rangeOf(sorted[2].range), [8, 23, 8, 83]);
    assert.strictEqual(sorted[0].severity, vscode.DiagnosticSeverity.Error);
    assert.strictEqual(sorted[1].severity, vscode.DiagnosticSeverity.Error);
    assert.strictEqual(sorted[2].severity, vscode.DiagnosticSeverity.Warning);
    assert.match(sorted[0].message, /never/);
    // Item 4: one short clause each, the changed words first; the source is the hover's.
    assert.strictEqual(sorted[0].message, '“soon” where the source has “never” (negation)');
    for (const d of sorted) assert.ok(d.message.length <= 120 && !/source says/.test(d.message), d.message);
    const related = sorted[0].relatedInformation?.[0];
    assert.ok(related, 'relatedInformation');
    assert.strictEqual(related.location.uri.fsPath, briefing!.fsPath);
    assert.strictEqual(related.location.range.start.line, 10);
    const code = sorted[0].code as { value: string; target: vscode.Uri };
    assert.match(code.target.toString(), /verdicts\.md#altered$/);
  });

  await test('the status bar state and the document counts reach the client', async () => {
    assert.ok(api);
    const status = api.status();
    assert.strictEqual(status?.state, 'ready');
    assert.strictEqual(status?.documents, 2);
    const summary = await until('document summary', () => api!.summary(draftUri!));
    assert.strictEqual(summary.verified, 1);
    assert.strictEqual(summary.issues, 3);
    assert.match(api.statusText(), /^\$\(check\) 1 \$\(warning\) 3 · \d+ statements$/);
  });

  await test('a second draft, opened once the server is up, gets its diagnostics', async () => {
    const second = vscode.Uri.joinPath(folder!, 'second.md');
    fs.writeFileSync(second.fsPath, 'Miller said: “Iran will soon be allowed to obtain a nuclear weapon.”\n');
    const t0 = Date.now();
    const opened = await vscode.workspace.openTextDocument(second);
    const tOpen = Date.now() - t0;
    const diagnosed = until('diagnostics on second.md', () => {
      const x = vscode.languages.getDiagnostics(second);
      return x.length ? x : undefined;
    });
    await vscode.window.showTextDocument(opened, { preview: false });
    const d = await diagnosed;
    metrics.push(`opening a second draft to its first diagnostics (server running): ${Date.now() - t0} ms (of which openTextDocument ${tOpen} ms)`);
    assert.deepStrictEqual(d.map(codeOf), ['altered']);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    fs.rmSync(second.fsPath);
    await vscode.window.showTextDocument(doc!);
  });

  await test('typing re-checks the draft after the debounce', async () => {
    const t0 = Date.now();
    const edit = new vscode.WorkspaceEdit();
    edit.insert(draftUri!, new vscode.Position(8, 0), 'Late on Thursday, ');
    assert.ok(await vscode.workspace.applyEdit(edit));
    await until('the missing quote to move', () => vscode.languages.getDiagnostics(draftUri!).some((x) => codeOf(x) === 'missing' && x.range.start.character === 23 + 18));
    metrics.push(`an edit to re-published diagnostics: ${Date.now() - t0} ms (debounce 300 ms included)`);
    const undo = new vscode.WorkspaceEdit();
    undo.delete(draftUri!, new vscode.Range(8, 0, 8, 18));
    assert.ok(await vscode.workspace.applyEdit(undo));
    await until('the missing quote back in place', () => vscode.languages.getDiagnostics(draftUri!).some((x) => codeOf(x) === 'missing' && x.range.start.character === 23));
  });

  await test('hover shows the source words, speaker, title, date and a word diff', async () => {
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', draftUri, new vscode.Position(4, 60));
    const text = hoverText(hovers);
    assert.match(text, /Altered quote/);
    assert.match(text, /Matthew Miller/);
    assert.match(text, /Department Press Briefing/);
    assert.match(text, /2023-06-08/);
    assert.match(text, /~~never~~/);
    assert.match(text, /\*\*soon\*\*/);
    // The source sentence once (its words, with the draft's differences marked in it).
    assert.strictEqual(text.split('obtain a nuclear weapon').length, 2, text);
    const verified = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', draftUri, new vscode.Position(2, 80)));
    assert.match(verified, /Verified quote/);
    assert.doesNotMatch(verified, /struck/, 'no diff legend on a verified quote with no differences');
  });

  await test("a code lens names the verified quote's source and opens it", async () => {
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', draftUri);
    const mine = lenses.filter((l) => l.command?.command === 'verbatim.openSource');
    assert.strictEqual(mine.length, 1);
    assert.match(mine[0].command!.title, /^✓ Verified: Matthew Miller/);
    await vscode.commands.executeCommand(mine[0].command!.command, ...(mine[0].command!.arguments ?? []));
    const editor = await until('the source open', () => vscode.window.activeTextEditor?.document.uri.fsPath.endsWith('seed-article.txt') && vscode.window.activeTextEditor);
    assert.strictEqual(editor.selection.start.line, 7);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    await vscode.window.showTextDocument(doc!);
  });

  await test('definition opens the source statement', async () => {
    const defs = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', draftUri, new vscode.Position(4, 50));
    assert.strictEqual(defs.length, 1);
    const d = defs[0];
    const uri = 'targetUri' in d ? d.targetUri : d.uri;
    const range = 'targetRange' in d ? d.targetRange : d.range;
    assert.strictEqual(uri.fsPath, briefing!.fsPath);
    assert.strictEqual(range.start.line, 10);
  });

  await test('the quick fix puts the exact source words back', async () => {
    const altered = diagnostics.find((d) => codeOf(d) === 'altered')!;
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', draftUri, altered.range, vscode.CodeActionKind.QuickFix.value);
    const fix = actions.find((a) => /Replace with the source's words/.test(a.title));
    assert.ok(fix?.edit, `actions: ${actions.map((a) => a.title).join(' | ')}`);
    assert.ok(actions.some((a) => /checked by hand/.test(a.title)));
    assert.deepStrictEqual(
      fix.edit.entries()[0][1].map((e) => [rangeOf(e.range), e.newText]),
      [[[4, 51, 4, 55], 'never']],
      'only the changed word is replaced',
    );
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.strictEqual(doc!.lineAt(4).text, 'At a briefing on Thursday, Miller said: “Iran will never be allowed to obtain a nuclear weapon.”');
    await until('the altered diagnostic to go', () => {
      const d = vscode.languages.getDiagnostics(draftUri!);
      return d.length === 2 && !d.some((x) => codeOf(x) === 'altered');
    });
  });

  await test('the attribution quick fix names the real speaker', async () => {
    const mis = vscode.languages.getDiagnostics(draftUri!).find((d) => codeOf(d) === 'misattributed')!;
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', draftUri, mis.range, vscode.CodeActionKind.QuickFix.value);
    assert.ok(
      actions.some((a) => a.title.startsWith('Attribute to Matthew Miller')),
      actions.map((a) => a.title).join(' | '),
    );
  });

  await test("Check Document opens the rendered report beside the draft, and a line's link jumps in the open editor", async () => {
    const result = await vscode.commands.executeCommand<CheckDocumentResult>('verbatim.checkDocument');
    assert.ok(result, 'no result');
    assert.deepStrictEqual(
      { verified: result.summary.verified, altered: result.summary.altered, misattributed: result.summary.misattributed, missing: result.summary.missing },
      { verified: 2, altered: 0, misattributed: 1, missing: 1 },
    );
    const view = api!.report();
    const shown = await until('the report view', () => view.visible && view.current);
    // The workbench tells the extension host about a new tab a moment later.
    const tab = await until("the report's tab", () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.label === 'Verbatim report: draft.md'), 10000);
    assert.ok(tab.input instanceof vscode.TabInputWebview && /verbatim\.report/.test(tab.input.viewType), `a webview, not a text document: ${JSON.stringify(tab.input)}`);
    const html = shown.html;
    // Rendered: counts, problems first by verdict with both sides' words, verified collapsed at the end.
    assert.match(html, /<h2>✗ Misattributed \(1\)<\/h2>/);
    assert.ok(html.indexOf('Misattributed (1)') < html.indexOf('Missing (1)'), 'errors before warnings');
    assert.ok(html.indexOf('<details><summary>✓ Verified (2)</summary>') > html.lastIndexOf('<article'), 'verified last');
    assert.match(html, /<td class="draft">/);
    assert.match(html, /data-line="6">draft\.md:7<\/a>/);
    assert.match(html, /Content-Security-Policy/);
    const draftColumn = vscode.window.visibleTextEditors.find((e) => e.document === doc)?.viewColumn;
    assert.notStrictEqual(tab.group.viewColumn, draftColumn, 'beside the draft');
    // A click's message names the file and line; the jump reuses the draft's editor.
    const editor = await view.jump(draftUri!.fsPath, 6);
    assert.strictEqual(editor.document, doc);
    assert.strictEqual(editor.viewColumn, draftColumn);
    assert.strictEqual(editor.selection.active.line, 6);
    const copies = vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputText && t.input.uri.fsPath === draftUri!.fsPath);
    assert.strictEqual(copies.length, 1, 'no second copy of the draft');
  });

  await test('Check Workspace reports every draft', async () => {
    const r = await vscode.commands.executeCommand<{ files: { path: string }[]; summary: Record<string, number>; report: { title: string } }>('verbatim.checkWorkspace');
    assert.ok(r);
    assert.deepStrictEqual(
      r.files.map((f) => path.basename(f.path)),
      ['draft.md'],
    );
    assert.strictEqual(r.report.title, 'workspace (1 draft)');
  });

  await test("Add Selection as Source Statement from the right-click menu: warns that the words are the draft's own, then adds them", async () => {
    const editor = await vscode.window.showTextDocument(doc!, vscode.ViewColumn.One);
    const line = doc!.lineAt(8).text;
    const words = 'Washington has signed a new agreement with Tehran this week.';
    const at = line.indexOf(words);
    editor.selection = new vscode.Selection(8, at, 8, at + words.length);
    const asked: string[] = [];
    api!.usePrompts({
      addDraftWords: async (name) => (asked.push(`draft words from ${name}`), asked.length > 1),
      speaker: async () => (asked.push('speaker'), 'Matthew Miller'),
      title: async (suggested) => (asked.push(`title ${suggested}`), 'Phone call with the reporter'),
    });
    try {
      // The editor's context menu passes the document's URI, as here.
      const declined = await vscode.commands.executeCommand('verbatim.addSelectionAsStatement', doc!.uri);
      assert.strictEqual(declined, undefined, 'declined: nothing added');
      assert.deepStrictEqual(asked, ['draft words from draft.md']);
      const r = await vscode.commands.executeCommand<{ path: string }>('verbatim.addSelectionAsStatement', doc!.uri);
      assert.ok(r && fs.existsSync(r.path), 'statement file written');
      assert.deepStrictEqual(asked, ['draft words from draft.md', 'draft words from draft.md', 'speaker', 'title Notes from draft.md']);
      assert.match(fs.readFileSync(r.path, 'utf8'), /"speaker":"Matthew Miller","text":"Washington has signed a new agreement with Tehran this week\."/);
    } finally {
      api!.usePrompts(undefined);
    }
    await until('the missing diagnostic to go', () => !vscode.languages.getDiagnostics(draftUri!).some((d) => codeOf(d) === 'missing'));
  });

  await test('a corpus file saved on disk is re-indexed through the file watcher', async () => {
    const file = path.join(folder!.fsPath, 'sources', 'call-notes.jsonl');
    fs.writeFileSync(file, JSON.stringify({ speaker: 'Antony Blinken', text: 'We are not going to comment on reports of ongoing negotiations.' }) + '\n');
    await until('the misattributed diagnostic to go', () => vscode.languages.getDiagnostics(draftUri!).length === 0, 30000);
    assert.strictEqual(api!.status()?.documents, 4);
  });

  await test('Rebuild Corpus Index re-reads every source', async () => {
    const s = await vscode.commands.executeCommand<{ state: string; documents: number }>('verbatim.rebuildIndex');
    assert.strictEqual(s?.state, 'ready');
    assert.strictEqual(s?.documents, 4);
  });

  await test('with no corpus: no diagnostics, a quiet status, one offer to create the folder', async () => {
    const config = vscode.workspace.getConfiguration('verbatim');
    await config.update('corpus', ['interviews'], vscode.ConfigurationTarget.Workspace);
    await until('no corpus', () => api!.status()?.state === 'noCorpus');
    await until('diagnostics cleared', () => vscode.languages.getDiagnostics(draftUri!).length === 0);
    assert.strictEqual(api!.status()?.suggestedCorpusFolder, path.join(folder!.fsPath, 'interviews'));
    assert.match(api!.statusText(), /no sources/);
    await until('the offer', () => api!.offeredSources());
    await config.update('corpus', undefined, vscode.ConfigurationTarget.Workspace);
    await until('the corpus back', () => api!.status()?.state === 'ready');
    // Every quote is verified by now (the fixes and the added sources above).
    await until('the draft checked again', () => api!.summary(draftUri!)?.verified === 4);
  });

  await test('the client restarts the server if it dies', async () => {
    const before = await api!.serverInfo();
    process.kill(before.pid, 'SIGKILL');
    await until(
      'a restarted server',
      async () => {
        try {
          const now = await api!.serverInfo();
          return now.pid !== before.pid && now.status.state === 'ready';
        } catch {
          return false;
        }
      },
      30000,
    );
    assert.strictEqual(api!.restarts(), 1);
    // Edit the draft: the new server checks it again.
    const edit = new vscode.WorkspaceEdit();
    edit.insert(draftUri!, doc!.lineAt(doc!.lineCount - 1).range.end, '\nMiller said: “Iran will soon obtain a weapon, we think.”\n');
    await vscode.workspace.applyEdit(edit);
    await until('diagnostics from the restarted server', () => vscode.languages.getDiagnostics(draftUri!).length > 0);
  });

  await test('activation is light: activate() returns before the language server is up', async () => {
    const ready = await api!.serverReady();
    metrics.push(`extension activation (activate() call): ${api!.activationMs()} ms; language server ready ${ready} ms after activation began`);
    assert.ok(api!.activationMs() <= ready, 'activate() does not wait for the server');
  });

  await test('the getting-started walkthrough opened once, with no corpus, and never again', async () => {
    assert.strictEqual(api!.walkthroughOpens(), 1);
    const tabs = vscode.window.tabGroups.all.flatMap((g) => g.tabs.map((t) => t.label));
    assert.ok(
      tabs.some((l) => /welcome|walkthrough|get started/i.test(l)),
      `a Welcome tab: ${tabs.join(', ')}`,
    );
    const config = vscode.workspace.getConfiguration('verbatim');
    await config.update('corpus', ['elsewhere'], vscode.ConfigurationTarget.Workspace);
    await until('no corpus again', () => api!.status()?.state === 'noCorpus');
    await sleep(500);
    assert.strictEqual(api!.walkthroughOpens(), 1, 'not opened a second time');
    await config.update('corpus', undefined, vscode.ConfigurationTarget.Workspace);
    await until('the corpus back', () => api!.status()?.state === 'ready');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  await test('walkthrough: "Check the open draft" works with the walkthrough focused', async () => {
    await vscode.window.showTextDocument(doc!, { preview: false });
    await vscode.commands.executeCommand('workbench.action.openWalkthrough', 'verbatim.verbatim#verbatim.gettingStarted', false);
    await until('the walkthrough in front', () => !vscode.window.activeTextEditor);
    const result = await vscode.commands.executeCommand<CheckDocumentResult>('verbatim.checkDocument');
    assert.ok(result, 'checked');
    assert.strictEqual(vscode.Uri.parse(result.uri).fsPath, draftUri!.fsPath);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  await test('walkthrough steps: Add a Source File writes a first source, which is indexed', async () => {
    const before = api!.status()!.documents;
    const statementsBefore = api!.status()!.statements;
    const file = await vscode.commands.executeCommand<vscode.Uri>('verbatim.addSource');
    assert.ok(file && fs.existsSync(file.fsPath), 'first-source.md written');
    assert.strictEqual(path.dirname(file.fsPath), path.join(folder!.fsPath, 'sources'));
    assert.match(fs.readFileSync(file.fsPath, 'utf8'), /^---\n# A source/);
    await until('the new source indexed', () => api!.status()!.documents === before + 1, 30000);
    // The template has no words yet: no statement by a placeholder speaker, no problem, the draft as it was.
    assert.strictEqual(api!.status()!.statements, statementsBefore);
    assert.deepStrictEqual(api!.status()!.problems, []);
    assert.strictEqual(vscode.window.activeTextEditor?.document.uri.fsPath, file.fsPath);
    const again = await vscode.commands.executeCommand<vscode.Uri>('verbatim.addSource');
    assert.strictEqual(again?.fsPath, file.fsPath, 'an existing first source is only opened');
    const created = await vscode.commands.executeCommand<vscode.Uri>('verbatim.createSourcesFolder');
    assert.strictEqual(created?.fsPath, path.join(folder!.fsPath, 'sources'));
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  await test('verbatim.json is validated and completed with the contributed schema', async () => {
    const configUri = vscode.Uri.joinPath(folder!, 'verbatim.json');
    fs.writeFileSync(configUri.fsPath, '{\n  "severity": { "altered": "loud" },\n  "corpse": ["sources"]\n}\n');
    const configDoc = await vscode.workspace.openTextDocument(configUri);
    await vscode.window.showTextDocument(configDoc);
    const schemaDiagnostics = await until(
      'schema diagnostics on verbatim.json',
      () => {
        const d = vscode.languages.getDiagnostics(configUri).filter((x) => x.source !== 'verbatim');
        return d.length >= 2 ? d : undefined;
      },
      60000,
    );
    const lines = schemaDiagnostics.map((d) => d.range.start.line).sort();
    assert.deepStrictEqual(lines, [1, 2], schemaDiagnostics.map((d) => `${d.range.start.line}: ${d.message}`).join('\n'));
    // Completion inside the object offers the fields the schema describes.
    const edit = new vscode.WorkspaceEdit();
    edit.replace(configUri, new vscode.Range(0, 0, configDoc.lineCount, 0), '{\n  \n}\n');
    await vscode.workspace.applyEdit(edit);
    const list = await until('completions', async () => {
      const l = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', configUri, new vscode.Position(1, 2));
      return l && l.items.length ? l : undefined;
    });
    const labels = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label).replace(/"/g, ''));
    for (const field of ['corpus', 'speakers', 'severity']) assert.ok(labels.includes(field), `completes ${field}: ${labels.join(', ')}`);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    fs.rmSync(configUri.fsPath);
  });

  await test('"Hide in this workspace" records the finding in verbatim.json and the underline goes; nothing is written in the draft', async () => {
    const hideUri = vscode.Uri.joinPath(folder!, 'hide.md');
    const text = 'Miller said: “We will build eleven new ferry terminals by the spring.”\n';
    fs.writeFileSync(hideUri.fsPath, text);
    const hideDoc = await vscode.workspace.openTextDocument(hideUri);
    await vscode.window.showTextDocument(hideDoc);
    const [missing] = await until('the missing diagnostic', () => {
      const d = vscode.languages.getDiagnostics(hideUri);
      return d.length ? d : undefined;
    });
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', hideUri, missing.range, vscode.CodeActionKind.QuickFix.value);
    const hide = actions.find((a) => a.title === 'Hide in this workspace (verbatim.json)');
    assert.ok(hide?.command, actions.map((a) => a.title).join(' | '));
    await vscode.commands.executeCommand(hide.command.command, ...(hide.command.arguments ?? []));
    await until('the diagnostic hidden', () => vscode.languages.getDiagnostics(hideUri).length === 0);
    const config = JSON.parse(fs.readFileSync(path.join(folder!.fsPath, 'verbatim.json'), 'utf8'));
    assert.deepStrictEqual(config.hidden, [{ draft: 'hide.md', verdict: 'missing', quote: 'We will build eleven new ferry terminals by the spring.' }]);
    assert.strictEqual(hideDoc.getText(), text);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    fs.rmSync(path.join(folder!.fsPath, 'verbatim.json'));
    fs.rmSync(hideUri.fsPath);
  });

  await test('no "Attribute to" on a second reference ("the Secretary said"), only where the draft names someone', async () => {
    const uri = vscode.Uri.joinPath(folder!, 'second-reference.md');
    fs.writeFileSync(
      uri.fsPath,
      'Secretary of State Antony Blinken spoke first.\n\n“Iran will never be allowed to obtain a nuclear weapon,” the Secretary said.\n\n“Iran will never be allowed to obtain a nuclear weapon,” Blinken said.\n',
    );
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const ds = await until('two misattributed quotes', () => {
      const d = vscode.languages.getDiagnostics(uri).filter((x) => codeOf(x) === 'misattributed');
      return d.length === 2 ? d.sort((a, b) => a.range.start.line - b.range.start.line) : undefined;
    });
    const titles = async (d: vscode.Diagnostic) =>
      (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, d.range, vscode.CodeActionKind.QuickFix.value)).map((a) => a.title);
    assert.ok(!(await titles(ds[0])).some((t) => t.startsWith('Attribute to')), 'not over "the Secretary"');
    assert.ok((await titles(ds[1])).includes("Attribute to Matthew Miller (the source's speaker)"), 'offered over "Blinken"');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    fs.rmSync(uri.fsPath);
  });

  await test("the README example: each replace fix leaves a verified quote that keeps the draft's punctuation", async () => {
    const examples = path.join(__dirname, '..', '..', '..', 'examples');
    fs.mkdirSync(path.join(folder!.fsPath, 'sources', 'example'), { recursive: true });
    for (const f of fs.readdirSync(path.join(examples, 'sources'))) fs.copyFileSync(path.join(examples, 'sources', f), path.join(folder!.fsPath, 'sources', 'example', f));
    const uri = vscode.Uri.joinPath(folder!, 'example.md');
    fs.copyFileSync(path.join(examples, 'draft.md'), uri.fsPath);
    const example = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(example);
    const altered = await until(
      "the example's two altered quotes",
      () => {
        const d = vscode.languages.getDiagnostics(uri).filter((x) => codeOf(x) === 'altered');
        return d.length === 2 ? d.sort((a, b) => a.range.start.line - b.range.start.line) : undefined;
      },
      60000,
    );
    const lines = altered.map((d) => d.range.start.line);
    for (const line of lines) {
      const d = vscode.languages.getDiagnostics(uri).find((x) => codeOf(x) === 'altered' && x.range.start.line === line)!;
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, d.range, vscode.CodeActionKind.QuickFix.value);
      const fix = actions.find((a) => a.title.startsWith("Replace with the source's words"));
      assert.ok(fix?.edit, actions.map((a) => a.title).join(' | '));
      assert.ok(await vscode.workspace.applyEdit(fix.edit));
      await until(`the quote on line ${line + 1} re-checked`, () => !vscode.languages.getDiagnostics(uri).some((x) => x.range.start.line === line));
    }
    assert.strictEqual(example.lineAt(lines[0]).text, "“Our commitment to Israel's security is ironclad,” Blinken said in a statement on Friday.");
    assert.strictEqual(example.lineAt(lines[1]).text, 'A senior Biden administration official said the Iranian response was “not at all encouraging.”');
    for (const line of lines) {
      const hover = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, new vscode.Position(line, example.lineAt(line).text.indexOf('“') + 3)));
      assert.match(hover, /Verified quote/, `line ${line + 1}: ${hover}`);
    }
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  const failed = results.filter((r) => !r.ok).length;
  const out = process.env.VERBATIM_TEST_RESULTS;
  if (out) fs.writeFileSync(out, JSON.stringify({ results, metrics }, null, 1));
  for (const m of metrics) console.log(m);
  console.log(`vscode: ${results.length - failed} passed, ${failed} failed`);
  if (failed) throw new Error(`${failed} test(s) failed`);
}
