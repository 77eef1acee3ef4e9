// One source file read and parsed into statements, before it joins a corpus: everything about
// a file that depends on that file alone (its bytes, hash, reader, speaker labels resolved in
// its document, spans, word ids). The corpus adds the result in file order; a worker thread
// (readWorker.ts) can make it on another core, with word ids of its own vocabulary.

import * as crypto from 'crypto';
import * as fs from 'fs';
import type { StatementKind } from '../types';
import { LineIndex } from '../text/lineIndex';
import { SpeakerContext } from '../speakers/roles';
import { extractQuotes } from '../extract/extractQuotes';
import { decodeText, isProbablyBinary } from '../text/decode';
import { BINARY_DOCUMENT_EXTENSIONS, extensionOf, readDocumentText, readSourceText, type ArticleExtractor, type ParsedSource } from './readers/classify';
import { unitAt } from './readers/documents';
import { readBinaryDocument } from './readers/binaryDocuments';
import { GrowU32 } from './growable';
import { detach, type Vocabulary } from './words';

export interface ReadSource {
  /** -1 when not known (the file could not be looked at, or the text came from memory). */
  size: number;
  mtimeMs: number;
  /** SHA-1 of the bytes, '' when not known. */
  hash: string;
  /** Problems with the file, in the order found. */
  problems: string[];
  /** Null when the file added no document (unreadable, binary, not a source). */
  document: { kind: StatementKind; title?: string; url?: string; date?: string; locator?: 'page' | 'paragraph'; records?: { date: string[]; url: string[]; title: string[] } } | null;
  /** The statements with words, in order. */
  labels: string[];
  /** Each label as its document resolves it (a name, an office holder, an organisation). */
  speakers: string[];
  texts: string[];
  /** Six numbers a statement: span start and end, range start line and character, end line and character. */
  places: number[];
  /** Statement k's word ids are `words[wordEnds[k - 1] ?? 0 .. wordEnds[k])`. */
  wordEnds: number[];
  words: GrowU32;
}

export function hashOf(buffer: Buffer): string {
  return crypto.createHash('sha1').update(buffer).digest('hex');
}

function emptyRead(): ReadSource {
  return { size: -1, mtimeMs: -1, hash: '', problems: [], document: null, labels: [], speakers: [], texts: [], places: [], wordEnds: [], words: new GrowU32(256) };
}

/** Reads a source file from disk. Never throws: problems are in the result. */
export function readSourceFile(abs: string, maxBytes: number, vocab: Vocabulary): ReadSource {
  const read = emptyRead();
  let buffer: Buffer;
  try {
    const stat = fs.statSync(abs);
    if (!stat.isFile()) return withProblem(read, 'not a regular file');
    read.size = stat.size;
    read.mtimeMs = stat.mtimeMs;
    if (stat.size > maxBytes) return withProblem(read, `file is too large to read (${formatBytes(stat.size)}; the limit is ${formatBytes(maxBytes)})`);
    buffer = fs.readFileSync(abs);
  } catch (error) {
    return withProblem(read, `cannot read file: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  read.hash = hashOf(buffer);
  const ext = extensionOf(abs);
  if (BINARY_DOCUMENT_EXTENSIONS.includes(ext)) {
    const doc = readBinaryDocument(ext, buffer);
    if ('problem' in doc) return withProblem(read, doc.problem);
    return addStatements(readDocumentText(abs, doc, articleReader(abs)), doc.text, vocab, read);
  }
  if (isProbablyBinary(buffer)) return withProblem(read, 'binary file, not text: skipped');
  const decoded = decodeText(buffer);
  if ('problem' in decoded) return withProblem(read, decoded.problem);
  parseSourceText(abs, decoded.text, vocab, read);
  return read;
}

/** Reads an article's quotes with the extractor that reads drafts (a Markdown article by the Markdown parser). */
export function articleReader(abs: string): ArticleExtractor {
  const format = /\.(md|markdown)$/i.test(abs) ? 'markdown' : 'plaintext';
  return (body, bodyStart) =>
    extractQuotes(body, { format })
      .filter((q) => q.speaker !== null && !q.ignored)
      .map((q) => ({ speakerText: q.speaker!.text, text: q.text, span: { start: q.span.start + bodyStart, end: q.span.end + bodyStart } }));
}

/** Parses a source's text (from a file, or from memory: `read` then has no size or hash). */
export function parseSourceText(abs: string, text: string, vocab: Vocabulary, read: ReadSource = emptyRead()): ReadSource {
  let parsed;
  try {
    parsed = readSourceText(abs, text, articleReader(abs));
  } catch (error) {
    return withProblem(read, `could not be read as a source: ${(error as Error).message}`);
  }
  return addStatements(parsed, text, vocab, read);
}

/**
 * Adds a parsed source's statements with their places: lines and characters of the file's
 * text; of an HTML page's own source; or, for a PDF or a Word file, the page or paragraph
 * (as the line) and the offset in it.
 */
function addStatements(parsed: ParsedSource, text: string, vocab: Vocabulary, read: ReadSource): ReadSource {
  for (const message of parsed.problems) read.problems.push(detach(message));
  // Detached copies: the reader's strings are slices of the whole file text.
  const document: NonNullable<ReadSource['document']> = { kind: parsed.kind as StatementKind };
  if (parsed.title !== undefined) document.title = detach(parsed.title);
  if (parsed.url !== undefined) document.url = detach(parsed.url);
  if (parsed.date !== undefined) document.date = detach(parsed.date);
  const units = parsed.layout?.units;
  const source = parsed.layout?.source;
  if (units) document.locator = units.unit;
  read.document = document;
  const context = new SpeakerContext(document, text);
  let lines: LineIndex | null = null;
  const records = { date: [] as string[], url: [] as string[], title: [] as string[] };
  let recordMeta = false;
  for (const raw of parsed.statements) {
    if (!raw.speakerText.trim()) continue;
    const wordsBefore = read.words.length;
    vocab.scanInto(raw.text, read.words);
    if (read.words.length === wordsBefore) continue;
    read.wordEnds.push(read.words.length);
    read.labels.push(raw.speakerText);
    read.speakers.push(context.resolve(raw.speakerText));
    if (units) {
      const first = unitAt(units.starts, raw.span.start);
      const last = unitAt(units.starts, Math.max(raw.span.start, raw.span.end - 1));
      read.places.push(raw.span.start, raw.span.end, first, raw.span.start - units.starts[first], last, raw.span.end - units.starts[last]);
    } else {
      const span = source ? { start: source.offsetOf(raw.span.start), end: Math.max(source.offsetOf(raw.span.start), source.offsetOf(raw.span.end - 1) + 1) } : raw.span;
      lines ??= new LineIndex(source ? source.text : text);
      const r = lines.range(span);
      read.places.push(span.start, span.end, r.start.line, r.start.character, r.end.line, r.end.character);
    }
    read.texts.push(raw.text);
    for (const key of ['date', 'url', 'title'] as const) {
      const value = raw[key];
      records[key].push(value ? detach(value) : '');
      if (value) recordMeta = true;
    }
  }
  if (recordMeta) document.records = records;
  return read;
}

function withProblem(read: ReadSource, message: string): ReadSource {
  read.problems.push(message);
  return read;
}

function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(n / 1024)} KB`;
}
