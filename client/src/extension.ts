// The Verbatim VS Code client: thin glue that starts the language server over IPC, restarts it
// if it dies, and turns its results into commands, a report beside the draft, a status bar
// item and notifications. Every check happens in the server.
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { CloseAction, ErrorAction, LanguageClient, LanguageClientOptions, ServerOptions, State, TransportKind } from 'vscode-languageclient/node';
import {
  AddStatementParams,
  AddStatementResult,
  CheckDocumentResult,
  CheckWorkspaceResult,
  CorpusStatus,
  DocumentSummary,
  DocumentSummaryNotification,
  OPEN_SOURCE_COMMAND,
  ServerCommands,
  ServerInfo,
  StatusNotification,
} from '../../server/src/lsp/protocol';
import { isAccusing, VERDICTS } from '../../server/src/engine/verdicts';
import { ReportView } from './report';
import { StatusBar } from './statusBar';
import { WalkthroughContext } from './walkthroughContext';

const CREATE_SOURCES_ASKED = 'verbatim.askedToCreateSources';
/** Set once the getting-started walkthrough was opened for the writer: it is never opened again unasked. */
const WALKTHROUGH_SHOWN = 'verbatim.walkthroughShown';
export const WALKTHROUGH_ID = 'verbatim.verbatim#verbatim.gettingStarted';

/** What activate() returns: used by the extension's own tests. */
export interface VerbatimApi {
  client(): LanguageClient | undefined;
  status(): CorpusStatus | undefined;
  summary(uri: vscode.Uri): DocumentSummary | undefined;
  serverInfo(): Promise<ServerInfo>;
  /** Answers "Add Selection as Source Statement" asks the writer with `p` (the extension's tests), or with the window's dialogs again (undefined). */
  usePrompts(p: StatementPrompts | undefined): void;
  /** The report view's model and page, while it is open. */
  report(): ReportView;
  restarts(): number;
  /** The status bar item's text. */
  statusText(): string;
  /** Whether the offer to create the sources folder was made in this workspace. */
  offeredSources(): boolean;
  /** How many times this session opened the walkthrough by itself (0 or 1: never again once shown). */
  walkthroughOpens(): number;
  /** Milliseconds activate() took (the language server starts after it, in the background). */
  activationMs(): number;
  /** Resolves when the language server answered `initialize`, with the ms since activation began. */
  serverReady(): Promise<number>;
}

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<VerbatimApi> {
  const activationStart = Date.now();
  const output = vscode.window.createOutputChannel('Verbatim', { log: true });
  const statusBar = new StatusBar();
  const reports = new ReportView();
  /** Each workspace folder's corpus status (a multi-root workspace has one corpus per folder), by folder path. */
  const folderStatuses = new Map<string, CorpusStatus>();
  /** The status of the folder of a document (the active editor's by default), else of the first folder. */
  const statusFor = (uri: vscode.Uri | undefined = vscode.window.activeTextEditor?.document.uri): CorpusStatus | undefined => {
    const folder = uri && vscode.workspace.getWorkspaceFolder(uri);
    const first = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
    return (folder && folderStatuses.get(folder.uri.fsPath)) ?? (first !== undefined ? folderStatuses.get(first) : undefined) ?? folderStatuses.values().next().value;
  };
  const summaries = new Map<string, DocumentSummary>();
  let restarts = 0;
  /** The draft last shown in an editor: what "Check Document" checks when the focus is elsewhere (the walkthrough, the report). */
  let lastDraft: vscode.Uri | undefined;
  context.subscriptions.push(output, statusBar, reports);

  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6011'] } },
  };

  const languages = () => vscode.workspace.getConfiguration('verbatim').get<string[]>('languages') ?? ['markdown', 'plaintext'];
  const crashTimes: number[] = [];

  const makeClient = (): LanguageClient => {
    const clientOptions: LanguageClientOptions = {
      documentSelector: languages().flatMap((language) => [
        { scheme: 'file', language },
        { scheme: 'untitled', language },
      ]),
      outputChannel: output,
      diagnosticCollectionName: 'verbatim',
      // storagePath: where the server persists the corpus index when the workspace has no .verbatim/ folder.
      // statusBarProgress: the status bar item shows indexing progress (from verbatim/status), so the server sends no $/progress of its own.
      // trusted: false in Restricted Mode, where the server reads nothing outside the workspace.
      initializationOptions: {
        settings: vscode.workspace.getConfiguration('verbatim'),
        storagePath: (context.storageUri ?? context.globalStorageUri).fsPath,
        statusBarProgress: true,
        trusted: vscode.workspace.isTrusted,
      },
      errorHandler: {
        error: () => ({ action: ErrorAction.Continue }),
        closed: () => {
          // Restart the server if it dies, unless it keeps dying (5 times in 3 minutes).
          const now = Date.now();
          crashTimes.push(now);
          while (crashTimes.length && now - crashTimes[0] > 180_000) crashTimes.shift();
          if (crashTimes.length > 5) {
            void vscode.window
              .showErrorMessage(vscode.l10n.t('Verbatim: the language server stopped 5 times in 3 minutes and will not be restarted. See the Verbatim output.'), vscode.l10n.t('Show Output'))
              .then((a) => {
                if (a) output.show();
              });
            return { action: CloseAction.DoNotRestart, handled: true };
          }
          restarts++;
          output.warn('The Verbatim language server stopped; restarting it.');
          return { action: CloseAction.Restart, handled: true };
        },
      },
    };
    const c = new LanguageClient('verbatim', 'Verbatim', serverOptions, clientOptions);
    c.onDidChangeState((e) => {
      if (e.newState === State.Stopped) statusBar.setStopped();
    });
    return c;
  };

  const wireNotifications = (c: LanguageClient) => {
    context.subscriptions.push(
      c.onNotification(StatusNotification, (s: CorpusStatus) => {
        const was = folderStatuses.get(s.folder)?.state;
        folderStatuses.set(s.folder, s);
        updateWalkthroughContext();
        refreshStatusBar();
        if (s.state === 'noCorpus' && was !== 'noCorpus') void offerToCreateSources(context, s);
      }),
      c.onNotification(DocumentSummaryNotification, (s: DocumentSummary) => {
        summaries.set(s.uri, s);
        refreshStatusBar();
      }),
    );
  };

  /** The walkthrough's steps tick on these: the sources folder is there, and it holds statements. */
  const walkthroughContext = new WalkthroughContext({
    hasSourcesFolder: () => {
      const roots = (vscode.workspace.workspaceFolders ?? []).map((f) => f.uri.fsPath);
      const folders = [...[...folderStatuses.values()].flatMap((s) => s.corpusPaths), ...roots.map((r) => path.join(r, 'sources'))];
      return folders.some((p) => fs.existsSync(p));
    },
    hasStatements: () => [...folderStatuses.values()].some((s) => s.statements > 0),
  });
  context.subscriptions.push(walkthroughContext);
  const updateWalkthroughContext = () => walkthroughContext.update();
  updateWalkthroughContext();

  const refreshStatusBar = () => {
    const editor = vscode.window.activeTextEditor;
    const doc = editor?.document;
    const corpus = statusFor(doc?.uri);
    if (corpus) statusBar.setCorpus(corpus);
    const wanted = doc && languages().includes(doc.languageId) && (doc.uri.scheme === 'file' || doc.uri.scheme === 'untitled');
    statusBar.setDocument(wanted ? summaries.get(doc.uri.toString()) : undefined, !!wanted);
  };

  const startClient = async () => {
    client = makeClient();
    wireNotifications(client);
    statusBar.setStarting();
    await client.start();
  };

  // Started in the background: activation returns at once, commands wait for the server.
  let starting: Promise<void> = Promise.resolve();
  const startInBackground = () => {
    starting = startClient().catch((e) => {
      output.error(`The Verbatim language server did not start: ${e instanceof Error ? e.message : String(e)}`);
    });
    return starting;
  };

  const need = async (): Promise<LanguageClient> => {
    await starting;
    if (!client || !client.isRunning()) throw new Error('The Verbatim language server is not running.');
    return client;
  };

  // ---- commands --------------------------------------------------------------------------

  const isDraft = (doc: vscode.TextDocument) =>
    languages().includes(doc.languageId) &&
    (doc.uri.scheme === 'file' || doc.uri.scheme === 'untitled') &&
    !isUnder(
      doc.uri.fsPath,
      [...folderStatuses.values()].flatMap((s) => s.corpusPaths),
    );
  const rememberDraft = (editor: vscode.TextEditor | undefined) => {
    if (editor && isDraft(editor.document)) lastDraft = editor.document.uri;
  };
  rememberDraft(vscode.window.activeTextEditor);

  /** The draft to check: the active editor's, else the last draft shown, else a visible one. */
  const draftToCheck = (): vscode.Uri | undefined => {
    const active = vscode.window.activeTextEditor;
    if (active && isDraft(active.document)) return active.document.uri;
    if (lastDraft && vscode.workspace.textDocuments.some((d) => d.uri.toString() === lastDraft!.toString())) return lastDraft;
    return vscode.window.visibleTextEditors.find((e) => isDraft(e.document))?.document.uri;
  };

  const checkDocument = async (uri?: vscode.Uri): Promise<CheckDocumentResult | undefined> => {
    const target = uri instanceof vscode.Uri ? uri : draftToCheck();
    if (!target) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Verbatim: open a Markdown or text draft to check it.'));
      return undefined;
    }
    const result = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Verbatim: checking') }, async () =>
      (await need()).sendRequest<CheckDocumentResult>('workspace/executeCommand', { command: ServerCommands.checkDocument, arguments: [target.toString()] }),
    );
    reports.show(result.report);
    const total = Object.values(result.summary).reduce((a, b) => a + b, 0);
    const bad = VERDICTS.filter(isAccusing).reduce((n, v) => n + result.summary[v], 0);
    const message = total === 1 ? vscode.l10n.t('Verbatim: 1 quote checked: {0}.', describe(result.summary)) : vscode.l10n.t('Verbatim: {0} quotes checked: {1}.', total, describe(result.summary));
    const show = bad ? vscode.window.showWarningMessage : vscode.window.showInformationMessage;
    void show(message, vscode.l10n.t('Show Report')).then((a) => {
      if (a) reports.reveal();
    });
    return result;
  };

  const checkWorkspace = async (): Promise<CheckWorkspaceResult> => {
    const result = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Verbatim: checking the workspace') }, async () =>
      (await need()).sendRequest<CheckWorkspaceResult>('workspace/executeCommand', { command: ServerCommands.checkWorkspace, arguments: [] }),
    );
    reports.show(result.report);
    void vscode.window.showInformationMessage(
      result.files.length === 1
        ? vscode.l10n.t('Verbatim: 1 draft checked: {0}.', describe(result.summary))
        : vscode.l10n.t('Verbatim: {0} drafts checked: {1}.', result.files.length, describe(result.summary)),
    );
    return result;
  };

  const rebuildIndex = async (): Promise<CorpusStatus> => {
    const status = await (await need()).sendRequest<CorpusStatus>('workspace/executeCommand', { command: ServerCommands.rebuildIndex, arguments: [] });
    void vscode.window.showInformationMessage(
      status.state === 'noCorpus'
        ? vscode.l10n.t('Verbatim: no corpus found.')
        : status.problems.length
          ? vscode.l10n.t('Verbatim: indexed {0} statements from {1} source documents ({2} with problems).', status.statements, status.documents, status.problems.length)
          : vscode.l10n.t('Verbatim: indexed {0} statements from {1} source documents.', status.statements, status.documents),
    );
    return status;
  };

  let prompts: StatementPrompts = windowPrompts;
  const addSelection = async (args?: unknown): Promise<AddStatementResult | undefined> => {
    // From the palette or a test: the statement itself; from the editor's context menu: the
    // document's URI, so the words come from the selection.
    let params = isAddStatementParams(args) ? args : undefined;
    if (!params) {
      const editor = vscode.window.activeTextEditor;
      const text = editor?.document.getText(editor.selection).trim();
      if (!editor || !text) {
        void vscode.window.showInformationMessage(vscode.l10n.t('Verbatim: select the words to add as a source statement first.'));
        return undefined;
      }
      // A draft's own words as a source would verify the draft against itself.
      if (isDraft(editor.document) && !(await prompts.addDraftWords(path.basename(editor.document.fileName)))) return undefined;
      const speaker = await prompts.speaker();
      if (!speaker?.trim()) return undefined;
      const title = await prompts.title(vscode.l10n.t('Notes from {0}', path.basename(editor.document.fileName)));
      params = { speaker: speaker.trim(), text, title: title?.trim() || undefined, uri: editor.document.uri.toString() };
    }
    const result = await (await need()).sendRequest<AddStatementResult>('workspace/executeCommand', { command: ServerCommands.addStatement, arguments: [params] });
    void vscode.window.showInformationMessage(vscode.l10n.t('Verbatim: added a statement by {0} to {1}.', params.speaker, vscode.workspace.asRelativePath(result.path)));
    return result;
  };

  const showLastReport = async () => {
    if (!reports.reveal()) await checkDocument();
  };

  const guarded =
    <A extends unknown[], R>(fn: (...a: A) => Promise<R>) =>
    async (...a: A): Promise<R | undefined> => {
      try {
        return await fn(...a);
      } catch (e) {
        void vscode.window.showErrorMessage(vscode.l10n.t('Verbatim: {0}', e instanceof Error ? e.message : String(e)));
        return undefined;
      }
    };

  context.subscriptions.push(
    vscode.commands.registerCommand('verbatim.checkDocument', guarded(checkDocument)),
    vscode.commands.registerCommand('verbatim.checkWorkspace', guarded(checkWorkspace)),
    vscode.commands.registerCommand('verbatim.rebuildIndex', guarded(rebuildIndex)),
    vscode.commands.registerCommand('verbatim.addSelectionAsStatement', guarded(addSelection)),
    vscode.commands.registerCommand('verbatim.showReport', guarded(showLastReport)),
    vscode.commands.registerCommand(OPEN_SOURCE_COMMAND, async (uri: string, range: { start: { line: number; character: number }; end: { line: number; character: number } }) => {
      const selection = new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
      await vscode.window.showTextDocument(vscode.Uri.parse(uri), { selection, preview: true });
    }),
    vscode.commands.registerCommand(
      'verbatim.restartServer',
      guarded(async () => {
        await starting;
        await client?.restart();
      }),
    ),
    vscode.commands.registerCommand(
      'verbatim.createSourcesFolder',
      guarded(() => createSourcesFolder(statusFor())),
    ),
    vscode.commands.registerCommand(
      'verbatim.addSource',
      guarded(() => addFirstSource(statusFor())),
    ),
    vscode.commands.registerCommand('verbatim.getStarted', () => vscode.commands.executeCommand('workbench.action.openWalkthrough', WALKTHROUGH_ID, false)),
    vscode.window.onDidChangeActiveTextEditor((editor) => {
      rememberDraft(editor);
      refreshStatusBar();
    }),
    vscode.workspace.onDidChangeConfiguration(async (e) => {
      // The document selector is fixed when the client starts: a change of languages restarts it.
      if (e.affectsConfiguration('verbatim.languages') && client) {
        await client.stop().catch(() => undefined);
        await startInBackground();
      }
    }),
    // Trust granted: start again with the full settings (the server then reads outside the workspace too).
    vscode.workspace.onDidGrantWorkspaceTrust(async () => {
      if (!client) return;
      await client.stop().catch(() => undefined);
      await startInBackground();
    }),
    { dispose: () => void client?.stop() },
  );

  const serverReady = startInBackground().then(() => {
    const ms = Date.now() - activationStart;
    output.info(`Language server ready ${ms} ms after activation began`);
    return ms;
  });
  refreshStatusBar();
  const activationMs = Date.now() - activationStart;
  output.info(`Verbatim activated in ${activationMs} ms`);

  return {
    client: () => client,
    status: () => statusFor(),
    summary: (uri) => summaries.get(uri.toString()),
    serverInfo: async () => (await need()).sendRequest<ServerInfo>('workspace/executeCommand', { command: ServerCommands.info, arguments: [] }),
    report: () => reports,
    usePrompts: (p) => (prompts = p ?? windowPrompts),
    restarts: () => restarts,
    statusText: () => statusBar.text,
    offeredSources: () => !!context.workspaceState.get(CREATE_SOURCES_ASKED),
    walkthroughOpens: () => walkthroughOpens,
    activationMs: () => activationMs,
    serverReady: () => serverReady,
  };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}

/** What "Add Selection as Source Statement" asks the writer. */
export interface StatementPrompts {
  /** The selection is a draft's own words: add them anyway? */
  addDraftWords(draftName: string): Promise<boolean>;
  speaker(): Promise<string | undefined>;
  title(suggested: string): Promise<string | undefined>;
}

const windowPrompts: StatementPrompts = {
  addDraftWords: async (draftName) => {
    const add = vscode.l10n.t('Add Anyway');
    const answer = await vscode.window.showWarningMessage(
      vscode.l10n.t('These words come from your draft {0}, not from a source: added as a statement, the draft would be checked against itself.', draftName),
      { modal: true, detail: vscode.l10n.t('Add words from a transcript, a statement or your notes instead.') },
      add,
    );
    return answer === add;
  },
  speaker: async () =>
    vscode.window.showInputBox({
      title: vscode.l10n.t('Verbatim: who said this?'),
      prompt: vscode.l10n.t('The speaker of the selected words'),
      placeHolder: vscode.l10n.t('e.g. Matthew Miller'),
      ignoreFocusOut: true,
    }),
  title: async (suggested) =>
    vscode.window.showInputBox({
      title: vscode.l10n.t('Verbatim: where is it from? (optional)'),
      prompt: vscode.l10n.t('A title for the source: interview, call, email…'),
      value: suggested,
      ignoreFocusOut: true,
    }),
};

/** Whether `file` is one of `paths` or inside one of them (a corpus file is a source, not a draft). */
function isUnder(file: string, paths: string[]): boolean {
  return paths.some((p) => file === p || file.startsWith(p.endsWith(path.sep) ? p : p + path.sep));
}

function isAddStatementParams(v: unknown): v is AddStatementParams {
  const p = v as Partial<AddStatementParams> | null;
  return !!p && typeof p === 'object' && !(v instanceof vscode.Uri) && typeof p.speaker === 'string' && typeof p.text === 'string';
}

function describe(summary: Record<string, number>): string {
  const parts = Object.entries(summary)
    .filter(([, n]) => n > 0)
    .map(([v, n]) => `${n} ${v}`);
  return parts.length ? parts.join(', ') : 'no quotes found';
}

let offering = false;
let walkthroughOpens = 0;

/**
 * No corpus yet: the first time ever, the getting-started walkthrough (create sources/, add a
 * source, check a draft) opens beside the draft; after that, one offer per workspace to create
 * the folder. Each is shown once, and never again: no nagging.
 */
async function offerToCreateSources(context: vscode.ExtensionContext, s: CorpusStatus): Promise<void> {
  if (offering || context.workspaceState.get(CREATE_SOURCES_ASKED) || !s.suggestedCorpusFolder || !vscode.workspace.workspaceFolders?.length) return;
  offering = true;
  await context.workspaceState.update(CREATE_SOURCES_ASKED, true);
  if (!context.globalState.get(WALKTHROUGH_SHOWN)) {
    await context.globalState.update(WALKTHROUGH_SHOWN, true);
    walkthroughOpens++;
    await vscode.commands.executeCommand('workbench.action.openWalkthrough', WALKTHROUGH_ID, true);
    return;
  }
  const folder = vscode.workspace.asRelativePath(vscode.Uri.file(s.suggestedCorpusFolder));
  const create = vscode.l10n.t('Create {0}/', folder);
  const showMe = vscode.l10n.t('Show Me How');
  const answer = await vscode.window.showInformationMessage(
    vscode.l10n.t('Verbatim checks quotes against your sources: transcripts, statements, earlier articles. Put them in {0}/ to start.', folder),
    create,
    showMe,
    vscode.l10n.t('Not now'),
  );
  if (answer === create) await createSourcesFolder(s);
  else if (answer === showMe) await vscode.commands.executeCommand('workbench.action.openWalkthrough', WALKTHROUGH_ID, true);
}

/** The folder the corpus should be in: the one the server suggests, else the configured folder, else sources/. */
function sourcesFolder(s: CorpusStatus | undefined): vscode.Uri | undefined {
  if (s?.suggestedCorpusFolder) return vscode.Uri.file(s.suggestedCorpusFolder);
  const configured = s?.corpusPaths.find((p) => !path.extname(p));
  if (configured) return vscode.Uri.file(configured);
  const root = vscode.workspace.workspaceFolders?.[0]?.uri;
  return root && vscode.Uri.joinPath(root, 'sources');
}

/** Walkthrough step 1: create the sources folder (an existing one is left as it is). */
async function createSourcesFolder(s: CorpusStatus | undefined): Promise<vscode.Uri | undefined> {
  const folder = sourcesFolder(s);
  if (!folder) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Verbatim: open a folder first; its sources/ folder holds your sources.'));
    return undefined;
  }
  await vscode.workspace.fs.createDirectory(folder);
  void vscode.commands.executeCommand('revealInExplorer', folder);
  return folder;
}

/**
 * The first source's template: front matter to fill in and no words yet, so nothing is indexed
 * until the writer puts a speaker's words below it (a placeholder statement would be checked
 * against the drafts as if someone had said it).
 */
export const FIRST_SOURCE = `---
# A source: what one person said or wrote. Fill in who said it and where, then paste their
# words below the closing dashes: a statement, a press release, an email.
# For a transcript, write kind: transcript and one paragraph per turn, each opening with
# the speaker's label in capitals and a colon, as in a briefing's transcript.
title:
date:
speaker:
kind: statement
---

`;

/** Walkthrough step 2: a first source file with front matter to fill in (an existing one is only opened). */
async function addFirstSource(s: CorpusStatus | undefined): Promise<vscode.Uri | undefined> {
  const folder = await createSourcesFolder(s);
  if (!folder) return undefined;
  const file = vscode.Uri.joinPath(folder, 'first-source.md');
  try {
    await vscode.workspace.fs.stat(file);
  } catch {
    await vscode.workspace.fs.writeFile(file, Buffer.from(FIRST_SOURCE, 'utf8'));
  }
  await vscode.window.showTextDocument(file, { preview: false });
  return file;
}
