// The contexts the walkthrough's steps tick on: "verbatim.hasSourcesFolder" and
// "verbatim.hasStatements".
//
// VS Code ticks an `onContext:` step only when its context turns true after the walkthrough was
// registered, and it registers walkthroughs lazily, when its getting-started service first
// starts (often as the writer opens one). A context already true at that moment never ticks the
// step, for the whole session. So the contexts turn true only while one of VS Code's own
// editors is open (the walkthrough, the Welcome page: tabs whose input an extension cannot
// see), by which time the walkthrough is registered.
import * as vscode from 'vscode';

export interface WalkthroughFacts {
  hasSourcesFolder(): boolean;
  hasStatements(): boolean;
}

export class WalkthroughContext implements vscode.Disposable {
  private readonly set = new Map<string, boolean>();
  private readonly tabs: vscode.Disposable;

  constructor(private readonly facts: WalkthroughFacts) {
    this.tabs = vscode.window.tabGroups.onDidChangeTabs(() => this.update());
  }

  /** Sets both contexts again from the facts (a status came, a tab opened or closed). */
  update(): void {
    const shown = workbenchEditorOpen();
    this.put('verbatim.hasSourcesFolder', shown && this.facts.hasSourcesFolder());
    this.put('verbatim.hasStatements', shown && this.facts.hasStatements());
  }

  private put(key: string, value: boolean): void {
    if (this.set.get(key) === value) return;
    this.set.set(key, value);
    void vscode.commands.executeCommand('setContext', key, value);
  }

  dispose(): void {
    this.tabs.dispose();
  }
}

/** Whether an editor of VS Code's own (no text, notebook, webview or custom input) is open in any group. */
function workbenchEditorOpen(): boolean {
  return vscode.window.tabGroups.all.some((g) => g.tabs.some((t) => t.input === undefined));
}
