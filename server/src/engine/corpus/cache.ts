// The persisted index. A cache folder holds:
//   manifest.json     what was read (per file: path, size, mtime, SHA-1, its statements),
//                     documents, problems, speakers, labels, the word list, and where each
//                     array sits in the arrays file; written last, by an atomic rename;
//   arrays-*.bin      the statement columns, word ids and posting lists, raw typed arrays;
//   texts-*.bin       statement texts (UTF-8), read one statement at a time.
// A manifest that does not parse, names another format, engine or config, or lists files
// that are missing or too short is a cold start: the caller reads everything and saves a new
// cache. Old arrays and text files are deleted after a save.

import * as crypto from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import type { CorpusProblem, SourceDocument } from '../types';
import { tokenize } from '../text/tokenize';
import { readSourceText, SUPPORTED_EXTENSIONS } from './readers/classify';
import { DOCUMENT_LIBRARIES } from './readers/documents';
import { SpeakerRegistry, type SavedRegistry } from '../speakers/speakerRegistry';
import { SpeakerContext } from '../speakers/roles';
import { GrowF64, GrowU32 } from './growable';
import { TextStore, type Segment } from './texts';
import { Vocabulary } from './words';
import type { IndexArrays } from '../match/statementIndex';
import { Corpus, type CorpusOptions, type FileEntry } from './corpus';
import { articleReader } from './sourceFile';
import { BUILD_ID } from './buildId';

const FORMAT = 5;
const MANIFEST = 'manifest.json';

type ArrayKind = 'u32' | 'f64';
interface ArrayRef {
  kind: ArrayKind;
  offset: number;
  length: number;
}

interface Manifest {
  format: number;
  /** Changes when the engine reads or tokenizes differently, or the config's aliases change. */
  fingerprint: string;
  arrays: string;
  arraysBytes: number;
  refs: Record<string, ArrayRef>;
  texts: Segment[];
  built: number;
  buckets: number;
  live: number;
  files: Array<[path: string, size: number, mtimeMs: number, hash: string, documentId: number, first: number, count: number]>;
  documents: Array<SourceDocument | null>;
  problems: CorpusProblem[];
  speakers: SavedRegistry;
  labels: string[];
  words: string[];
}

/**
 * What the cache depends on besides the files: the matching keys `tokenize` makes, what the
 * readers make of a small transcript (and of a page, captions, a CSV and a Markdown article),
 * how labels resolve, the alias table and size limit.
 * Computed by running them, so a change to any of them invalidates old caches by itself.
 */
export function fingerprint(options: CorpusOptions): string {
  // Only the options vary within a process (the code does not): worked out once for each.
  const key = JSON.stringify([options.speakers ?? {}, options.maxFileBytes ?? 0]);
  let value = fingerprints.get(key);
  if (value === undefined) fingerprints.set(key, (value = computeFingerprint(options)));
  return value;
}

const fingerprints = new Map<string, string>();

/**
 * `fingerprint(options)` for the cache in `root`, remembered there for the bundle that worked
 * it out: running the readers on their probes costs a warm start about 150 ms (the HTML and
 * Markdown parsers' first use), a fifth of a second `verbatim check`. Only a bundle with the same
 * build id (`buildId.ts`) and the same options reuses the value; anything else computes it.
 */
function fingerprintIn(root: string, options: CorpusOptions): string {
  if (BUILD_ID === null) return fingerprint(options);
  const file = path.join(root, FINGERPRINT_MEMO);
  const key = JSON.stringify([BUILD_ID, options.speakers ?? {}, options.maxFileBytes ?? 0]);
  try {
    const memo = JSON.parse(fs.readFileSync(file, 'utf8')) as { key?: unknown; value?: unknown };
    if (memo.key === key && typeof memo.value === 'string') return memo.value;
  } catch {
    // No memo yet, or an unreadable one: worked out below and written again.
  }
  const value = fingerprint(options);
  try {
    const temp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(temp, JSON.stringify({ key, value }));
    fs.renameSync(temp, file);
  } catch {
    // A read-only cache folder still loads; the next start works the value out again.
  }
  return value;
}

const FINGERPRINT_MEMO = 'fingerprint.json';

function computeFingerprint(options: CorpusOptions): string {
  const probe =
    '---\ntitle: Press Briefing by Press Secretary Jen Psaki\ndate: 2021-03-01\nurl: https://www.whitehouse.gov/x\n---\n' +
    "MS. PSAKI:  Hi. We won’t — can't, cannot — say “Café” 1,000.5 times.\n\nQ  Why?\n\nTHE PRESIDENT:  (Laughter.)  It’s O.K.\n";
  const parsed = readSourceText('/probe.md', probe, () => []);
  const context = new SpeakerContext({ title: parsed.title, date: parsed.date, url: parsed.url }, probe);
  // A page, captions and a CSV as the readers of other formats see them; the libraries that read PDFs, Word files and email, by version.
  const page =
    '<html><head><title>Statement by Mayor Tom Hale | City</title></head><body><nav><a href="/">Home</a></nav><main><p>We&rsquo;ll begin the work in June, as promised.</p></main></body></html>';
  const captions = 'WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n&gt;&gt; MILLER: We remain committed to\n\n00:00:02.000 --> 00:00:03.000\nwe remain committed to the plan.\n';
  // A Markdown article as the extractor reads it through the Markdown parser: links, entities, footnotes.
  const article = '---\nkind: article\n---\n&ldquo;We will *rebuild* the pier&nbsp;now,&rdquo; [Hale][h] said.[^1]\n\n[^1]: “The `ferry` runs,” said [Tom Hale](/x).\n\n[h]: /y\n';
  const others = [
    readSourceText('/probe.html', page, () => []),
    readSourceText('/probe.vtt', captions, () => []),
    readSourceText('/probe.csv', 'speaker;text\nMiller; "a, b"\n', () => []),
    readSourceText('/probe-article.md', article, articleReader('/probe-article.md')),
    readSourceText('/probe.jsonl', '{"speaker": "Ann Lee", "text": "Go ahead. MILLER: We \\u2019ll see."}\n{"speaker": "Tom Miller", "text": "No."}\n', () => []),
  ];
  const sample = {
    tokens: tokenize(probe).map((t) => `${t.norm}@${t.start}`),
    statements: parsed.statements.map((s) => [s.speakerText, context.resolve(s.speakerText), s.text, s.span.start, s.span.end]),
    others: others.map((o) => [o.kind, o.title, o.statements.map((s) => [s.speakerText, s.text, s.span.start, s.span.end])]),
    formats: SUPPORTED_EXTENSIONS,
    libraries: DOCUMENT_LIBRARIES,
    speakers: options.speakers ?? {},
    max: options.maxFileBytes ?? 0,
  };
  return crypto.createHash('sha1').update(JSON.stringify(sample)).digest('hex');
}

const COLUMN_NAMES = ['documentId', 'speakerId', 'labelId', 'spanStart', 'spanEnd', 'startLine', 'startChar', 'endLine', 'endChar', 'textBytes', 'textAt', 'wordStart', 'words', 'live'] as const;

/** Writes the corpus to `dir`. Builds the index first if statements are pending. */
export function saveCache(corpus: Corpus, dir: string, options: CorpusOptions): void {
  const root = path.resolve(dir);
  fs.mkdirSync(root, { recursive: true });
  corpus.texts.persistMemory();
  const index = corpus.index.built();
  const arrays: Array<[string, Uint32Array | Float64Array]> = [];
  for (const name of COLUMN_NAMES) arrays.push([name, corpus.cols[name].view()]);
  arrays.push(['wordOffsets', index.wordOffsets], ['wordIds', index.wordIds], ['pairOffsets', index.pairOffsets], ['pairIds', index.pairIds]);
  const refs: Record<string, ArrayRef> = {};
  let offset = 0;
  for (const [name, a] of arrays) {
    offset = Math.ceil(offset / 8) * 8;
    refs[name] = { kind: a instanceof Float64Array ? 'f64' : 'u32', offset, length: a.length };
    offset += a.byteLength;
  }
  const stamp = `${Date.now().toString(36)}-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  const arraysFile = `arrays-${stamp}.bin`;
  const fd = fs.openSync(path.join(root, arraysFile), 'w');
  try {
    for (const [name, a] of arrays) {
      fs.writeSync(fd, new Uint8Array(a.buffer, a.byteOffset, a.byteLength), 0, a.byteLength, refs[name].offset);
    }
    if (offset > 0) fs.ftruncateSync(fd, offset);
  } finally {
    fs.closeSync(fd);
  }
  const manifest: Manifest = {
    format: FORMAT,
    fingerprint: fingerprintIn(root, options),
    arrays: arraysFile,
    arraysBytes: offset,
    refs,
    texts: corpus.texts.savedSegments,
    built: index.built,
    buckets: index.buckets,
    live: corpus.statementCount,
    files: [...corpus.files.values()].map((f) => [f.path, f.size, f.mtimeMs, f.hash, f.documentId, f.first, f.count]),
    documents: corpus.docs.map((d) => d ?? null),
    problems: corpus.problems.filter((p) => corpus.files.has(p.path)),
    speakers: corpus.speakers.toJSON(),
    labels: corpus.labels,
    words: corpus.vocab.words,
  };
  const tmp = path.join(root, `${MANIFEST}.${stamp}.tmp`);
  writeJson(tmp, manifest);
  fs.renameSync(tmp, path.join(root, MANIFEST));
  // Files no manifest lists any more (another process may still read its own: on POSIX an open file outlives its name).
  const keep = new Set([arraysFile, ...manifest.texts.map((t) => t.file)]);
  for (const name of fs.readdirSync(root)) {
    if (/^(arrays|texts)-.*\.bin$/.test(name) && !keep.has(name) && !corpus.texts.isWriting(name)) {
      try {
        fs.unlinkSync(path.join(root, name));
      } catch {
        /* in use or gone */
      }
    }
  }
}

/** Long arrays are written this many elements at a time. */
const JSON_SLICE = 2048;
const WRITE_AT = 1 << 20;

/**
 * Writes `JSON.stringify(value)`, byte for byte, a piece at a time. At a million statements the
 * manifest is tens of megabytes: made whole (and copied to UTF-8) it would add that much, twice,
 * to the peak memory of a cold index, which comes at the save, when the columns and the index
 * are all held.
 */
function writeJson(file: string, value: object): void {
  const fd = fs.openSync(file, 'w');
  try {
    let pending = '';
    const put = (s: string) => {
      pending += s;
      if (pending.length >= WRITE_AT) {
        fs.writeSync(fd, pending);
        pending = '';
      }
    };
    let first = true;
    put('{');
    for (const [key, field] of Object.entries(value) as Array<[string, unknown]>) {
      if (field === undefined) continue;
      put(`${first ? '' : ','}${JSON.stringify(key)}:`);
      first = false;
      if (Array.isArray(field) && field.length > JSON_SLICE) {
        put('[');
        for (let i = 0; i < field.length; i += JSON_SLICE) {
          const part = JSON.stringify(field.slice(i, i + JSON_SLICE));
          put(`${i === 0 ? '' : ','}${part.slice(1, -1)}`);
        }
        put(']');
      } else put(JSON.stringify(field));
    }
    put('}');
    fs.writeSync(fd, pending);
  } finally {
    fs.closeSync(fd);
  }
}

/** Loads a corpus from `dir`, or says why it could not. Never throws. */
export function loadCache(dir: string, options: CorpusOptions): { corpus: Corpus } | { reason: string } {
  const root = path.resolve(dir);
  let manifest: Manifest;
  try {
    manifest = JSON.parse(fs.readFileSync(path.join(root, MANIFEST), 'utf8')) as Manifest;
  } catch (error) {
    return { reason: (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no cache yet' : `unreadable manifest (${(error as Error).message})` };
  }
  try {
    if (manifest.format !== FORMAT) return { reason: `cache format ${manifest.format}, expected ${FORMAT}` };
    if (manifest.fingerprint !== fingerprintIn(root, options)) return { reason: 'made by another version of the readers or another config' };
    if (!TextStore.valid(root, manifest.texts)) return { reason: 'corrupt: a text file is missing or truncated' };
    const buf = fs.readFileSync(path.join(root, manifest.arrays));
    if (buf.length !== manifest.arraysBytes) return { reason: 'corrupt: the arrays file has the wrong size' };
    const ab = buf.buffer;
    const get = (name: string): Uint32Array | Float64Array => {
      const r = manifest.refs[name];
      if (!r || r.offset + r.length * (r.kind === 'f64' ? 8 : 4) > buf.length || (buf.byteOffset + r.offset) % 8 !== 0) throw new Error(`corrupt: array ${name}`);
      return r.kind === 'f64' ? new Float64Array(ab, buf.byteOffset + r.offset, r.length) : new Uint32Array(ab, buf.byteOffset + r.offset, r.length);
    };
    const corpus = new Corpus(options, SpeakerRegistry.fromJSON(manifest.speakers, options.speakers));
    const cols = corpus.cols;
    for (const name of COLUMN_NAMES) {
      const a = get(name);
      (cols as unknown as Record<string, GrowU32 | GrowF64>)[name] = a instanceof Float64Array ? new GrowF64(0, a) : new GrowU32(0, a);
    }
    const n = cols.live.length;
    for (const name of COLUMN_NAMES) {
      const len = cols[name].length;
      const expected = name === 'wordStart' ? n + 1 : name === 'words' ? cols.wordStart.data[n] : n;
      if (len !== expected) throw new Error(`corrupt: column ${name} has ${len} entries, expected ${expected}`);
    }
    const index: IndexArrays = {
      built: manifest.built,
      buckets: manifest.buckets,
      wordOffsets: get('wordOffsets') as Uint32Array,
      wordIds: get('wordIds') as Uint32Array,
      pairOffsets: get('pairOffsets') as Uint32Array,
      pairIds: get('pairIds') as Uint32Array,
    };
    checkIndex(index, n, manifest.words.length);
    for (let id = 1; id <= n; id++) if (cols.wordStart.data[id] < cols.wordStart.data[id - 1]) throw new Error('corrupt: word offsets');
    corpus.index.adopt(index);
    corpus.texts.adopt(manifest.texts);
    corpus.vocab = Vocabulary.from(manifest.words);
    corpus.labels = manifest.labels;
    corpus.restoreLabels();
    corpus.docs = manifest.documents.map((d) => d ?? undefined);
    for (const [p, size, mtimeMs, hash, documentId, first, count] of manifest.files) {
      const entry: FileEntry = { path: p, size, mtimeMs, hash, documentId, first, count };
      corpus.files.set(p, entry);
    }
    corpus.problems.push(...manifest.problems);
    corpus.setLiveCount(manifest.live);
    return { corpus };
  } catch (error) {
    return { reason: (error as Error).message.startsWith('corrupt') ? (error as Error).message : `corrupt: ${(error as Error).message}` };
  }
}

function checkIndex(a: IndexArrays, statements: number, words: number): void {
  if (a.built > statements || a.buckets !== a.pairOffsets.length - 1 || (a.buckets & (a.buckets - 1)) !== 0) throw new Error('corrupt: index header');
  if (a.wordOffsets.length > words + 1) throw new Error('corrupt: word index size');
  const monotonic = (offsets: Uint32Array, ids: Uint32Array) => {
    for (let k = 1; k < offsets.length; k++) if (offsets[k] < offsets[k - 1]) throw new Error('corrupt: posting offsets');
    if (offsets[offsets.length - 1] !== ids.length) throw new Error('corrupt: posting lengths');
    // Sampled: an id out of range is harmless when read (skipped as not live), but says the file is damaged.
    for (let k = 0; k < ids.length; k += 1021) if (ids[k] >= a.built) throw new Error('corrupt: posting ids');
    if (ids.length > 0 && ids[ids.length - 1] >= a.built) throw new Error('corrupt: posting ids');
  };
  monotonic(a.wordOffsets, a.wordIds);
  monotonic(a.pairOffsets, a.pairIds);
}
