// Loading a corpus: through the persisted index in a cache folder (cache.ts) when there is one,
// else every file read anew. Apart from corpus.ts so that the cache, which builds a Corpus,
// and the corpus do not import each other.
import * as fs from 'fs';
import * as path from 'path';
import type { CorpusProblem } from '../types';
import { Corpus, listSourceFiles, type CorpusOptions, type FileEntry } from './corpus';
import { loadCache, saveCache } from './cache';
import { ParallelReader, readThreads } from './parallelRead';
import { closeDocumentThread } from './documentThread';
import { hashOf } from './sourceFile';

/** What `loadCorpus` did with the cache, for progress lines and the bench. */
export interface CacheReport {
  /** 'none' without a cache folder; 'cold' when nothing usable was there; 'warm' when it was used. */
  state: 'none' | 'cold' | 'warm';
  /** Why a cache was not used (missing, version, corrupt: …). */
  reason?: string;
  reused: number;
  reread: number;
  removed: number;
  saved: boolean;
  /** Milliseconds per phase of the load: listing the files, reading them (readers, speakers, word ids; a warm load's checks), building the candidate index (when saved), saving. */
  phases?: { listMs: number; readMs: number; indexMs: number; saveMs: number };
}

/** Reads every source file under `paths` into a new corpus (through the cache when `options.cacheDir` is set). */
export function loadCorpus(paths: string[], options: CorpusOptions = {}): Corpus {
  return loadCorpusReport(paths, options).corpus;
}

/** `loadCorpus`, telling what it did with the cache. */
export function loadCorpusReport(paths: string[], options: CorpusOptions = {}): { corpus: Corpus; cache: CacheReport } {
  const steps = loadCorpusSteps(paths, options);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** Why `dir` cannot hold the index (made here when missing), or null when it can. */
function cacheDirProblem(dir: string): CorpusProblem | null {
  try {
    fs.mkdirSync(dir, { recursive: true });
    fs.accessSync(dir, fs.constants.W_OK | fs.constants.R_OK);
    return null;
  } catch (error) {
    return { path: path.resolve(dir), message: `cannot keep the index cache here (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}): indexed without a cache` };
  }
}

/** How far a load has come: files looked at (read, or reused from the cache) of all. */
export interface LoadProgress {
  done: number;
  total: number;
}

/**
 * `loadCorpusReport` one file at a time: yields after each file, so a caller that must stay
 * responsive (the language server) can give the event loop back between files, or give up
 * by calling `return()` (the half-built corpus is then closed).
 */
export function* loadCorpusSteps(paths: string[], requested: CorpusOptions = {}): Generator<LoadProgress, { corpus: Corpus; cache: CacheReport }, void> {
  const started = performance.now();
  const walkProblems: CorpusProblem[] = [];
  // A cache folder that cannot be written (a read-only home, another user's folder) is said
  // once, and the corpus is indexed without it rather than failing.
  const unusable = requested.cacheDir ? cacheDirProblem(requested.cacheDir) : null;
  if (unusable) walkProblems.push(unusable);
  const options: CorpusOptions = unusable ? { ...requested, cacheDir: undefined } : requested;
  const files = listSourceFiles(paths, walkProblems);
  const phases = { listMs: performance.now() - started, readMs: 0, indexMs: 0, saveMs: 0 };
  const report: CacheReport = { state: options.cacheDir ? 'cold' : 'none', reused: 0, reread: 0, removed: 0, saved: false, phases };
  const readStarted = performance.now();
  let corpus: Corpus | null = null;
  if (options.cacheDir) {
    const loaded = options.ignoreCache ? { reason: 'a rebuild was asked for' } : loadCache(options.cacheDir, options);
    if ('corpus' in loaded) {
      corpus = loaded.corpus;
      report.state = 'warm';
    } else report.reason = loaded.reason;
  }
  corpus ??= new Corpus(options);
  let finished = false;
  let reader: ParallelReader | null = null;
  try {
    const cold = report.state !== 'warm';
    if (cold) corpus.texts.beginSegment();
    const threads = cold ? (options.readThreads ?? readThreads(files.length)) : 0;
    reader = threads > 0 ? new ParallelReader(files, threads, corpus.maxFileBytes, corpus.vocab) : null;
    const progress = throttle(options.onProgress);
    const listed = new Set(files);
    let changed = cold;
    for (let i = 0; i < files.length; i++) {
      const file = files[i];
      const reuse = cold ? 'no' : reusable(corpus.files.get(file), file);
      if (reader) {
        const { read, wordId } = reader.read(i);
        corpus.addRead(path.resolve(file), read, wordId);
      } else if (reuse === 'no') {
        if (!cold) report.reread++;
        changed = true;
        corpus.updateFile(file);
      } else {
        report.reused++;
        if (reuse === 'touched') changed = true;
      }
      if (cold) corpus.cols.anticipate(i + 1, files.length);
      progress(i + 1, files.length);
      yield { done: i + 1, total: files.length };
    }
    // The workers' threads and their vocabularies are not needed for the index build and the save.
    reader?.close();
    reader = null;
    for (const file of [...corpus.files.keys()]) {
      if (!listed.has(file)) {
        corpus.removeFile(file);
        report.removed++;
        changed = true;
      }
    }
    corpus.texts.endSegment();
    corpus.problems.unshift(...walkProblems);
    progress(files.length, files.length, true);
    phases.readMs = performance.now() - readStarted;
    if (options.cacheDir && changed) {
      try {
        const indexStarted = performance.now();
        corpus.index.built();
        phases.indexMs = performance.now() - indexStarted;
        const saveStarted = performance.now();
        saveCache(corpus, options.cacheDir, options);
        phases.saveMs = performance.now() - saveStarted;
        report.saved = true;
      } catch (error) {
        corpus.problems.push({ path: path.resolve(options.cacheDir), message: `could not save the index cache: ${(error as Error).message}` });
      }
    }
    finished = true;
    return { corpus, cache: report };
  } finally {
    reader?.close();
    // PDF.js and postal-mime are not kept in memory between loads (a file changed later starts the thread again).
    closeDocumentThread();
    if (!finished) corpus.close();
  }
}

/**
 * Whether a cached file's statements still stand: 'same' size and mtime; 'touched' when only
 * the mtime moved and the content hash is unchanged (its entry takes the new mtime, so the
 * cache is saved); else 'no', and the file is read again.
 */
function reusable(entry: FileEntry | undefined, file: string): 'same' | 'touched' | 'no' {
  if (!entry) return 'no';
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    return 'no';
  }
  if (!stat.isFile() || stat.size !== entry.size) return 'no';
  if (stat.mtimeMs === entry.mtimeMs) return 'same';
  if (!entry.hash) return 'no';
  try {
    if (hashOf(fs.readFileSync(file)) !== entry.hash) return 'no';
  } catch {
    return 'no'; // the re-read reports it
  }
  entry.mtimeMs = stat.mtimeMs;
  return 'touched';
}

function throttle(onProgress: CorpusOptions['onProgress']): (done: number, total: number, final?: boolean) => void {
  let last = 0;
  let finished = false;
  return (done, total, final = false) => {
    if (!onProgress || finished) return;
    const now = Date.now();
    if (final || done === total || now - last >= 50) {
      last = now;
      if (done === total) finished = true;
      onProgress(done, total);
    }
  };
}
