// The Verbatim language server: thin glue between LSP and the engine. It keeps the corpus
// indexed (with work-done progress, file by file on change), checks open drafts after a
// debounce through a paragraph cache, and answers hover, definition, code actions and the
// server commands. Nothing here decides a verdict: that is the engine's job.
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
  FileSystemWatcher,
  InitializeParams,
  InitializeResult,
  Location,
  TextDocuments,
  TextDocumentSyncKind,
  WatchKind,
  WorkDoneProgressReporter,
} from 'vscode-languageserver';
import type { Disposable } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Corpus, Finding, LineIndex, MAX_CHECKED_CHARS, Severity, Verdict, checkDraft, IncrementalCheck, checkOptionsFor, corpusOptionsFor, hideFinding, draftFormat, findDrafts, isInCorpus, openWorkspace, summarize, type Workspace } from '../engine';
import { decodeDraft, loadCorpusSteps, SOURCE_EXTENSIONS } from '../engine';
import { ArchiveClient, checkDraftWithArchive, draftQuoteTokens, prepareDraft, type ArchiveLookup } from '../engine';
import { storagePathOf } from './cacheFolder';
import { codeActionsFor, hasDiagnostic, SOURCE, toDiagnostic } from './diagnostics';
import {
  AddStatementParams,
  AddStatementResult,
  CheckDocumentResult,
  CheckWorkspaceResult,
  CorpusStatus,
  DiagnosticData,
  DocumentSummary,
  DocumentSummaryNotification,
  HideFindingParams,
  HideFindingResult,
  IndexCacheStatus,
  OPEN_SOURCE_COMMAND,
  ServerCommands,
  ServerInfo,
  StatusNotification,
} from './protocol';
import { emptyCounts, renderHover } from './render';
import { buildReport } from '../engine/report';

export const SERVER_VERSION = '0.1.0';

/** The `verbatim.*` settings (VS Code) or initializationOptions (other editors). */
export interface Settings {
  configFile: string;
  corpus: string[];
  severity: Partial<Record<Verdict, Severity>>;
  languages: string[];
  debounce: number;
  codeLens: boolean;
}

const DEFAULT_SETTINGS: Settings = {
  configFile: 'verbatim.json',
  corpus: [],
  severity: {},
  languages: ['markdown', 'plaintext'],
  debounce: 300,
  codeLens: true,
};

const MAX_DRAFT_CHARS = MAX_CHECKED_CHARS;

interface Checked {
  version: number;
  findings: Finding[];
  text: string;
}

function uriToPath(uri: string): string {
  return uri.startsWith('file:') ? fileURLToPath(uri) : uri;
}

function normalizeSettings(raw: unknown): Settings {
  const s = (raw && typeof raw === 'object' ? raw : {}) as Partial<Settings>;
  return {
    configFile: typeof s.configFile === 'string' && s.configFile ? s.configFile : DEFAULT_SETTINGS.configFile,
    corpus: Array.isArray(s.corpus) ? s.corpus.filter((p): p is string => typeof p === 'string' && p.trim() !== '') : [],
    severity: s.severity && typeof s.severity === 'object' ? s.severity : {},
    languages: Array.isArray(s.languages) && s.languages.length ? s.languages : DEFAULT_SETTINGS.languages,
    debounce: typeof s.debounce === 'number' && s.debounce >= 0 ? s.debounce : DEFAULT_SETTINGS.debounce,
    codeLens: typeof s.codeLens === 'boolean' ? s.codeLens : DEFAULT_SETTINGS.codeLens,
  };
}

export class VerbatimServer {
  private readonly documents = new TextDocuments(TextDocument);
  private root = process.cwd();
  private settings: Settings = DEFAULT_SETTINGS;
  /** The workspace as the engine reads it: config, settings over it, corpus paths, severities. */
  private ws: Workspace = { root: process.cwd(), configFile: null, corpusPaths: [], archives: [], speakers: {}, severities: {}, hidden: [], problems: [] };
  /** The newsroom's archive, when the corpus names one (a postgresql:// entry): read-only, with a deadline. */
  private archive: ArchiveClient | null = null;
  /** What the archive gave the last check: the paragraph checks of that version use it. */
  private archiveLookup: ArchiveLookup | undefined;
  private corpus: Corpus | null = null;
  /** Where the corpus index is persisted, or null (see cacheFolder.ts). */
  private cacheDir: string | null = null;
  private cacheStatus: IndexCacheStatus | undefined;
  private status: CorpusStatus = { state: 'starting', corpusPaths: [], documents: 0, statements: 0, problems: [], configProblems: [] };
  /** The check as you type: the engine's, piece by piece, equal to a full check. */
  private readonly incremental = new IncrementalCheck();
  private readonly checked = new Map<string, Checked>();
  /** The run number of the background check of each document, while one runs. */
  private readonly inFlight = new Map<string, number>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private indexRun = 0;
  private indexing: Promise<void> | null = null;
  private problemUris = new Set<string>();
  private watcherRegistration: Disposable | null = null;
  private corpusChangeTimer: NodeJS.Timeout | null = null;
  private pendingCorpusChanges = new Map<string, FileChangeType>();
  private stats = { full: 0 };
  private caps = { configuration: false, dynamicConfig: false, dynamicWatch: false, relativePatterns: false, progress: false, codeLensRefresh: false };
  private initOptions: unknown;

  constructor(private readonly connection: Connection) {}

  listen(): void {
    const c = this.connection;
    c.onInitialize((p) => this.initialize(p));
    c.onInitialized(() => void this.initialized());
    c.onDidChangeConfiguration(() => void this.reloadConfiguration());
    c.onDidChangeWatchedFiles((p) => {
      for (const ch of p.changes) this.onFileChanged(ch.uri, ch.type);
    });
    c.onHover((p) => this.guard('hover', () => {
      const f = this.findingAt(p.textDocument.uri, p.position);
      return f ? { contents: { kind: 'markdown', value: renderHover(f) }, range: f.range } : null;
    }, null));
    c.onDefinition((p) => this.guard('definition', () => {
      const f = this.findingAt(p.textDocument.uri, p.position);
      if (!f) return null;
      const sources = f.source ? [f.source, ...f.otherSources] : f.otherSources;
      return sources.map((s): Location => ({ uri: pathToFileURL(s.path).toString(), range: s.range }));
    }, null));
    c.onCodeLens((p) => this.guard('codeLens', () => this.codeLenses(p.textDocument.uri), []));
    c.onCodeAction((p) => this.guard('codeAction', () => this.codeActions(p.textDocument.uri, p.range, p.context.diagnostics), []));
    c.onExecuteCommand((p) => this.executeCommand(p.command, p.arguments ?? []));
    // TextDocuments reports an open as a content change too: check a just-opened draft at once,
    // and wait for the debounce only while the writer types.
    const justOpened = new Set<string>();
    this.documents.onDidOpen((e) => justOpened.add(e.document.uri));
    this.documents.onDidChangeContent((e) => this.schedule(e.document.uri, justOpened.delete(e.document.uri) ? 0 : this.settings.debounce));
    this.documents.onDidClose((e) => {
      this.clearTimer(e.document.uri);
      this.checked.delete(e.document.uri);
      if (!this.problemUris.has(e.document.uri)) void c.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
    });
    this.documents.listen(c);
    c.listen();
  }

  // ---- lifecycle -------------------------------------------------------------------------

  private initialize(params: InitializeParams): InitializeResult {
    const folder = params.workspaceFolders?.[0]?.uri ?? params.rootUri ?? null;
    if (folder) this.root = uriToPath(folder);
    else if (params.rootPath) this.root = params.rootPath;
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
    };
    this.initOptions = params.initializationOptions;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        hoverProvider: true,
        definitionProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
        codeLensProvider: { resolveProvider: false },
        executeCommandProvider: { commands: Object.values(ServerCommands) },
        workspace: { workspaceFolders: { supported: true } },
      },
      serverInfo: { name: 'verbatim-ls', version: SERVER_VERSION },
    };
  }

  private async initialized(): Promise<void> {
    if (this.caps.dynamicConfig) {
      await this.connection.client.register(DidChangeConfigurationNotification.type, { section: 'verbatim' }).catch(() => undefined);
    }
    await this.reloadConfiguration(true);
  }

  private async fetchSettings(): Promise<Settings> {
    if (this.caps.configuration) {
      try {
        return normalizeSettings(await this.connection.workspace.getConfiguration('verbatim'));
      } catch {
        /* fall through */
      }
    }
    const init = this.initOptions as { settings?: unknown } | undefined;
    return normalizeSettings(init?.settings ?? init);
  }

  /** Restricted Mode: the client says the workspace is not trusted (`trusted: false`); other editors are trusted. */
  private restricted(): boolean {
    return (this.initOptions as { trusted?: unknown } | null | undefined)?.trusted === false;
  }

  /** Reads the config file and the settings; re-indexes when the corpus paths or speakers changed. */
  private async reloadConfiguration(first = false): Promise<void> {
    this.settings = await this.fetchSettings();
    const configFile = path.resolve(this.root, this.settings.configFile);
    // The settings' config file is read when it exists; without one the defaults apply, silently
    // (a missing verbatim.json is the usual case, not a problem).
    const ws = openWorkspace(this.root, { configFile: fs.existsSync(configFile) ? configFile : undefined, corpus: this.settings.corpus, severity: this.settings.severity, restricted: this.restricted() });
    const corpusChanged =
      first || JSON.stringify(ws.corpusPaths) !== JSON.stringify(this.ws.corpusPaths) || JSON.stringify(ws.archives) !== JSON.stringify(this.ws.archives) || JSON.stringify(ws.speakers) !== JSON.stringify(this.ws.speakers);
    const severitiesChanged = JSON.stringify(ws.severities) !== JSON.stringify(this.ws.severities) || JSON.stringify(ws.hidden) !== JSON.stringify(this.ws.hidden);
    this.ws = ws;
    this.useArchive(ws.archives[0] ?? null);
    this.publishConfigProblems(configFile);
    await this.registerWatchers(configFile);
    if (corpusChanged) {
      await this.reindex();
    } else {
      if (severitiesChanged) this.invalidate();
      this.sendStatus();
      this.recheckAll();
    }
  }

  /** Opens the archive the corpus names (closing one it no longer names); its status changes go to the status bar. */
  private useArchive(url: string | null): void {
    if ((this.archive?.url ?? null) === url) return;
    void this.archive?.close();
    this.archiveLookup = undefined;
    this.archive = url
      ? new ArchiveClient(url, {
          speakers: this.ws.speakers,
          onStatus: (archive) => {
            this.status = { ...this.status, archive };
            this.sendStatus();
            // Back after a fault: the open drafts are checked against it again (their last
            // results, made without it, are forgotten; paragraphs are cached per archive state).
            if (archive.state === 'ready') {
              this.checked.clear();
              this.recheckAll();
            }
          },
        })
      : null;
  }

  private publishConfigProblems(configFile: string): void {
    const uri = pathToFileURL(configFile).toString();
    if (!fs.existsSync(configFile) && !this.problemUris.has(uri)) return;
    void this.connection.sendDiagnostics({
      uri,
      diagnostics: this.ws.problems.map((message) => ({
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        severity: 1,
        source: SOURCE,
        code: 'config',
        message,
      })),
    });
  }

  private async registerWatchers(configFile: string): Promise<void> {
    if (!this.caps.dynamicWatch) return;
    const watchers: FileSystemWatcher[] = [];
    const kind = WatchKind.Create | WatchKind.Change | WatchKind.Delete;
    const add = (base: string, pattern: string) => {
      if (this.caps.relativePatterns) watchers.push({ globPattern: { baseUri: pathToFileURL(base).toString(), pattern }, kind });
      else {
        const rel = path.relative(this.root, path.join(base, pattern)).split(path.sep).join('/');
        watchers.push({ globPattern: rel.startsWith('..') ? path.join(base, pattern) : rel, kind });
      }
    };
    for (const p of this.ws.corpusPaths) {
      // Watch from the parent, so a corpus folder that does not exist yet is seen when created.
      add(path.dirname(p), path.basename(p));
      add(path.dirname(p), `${path.basename(p)}/**`);
    }
    add(path.dirname(configFile), path.basename(configFile));
    const old = this.watcherRegistration;
    this.watcherRegistration = null;
    await old?.dispose();
    try {
      this.watcherRegistration = await this.connection.client.register(DidChangeWatchedFilesNotification.type, { watchers });
    } catch (e) {
      this.connection.console.warn(`verbatim: could not watch the corpus: ${String(e)}`);
    }
  }

  // ---- corpus ----------------------------------------------------------------------------

  /**
   * Loads the whole index: through the persisted cache (only changed files are read again)
   * unless `fresh`, when every file is read anew. Reports work-done progress; checks every
   * open draft when done.
   */
  reindex(fresh = false): Promise<void> {
    const run = ++this.indexRun;
    const job = this.doReindex(run, fresh).catch((e) => {
      this.connection.console.error(`verbatim: indexing failed: ${e instanceof Error ? e.stack : String(e)}`);
    });
    this.indexing = job.finally(() => {
      if (this.indexRun === run) this.indexing = null;
    });
    return this.indexing;
  }

  private async doReindex(run: number, fresh: boolean): Promise<void> {
    const existing = this.ws.corpusPaths.filter((p) => fs.existsSync(p));
    if (!existing.length && !this.archive) {
      this.replaceCorpus(null);
      this.cacheStatus = undefined;
      this.invalidate();
      this.setStatus('noCorpus');
      this.publishCorpusProblems();
      this.recheckAll();
      return;
    }
    this.setStatus('indexing', { done: 0, total: 0 });
    let progress: WorkDoneProgressReporter | null = null;
    if (this.caps.progress) {
      progress = await this.connection.window.createWorkDoneProgress().catch(() => null);
      progress?.begin('Verbatim: indexing sources', 0, undefined, false);
    }
        // In slices of a few files, giving the event loop back between them, so progress reaches
    // the client while it runs and hovers and edits are still answered.
    const options = corpusOptionsFor(this.ws, storagePathOf(this.initOptions));
    this.cacheDir = options.cacheDir ?? null;
    const steps = loadCorpusSteps(existing, { ...options, ignoreCache: fresh });
    let lastReport = 0;
    let sliceStart = Date.now();
    let step = steps.next();
    while (!step.done) {
      if (Date.now() - sliceStart >= 15) {
        await new Promise((r) => setImmediate(r));
        sliceStart = Date.now();
        if (run !== this.indexRun) {
          steps.return(undefined as never); // closes the half-built corpus
          progress?.done();
          return; // a newer rebuild superseded this one
        }
      }
      const { done, total } = step.value;
      if (sliceStart - lastReport > 100 || done === total) {
        lastReport = sliceStart;
        this.status.done = done;
        this.status.total = total;
        progress?.report(Math.round((done / total) * 100), `${done}/${total} files`);
        this.sendStatus();
      }
      step = steps.next();
    }
    progress?.done();
    const { corpus, cache } = step.value;
    if (run !== this.indexRun) {
      corpus.close();
      return; // a newer rebuild superseded this one
    }
    this.replaceCorpus(corpus);
    this.cacheStatus = this.cacheDir ? { folder: this.cacheDir, ...cache } : undefined;
    this.invalidate();
    this.setStatus(corpus.documents.length || corpus.problems.length || this.archive ? 'ready' : 'noCorpus');
    this.publishCorpusProblems();
    this.recheckAll();
  }

  /** A check still running on the old corpus is cancelled by the swap; its open files are closed. */
  private replaceCorpus(corpus: Corpus | null): void {
    const old = this.corpus;
    this.corpus = corpus;
    if (old && old !== corpus) old.close();
  }

  /** Forgets every cached result: the corpus, the config or the severities changed. */
  private invalidate(): void {
    this.incremental.invalidate();
    this.checked.clear();
  }

  private setStatus(state: CorpusStatus['state'], extra: Partial<CorpusStatus> = {}): void {
    // The folder to offer: a configured corpus folder that does not exist yet, else sources/.
    const sources = this.ws.corpusPaths.find((p) => !fs.existsSync(p) && !path.extname(p)) ?? path.join(this.root, 'sources');
    this.status = {
      state,
      corpusPaths: this.ws.corpusPaths,
      documents: this.corpus?.documents.length ?? 0,
      statements: this.corpus?.statementCount ?? 0,
      problems: this.corpus?.problems.map((p) => ({ path: p.path, message: p.message })) ?? [],
      configProblems: this.ws.problems,
      suggestedCorpusFolder: state === 'noCorpus' ? sources : undefined,
      cache: this.cacheStatus,
      ...(this.archive ? { archive: this.archive.status } : {}),
      ...extra,
    };
    this.sendStatus();
  }

  private sendStatus(): void {
    void this.connection.sendNotification(StatusNotification, this.status);
  }

  private publishCorpusProblems(): void {
    const byUri = new Map<string, Diagnostic[]>();
    for (const p of this.corpus?.problems ?? []) {
      const uri = pathToFileURL(p.path).toString();
      const list = byUri.get(uri) ?? [];
      list.push({
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        severity: 2,
        source: SOURCE,
        code: 'corpus',
        message: `Verbatim could not read this source file: ${p.message}`,
      });
      byUri.set(uri, list);
    }
    for (const uri of this.problemUris) if (!byUri.has(uri)) void this.connection.sendDiagnostics({ uri, diagnostics: [] });
    for (const [uri, diagnostics] of byUri) void this.connection.sendDiagnostics({ uri, diagnostics });
    this.problemUris = new Set(byUri.keys());
  }

  private onFileChanged(uri: string, type: FileChangeType): void {
    if (!uri.startsWith('file:')) return;
    const file = fileURLToPath(uri);
    const configFile = path.resolve(this.root, this.settings.configFile);
    if (file === configFile) {
      void this.reloadConfiguration();
      return;
    }
    if (this.cacheDir && (file === this.cacheDir || file.startsWith(this.cacheDir + path.sep))) return; // our own index files
    if (!this.ws.corpusPaths.includes(file) && !(isInCorpus(this.ws, file) && (SOURCE_EXTENSIONS.has(path.extname(file).toLowerCase()) || type === FileChangeType.Deleted))) return;
    this.pendingCorpusChanges.set(file, type);
    if (this.corpusChangeTimer) clearTimeout(this.corpusChangeTimer);
    this.corpusChangeTimer = setTimeout(() => void this.applyCorpusChanges(), 150);
  }

  /** Re-indexes changed corpus files one by one (a full rebuild only when there was no corpus). */
  private async applyCorpusChanges(): Promise<void> {
    this.corpusChangeTimer = null;
    const changes = [...this.pendingCorpusChanges];
    this.pendingCorpusChanges.clear();
    if (this.indexing) await this.indexing;
    if (!this.corpus) {
      await this.reindex();
      return;
    }
    const corpus = this.corpus;
    for (const [file, type] of changes) {
      try {
        if (type === FileChangeType.Deleted || !fs.existsSync(file)) {
          const under = corpus.documents.filter((d) => d.path === file || d.path.startsWith(file + path.sep));
          if (under.length) for (const d of under) corpus.removeFile(d.path);
          else corpus.removeFile(file);
        } else if (fs.statSync(file).isFile()) {
          corpus.updateFile(file);
        }
      } catch (e) {
        this.connection.console.error(`verbatim: could not re-index ${file}: ${String(e)}`);
      }
    }
    this.invalidate();
    this.setStatus(corpus.documents.length || corpus.problems.length ? 'ready' : 'noCorpus');
    this.publishCorpusProblems();
    this.recheckAll();
  }

  // ---- checking --------------------------------------------------------------------------

  private formatOf(doc: TextDocument): 'markdown' | 'plaintext' {
    return draftFormat(uriToPath(doc.uri), doc.languageId);
  }

  private wants(doc: TextDocument): boolean {
    if (!this.settings.languages.includes(doc.languageId)) return false;
    return !isInCorpus(this.ws, uriToPath(doc.uri));
  }

  private clearTimer(uri: string): void {
    const t = this.timers.get(uri);
    if (t) clearTimeout(t);
    this.timers.delete(uri);
  }

  private schedule(uri: string, delay: number): void {
    this.clearTimer(uri);
    this.timers.set(uri, setTimeout(() => {
      this.timers.delete(uri);
      this.publish(uri);
    }, delay));
  }

  private recheckAll(): void {
    for (const doc of this.documents.all()) this.schedule(doc.uri, 0);
    if (this.caps.codeLensRefresh) void this.connection.sendRequest('workspace/codeLens/refresh').catch(() => undefined);
  }

  /** A lens over each verified quote (its source at a glance); issues have their diagnostics. */
  private codeLenses(uri: string): CodeLens[] {
    const doc = this.documents.get(uri);
    if (!doc || !this.settings.codeLens || !this.wants(doc) || this.status.state !== 'ready') return [];
    const lenses: CodeLens[] = [];
    for (const f of this.findings(doc)) {
      if (f.ignored || !f.source || (f.verdict !== 'verified' && f.verdict !== 'supported')) continue;
      const src = f.source;
      const where = [src.title ?? path.basename(src.path), src.date].filter(Boolean).join(', ');
      lenses.push({
        range: { start: f.range.start, end: f.range.start },
        command: {
          title: `✓ ${f.verdict === 'verified' ? 'Verified' : 'Supported'}: ${src.speaker}, ${where}`,
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
    let findings: Finding[] = [];
    if (this.corpus && this.status.state === 'ready' && text.length <= MAX_DRAFT_CHARS) {
      const file = uriToPath(doc.uri);
      findings = this.incremental.check(text, file, this.corpus, { ...checkOptionsFor(this.ws, file, doc.languageId), archive: this.archiveLookup }, this.archiveKey());
    }
    this.checked.set(doc.uri, { version: doc.version, findings, text });
    return findings;
  }

  private publish(uri: string): void {
    const doc = this.documents.get(uri);
    if (!doc) return;
    if (!this.wants(doc) || this.status.state === 'noCorpus') {
      if (!this.problemUris.has(uri)) void this.connection.sendDiagnostics({ uri, diagnostics: [] });
      return;
    }
    if (this.status.state !== 'ready') return; // indexing: checked again when it is done
    const text = doc.getText();
    if (text.length > MAX_DRAFT_CHARS) {
      // Never a silent cut-off: say what was not checked and how to check it.
      const message = `Verbatim did not check this document as you type: it is ${(text.length / 1e6).toFixed(1)} million characters, over the ${MAX_DRAFT_CHARS / 1e6} million limit. Split it, or run "verbatim check" on it to check its first million characters.`;
      void this.connection.sendDiagnostics({ uri, version: doc.version, diagnostics: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity: 3, source: 'verbatim', code: 'too-large', message }] });
      return;
    }
    const prev = this.checked.get(uri);
    if (prev && prev.version === doc.version) {
      this.send(doc.uri, doc.version, text, prev.findings);
      return;
    }
    void this.publishWhenChecked(doc, text);
  }

  /** What the archive adds to a check's result, for the incremental check's cache: results with and without its candidates differ. */
  private archiveKey(archive = this.archiveLookup): string {
    return !archive ? '' : 'corpus' in archive ? `archive:${this.archive?.generation ?? 0}` : 'archive:unreachable';
  }

  /** Asks the archive (when there is one) for the candidates of all the quotes of a text: one round trip, within its deadline. */
  private async lookupArchive(text: string, file: string, languageId: string): Promise<ArchiveLookup | undefined> {
    if (!this.archive) return undefined;
    this.archiveLookup = await this.archive.lookup(draftQuoteTokens(prepareDraft(text, file, checkOptionsFor(this.ws, file, languageId))));
    return this.archiveLookup;
  }

  /** Checks a version in slices, in the background; a newer version or a close cancels it. */
  private async publishWhenChecked(doc: TextDocument, text: string): Promise<void> {
    const { uri, version } = doc;
    const run = (this.inFlight.get(uri) ?? 0) + 1;
    this.inFlight.set(uri, run);
    const stale = () => this.inFlight.get(uri) !== run || this.documents.get(uri)?.version !== version;
    try {
      const corpus = this.corpus;
      if (!corpus) return;
      const archive = await this.lookupArchive(text, uriToPath(uri), doc.languageId);
      if (stale()) return;
      const file = uriToPath(uri);
      const steps = this.incremental.steps(text, file, corpus, { ...checkOptionsFor(this.ws, file, doc.languageId), archive }, this.archiveKey(archive));
      let since = Date.now();
      let step = steps.next();
      for (; !step.done; step = steps.next()) {
        if (Date.now() - since < 15) continue;
        // Give the event loop back: hovers and the next keystroke are answered meanwhile.
        await new Promise((resolve) => setImmediate(resolve));
        if (stale()) return; // cancelled: the newer version publishes
        since = Date.now();
      }
      if (stale() || corpus !== this.corpus) return;
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
      verified: findings.filter((f) => !f.ignored && (f.verdict === 'verified' || f.verdict === 'supported')).length,
      ignored: findings.filter((f) => f.ignored).length,
    };
    void this.connection.sendNotification(DocumentSummaryNotification, summary);
  }

  private findingAt(uri: string, pos: { line: number; character: number }): Finding | null {
    const doc = this.documents.get(uri);
    if (!doc || !this.wants(doc) || this.status.state !== 'ready') return null;
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
    const ctx = { uri, configFile: this.configFilePath(), text, format: this.formatOf(doc), lines };
    const findings = this.findings(doc);
    // A fix's offsets hold only in the text its finding was made from (a newer version may be in the works).
    const current = this.checked.get(uri)?.text === text;
    const actions: CodeAction[] = [];
    const seen = new Set<Finding>();
    for (const d of diagnostics) {
      if (d.source !== SOURCE) continue;
      const data = d.data as DiagnosticData | undefined;
      const f = data && data.version === doc.version
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
        case ServerCommands.rebuildIndex:
          await this.reindex(true);
          return this.status;
        case ServerCommands.addStatement:
          return await this.addStatement(args[0] as AddStatementParams);
        case ServerCommands.hideFinding:
          return await this.hideFindingCommand(args[0] as HideFindingParams);
        case ServerCommands.info:
          return this.info();
        default:
          throw new Error(`unknown command ${command}`);
      }
    } catch (e) {
      this.connection.console.error(`verbatim: ${command} failed: ${e instanceof Error ? e.stack : String(e)}`);
      throw e;
    }
  }

  private info(): ServerInfo {
    // V8 collects the old generation lazily, so without a full collection first the heap figure
    // counts garbage too; node exposes gc() only when started with --expose-gc (the soak does).
    const collect = (globalThis as { gc?: () => void }).gc;
    collect?.();
    const { rss, heapUsed } = process.memoryUsage();
    const memory = { rssMb: rss / 2 ** 20, heapUsedMb: heapUsed / 2 ** 20, afterFullGc: collect !== undefined };
    return { pid: process.pid, version: SERVER_VERSION, status: this.status, checks: { full: this.stats.full, pieces: this.incremental.stats.pieces, pieceCacheHits: this.incremental.stats.hits }, memory };
  }

  private corpusSummary() {
    return { documents: this.corpus?.documents.length ?? 0, statements: this.corpus?.statementCount ?? 0, paths: this.ws.corpusPaths.map((p) => path.relative(this.root, p) || '.') };
  }

  /** A full check of one text, the same as the CLI's (no paragraph cache). */
  private async fullCheck(text: string, file: string, languageId?: string): Promise<Finding[]> {
    if (!this.corpus || this.status.state !== 'ready') return [];
    this.stats.full++;
    return (await checkDraftWithArchive(this.ws, this.corpus, this.archive, text, file, languageId)).findings;
  }

  private async checkDocumentCommand(uri: string): Promise<CheckDocumentResult> {
    if (this.indexing) await this.indexing;
    const doc = this.documents.get(uri);
    const file = uriToPath(uri);
    const text = doc ? doc.getText() : readDraft(file);
    const findings = await this.fullCheck(text, file, doc?.languageId);
    if (doc && this.wants(doc)) {
      this.checked.set(uri, { version: doc.version, findings, text });
      this.send(uri, doc.version, text, findings);
    }
    const summary = { ...emptyCounts(), ...summarize([{ path: file, findings: findings.filter((f) => !f.ignored) }]) };
    const corpus = this.corpusSummary();
    const report = buildReport(path.basename(file), [{ path: file, findings }], corpus);
    if (this.status.state === 'noCorpus') {
      report.notices.push(`No corpus yet: put source documents (transcripts, statements, articles) in ${path.relative(this.root, this.status.suggestedCorpusFolder ?? 'sources') || 'sources'}/ or set "corpus" in verbatim.json.`);
    }
    return { uri, path: file, summary, findings, corpus, report };
  }

  private async checkWorkspaceCommand(): Promise<CheckWorkspaceResult> {
    if (this.indexing) await this.indexing;
    const files: CheckWorkspaceResult['files'] = [];
    for (const file of findDrafts(this.ws, [this.root]).files) {
      const uri = pathToFileURL(file).toString();
      const doc = this.documents.get(uri);
      let text: string;
      try {
        if (!doc && fs.statSync(file).size > MAX_DRAFT_CHARS) continue;
        text = doc ? doc.getText() : readDraft(file);
      } catch {
        continue;
      }
      const findings = await this.fullCheck(text, file, doc?.languageId);
      this.send(uri, doc?.version ?? 0, text, findings);
      files.push({ uri, path: file, summary: { ...emptyCounts(), ...summarize([{ path: file, findings: findings.filter((f) => !f.ignored) }]) }, findings });
      await new Promise((r) => setImmediate(r));
    }
    const summary = { ...emptyCounts(), ...summarize(files.map((f) => ({ path: f.path, findings: f.findings.filter((x) => !x.ignored) }))) };
    const corpus = this.corpusSummary();
    const report = buildReport(`workspace (${files.length} draft${files.length === 1 ? '' : 's'})`, files, corpus);
    return { files, summary, corpus, report };
  }

  /** "Hide in this workspace": the finding goes into the config file's `hidden` list, then every draft is checked again. */
  private async hideFindingCommand(params: HideFindingParams): Promise<HideFindingResult> {
    if (!params || typeof params.uri !== 'string' || typeof params.quote !== 'string' || typeof params.verdict !== 'string' || !params.quote.trim()) {
      throw new Error('hideFinding needs the draft\'s uri, the verdict and the quote');
    }
    const configFile = this.configFilePath();
    hideFinding(configFile, { draft: uriToPath(params.uri), verdict: params.verdict, quote: params.quote });
    await this.reloadConfiguration();
    return { configFile };
  }

  /** The config file in force, or the one the settings name (created by the first hidden finding). */
  private configFilePath(): string {
    return this.ws.configFile ?? path.resolve(this.root, this.settings.configFile);
  }

  private async addStatement(params: AddStatementParams): Promise<AddStatementResult> {
    if (!params || typeof params.speaker !== 'string' || typeof params.text !== 'string' || !params.speaker.trim() || !params.text.trim()) {
      throw new Error('addStatement needs a speaker and a text');
    }
    let dir = this.ws.corpusPaths.find((p) => fs.existsSync(p) && fs.statSync(p).isDirectory());
    if (!dir) {
      dir = this.ws.corpusPaths.find((p) => !fs.existsSync(p) && !path.extname(p)) ?? path.join(this.root, 'sources');
      fs.mkdirSync(dir, { recursive: true });
    }
    const file = path.join(dir, 'added-statements.jsonl');
    const record: Record<string, string> = { speaker: params.speaker.trim(), text: params.text.trim() };
    if (params.title) record.title = params.title;
    if (params.url) record.url = params.url;
    record.date = params.date ?? new Date().toISOString().slice(0, 10);
    const prefix = fs.existsSync(file) && !fs.readFileSync(file, 'utf8').endsWith('\n') && fs.statSync(file).size > 0 ? '\n' : '';
    fs.appendFileSync(file, prefix + JSON.stringify(record) + '\n');
    if (this.indexing) await this.indexing;
    if (this.corpus && this.ws.corpusPaths.some((p) => fs.existsSync(p))) {
      this.corpus.updateFile(file);
      this.invalidate();
      this.setStatus('ready');
      this.publishCorpusProblems();
      this.recheckAll();
    } else {
      await this.reindex();
    }
    return { path: file, status: this.status };
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

function overlaps(a: { start: { line: number; character: number }; end: { line: number; character: number } }, b: { start: { line: number; character: number }; end: { line: number; character: number } }): boolean {
  const before = (p: { line: number; character: number }, q: { line: number; character: number }) => p.line < q.line || (p.line === q.line && p.character < q.character);
  return !before(a.end, b.start) && !before(b.end, a.start);
}

/** A draft not open in the editor, from disk, read as the CLI reads it (decodeDraft). */
function readDraft(file: string): string {
  const decoded = decodeDraft(fs.readFileSync(file));
  if ('problem' in decoded) throw new Error(`${path.basename(file)}: ${decoded.problem}`);
  return decoded.text;
}
