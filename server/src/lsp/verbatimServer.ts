// The Verbatim language server: thin glue between LSP and the engine. Each workspace folder
// keeps its own config, corpus and index (folder.ts); the server routes every document to the
// folder that holds it, checks open drafts after a debounce through the engine's incremental
// check, and answers hover, definition, code actions and the server commands. Nothing here
// decides a verdict: that is the engine's job.
import * as fs from 'fs';
import * as path from 'path';
import { fileURLToPath, pathToFileURL } from 'url';
import {
  CodeAction,
  CodeActionKind,
  CodeLens,
  Connection,
  Diagnostic,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  InitializeParams,
  InitializeResult,
  Location,
  TextDocuments,
  TextDocumentSyncKind,
  WorkspaceFolder,
} from 'vscode-languageserver';
import type { Disposable } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Finding, LineIndex, MAX_CHECKED_CHARS, checkOptionsFor, hideFinding, draftFormat, findDrafts, summarize } from '../engine';
import { decodeDraft } from '../engine';
import { checkDraftWithArchive, draftQuoteTokens, prepareDraft, type ArchiveLookup } from '../engine';
import { ProjectFolder, type FolderHost } from './folder';
import { DEFAULT_SETTINGS, normalizeSettings, type Settings } from './settings';
import { codeActionsFor, hasDiagnostic, SOURCE, toDiagnostic } from './diagnostics';
import {
  AddStatementParams,
  AddStatementResult,
  CheckDocumentResult,
  CheckWorkspaceResult,
  DiagnosticData,
  DocumentSummary,
  DocumentSummaryNotification,
  HideFindingParams,
  HideFindingResult,
  OPEN_SOURCE_COMMAND,
  ServerCommands,
  ServerInfo,
} from './protocol';
import { emptyCounts, renderHover } from './render';
import { buildReport } from '../engine/report';
import { isConfirmed, VERDICT_LABEL, verdictIcon } from '../engine/verdicts';

export const SERVER_VERSION = '0.1.0';

export type { Settings } from './settings';

const MAX_DRAFT_CHARS = MAX_CHECKED_CHARS;
/** How long an editor's file watcher may take to start after it is registered (VS Code's starts in the background). */
const WATCHER_START_MS = 1000;

interface Checked {
  version: number;
  findings: Finding[];
  text: string;
}

function uriToPath(uri: string): string {
  return uri.startsWith('file:') ? fileURLToPath(uri) : uri;
}

export class VerbatimServer implements FolderHost {
  private readonly documents = new TextDocuments(TextDocument);
  /** The workspace folders, in the client's order; a document belongs to the innermost folder holding it, else the first. */
  private folders: ProjectFolder[] = [];
  private readonly checked = new Map<string, Checked>();
  /** The run number of the background check of each document, while one runs. */
  private readonly inFlight = new Map<string, number>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private watcherRegistration: Disposable | null = null;
  private watchTimer: NodeJS.Timeout | null = null;
  private catchUpTimer: NodeJS.Timeout | null = null;
  private stats = { full: 0 };
  private caps = { configuration: false, dynamicConfig: false, dynamicWatch: false, relativePatterns: false, progress: false, codeLensRefresh: false, folderChanges: false };
  initOptions: unknown;

  constructor(readonly connection: Connection) {}

  get progress(): boolean {
    return this.caps.progress;
  }

  get relativePatterns(): boolean {
    return this.caps.relativePatterns;
  }

  listen(): void {
    const c = this.connection;
    c.onInitialize((p) => this.initialize(p));
    c.onInitialized(() => void this.initialized());
    c.onDidChangeConfiguration(() => void Promise.all(this.folders.map((f) => f.reload())));
    c.onDidChangeWatchedFiles((p) => {
      for (const ch of p.changes) this.onFileChanged(ch.uri, ch.type);
    });
    c.onHover((p) =>
      this.guard(
        'hover',
        () => {
          const f = this.findingAt(p.textDocument.uri, p.position);
          return f ? { contents: { kind: 'markdown', value: renderHover(f) }, range: f.range } : null;
        },
        null,
      ),
    );
    c.onDefinition((p) =>
      this.guard(
        'definition',
        () => {
          const f = this.findingAt(p.textDocument.uri, p.position);
          if (!f) return null;
          const sources = f.source ? [f.source, ...f.otherSources] : f.otherSources;
          return sources.map((s): Location => ({ uri: pathToFileURL(s.path).toString(), range: s.range }));
        },
        null,
      ),
    );
    c.onCodeLens((p) => this.guard('codeLens', () => this.codeLenses(p.textDocument.uri), []));
    c.onCodeAction((p) => this.guard('codeAction', () => this.codeActions(p.textDocument.uri, p.range, p.context.diagnostics), []));
    c.onExecuteCommand((p) => this.executeCommand(p.command, p.arguments ?? []));
    // TextDocuments reports an open as a content change too: check a just-opened draft at once,
    // and wait for the debounce only while the writer types.
    const justOpened = new Set<string>();
    this.documents.onDidOpen((e) => justOpened.add(e.document.uri));
    this.documents.onDidChangeContent((e) => this.schedule(e.document.uri, justOpened.delete(e.document.uri) ? 0 : this.folderOf(e.document.uri).settings.debounce));
    this.documents.onDidClose((e) => {
      this.clearTimer(e.document.uri);
      this.checked.delete(e.document.uri);
      if (!this.hasProblemsAt(e.document.uri)) void c.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
    });
    this.documents.listen(c);
    c.listen();
  }

  // ---- lifecycle -------------------------------------------------------------------------

  private initialize(params: InitializeParams): InitializeResult {
    const cap = params.capabilities;
    this.caps = {
      configuration: !!cap.workspace?.configuration,
      dynamicConfig: !!cap.workspace?.didChangeConfiguration?.dynamicRegistration,
      dynamicWatch: !!cap.workspace?.didChangeWatchedFiles?.dynamicRegistration,
      relativePatterns: !!cap.workspace?.didChangeWatchedFiles?.relativePatternSupport,
      // A client that shows the corpus state itself (the VS Code status bar item, from
      // verbatim/status) says so: progress then shows once, not twice.
      progress: !!cap.window?.workDoneProgress && !(params.initializationOptions as { statusBarProgress?: boolean } | undefined)?.statusBarProgress,
      codeLensRefresh: !!cap.workspace?.codeLens?.refreshSupport,
      folderChanges: !!cap.workspace?.workspaceFolders,
    };
    this.initOptions = params.initializationOptions;
    const folders = params.workspaceFolders?.length
      ? params.workspaceFolders.map((f) => ({ root: uriToPath(f.uri), uri: f.uri }))
      : [{ root: params.rootUri ? uriToPath(params.rootUri) : params.rootPath || process.cwd(), uri: params.rootUri ?? null }];
    this.folders = folders.map((f) => new ProjectFolder(f.root, f.uri, this, DEFAULT_SETTINGS));
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        hoverProvider: true,
        definitionProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
        codeLensProvider: { resolveProvider: false },
        executeCommandProvider: { commands: Object.values(ServerCommands) },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'verbatim-ls', version: SERVER_VERSION },
    };
  }

  private async initialized(): Promise<void> {
    if (this.caps.dynamicConfig) {
      await this.connection.client.register(DidChangeConfigurationNotification.type, { section: 'verbatim' }).catch(() => undefined);
    }
    if (this.caps.folderChanges) this.connection.workspace.onDidChangeWorkspaceFolders((e) => void this.changeFolders(e.added, e.removed));
    await Promise.all(this.folders.map((f) => f.reload(true)));
  }

  /** Folders added to or removed from a multi-root workspace: each added one gets its own config and corpus. */
  private async changeFolders(added: WorkspaceFolder[], removed: WorkspaceFolder[]): Promise<void> {
    const gone = new Set(removed.map((f) => uriToPath(f.uri)));
    for (const f of this.folders.filter((x) => gone.has(x.root))) f.close();
    const fresh = added.filter((a) => !this.folders.some((f) => f.root === uriToPath(a.uri))).map((a) => new ProjectFolder(uriToPath(a.uri), a.uri, this, DEFAULT_SETTINGS));
    this.folders = [...this.folders.filter((x) => !gone.has(x.root)), ...fresh];
    if (!this.folders.length) this.folders = [new ProjectFolder(process.cwd(), null, this, DEFAULT_SETTINGS)];
    this.watchersChanged();
    // Documents may belong to another folder now: every result is made again.
    this.checked.clear();
    this.recheckAll();
    await Promise.all(fresh.map((f) => f.reload(true)));
  }

  /** A folder's settings: VS Code's for that folder (`scopeUri`), else the initializationOptions. */
  async fetchSettings(folder: ProjectFolder): Promise<Settings> {
    if (this.caps.configuration) {
      try {
        const [value] = await this.connection.workspace.getConfiguration([{ scopeUri: folder.uri ?? undefined, section: 'verbatim' }]);
        return normalizeSettings(value);
      } catch {
        /* fall through */
      }
    }
    const init = this.initOptions as { settings?: unknown } | undefined;
    return normalizeSettings(init?.settings ?? init);
  }

  /** Restricted Mode: the client says the workspace is not trusted (`trusted: false`); other editors are trusted. */
  restricted(): boolean {
    return (this.initOptions as { trusted?: unknown } | null | undefined)?.trusted === false;
  }

  /** One registration for every folder's watchers, made again (after a short wait) when any folder's change. */
  watchersChanged(): void {
    if (!this.caps.dynamicWatch) return;
    if (this.watchTimer) clearTimeout(this.watchTimer);
    this.watchTimer = setTimeout(() => void this.registerWatchers(), 0);
  }

  private async registerWatchers(): Promise<void> {
    this.watchTimer = null;
    const watchers = this.folders.flatMap((f) => f.watchers());
    const old = this.watcherRegistration;
    this.watcherRegistration = null;
    await old?.dispose();
    try {
      this.watcherRegistration = await this.connection.client.register(DidChangeWatchedFilesNotification.type, { watchers });
    } catch (e) {
      this.connection.console.warn(`verbatim: could not watch the corpus: ${String(e)}`);
      return;
    }
    // What changed while the editor's watcher started is not reported: each folder compares the disk with its index.
    if (this.catchUpTimer) clearTimeout(this.catchUpTimer);
    this.catchUpTimer = setTimeout(() => {
      this.catchUpTimer = null;
      for (const f of this.folders) void f.catchUp();
    }, WATCHER_START_MS);
  }

  /** The folder a document or file belongs to: the innermost workspace folder holding it, else the first. */
  private folderOf(uriOrPath: string): ProjectFolder {
    const file = uriToPath(uriOrPath);
    let best: ProjectFolder | null = null;
    for (const f of this.folders) if (f.contains(file) && (!best || f.root.length > best.root.length)) best = f;
    return best ?? this.folders[0];
  }

  /** A folder's corpus, config or archive changed: its open drafts are checked again. */
  changed(folder: ProjectFolder, forget: boolean): void {
    for (const doc of this.documents.all()) {
      if (this.folderOf(doc.uri) !== folder) continue;
      if (forget) this.checked.delete(doc.uri);
      this.schedule(doc.uri, 0);
    }
    if (this.caps.codeLensRefresh) void this.connection.sendRequest('workspace/codeLens/refresh').catch(() => undefined);
  }

  private hasProblemsAt(uri: string): boolean {
    return this.folders.some((f) => f.hasProblemsAt(uri));
  }

  private onFileChanged(uri: string, type: FileChangeType): void {
    if (!uri.startsWith('file:')) return;
    const file = fileURLToPath(uri);
    // A file may be a source of several folders' corpora (a shared folder): each re-reads it.
    for (const f of this.folders) f.onFileChanged(file, type);
  }

  // ---- checking --------------------------------------------------------------------------

  private formatOf(doc: TextDocument): 'markdown' | 'plaintext' {
    return draftFormat(uriToPath(doc.uri), doc.languageId);
  }

  private wants(doc: TextDocument): boolean {
    const folder = this.folderOf(doc.uri);
    if (!folder.settings.languages.includes(doc.languageId)) return false;
    return !folder.inCorpus(uriToPath(doc.uri));
  }

  private clearTimer(uri: string): void {
    const t = this.timers.get(uri);
    if (t) clearTimeout(t);
    this.timers.delete(uri);
  }

  private schedule(uri: string, delay: number): void {
    this.clearTimer(uri);
    this.timers.set(
      uri,
      setTimeout(() => {
        this.timers.delete(uri);
        this.publish(uri);
      }, delay),
    );
  }

  private recheckAll(): void {
    for (const doc of this.documents.all()) this.schedule(doc.uri, 0);
    if (this.caps.codeLensRefresh) void this.connection.sendRequest('workspace/codeLens/refresh').catch(() => undefined);
  }

  /** A lens over each verified quote (its source at a glance); issues have their diagnostics. */
  private codeLenses(uri: string): CodeLens[] {
    const doc = this.documents.get(uri);
    const folder = this.folderOf(uri);
    if (!doc || !folder.settings.codeLens || !this.wants(doc) || folder.status.state !== 'ready') return [];
    const lenses: CodeLens[] = [];
    for (const f of this.findings(doc)) {
      if (f.ignored || !f.source || !isConfirmed(f.verdict)) continue;
      const src = f.source;
      const where = [src.title ?? path.basename(src.path), src.date].filter(Boolean).join(', ');
      lenses.push({
        range: { start: f.range.start, end: f.range.start },
        command: {
          title: `${verdictIcon(f.verdict)} ${VERDICT_LABEL[f.verdict]}: ${src.speaker}, ${where}`,
          command: OPEN_SOURCE_COMMAND,
          arguments: [pathToFileURL(src.path).toString(), src.range],
        },
      });
    }
    return lenses;
  }

  /**
   * Findings for the document's current version, through the incremental check. While a long
   * check of a newer version runs in the background, requests get the last finished result
   * rather than wait for it: a slow check never blocks a hover.
   */
  private findings(doc: TextDocument): Finding[] {
    const prev = this.checked.get(doc.uri);
    if (prev && (prev.version === doc.version || this.inFlight.has(doc.uri))) return prev.findings;
    const text = doc.getText();
    const folder = this.folderOf(doc.uri);
    let findings: Finding[] = [];
    if (folder.corpus && folder.status.state === 'ready' && text.length <= MAX_DRAFT_CHARS) {
      const file = uriToPath(doc.uri);
      findings = folder.incremental.check(text, file, folder.corpus, { ...checkOptionsFor(folder.ws, file, doc.languageId), archive: folder.archiveLookup }, folder.archiveKey());
    }
    this.checked.set(doc.uri, { version: doc.version, findings, text });
    return findings;
  }

  private publish(uri: string): void {
    const doc = this.documents.get(uri);
    if (!doc) return;
    const folder = this.folderOf(uri);
    if (!this.wants(doc) || folder.status.state === 'noCorpus') {
      if (!this.hasProblemsAt(uri)) void this.connection.sendDiagnostics({ uri, diagnostics: [] });
      return;
    }
    if (folder.status.state !== 'ready') return; // indexing: checked again when it is done
    const text = doc.getText();
    if (text.length > MAX_DRAFT_CHARS) {
      // Never a silent cut-off: say what was not checked and how to check it.
      const message = `Verbatim did not check this document as you type: it is ${(text.length / 1e6).toFixed(1)} million characters, over the ${MAX_DRAFT_CHARS / 1e6} million limit. Split it, or run "verbatim check" on it to check its first million characters.`;
      void this.connection.sendDiagnostics({
        uri,
        version: doc.version,
        diagnostics: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity: 3, source: 'verbatim', code: 'too-large', message }],
      });
      return;
    }
    const prev = this.checked.get(uri);
    if (prev && prev.version === doc.version) {
      this.send(doc.uri, doc.version, text, prev.findings);
      return;
    }
    void this.publishWhenChecked(doc, text);
  }

  /** Asks the archive (when there is one) for the candidates of all the quotes of a text: one round trip, within its deadline. */
  private async lookupArchive(folder: ProjectFolder, text: string, file: string, languageId: string): Promise<ArchiveLookup | undefined> {
    if (!folder.archive) return undefined;
    folder.archiveLookup = await folder.archive.lookup(draftQuoteTokens(prepareDraft(text, file, checkOptionsFor(folder.ws, file, languageId))));
    return folder.archiveLookup;
  }

  /** Checks a version in slices, in the background; a newer version or a close cancels it. */
  private async publishWhenChecked(doc: TextDocument, text: string): Promise<void> {
    const { uri, version } = doc;
    const run = (this.inFlight.get(uri) ?? 0) + 1;
    this.inFlight.set(uri, run);
    const stale = () => this.inFlight.get(uri) !== run || this.documents.get(uri)?.version !== version;
    try {
      const folder = this.folderOf(uri);
      const corpus = folder.corpus;
      if (!corpus) return;
      const archive = await this.lookupArchive(folder, text, uriToPath(uri), doc.languageId);
      if (stale()) return;
      const file = uriToPath(uri);
      const steps = folder.incremental.steps(text, file, corpus, { ...checkOptionsFor(folder.ws, file, doc.languageId), archive }, folder.archiveKey(archive));
      let since = Date.now();
      let step = steps.next();
      for (; !step.done; step = steps.next()) {
        if (Date.now() - since < 15) continue;
        // Give the event loop back: hovers and the next keystroke are answered meanwhile.
        await new Promise((resolve) => setImmediate(resolve));
        if (stale()) return; // cancelled: the newer version publishes
        since = Date.now();
      }
      if (stale() || corpus !== folder.corpus || folder !== this.folderOf(uri)) return;
      const findings = step.value;
      this.checked.set(uri, { version, findings, text });
      this.send(uri, version, text, findings);
    } catch (error) {
      this.connection.console.error(`verbatim: check failed: ${(error as Error).stack ?? error}`);
    } finally {
      if (this.inFlight.get(uri) === run) this.inFlight.delete(uri);
    }
  }

  private send(uri: string, version: number, text: string, findings: Finding[]): void {
    const diagnostics = findings.filter(hasDiagnostic).map((f) => toDiagnostic(f, version));
    void this.connection.sendDiagnostics({ uri, version, diagnostics });
    const counts = { ...emptyCounts(), ...summarize([{ path: uriToPath(uri), findings: findings.filter((f) => !f.ignored) }]) };
    const summary: DocumentSummary = {
      uri,
      version,
      counts,
      total: findings.length,
      issues: diagnostics.length,
      verified: findings.filter((f) => !f.ignored && isConfirmed(f.verdict)).length,
      ignored: findings.filter((f) => f.ignored).length,
    };
    void this.connection.sendNotification(DocumentSummaryNotification, summary);
  }

  private findingAt(uri: string, pos: { line: number; character: number }): Finding | null {
    const doc = this.documents.get(uri);
    if (!doc || !this.wants(doc) || this.folderOf(uri).status.state !== 'ready') return null;
    const off = doc.offsetAt(pos);
    let best: Finding | null = null;
    for (const f of this.findings(doc)) {
      // The quotation marks around the words count as part of the quote.
      if (off >= f.span.start - 1 && off <= f.span.end + 1) {
        if (!best || f.span.end - f.span.start < best.span.end - best.span.start) best = f;
      }
    }
    return best;
  }

  private codeActions(uri: string, range: { start: { line: number; character: number }; end: { line: number; character: number } }, diagnostics: Diagnostic[]): CodeAction[] {
    const doc = this.documents.get(uri);
    if (!doc || !this.wants(doc)) return [];
    const text = doc.getText();
    const lines = new LineIndex(text);
    const ctx = { uri, configFile: this.folderOf(uri).configFilePath(), text, format: this.formatOf(doc), lines };
    const findings = this.findings(doc);
    // A fix's offsets hold only in the text its finding was made from (a newer version may be in the works).
    const current = this.checked.get(uri)?.text === text;
    const actions: CodeAction[] = [];
    const seen = new Set<Finding>();
    for (const d of diagnostics) {
      if (d.source !== SOURCE) continue;
      const data = d.data as DiagnosticData | undefined;
      const f =
        data && data.version === doc.version
          ? findings.find((x) => x.span.start === data.span.start && x.span.end === data.span.end)
          : findings.find((x) => overlaps(x.range, d.range) && x.verdict === d.code);
      if (!f || seen.has(f)) continue;
      seen.add(f);
      actions.push(...codeActionsFor(f, d, ctx, current));
    }
    // Also offer actions for a quote under the cursor that came without its diagnostic.
    for (const f of findings) {
      if (seen.has(f) || !hasDiagnostic(f) || !overlaps(f.range, range)) continue;
      seen.add(f);
      actions.push(...codeActionsFor(f, undefined, ctx, current));
    }
    return actions;
  }

  // ---- commands --------------------------------------------------------------------------

  private async executeCommand(command: string, args: unknown[]): Promise<unknown> {
    try {
      switch (command) {
        case ServerCommands.checkDocument:
          return await this.checkDocumentCommand(String(args[0] ?? ''));
        case ServerCommands.checkWorkspace:
          return await this.checkWorkspaceCommand();
        case ServerCommands.rebuildIndex: {
          await Promise.all(this.folders.map((f) => f.reindex(true)));
          return this.folders[0].status;
        }
        case ServerCommands.addStatement:
          return await this.addStatement(args[0] as AddStatementParams);
        case ServerCommands.hideFinding:
          return await this.hideFindingCommand(args[0] as HideFindingParams);
        case ServerCommands.info:
          return this.info(typeof args[0] === 'string' ? args[0] : undefined);
        default:
          throw new Error(`unknown command ${command}`);
      }
    } catch (e) {
      this.connection.console.error(`verbatim: ${command} failed: ${e instanceof Error ? e.stack : String(e)}`);
      throw e;
    }
  }

  /** The server's state; `status` is the folder of `uri` (else the first folder), `folders` every folder's. */
  private info(uri?: string): ServerInfo {
    // V8 collects the old generation lazily, so without a full collection first the heap figure
    // counts garbage too; node exposes gc() only when started with --expose-gc (the soak does).
    const collect = (globalThis as { gc?: () => void }).gc;
    collect?.();
    const { rss, heapUsed } = process.memoryUsage();
    const memory = { rssMb: rss / 2 ** 20, heapUsedMb: heapUsed / 2 ** 20, afterFullGc: collect !== undefined };
    const folder = uri ? this.folderOf(uri) : this.folders[0];
    const pieces = this.folders.reduce((n, f) => n + f.incremental.stats.pieces, 0);
    const hits = this.folders.reduce((n, f) => n + f.incremental.stats.hits, 0);
    return { pid: process.pid, version: SERVER_VERSION, status: folder.status, folders: this.folders.map((f) => f.status), checks: { full: this.stats.full, pieces, pieceCacheHits: hits }, memory };
  }

  /** A full check of one text, the same as the CLI's (no incremental cache). */
  private async fullCheck(folder: ProjectFolder, text: string, file: string, languageId?: string): Promise<Finding[]> {
    if (!folder.corpus || folder.status.state !== 'ready') return [];
    this.stats.full++;
    return (await checkDraftWithArchive(folder.ws, folder.corpus, folder.archive, text, file, languageId)).findings;
  }

  private async checkDocumentCommand(uri: string): Promise<CheckDocumentResult> {
    const folder = this.folderOf(uri);
    if (folder.indexing) await folder.indexing;
    const doc = this.documents.get(uri);
    const file = uriToPath(uri);
    const text = doc ? doc.getText() : readDraft(file);
    const findings = await this.fullCheck(folder, text, file, doc?.languageId);
    if (doc && this.wants(doc)) {
      this.checked.set(uri, { version: doc.version, findings, text });
      this.send(uri, doc.version, text, findings);
    }
    const summary = { ...emptyCounts(), ...summarize([{ path: file, findings: findings.filter((f) => !f.ignored) }]) };
    const corpus = folder.corpusSummary();
    const report = buildReport(path.basename(file), [{ path: file, findings }], corpus);
    if (folder.status.state === 'noCorpus') {
      report.notices.push(
        `No corpus yet: put source documents (transcripts, statements, articles) in ${path.relative(folder.root, folder.status.suggestedCorpusFolder ?? 'sources') || 'sources'}/ or set "corpus" in verbatim.json.`,
      );
    }
    return { uri, path: file, summary, findings, corpus, report };
  }

  /** Every draft of every folder, each against its own folder's corpus. */
  private async checkWorkspaceCommand(): Promise<CheckWorkspaceResult> {
    const files: CheckWorkspaceResult['files'] = [];
    for (const folder of this.folders) {
      if (folder.indexing) await folder.indexing;
      for (const file of findDrafts(folder.ws, [folder.root]).files) {
        // A nested folder's drafts are its own.
        if (this.folderOf(file) !== folder) continue;
        const uri = pathToFileURL(file).toString();
        const doc = this.documents.get(uri);
        let text: string;
        try {
          if (!doc && fs.statSync(file).size > MAX_DRAFT_CHARS) continue;
          text = doc ? doc.getText() : readDraft(file);
        } catch {
          continue;
        }
        const findings = await this.fullCheck(folder, text, file, doc?.languageId);
        this.send(uri, doc?.version ?? 0, text, findings);
        files.push({ uri, path: file, summary: { ...emptyCounts(), ...summarize([{ path: file, findings: findings.filter((f) => !f.ignored) }]) }, findings });
        await new Promise((r) => setImmediate(r));
      }
    }
    const summary = { ...emptyCounts(), ...summarize(files.map((f) => ({ path: f.path, findings: f.findings.filter((x) => !x.ignored) }))) };
    const summaries = this.folders.map((f) => f.corpusSummary());
    const corpus =
      summaries.length === 1
        ? summaries[0]
        : {
            documents: summaries.reduce((n, s) => n + s.documents, 0),
            statements: summaries.reduce((n, s) => n + s.statements, 0),
            paths: this.folders.flatMap((f) => f.ws.corpusPaths.map((p) => path.relative(this.folders[0].root, p) || '.')),
          };
    const report = buildReport(`workspace (${files.length} draft${files.length === 1 ? '' : 's'})`, files, corpus);
    return { files, summary, corpus, report };
  }

  /** "Hide in this workspace": the finding goes into its folder's config file's `hidden` list, then the folder's drafts are checked again. */
  private async hideFindingCommand(params: HideFindingParams): Promise<HideFindingResult> {
    if (!params || typeof params.uri !== 'string' || typeof params.quote !== 'string' || typeof params.verdict !== 'string' || !params.quote.trim()) {
      throw new Error("hideFinding needs the draft's uri, the verdict and the quote");
    }
    const folder = this.folderOf(params.uri);
    const configFile = folder.configFilePath();
    hideFinding(configFile, { draft: uriToPath(params.uri), verdict: params.verdict, quote: params.quote });
    await folder.reload();
    return { configFile };
  }

  /** Adds a statement to the corpus of the folder of `params.uri` (the draft it was selected in), else the first folder. */
  private async addStatement(params: AddStatementParams): Promise<AddStatementResult> {
    if (!params || typeof params.speaker !== 'string' || typeof params.text !== 'string' || !params.speaker.trim() || !params.text.trim()) {
      throw new Error('addStatement needs a speaker and a text');
    }
    const folder = typeof params.uri === 'string' ? this.folderOf(params.uri) : this.folders[0];
    let dir = folder.ws.corpusPaths.find((p) => fs.existsSync(p) && fs.statSync(p).isDirectory());
    if (!dir) {
      dir = folder.ws.corpusPaths.find((p) => !fs.existsSync(p) && !path.extname(p)) ?? path.join(folder.root, 'sources');
      fs.mkdirSync(dir, { recursive: true });
    }
    const file = path.join(dir, 'added-statements.jsonl');
    const record: Record<string, string> = { speaker: params.speaker.trim(), text: params.text.trim() };
    if (params.title) record.title = params.title;
    if (params.url) record.url = params.url;
    record.date = params.date ?? new Date().toISOString().slice(0, 10);
    const prefix = fs.existsSync(file) && !fs.readFileSync(file, 'utf8').endsWith('\n') && fs.statSync(file).size > 0 ? '\n' : '';
    fs.appendFileSync(file, prefix + JSON.stringify(record) + '\n');
    if (folder.indexing) await folder.indexing;
    if (folder.corpus && folder.ws.corpusPaths.some((p) => fs.existsSync(p))) {
      folder.corpus.updateFile(file);
      folder.corpusUpdated();
    } else {
      await folder.reindex();
    }
    return { path: file, status: folder.status };
  }

  private guard<T>(what: string, fn: () => T, fallback: T): T {
    try {
      return fn();
    } catch (e) {
      this.connection.console.error(`verbatim: ${what} failed: ${e instanceof Error ? e.stack : String(e)}`);
      return fallback;
    }
  }
}

function overlaps(
  a: { start: { line: number; character: number }; end: { line: number; character: number } },
  b: { start: { line: number; character: number }; end: { line: number; character: number } },
): boolean {
  const before = (p: { line: number; character: number }, q: { line: number; character: number }) => p.line < q.line || (p.line === q.line && p.character < q.character);
  return !before(a.end, b.start) && !before(b.end, a.start);
}

/** A draft not open in the editor, from disk, read as the CLI reads it (decodeDraft). */
function readDraft(file: string): string {
  const decoded = decodeDraft(fs.readFileSync(file));
  if ('problem' in decoded) throw new Error(`${path.basename(file)}: ${decoded.problem}`);
  return decoded.text;
}
