import * as fs from 'fs';
import * as path from 'path';
import type { CorpusProblem, SourceDocument, Statement, StatementKind } from '../types';
import { LineIndex } from '../text/lineIndex';
import { tokenize, type Token } from '../text/tokenize';
import { StatementIndex } from '../match/statementIndex';
import { SpeakerRegistry } from '../speakers/speakerRegistry';
import { extractQuotes } from '../extract/extractQuotes';
import { walkFiles } from '../files';
import { decodeText, isProbablyBinary, readSourceText } from './readers/classify';
import type { RawStatement } from './readers/transcript';

export interface CorpusOptions {
  /** Aliases from the config: canonical name → other names. */
  speakers?: Record<string, string[]>;
  onProgress?: (done: number, total: number) => void;
  /** Files larger than this are reported, not read. */
  maxFileBytes?: number;
}

const SOURCE_EXTENSIONS = new Set(['.md', '.markdown', '.txt', '.json', '.jsonl', '.csv']);
const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;

interface FileEntry {
  documentId: number;
  statementIds: number[];
}

/**
 * The reporter's sources, read into statements and indexed for lookup. Built once, then kept
 * current file by file (`updateFile`, `removeFile`); `generation` changes with every update so
 * callers know when results they cached are stale.
 */
export class Corpus {
  readonly speakers: SpeakerRegistry;
  readonly problems: CorpusProblem[] = [];
  private readonly docs: Array<SourceDocument | undefined> = [];
  private readonly statementList: Array<Statement | undefined> = [];
  private readonly tokenList: Array<Token[] | undefined> = [];
  private readonly index = new StatementIndex();
  private readonly files = new Map<string, FileEntry>();
  private liveStatements = 0;
  generation = 0;

  constructor(private readonly options: CorpusOptions = {}) {
    this.speakers = new SpeakerRegistry(options.speakers);
  }

  get documents(): SourceDocument[] {
    return this.docs.filter((d): d is SourceDocument => d !== undefined);
  }

  get statementCount(): number {
    return this.liveStatements;
  }

  statement(id: number): Statement {
    const s = this.statementList[id];
    if (!s) throw new Error(`statement ${id} is not in the corpus`);
    return s;
  }

  document(id: number): SourceDocument {
    const d = this.docs[id];
    if (!d) throw new Error(`document ${id} is not in the corpus`);
    return d;
  }

  tokensOf(id: number): Token[] {
    return this.tokenList[id] ?? [];
  }

  candidates(quote: Token[], limit?: number): number[] {
    return this.index.candidates(quote, limit);
  }

  /** Reads (or re-reads) one source file. Problems with it are recorded, never thrown. */
  updateFile(filePath: string): void {
    const abs = path.resolve(filePath);
    this.removeFile(abs);
    this.generation++;
    let buffer: Buffer;
    try {
      const stat = fs.statSync(abs);
      if (!stat.isFile()) return this.problem(abs, 'not a regular file');
      const max = this.options.maxFileBytes ?? DEFAULT_MAX_BYTES;
      if (stat.size > max) return this.problem(abs, `file is too large to read (${formatBytes(stat.size)}; the limit is ${formatBytes(max)})`);
      buffer = fs.readFileSync(abs);
    } catch (error) {
      return this.problem(abs, `cannot read file: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    }
    if (isProbablyBinary(buffer)) return this.problem(abs, 'binary file, not text: skipped');
    const decoded = decodeText(buffer);
    if ('problem' in decoded) return this.problem(abs, decoded.problem);
    this.addText(abs, decoded.text);
  }

  /** Adds a source from text already in memory (an unsaved editor, a test). */
  addText(filePath: string, text: string): void {
    const abs = path.resolve(filePath);
    if (this.files.has(abs)) this.removeFile(abs);
    this.generation++;
    const format = /\.(md|markdown)$/i.test(abs) ? 'markdown' : 'plaintext';
    const extractArticle = (body: string, bodyStart: number): RawStatement[] =>
      extractQuotes(body, { format })
        .filter((q) => q.speaker !== null && !q.ignored)
        .map((q) => ({ speakerText: q.speaker!.text, text: q.text, span: { start: q.span.start + bodyStart, end: q.span.end + bodyStart } }));
    let parsed;
    try {
      parsed = readSourceText(abs, text, extractArticle);
    } catch (error) {
      return this.problem(abs, `could not be read as a source: ${(error as Error).message}`);
    }
    for (const message of parsed.problems) this.problems.push({ path: abs, message });
    const documentId = this.docs.length;
    this.docs.push({ id: documentId, path: abs, kind: parsed.kind as StatementKind, title: parsed.title, url: parsed.url, date: parsed.date });
    const lines = new LineIndex(text);
    const entry: FileEntry = { documentId, statementIds: [] };
    for (const raw of parsed.statements) {
      const tokens = tokenize(raw.text);
      if (tokens.length === 0 || !raw.speakerText.trim()) continue;
      const id = this.statementList.length;
      const speakerId = this.speakers.register(raw.speakerText);
      this.statementList.push({ id, speakerText: raw.speakerText, speakerId, text: raw.text, documentId, span: raw.span, range: lines.range(raw.span) });
      this.tokenList.push(tokens);
      this.index.add(id, tokens);
      entry.statementIds.push(id);
      this.liveStatements++;
    }
    this.files.set(abs, entry);
  }

  removeFile(filePath: string): void {
    const abs = path.resolve(filePath);
    for (let i = this.problems.length - 1; i >= 0; i--) if (this.problems[i].path === abs) this.problems.splice(i, 1);
    const entry = this.files.get(abs);
    if (!entry) return;
    this.generation++;
    for (const id of entry.statementIds) {
      this.index.remove(id);
      this.statementList[id] = undefined;
      this.tokenList[id] = undefined;
      this.liveStatements--;
    }
    this.docs[entry.documentId] = undefined;
    this.files.delete(abs);
  }

  hasFile(filePath: string): boolean {
    return this.files.has(path.resolve(filePath));
  }

  private problem(abs: string, message: string): void {
    this.problems.push({ path: abs, message });
  }
}

/** Source files under the given paths: folders are walked (hidden folders and node_modules skipped). */
export function listSourceFiles(paths: string[], problems: CorpusProblem[] = []): string[] {
  return walkFiles(paths, SOURCE_EXTENSIONS, problems);
}

/** Reads every source file under `paths` into a new corpus. */
export function loadCorpus(paths: string[], options: CorpusOptions = {}): Corpus {
  const corpus = new Corpus(options);
  const files = listSourceFiles(paths, corpus.problems);
  files.forEach((file, i) => {
    corpus.updateFile(file);
    options.onProgress?.(i + 1, files.length);
  });
  return corpus;
}

function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(n / 1024)} KB`;
}
