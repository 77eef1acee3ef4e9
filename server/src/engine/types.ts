// Plain-data types shared by every layer. The engine speaks in offsets (`Span`) into the
// text it was given; renderers (CLI, LSP) turn spans into line/character positions with
// `LineIndex`. Nothing here knows about LSP or VS Code.
import type { RuleId } from './extract/rules';

/** Half-open range of UTF-16 code unit offsets into one text: [start, end). */
export interface Span {
  start: number;
  end: number;
}

/** Zero-based line and UTF-16 character, as in LSP. */
export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export type Verdict = 'verified' | 'altered' | 'misattributed' | 'missing' | 'unattributed' | 'stitched' | 'supported';

export type Severity = 'error' | 'warning' | 'information' | 'hint' | 'none';

export type DocumentFormat = 'markdown' | 'plaintext';

/** A speaker mention found in text, before identity resolution. */
export interface SpeakerMention {
  /** The words as written ("US Secretary of State Antony Blinken"). */
  text: string;
  span: Span;
  /** Pronoun or role noun that was resolved to an earlier mention ("he", "the secretary"). */
  resolvedFrom?: string;
}

/** A quote or attributed claim found in a draft or an article. */
export interface ExtractedQuote {
  kind: 'quote' | 'claim';
  /** The quoted words, fragments joined by a space when split by an attribution. */
  text: string;
  /** From the first fragment's start to the last fragment's end (marks excluded). */
  span: Span;
  /** Each contiguous piece of quoted text (marks excluded). */
  fragments: Span[];
  /** The attributed speaker, or null when none was found. */
  speaker: SpeakerMention | null;
  /** The cue ("said", "according to", ...) when one was found. */
  cue: Span | null;
  /** Span of the attribution's speaker words in the text, when known (for quick fixes). */
  speakerSpan: Span | null;
  /** True for a Markdown block quote. */
  block?: boolean;
  /** The ids of the extraction rules that produced it or vetoed another reading of it (extract/rules.ts). */
  rules: readonly RuleId[];
}

export type StatementKind = 'article' | 'transcript' | 'statement' | 'notes' | 'record';

/** One thing one speaker said, where it stands in its source document. */
export interface Statement {
  id: number;
  /** Speaker as written in the source ("MILLER", "State Department spokesperson Matthew Miller"). */
  speakerText: string;
  /** Canonical speaker id, assigned by the speaker registry when the corpus is built. */
  speakerId: number;
  text: string;
  documentId: number;
  /** Where `text` stands in the source document's text. */
  span: Span;
  /** Position of `span` in the source file, for the editor and the CLI. */
  range: Range;
}

export interface SourceDocument {
  id: number;
  path: string;
  kind: StatementKind;
  title?: string;
  url?: string;
  date?: string;
  /**
   * JSON/JSONL/CSV records carry their own date, url and title (a tweet each): per statement of
   * the document, in order, '' where a record has none. Absent when no record has any.
   */
  records?: { date: string[]; url: string[]; title: string[] };
  /**
   * Set when its statements' ranges count pages (a PDF) or paragraphs (a Word file, an email)
   * instead of lines: the range's line is the 0-based page or paragraph, the character the
   * offset in its text.
   */
  locator?: 'page' | 'paragraph';
}

export interface CorpusProblem {
  path: string;
  message: string;
}

export type ChangeOp = 'replace' | 'insert' | 'delete';

/** One difference between the draft's words and the source's. `draft` or `source` is '' for pure inserts/deletes. */
export interface Change {
  op: ChangeOp;
  draft: string;
  source: string;
}

/** Where a source statement was found: the local corpus, or the newsroom's archive (PostgreSQL). */
export type SourceOrigin = 'local' | 'archive';

/**
 * One replacement in the draft. `at` is relative to the finding's `span.start`, so a fix moves
 * with its finding when the finding is shifted (a paragraph checked on its own, then placed).
 */
export interface FixEdit {
  at: Span;
  newText: string;
}

/**
 * A correction the engine proved: applied, the quote checks as verified against the same
 * statement, with the draft's own punctuation around the words and nothing outside the quote
 * changed (`sourceWords`), or the attribution names the statement's speaker (`attribution`).
 */
export interface Fix {
  kind: 'sourceWords' | 'attribution';
  /** What the fix does, in a copy editor's words. */
  title: string;
  edits: FixEdit[];
}

/**
 * The source statement against the quote, in order: `context` is statement text the quote does
 * not cover, `equal` words it has, `removed` source words it lacks, `added` its own words the
 * source lacks, `skipped` source words an ellipsis or a bracket stands for.
 */
export interface DiffSegment {
  op: 'context' | 'equal' | 'removed' | 'added' | 'skipped';
  text: string;
}

export interface SourceRef {
  origin: SourceOrigin;
  speaker: string;
  text: string;
  path: string;
  range: Range;
  url?: string;
  date?: string;
  title?: string;
  /** The 1-based page of a PDF source ("p. 14"). */
  page?: number;
  /** The 1-based paragraph of a Word file or an email. */
  paragraph?: number;
}

/** The check's result for one quote or claim: plain data each front end renders its own way. */
export interface Finding {
  kind: 'quote' | 'claim';
  text: string;
  span: Span;
  range: Range;
  /** The speaker as resolved to a canonical name, or null. */
  speaker: string | null;
  verdict: Verdict;
  severity: Severity;
  message: string;
  source: SourceRef | null;
  /** Extra sources: the second statement of a stitched quote. */
  otherSources: SourceRef[];
  changes: Change[];
  /** Span of the attribution's speaker words (for "change attribution"). */
  speakerSpan: Span | null;
  /** Set when an ignore comment covers this quote, or the workspace hides the finding (`hidden`). */
  ignored?: boolean;
  /** Set when the workspace's config file hides this finding ("Hide in this workspace"). */
  hidden?: boolean;
  /** Corrections proven to make the quote right; absent when none can be made exactly. */
  fixes?: Fix[];
  /** The source statement against the quote, word by word (a quote with a source and differences). */
  diff?: DiffSegment[];
}

export interface FileReport {
  path: string;
  findings: Finding[];
  /** Set when a document was too long to check whole: where checking stopped, and why, in words. */
  skipped?: { from: Position; message: string };
  /** With an archive configured: whether it was asked (and how many candidates it gave), or why not. */
  archive?: { state: 'checked'; candidates: number } | { state: 'unreachable'; message: string };
}
