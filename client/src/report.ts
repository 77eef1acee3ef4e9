// The report from "Check Document" / "Check Workspace", rendered in a view beside the draft: the
// same page `verbatim check --format html` writes (server/src/report/html.ts), with a script
// that turns a click on a line's link into a jump in the editor that already shows the draft.
import * as crypto from 'crypto';
import * as vscode from 'vscode';
import type { ReportModel } from '../../server/src/engine/report';
import { renderReportHtml } from '../../server/src/report/html';

/** Clicks on `a.jump` post the place to the extension; other links (the source's URL) open as links. */
const SCRIPT = `
const vscode = acquireVsCodeApi();
document.addEventListener('click', (event) => {
  const a = event.target instanceof Element ? event.target.closest('a.jump') : null;
  if (!a) return;
  event.preventDefault();
  vscode.postMessage({ type: 'jump', file: a.dataset.file, line: Number(a.dataset.line) });
});
`;

export class ReportView implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private model: ReportModel | undefined;
  private readonly jumped = new vscode.EventEmitter<vscode.TextEditor>();
  /** Fires when a click in the report revealed a line. */
  readonly onDidJump = this.jumped.event;

  /** Shows a report beside the draft, in the report's view if one is open. */
  show(model: ReportModel): void {
    this.model = model;
    if (!this.panel) {
      this.panel = vscode.window.createWebviewPanel(
        'verbatim.report',
        '',
        { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
        { enableScripts: true, localResourceRoots: [], enableFindWidget: true },
      );
      this.panel.onDidDispose(() => (this.panel = undefined));
      this.panel.webview.onDidReceiveMessage((m: { type?: string; file?: unknown; line?: unknown }) => {
        if (m.type === 'jump' && typeof m.file === 'string' && typeof m.line === 'number') void this.jump(m.file, m.line);
      });
    } else this.panel.reveal(undefined, true);
    this.panel.title = `Verbatim report: ${model.title}`;
    this.panel.webview.html = this.html(model);
  }

  /** Shows the last report again; false when there is none. */
  reveal(): boolean {
    if (!this.model) return false;
    this.show(this.model);
    return true;
  }

  get visible(): boolean {
    return !!this.panel?.visible;
  }

  get current(): { model: ReportModel; html: string } | undefined {
    return this.panel && this.model ? { model: this.model, html: this.panel.webview.html } : undefined;
  }

  /**
   * Reveals a line of a file: in the editor that already shows it (whichever group it is in),
   * else in the first group, never as a second copy beside the report.
   */
  async jump(file: string, line: number): Promise<vscode.TextEditor> {
    const uri = vscode.Uri.file(file);
    const shown = vscode.window.visibleTextEditors.find((e) => e.document.uri.fsPath === uri.fsPath);
    const tabColumn = vscode.window.tabGroups.all.find((g) => g.tabs.some((t) => t.input instanceof vscode.TabInputText && t.input.uri.fsPath === uri.fsPath))?.viewColumn;
    const viewColumn = shown?.viewColumn ?? tabColumn ?? vscode.ViewColumn.One;
    const at = new vscode.Position(Math.max(0, line), 0);
    const document = shown?.document ?? (await vscode.workspace.openTextDocument(uri));
    const editor = await vscode.window.showTextDocument(document, { viewColumn, selection: new vscode.Range(at, at), preview: false });
    editor.revealRange(new vscode.Range(at, at), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    this.jumped.fire(editor);
    return editor;
  }

  private html(model: ReportModel): string {
    const nonce = crypto.randomBytes(16).toString('base64');
    const webview = this.panel!.webview;
    return renderReportHtml(model, {
      // The link's target is the script's business: no navigation inside the view.
      href: (_file, line) => `#L${line + 1}`,
      label: (file) => vscode.workspace.asRelativePath(file, false),
      csp: `default-src 'none'; style-src 'unsafe-inline' ${webview.cspSource}; script-src 'nonce-${nonce}'; img-src ${webview.cspSource}`,
      script: { nonce, code: SCRIPT },
    });
  }

  dispose(): void {
    this.panel?.dispose();
    this.jumped.dispose();
  }
}
