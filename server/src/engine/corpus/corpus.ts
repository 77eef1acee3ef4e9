import * as path from 'path';
import type { CorpusProblem, Range, SourceDocument, Statement } from '../types';
import type { Token } from '../text/tokenize';
import { StatementIndex } from '../match/statementIndex';
import { SpeakerRegistry } from '../speakers/speakerRegistry';
import { walkFiles } from '../files';
import { GrowF64, GrowU32 } from './growable';
import { TextStore } from './texts';
import { Vocabulary, detach, tokenizeFast } from './words';
import { parseSourceText, readSourceFile, type ReadSource } from './sourceFile';
import { SUPPORTED_EXTENSIONS, unreadFormatReason } from './readers/classify';

export interface CorpusOptions {
  /** Aliases from the config: canonical name → other names. */
  speakers?: Record<string, string[]>;
  /** Called as files are read (at most every 50 ms, and once at the end). */
  onProgress?: (done: number, total: number) => void;
  /** Files larger than this are reported, not read. */
  maxFileBytes?: number;
  /**
   * A folder for the persisted index (a workspace's `.verbatim/`, an extension's storage).
   * `loadCorpus` reloads it, re-reads only the files that changed, and saves it back; a
   * stale or corrupt cache is rebuilt. Without it everything is read and kept in memory.
   */
  cacheDir?: string;
  /** With `cacheDir`: read every file anew (a rebuild the user asked for) and save over the cache. */
  ignoreCache?: boolean;
  /**
   * Worker threads that read the files of a cold load (0: read on this thread). By default one
   * per core, up to 4, for a corpus of 256 files or more.
   */
  readThreads?: number;
}

export const SOURCE_EXTENSIONS: ReadonlySet<string> = new Set(SUPPORTED_EXTENSIONS);
const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;

/** A source file as the corpus knows it: its statements are ids [first, first + count). */
export interface FileEntry {
  path: string;
  /** -1 when the file could not be read (its problem is recorded). */
  documentId: number;
  first: number;
  count: number;
  size: number;
  mtimeMs: number;
  /** SHA-1 of the bytes, '' when not known. */
  hash: string;
}

/** Per-statement columns, one typed array each (an object per statement does not scale to a million). */
export class Columns {
  documentId = new GrowU32();
  speakerId = new GrowU32();
  labelId = new GrowU32();
  spanStart = new GrowU32();
  spanEnd = new GrowU32();
  startLine = new GrowU32();
  startChar = new GrowU32();
  endLine = new GrowU32();
  endChar = new GrowU32();
  textBytes = new GrowU32();
  textAt = new GrowF64();
  /** Statement id's word ids are words[wordStart[id] .. wordStart[id + 1]). */
  wordStart = new GrowU32(1024);
  words = new GrowU32(1 << 16);
  live = new GrowU32();
  constructor() {
    this.wordStart.push(0);
  }

  /**
   * A cold load that has read `done` of `total` files: a column short of the size projected from
   * the share read grows to it now, with a margin, rather than by half again and again. Growing
   * copies the column while the old one is still held, so the last steps of a million statements
   * (a column of words of a hundred megabytes and more) would set the load's peak memory; this way
   * the copy comes early, when the columns are small, and the room beyond what is filled is
   * address space the system has not yet given pages to.
   */
  anticipate(done: number, total: number): void {
    if (done < Math.max(32, total / 32)) return;
    for (const column of [
      this.words,
      this.wordStart,
      this.textAt,
      this.documentId,
      this.speakerId,
      this.labelId,
      this.spanStart,
      this.spanEnd,
      this.startLine,
      this.startChar,
      this.endLine,
      this.endChar,
      this.textBytes,
      this.live,
    ]) {
      const projected = Math.ceil((column.length * total) / done);
      if (projected <= column.data.length) continue;
      try {
        column.reserve(Math.min(Math.ceil(projected * 1.25), column.length * 8));
      } catch {
        // No room for the projection: the column grows as it fills.
      }
    }
  }
}

/**
 * The reporter's sources, read into statements and indexed for lookup. Built once, then kept
 * current file by file (`updateFile`, `removeFile`); `generation` changes with every update so
 * callers know when results they cached are stale.
 *
 * Statements are stored column-wise in typed arrays, their words as integer ids; a
 * `Statement` object is made only when asked for, and its text read on demand (from a
 * cache segment file when there is a cache folder).
 */
export class Corpus {
  readonly speakers: SpeakerRegistry;
  readonly problems: CorpusProblem[] = [];
  /** @internal */ docs: Array<SourceDocument | undefined> = [];
  /** @internal */ cols = new Columns();
  /** @internal */ vocab = new Vocabulary();
  /** @internal */ labels: string[] = [];
  private labelIds = new Map<string, number>();
  /** @internal */ readonly texts: TextStore;
  /** @internal */ readonly index: StatementIndex;
  /** @internal */ files = new Map<string, FileEntry>();
  private liveStatements = 0;
  private documentList: SourceDocument[] | null = null;
  generation = 0;

  constructor(
    readonly options: CorpusOptions = {},
    restored?: SpeakerRegistry,
  ) {
    this.speakers = restored ?? new SpeakerRegistry(options.speakers);
    this.texts = new TextStore(options.cacheDir ? path.resolve(options.cacheDir) : null);
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const self = this;
    this.index = new StatementIndex({
      get count() {
        return self.cols.live.length;
      },
      get words() {
        return self.cols.words.data;
      },
      wordStart: (id) => self.cols.wordStart.data[id],
      isLive: (id) => self.cols.live.data[id] === 1,
      get live() {
        return self.cols.live.data;
      },
      lookup: (norm) => self.vocab.lookup(norm),
    });
  }

  /** @internal After a cache load: the label table's lookup map. */
  restoreLabels(): void {
    this.labelIds = new Map(this.labels.map((l, i) => [l, i]));
  }

  get documents(): SourceDocument[] {
    this.documentList ??= this.docs.filter((d): d is SourceDocument => d !== undefined);
    return this.documentList;
  }

  get statementCount(): number {
    return this.liveStatements;
  }

  private averageMemo: { generation: number; words: number } | null = null;

  /** Words in the average statement (at least 1), worked out again only after an update. */
  averageStatementWords(): number {
    if (this.averageMemo?.generation !== this.generation) {
      let total = 0;
      for (let id = 0; id < this.cols.live.length; id++) if (this.cols.live.data[id] === 1) total += this.wordIdsOf(id).length;
      this.averageMemo = { generation: this.generation, words: Math.max(1, total / Math.max(1, this.liveStatements)) };
    }
    return this.averageMemo.words;
  }

  /** @internal set by the cache loader. */
  setLiveCount(n: number): void {
    this.liveStatements = n;
  }

  private checkId(id: number): void {
    if (!(id >= 0 && id < this.cols.live.length && this.cols.live.data[id] === 1)) throw new Error(`statement ${id} is not in the corpus`);
  }

  statement(id: number): Statement {
    this.checkId(id);
    const c = this.cols;
    const range: Range = {
      start: { line: c.startLine.data[id], character: c.startChar.data[id] },
      end: { line: c.endLine.data[id], character: c.endChar.data[id] },
    };
    const at = c.textAt.data[id];
    const bytes = c.textBytes.data[id];
    const texts = this.texts;
    let text: string | undefined;
    return {
      id,
      speakerText: this.labels[c.labelId.data[id]],
      speakerId: c.speakerId.data[id],
      get text() {
        return (text ??= texts.get(at, bytes));
      },
      documentId: c.documentId.data[id],
      span: { start: c.spanStart.data[id], end: c.spanEnd.data[id] },
      range,
    };
  }

  /** A test of whether a statement is `speakerId`'s (the same canonical speaker), for many statements in a row. */
  speakerTest(speakerId: number): (statementId: number) => boolean {
    const speakers = this.speakers;
    const own = speakers.canonical(speakerId);
    const statementSpeakers = this.cols.speakerId.data;
    return (id) => speakers.canonical(statementSpeakers[id]) === own;
  }

  /** The canonical speaker id of a statement, without making a `Statement`. */
  speakerOf(id: number): number {
    this.checkId(id);
    return this.cols.speakerId.data[id];
  }

  document(id: number): SourceDocument {
    const d = this.docs[id];
    if (!d) throw new Error(`document ${id} is not in the corpus`);
    return d;
  }

  tokensOf(id: number): Token[] {
    if (!(id >= 0 && id < this.cols.live.length && this.cols.live.data[id] === 1)) return [];
    return tokenizeFast(this.texts.get(this.cols.textAt.data[id], this.cols.textBytes.data[id]));
  }

  /** A statement's word ids (a view into the corpus's array, not a copy). */
  wordIdsOf(id: number): Uint32Array {
    this.checkId(id);
    return this.cols.words.data.subarray(this.cols.wordStart.data[id], this.cols.wordStart.data[id + 1]);
  }

  /** The matching key of a word id. */
  wordOf(wordId: number): string {
    return this.vocab.words[wordId];
  }

  /** Word id of a matching key, -1 when no statement has the word. */
  wordId(norm: string): number {
    return this.vocab.lookup(norm);
  }

  /** A statement's place among its document's statements (0 for the first), -1 when not known. */
  indexInDocument(id: number): number {
    this.checkId(id);
    const doc = this.docs[this.cols.documentId.data[id]];
    const entry = doc ? this.files.get(doc.path) : undefined;
    return entry ? id - entry.first : -1;
  }

  /** How many statements hold the word with this id (0 for -1, a word no statement has). */
  statementsWithWord(wordId: number): number {
    return wordId < 0 ? 0 : this.index.statementsWith(wordId);
  }

  /**
   * The statement of the same speaker right after (`step` 1) or before (-1) `id` in its
   * document, passing over at most `reach` statements of others (an interruption, a
   * moderator's "go ahead"); -1 when there is none, and always in an article, whose quotes
   * are separate remarks, and across records of another date, url or title (two tweets are
   * two remarks). One answer split by the transcript is then one remark.
   */
  sameSpeakerNeighbour(id: number, step: 1 | -1, reach = 3): number {
    this.checkId(id);
    const c = this.cols;
    const doc = c.documentId.data[id];
    if (this.docs[doc]?.kind === 'article') return -1;
    const speaker = this.speakers.canonical(c.speakerId.data[id]);
    // Records with a date, url or title of their own (tweets, posts) are each their own
    // occasion: one is never the run-on of another.
    const records = this.docs[doc]?.records;
    const occasion = (k: number) => {
      const n = this.indexInDocument(k);
      return records && n >= 0 ? `${records.date[n]}\u0000${records.url[n]}\u0000${records.title[n]}` : '';
    };
    const own = records ? occasion(id) : '';
    for (let k = id + step, passed = 0; k >= 0 && k < c.live.length && passed <= reach; k += step) {
      if (c.live.data[k] !== 1) continue;
      if (c.documentId.data[k] !== doc) return -1;
      if (records && occasion(k) !== own) return -1;
      if (this.speakers.canonical(c.speakerId.data[k]) === speaker) return k;
      passed++;
    }
    return -1;
  }

  candidates(quote: Token[], limit?: number): number[] {
    return this.index.candidates(quote, limit);
  }

  /** `candidates`, with the statements `wide.keep` accepts in a wider net (see `StatementIndex.rank`). */
  rank(quote: Token[], limit: number, wide?: { within: number; limit: number; keep: (id: number) => boolean }): { top: number[]; kept: number[] } {
    return this.index.rank(quote, limit, wide);
  }

  /** Reads (or re-reads) one source file. Problems with it are recorded, never thrown. */
  updateFile(filePath: string): void {
    const abs = path.resolve(filePath);
    this.addRead(abs, readSourceFile(abs, this.maxFileBytes, this.vocab));
  }

  /** Adds a source from text already in memory (an unsaved editor, a test). */
  addText(filePath: string, text: string): void {
    const abs = path.resolve(filePath);
    this.addRead(abs, parseSourceText(abs, text, this.vocab));
  }

  /** @internal */
  get maxFileBytes(): number {
    return this.options.maxFileBytes ?? DEFAULT_MAX_BYTES;
  }

  /**
   * @internal Adds a file as read (replacing what the corpus had of it). `wordId` maps the
   * read's word ids to the corpus's, when they came from another vocabulary (a worker's).
   */
  addRead(abs: string, read: ReadSource, wordId?: (id: number) => number): void {
    this.removeFile(abs);
    this.generation++;
    const entry: FileEntry = { path: abs, documentId: -1, first: this.cols.live.length, count: 0, size: read.size, mtimeMs: read.mtimeMs, hash: read.hash };
    this.files.set(abs, entry);
    for (const message of read.problems) this.problem(abs, message);
    if (!read.document) return;
    const documentId = this.docs.length;
    this.docs.push({ id: documentId, path: abs, ...read.document });
    this.documentList = null;
    entry.documentId = documentId;
    const c = this.cols;
    const words = read.words.data;
    for (let k = 0; k < read.texts.length; k++) {
      for (let i = k === 0 ? 0 : read.wordEnds[k - 1], end = read.wordEnds[k]; i < end; i++) c.words.push(wordId ? wordId(words[i]) : words[i]);
      c.wordStart.push(c.words.length);
      let label = read.labels[k];
      let labelId = this.labelIds.get(label);
      if (labelId === undefined) {
        label = detach(label);
        labelId = this.labels.length;
        this.labels.push(label);
        this.labelIds.set(label, labelId);
      } else label = this.labels[labelId];
      c.labelId.push(labelId);
      c.speakerId.push(this.speakerFor(label, read.speakers[k]));
      c.documentId.push(documentId);
      const at = k * 6;
      c.spanStart.push(read.places[at]);
      c.spanEnd.push(read.places[at + 1]);
      c.startLine.push(read.places[at + 2]);
      c.startChar.push(read.places[at + 3]);
      c.endLine.push(read.places[at + 4]);
      c.endChar.push(read.places[at + 5]);
      const t = this.texts.put(read.texts[k]);
      c.textAt.push(t.at);
      c.textBytes.push(t.bytes);
      c.live.push(1);
      this.liveStatements++;
    }
    entry.count = c.live.length - entry.first;
  }

  /** The speaker of a label (`resolved` in its document). */
  private speakerFor(label: string, resolved: string): number {
    return this.speakers.registerStatement(label, resolved);
  }

  removeFile(filePath: string): void {
    const abs = path.resolve(filePath);
    for (let i = this.problems.length - 1; i >= 0; i--) if (this.problems[i].path === abs) this.problems.splice(i, 1);
    const entry = this.files.get(abs);
    if (!entry) return;
    this.generation++;
    for (let id = entry.first; id < entry.first + entry.count; id++) {
      if (this.cols.live.data[id] !== 1) continue;
      this.cols.live.data[id] = 0;
      this.index.removed(id);
      this.liveStatements--;
    }
    if (entry.documentId >= 0) {
      this.docs[entry.documentId] = undefined;
      this.documentList = null;
    }
    this.files.delete(abs);
  }

  hasFile(filePath: string): boolean {
    const entry = this.files.get(path.resolve(filePath));
    return entry !== undefined && entry.documentId >= 0;
  }

  /** Closes the files the texts are read from. The corpus must not be used afterwards. */
  close(): void {
    this.texts.close();
  }

  private problem(abs: string, message: string): void {
    this.problems.push({ path: abs, message });
  }
}

/**
 * Source files under the given paths: folders are walked (hidden files and folders and
 * node_modules skipped); any other file found is listed in `problems` with why it is not read.
 */
export function listSourceFiles(paths: string[], problems: CorpusProblem[] = []): string[] {
  return walkFiles(paths, SOURCE_EXTENSIONS, problems, undefined, (file) => unreadFormatReason(path.extname(file).toLowerCase()));
}
