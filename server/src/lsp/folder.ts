// One workspace folder as the server keeps it: its settings, its `verbatim.json`, its corpus
// and index cache, its archive, and the incremental check of the drafts that belong to it. A
// multi-root workspace has one of these per folder, so each folder is checked against its own
// sources (the engine's `openWorkspace` reads a folder's config; nothing here decides a verdict).
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { Connection, Diagnostic, FileChangeType, FileSystemWatcher, WatchKind, WorkDoneProgressReporter } from 'vscode-languageserver';
import { Corpus, corpusDrift, IncrementalCheck, isInCorpus, loadCorpusSteps, corpusOptionsFor, openWorkspace, SOURCE_EXTENSIONS, type Workspace } from '../engine';
import { ArchiveClient, type ArchiveLookup } from '../engine';
import { storagePathOf } from './cacheFolder';
import { SOURCE } from './diagnostics';
import { CorpusStatus, IndexCacheStatus, StatusNotification } from './protocol';
import type { Settings } from './settings';

/** What a folder needs from the server around it. */
export interface FolderHost {
  readonly connection: Connection;
  /** The client shows progress for work-done tokens (and not through the status bar item). */
  readonly progress: boolean;
  readonly relativePatterns: boolean;
  readonly initOptions: unknown;
  restricted(): boolean;
  fetchSettings(folder: ProjectFolder): Promise<Settings>;
  /** The folder's corpus, config or archive changed: its drafts' results are stale (`forget`) and are checked again. */
  changed(folder: ProjectFolder, forget: boolean): void;
  /** The folder's files to watch changed. */
  watchersChanged(): void;
}

export class ProjectFolder {
  settings: Settings;
  /** The workspace as the engine reads it: config, settings over it, corpus paths, severities. */
  ws: Workspace;
  /** The newsroom's archive, when the corpus names one (a postgresql:// entry): read-only, with a deadline. */
  archive: ArchiveClient | null = null;
  /** What the archive gave the last check: the piece checks of that version use it. */
  archiveLookup: ArchiveLookup | undefined;
  corpus: Corpus | null = null;
  /** Where the corpus index is persisted, or null (see cacheFolder.ts). */
  cacheDir: string | null = null;
  status: CorpusStatus;
  /** The check as you type: the engine's, piece by piece, equal to a full check. */
  readonly incremental = new IncrementalCheck();
  indexing: Promise<void> | null = null;
  private cacheStatus: IndexCacheStatus | undefined;
  private indexRun = 0;
  private problemUris = new Set<string>();
  private corpusChangeTimer: NodeJS.Timeout | null = null;
  private pendingCorpusChanges = new Map<string, FileChangeType>();
  private closed = false;

  constructor(
    readonly root: string,
    readonly uri: string | null,
    private readonly host: FolderHost,
    settings: Settings,
  ) {
    this.settings = settings;
    this.ws = { root, configFile: null, corpusPaths: [], archives: [], speakers: {}, severities: {}, hidden: [], problems: [] };
    this.status = { state: 'starting', folder: root, corpusPaths: [], documents: 0, statements: 0, problems: [], configProblems: [] };
  }

  /** Whether a file lies in this folder. */
  contains(file: string): boolean {
    const rel = path.relative(this.root, file);
    return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
  }

  /** The config file the settings name (it may not exist yet). */
  settingsConfigFile(): string {
    return path.resolve(this.root, this.settings.configFile);
  }

  /** The config file in force, or the one the settings name (created by the first hidden finding). */
  configFilePath(): string {
    return this.ws.configFile ?? this.settingsConfigFile();
  }

  /** A source file of this folder's corpus (drafts there are not checked). */
  inCorpus(file: string): boolean {
    return isInCorpus(this.ws, file);
  }

  /** Reads the config file and the settings; re-indexes when the corpus paths or speakers changed. */
  async reload(first = false): Promise<void> {
    const watchedBefore = first ? null : JSON.stringify(this.watchers());
    this.settings = await this.host.fetchSettings(this);
    if (this.closed) return;
    const configFile = this.settingsConfigFile();
    // The settings' config file is read when it exists; without one the defaults apply, silently
    // (a missing verbatim.json is the usual case, not a problem).
    const ws = openWorkspace(this.root, {
      configFile: fs.existsSync(configFile) ? configFile : undefined,
      corpus: this.settings.corpus,
      severity: this.settings.severity,
      restricted: this.host.restricted(),
    });
    const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
    const corpusChanged = first || !same(ws.corpusPaths, this.ws.corpusPaths) || !same(ws.archives, this.ws.archives) || !same(ws.speakers, this.ws.speakers);
    const severitiesChanged = !same(ws.severities, this.ws.severities) || !same(ws.hidden, this.ws.hidden);
    this.ws = ws;
    this.useArchive(ws.archives[0] ?? null);
    this.publishConfigProblems(configFile);
    // Registered again only when what to watch changed (the corpus paths, the config file the settings name).
    if (JSON.stringify(this.watchers()) !== watchedBefore) this.host.watchersChanged();
    if (corpusChanged) {
      await this.reindex();
    } else {
      if (severitiesChanged) this.incremental.invalidate();
      this.sendStatus();
      this.host.changed(this, severitiesChanged);
    }
  }

  /** What to watch: the corpus paths (from their parents, so a folder made later is seen) and the config file. */
  watchers(): FileSystemWatcher[] {
    const watchers: FileSystemWatcher[] = [];
    const kind = WatchKind.Create | WatchKind.Change | WatchKind.Delete;
    const add = (base: string, pattern: string) => {
      if (this.host.relativePatterns) watchers.push({ globPattern: { baseUri: pathToFileURL(base).toString(), pattern }, kind });
      else {
        const rel = path.relative(this.root, path.join(base, pattern)).split(path.sep).join('/');
        watchers.push({ globPattern: rel.startsWith('..') ? path.join(base, pattern) : rel, kind });
      }
    };
    for (const p of this.ws.corpusPaths) {
      add(path.dirname(p), path.basename(p));
      add(path.dirname(p), `${path.basename(p)}/**`);
    }
    const configFile = this.settingsConfigFile();
    add(path.dirname(configFile), path.basename(configFile));
    return watchers;
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
            // results, made without it, are forgotten; pieces are cached per archive state).
            if (archive.state === 'ready') this.host.changed(this, true);
          },
        })
      : null;
  }

  /** What the archive adds to a check's result, for the incremental check's cache: results with and without its candidates differ. */
  archiveKey(archive = this.archiveLookup): string {
    return !archive ? '' : 'corpus' in archive ? `archive:${this.archive?.generation ?? 0}` : 'archive:unreachable';
  }

  private publishConfigProblems(configFile: string): void {
    const uri = pathToFileURL(configFile).toString();
    if (!fs.existsSync(configFile) && !this.problemUris.has(uri)) return;
    void this.host.connection.sendDiagnostics({
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

  // ---- corpus ----------------------------------------------------------------------------

  /**
   * Loads the whole index: through the persisted cache (only changed files are read again)
   * unless `fresh`, when every file is read anew. Reports work-done progress; checks every
   * open draft of the folder when done.
   */
  reindex(fresh = false): Promise<void> {
    const run = ++this.indexRun;
    const job = this.doReindex(run, fresh).catch((e) => {
      this.host.connection.console.error(`verbatim: indexing ${this.root} failed: ${e instanceof Error ? e.stack : String(e)}`);
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
      this.incremental.invalidate();
      this.setStatus('noCorpus');
      this.publishCorpusProblems();
      this.host.changed(this, true);
      return;
    }
    this.setStatus('indexing', { done: 0, total: 0 });
    let progress: WorkDoneProgressReporter | null = null;
    if (this.host.progress) {
      progress = await this.host.connection.window.createWorkDoneProgress().catch(() => null);
      progress?.begin('Verbatim: indexing sources', 0, undefined, false);
    }
    // In slices of a few files, giving the event loop back between them, so progress reaches
    // the client while it runs and hovers and edits are still answered.
    const options = corpusOptionsFor(this.ws, storagePathOf(this.host.initOptions));
    this.cacheDir = options.cacheDir ?? null;
    const steps = loadCorpusSteps(existing, { ...options, ignoreCache: fresh });
    let lastReport = 0;
    let sliceStart = Date.now();
    let step = steps.next();
    while (!step.done) {
      if (Date.now() - sliceStart >= 15) {
        await new Promise((r) => setImmediate(r));
        sliceStart = Date.now();
        if (run !== this.indexRun || this.closed) {
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
    if (run !== this.indexRun || this.closed) {
      corpus.close();
      return; // a newer rebuild superseded this one
    }
    this.replaceCorpus(corpus);
    this.cacheStatus = this.cacheDir ? { folder: this.cacheDir, ...cache } : undefined;
    this.incremental.invalidate();
    this.setStatus(corpus.documents.length || corpus.problems.length || this.archive ? 'ready' : 'noCorpus');
    this.publishCorpusProblems();
    this.host.changed(this, true);
  }

  /** A check still running on the old corpus is cancelled by the swap; its open files are closed. */
  private replaceCorpus(corpus: Corpus | null): void {
    const old = this.corpus;
    this.corpus = corpus;
    if (old && old !== corpus) old.close();
  }

  setStatus(state: CorpusStatus['state'], extra: Partial<CorpusStatus> = {}): void {
    // The folder to offer: a configured corpus folder that does not exist yet, else sources/.
    const sources = this.ws.corpusPaths.find((p) => !fs.existsSync(p) && !path.extname(p)) ?? path.join(this.root, 'sources');
    this.status = {
      state,
      folder: this.root,
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

  sendStatus(): void {
    if (!this.closed) void this.host.connection.sendNotification(StatusNotification, this.status);
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
    for (const uri of this.problemUris) if (!byUri.has(uri)) void this.host.connection.sendDiagnostics({ uri, diagnostics: [] });
    for (const [uri, diagnostics] of byUri) void this.host.connection.sendDiagnostics({ uri, diagnostics });
    this.problemUris = new Set(byUri.keys());
  }

  /** Whether the folder shows diagnostics of its own (a source file it could not read) on this uri. */
  hasProblemsAt(uri: string): boolean {
    return this.problemUris.has(uri);
  }

  /** A watched file changed: the config (reload) or a source file of this folder's corpus (re-index it). False if it is neither. */
  onFileChanged(file: string, type: FileChangeType): boolean {
    if (file === this.settingsConfigFile()) {
      void this.reload();
      return true;
    }
    if (this.cacheDir && (file === this.cacheDir || file.startsWith(this.cacheDir + path.sep))) return true; // our own index files
    if (!this.ws.corpusPaths.includes(file) && !(isInCorpus(this.ws, file) && (SOURCE_EXTENSIONS.has(path.extname(file).toLowerCase()) || type === FileChangeType.Deleted || isFolder(file))))
      return false;
    this.pendingCorpusChanges.set(file, type);
    this.scheduleCorpusChanges();
    return true;
  }

  private scheduleCorpusChanges(): void {
    if (this.corpusChangeTimer) clearTimeout(this.corpusChangeTimer);
    this.corpusChangeTimer = setTimeout(() => void this.applyCorpusChanges(), 150);
  }

  /**
   * Compares the corpus on disk with the index and re-reads what differs. The editor's watcher
   * does not report what changed while it was starting (after the first listing), so the server
   * calls this once the watcher is registered.
   */
  async catchUp(): Promise<void> {
    if (this.indexing) await this.indexing;
    if (this.closed) return;
    if (!this.corpus) {
      if (this.ws.corpusPaths.some((p) => fs.existsSync(p))) await this.reindex();
      return;
    }
    const drift = corpusDrift(this.corpus, this.ws.corpusPaths);
    for (const file of drift.changed) this.pendingCorpusChanges.set(file, FileChangeType.Changed);
    for (const file of drift.removed) this.pendingCorpusChanges.set(file, FileChangeType.Deleted);
    if (drift.changed.length || drift.removed.length) {
      this.host.connection.console.info(`verbatim: ${drift.changed.length + drift.removed.length} source file(s) changed while the file watcher started; re-indexing them`);
      this.scheduleCorpusChanges();
    }
  }

  /** Re-indexes changed corpus files one by one (a full rebuild only when there was no corpus). */
  private async applyCorpusChanges(): Promise<void> {
    this.corpusChangeTimer = null;
    const changes = [...this.pendingCorpusChanges];
    this.pendingCorpusChanges.clear();
    if (this.indexing) await this.indexing;
    if (this.closed) return;
    if (!this.corpus) {
      await this.reindex();
      return;
    }
    const corpus = this.corpus;
    for (const [file, type] of changes) {
      try {
        if (type === FileChangeType.Deleted || !fs.existsSync(file)) {
          for (const known of [...corpus.files.keys()]) if (known === file || known.startsWith(file + path.sep)) corpus.removeFile(known);
        } else if (fs.statSync(file).isFile()) {
          corpus.updateFile(file);
        } else {
          // A folder made, copied or moved in: the watcher reports the folder, not the files in it.
          const drift = corpusDrift(corpus, [file]);
          for (const known of drift.changed) corpus.updateFile(known);
          for (const known of drift.removed) if (known.startsWith(file + path.sep)) corpus.removeFile(known);
        }
      } catch (e) {
        this.host.connection.console.error(`verbatim: could not re-index ${file}: ${String(e)}`);
      }
    }
    this.corpusUpdated();
  }

  /** After the corpus changed in place (a file re-read, a statement added): new status, results forgotten, drafts checked again. */
  corpusUpdated(): void {
    const corpus = this.corpus;
    this.incremental.invalidate();
    this.setStatus(corpus && (corpus.documents.length || corpus.problems.length) ? 'ready' : 'noCorpus');
    this.publishCorpusProblems();
    this.host.changed(this, true);
  }

  corpusSummary() {
    return { documents: this.corpus?.documents.length ?? 0, statements: this.corpus?.statementCount ?? 0, paths: this.ws.corpusPaths.map((p) => path.relative(this.root, p) || '.') };
  }

  /** The folder left the workspace: its corpus, archive and diagnostics go. */
  close(): void {
    this.closed = true;
    this.indexRun++;
    if (this.corpusChangeTimer) clearTimeout(this.corpusChangeTimer);
    void this.archive?.close();
    this.archive = null;
    for (const uri of this.problemUris) void this.host.connection.sendDiagnostics({ uri, diagnostics: [] });
    this.problemUris.clear();
    this.replaceCorpus(null);
  }
}

function isFolder(file: string): boolean {
  try {
    return fs.statSync(file).isDirectory();
  } catch {
    return false;
  }
}
