// Reports from "Check Document" / "Check Workspace": read-only Markdown documents under the
// verbatim-report: scheme, opened beside the draft.
import * as vscode from 'vscode';

export const REPORT_SCHEME = 'verbatim-report';

export class ReportProvider implements vscode.TextDocumentContentProvider {
  private readonly contents = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  /** Stores a report and returns its URI; a report of the same name is replaced. */
  set(name: string, markdown: string): vscode.Uri {
    const uri = vscode.Uri.from({ scheme: REPORT_SCHEME, path: '/' + name.replace(/[\\/]/g, '_') });
    this.contents.set(uri.toString(), markdown);
    this.changed.fire(uri);
    return uri;
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.contents.get(uri.toString()) ?? '# Verbatim report\n\nThis report is no longer available: run "Verbatim: Check Document" again.\n';
  }
}
