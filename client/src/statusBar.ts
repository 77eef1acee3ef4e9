// The status bar item: the active draft's counts (✓ verified, ⚠ issues), "indexing…" with
// progress, the corpus size. Clicking it runs Check Document.
import * as vscode from 'vscode';
import type { CorpusStatus, DocumentSummary } from '../../server/src/lsp/protocol';

export class StatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('verbatim.status', vscode.StatusBarAlignment.Right, 100);
  private corpus: CorpusStatus | undefined;
  private doc: DocumentSummary | undefined;
  private relevant = false;
  private stopped = false;

  constructor() {
    this.item.name = 'Verbatim';
    this.item.command = 'verbatim.checkDocument';
    this.setStarting();
  }

  setStarting(): void {
    this.stopped = false;
    this.render();
  }

  setStopped(): void {
    this.stopped = true;
    this.render();
  }

  setCorpus(status: CorpusStatus): void {
    this.stopped = false;
    this.corpus = status;
    this.render();
  }

  setDocument(summary: DocumentSummary | undefined, relevant: boolean): void {
    this.doc = summary;
    this.relevant = relevant;
    this.render();
  }

  /** The item's current text, for tests. */
  get text(): string {
    return this.item.text;
  }

  private render(): void {
    const c = this.corpus;
    const tip = new vscode.MarkdownString(undefined, true);
    tip.appendMarkdown('**Verbatim**\n\n');
    if (this.stopped) {
      this.item.text = '$(debug-disconnect) Verbatim';
      tip.appendMarkdown('The language server is not running.');
    } else if (!c || c.state === 'starting') {
      this.item.text = '$(sync~spin) Verbatim';
      tip.appendMarkdown('Starting…');
    } else if (c.state === 'indexing') {
      this.item.text = `$(sync~spin) Verbatim: indexing…${c.total ? ` ${c.done ?? 0}/${c.total}` : ''}`;
      tip.appendMarkdown(`Indexing the sources${c.total ? `: ${c.done ?? 0} of ${c.total} files` : ''}.`);
    } else if (c.state === 'noCorpus') {
      this.item.text = '$(book) Verbatim: no sources';
      tip.appendMarkdown(`No corpus yet. Put source documents in \`${c.suggestedCorpusFolder ?? 'sources/'}\` or set \`corpus\` in verbatim.json.`);
    } else {
      const corpus = `${c.statements} statement${c.statements === 1 ? '' : 's'}`;
      if (this.relevant && this.doc) {
        const d = this.doc;
        this.item.text = `$(check) ${d.verified} $(warning) ${d.issues} · ${corpus}`;
        tip.appendMarkdown(`This draft: ${d.verified} verified, ${d.issues} to look at${d.ignored ? `, ${d.ignored} checked by hand` : ''} (${d.total} quotes and claims).\n\n`);
      } else {
        this.item.text = `$(book) Verbatim: ${corpus}`;
      }
      tip.appendMarkdown(`Corpus: ${c.statements} statements in ${c.documents} source documents.`);
      if (c.archive) {
        // The archive is checked beside the local sources; when it is down, the local ones still are.
        if (c.archive.state === 'unreachable') this.item.text += ' · $(cloud-offline) archive unreachable';
        tip.appendMarkdown(
          `\n\nArchive ${c.archive.archive}: ${c.archive.state === 'ready' ? 'connected' : c.archive.state === 'connecting' ? 'connecting…' : `${c.archive.message ?? 'unreachable'}; checking against local sources only`}.`,
        );
      }
      if (c.problems.length) tip.appendMarkdown(`\n\n${c.problems.length} source file${c.problems.length === 1 ? '' : 's'} could not be read (see Problems).`);
      tip.appendMarkdown('\n\nClick to run **Check Document**.');
    }
    if (c?.configProblems.length) tip.appendMarkdown(`\n\nConfiguration: ${c.configProblems.join('; ')}`);
    this.item.tooltip = tip;
    this.item.show();
  }

  dispose(): void {
    this.item.dispose();
  }
}
