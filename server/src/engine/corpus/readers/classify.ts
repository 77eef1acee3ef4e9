// One entry point for a source file's text: picks the reader by extension and front
// matter, and returns the statements with the document's metadata and any problems.
// Documents read by a library first (HTML, PDF, Word, email: documents.ts) arrive here as
// text with metadata, and are classified as a Markdown file with that front matter would be.

import { parseFrontMatter, type FrontMatterValue } from './frontMatter';
import { collapseWhitespace } from './lines';
import { readCsv, readJsonRecords, type RecordStatement } from './records';
import { readCaptions } from './captions';
import type { DocumentText, Layout } from './documents';
import { readHtml } from './html';
import { readStatementBody } from './statementDoc';
import { looksLikeTranscriptAt, readTranscript, type RawStatement } from './transcript';

export type SourceKind = 'article' | 'transcript' | 'statement' | 'notes' | 'record';

export interface ParsedSource {
  kind: SourceKind;
  title?: string;
  url?: string;
  date?: string;
  statements: RecordStatement[];
  problems: string[];
  /** Set when the statements' spans are not offsets in the file's own text (see Layout). */
  layout?: Layout;
}

/**
 * Reads an article's quotes. Receives the body (the text after any front matter) and the
 * body's offset in the file; must return spans in FULL-FILE offsets (add `bodyStart`).
 */
export type ArticleExtractor = (body: string, bodyStart: number) => RawStatement[];

export const TEXT_EXTENSIONS = ['.md', '.markdown', '.txt'];
export const RECORD_EXTENSIONS = ['.json', '.jsonl', '.csv', '.tsv'];
export const CAPTION_EXTENSIONS = ['.vtt', '.srt', '.sbv'];
/** Read from their bytes by a library (documents.ts), not decoded as text. */
export const BINARY_DOCUMENT_EXTENSIONS = ['.pdf', '.docx', '.odt', '.eml'];
export const HTML_EXTENSIONS = ['.html', '.htm'];
export const SUPPORTED_EXTENSIONS = [...TEXT_EXTENSIONS, ...RECORD_EXTENSIONS, ...CAPTION_EXTENSIONS, ...HTML_EXTENSIONS, ...BINARY_DOCUMENT_EXTENSIONS];

/** Formats people keep beside their sources that Verbatim does not read, with what to do instead. */
const UNREAD_FORMATS: Array<[extensions: string[], reason: string]> = [
  [['.doc', '.rtf', '.pages', '.wpd'], 'a word-processor format Verbatim does not read: save it as .docx or .odt'],
  [['.xls', '.xlsx', '.ods', '.numbers'], 'a spreadsheet: export the sheet as .csv with `speaker` and `text` columns'],
  [['.ppt', '.pptx', '.odp', '.key'], 'a slide deck: export it as .pdf'],
  [['.msg', '.mbox'], 'a mail format Verbatim does not read: save each message as .eml'],
  [['.png', '.jpg', '.jpeg', '.gif', '.webp', '.tif', '.tiff', '.bmp', '.heic', '.svg'], 'an image: no text to read'],
  [['.mp3', '.m4a', '.wav', '.ogg', '.flac', '.mp4', '.mov', '.webm', '.mkv', '.avi'], 'audio or video: Verbatim reads its transcript or captions (.txt, .vtt, .srt, .sbv), not the recording'],
  [['.zip', '.gz', '.tgz', '.7z', '.rar', '.tar', '.xz', '.bz2'], 'an archive: unpack it into the sources folder'],
];

/** Why a file with this extension is not read (every such file in a corpus folder is listed with it). */
export function unreadFormatReason(ext: string): string {
  for (const [extensions, reason] of UNREAD_FORMATS) if (extensions.includes(ext)) return `not read: ${reason}`;
  return `not read: \`${ext || '(no extension)'}\` is not a source format Verbatim reads (${SUPPORTED_EXTENSIONS.join(', ')})`;
}

const KINDS = ['article', 'transcript', 'statement', 'notes'] as const;
type TextKind = (typeof KINDS)[number];

export function extensionOf(path: string): string {
  const base = path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot).toLowerCase() : '';
}

export function readSourceText(path: string, text: string, extractArticle: ArticleExtractor): ParsedSource {
  const ext = extensionOf(path);
  if (ext === '.json' || ext === '.jsonl') {
    const r = readJsonRecords(text, ext === '.json' ? 'json' : 'jsonl');
    return { kind: 'record', statements: r.statements, problems: r.problems };
  }
  if (ext === '.vtt' || ext === '.srt' || ext === '.sbv') {
    const r = readCaptions(text, ext.slice(1) as 'vtt' | 'srt' | 'sbv');
    return { kind: 'transcript', statements: r.statements, problems: r.problems };
  }
  if (ext === '.csv' || ext === '.tsv') {
    const r = readCsv(text);
    return { kind: 'record', statements: r.statements, problems: r.problems };
  }
  if (HTML_EXTENSIONS.includes(ext)) return readDocumentText(path, readHtml(text), extractArticle);
  if (BINARY_DOCUMENT_EXTENSIONS.includes(ext)) return { kind: 'article', statements: [], problems: [`a ${ext} file is read from its bytes, not from text`] };
  if (!TEXT_EXTENSIONS.includes(ext)) return { kind: 'article', statements: [], problems: [unreadFormatReason(ext)] };
  const fm = parseFrontMatter(text);
  return readBody(path, text, fm.bodyStart, fm.data, [...fm.problems], extractArticle);
}

/**
 * A document a library read (documents.ts): its text is classified and read as the body of a
 * Markdown file whose front matter is the document's metadata. Its author (a Word file's, an
 * email's sender) speaks it when neither its title nor its layout names a speaker, unless
 * most of it is quotes attributed in it.
 */
export function readDocumentText(path: string, doc: DocumentText, extractArticle: ArticleExtractor): ParsedSource {
  const meta = { ...doc.meta };
  const title = typeof meta['title'] === 'string' ? meta['title'] : undefined;
  if (doc.author && meta['kind'] === undefined && meta['speaker'] === undefined && !(title && titleHint(title)) && !looksLikeTranscriptAt(doc.text, 0)) {
    let quoted = 0;
    try {
      for (const q of extractArticle(doc.text, 0)) quoted += q.text.length;
    } catch {
      quoted = 0;
    }
    if (quoted > 0 && quoted * 3 >= doc.text.replace(/\s+/g, ' ').length) meta['kind'] = 'article';
    else {
      meta['kind'] = 'statement';
      meta['speaker'] = doc.author;
    }
  }
  const parsed = readBody(path, doc.text, 0, meta, [...doc.problems], extractArticle);
  parsed.layout = doc.layout;
  return parsed;
}

function readBody(path: string, text: string, bodyStart: number, data: Record<string, FrontMatterValue>, problems: string[], extractArticle: ArticleExtractor): ParsedSource {
  const fm = { data, bodyStart };
  const str = (key: string): string | undefined => {
    const v: FrontMatterValue | undefined = fm.data[key];
    const s = Array.isArray(v) ? v.join(', ') : v;
    const c = s === undefined ? '' : collapseWhitespace(s);
    return c === '' ? undefined : c;
  };
  const title = str('title');
  const url = str('url') ?? str('source_url');
  const date = str('date') ?? dateFromPath(path);
  let speaker = str('speaker');
  if (Array.isArray(fm.data['speaker'])) problems.push('`speaker` should name one speaker; the list was joined');

  const body = text.slice(fm.bodyStart);
  let kind: TextKind | undefined;
  const declared = str('kind')?.toLowerCase();
  if (declared !== undefined) {
    if ((KINDS as readonly string[]).includes(declared)) kind = declared as TextKind;
    else problems.push(`unknown \`kind: ${declared}\` (expected ${KINDS.join(', ')}); guessed the kind from the text`);
  }
  if (!kind) {
    let hint = title ? titleHint(title) : null;
    // A White House release that is neither a transcript nor a signed statement ("Readout of …",
    // "President Biden Announces …") speaks for its issuing office.
    if (!hint && url && /^https?:\/\/[\w.-]*whitehouse\.(?:gov|archives\.gov)\//i.test(url) && !looksLikeTranscriptAt(text, fm.bodyStart)) {
      hint = { kind: 'statement', speaker: 'the White House' };
    }
    if (hint?.kind === 'statement' && !looksLikeTranscriptAt(text, fm.bodyStart)) {
      kind = 'statement';
      speaker = speaker ?? hint.speaker;
    } else if (hint?.kind === 'transcript' || looksLikeTranscriptAt(text, fm.bodyStart)) kind = 'transcript';
    else if (speaker) kind = 'statement';
    else kind = 'article';
  } else if (kind === 'statement' && !speaker && title) {
    const hint = titleHint(title);
    if (hint?.kind === 'statement') speaker = hint.speaker;
  }

  const meta = { title, url, date };
  const out = (k: SourceKind, statements: RecordStatement[]): ParsedSource => {
    const r: ParsedSource = { kind: k, statements, problems };
    if (meta.title) r.title = meta.title;
    if (meta.url) r.url = meta.url;
    if (meta.date) r.date = meta.date;
    return r;
  };

  const transcript = () => {
    const st = readTranscript(text, fm.bodyStart, fm.data, problems);
    if (st.length === 0) problems.push('no speaker turns found: expected paragraphs opening with a label such as `NAME: …`');
    return st;
  };
  const article = () => {
    try {
      return extractArticle(body, fm.bodyStart);
    } catch (e) {
      problems.push(`could not read the article's quotes: ${(e as Error).message}`);
      return [];
    }
  };

  switch (kind) {
    case 'transcript':
      return out('transcript', transcript());
    case 'statement':
      if (!speaker) {
        // No words yet (a new source being filled in): nothing to read, nothing wrong.
        if (body.trim()) problems.push('`kind: statement` needs a `speaker` in the front matter; no statements read');
        return out('statement', []);
      }
      return out('statement', readStatementBody(text, fm.bodyStart, speaker));
    case 'notes':
      return out('notes', looksLikeTranscriptAt(text, fm.bodyStart) ? transcript() : article());
    case 'article':
      return out('article', article());
  }
}

function dateFromPath(path: string): string | undefined {
  const m = /(?:^|[/\\])(\d{4}-\d{2}-\d{2})[^/\\]*$/.exec(path);
  return m ? m[1] : undefined;
}

// ---------------------------------------------------------------------------------------
// White House titles (small on purpose; deeper handling is a later issue).

const ROLE_WORDS = new Set(
  (
    'president vice first lady second gentleman press secretary deputy principal white house national security ' +
    'advisor adviser chief of staff senior communications director ambassador u.s. us trade representative homeland ' +
    'domestic economic policy council climate envoy special assistant to the acting spokesperson spokesman spokeswoman ' +
    'nsc administrator senator governor mayor attorney general state defense treasury commerce labor energy education ' +
    'agriculture interior transportation health and human services veterans affairs housing urban development former ' +
    'counselor coordinator officer office administration'
  ).split(' '),
);

// Where the speaker part of "Statement by X on …" ends.
const TITLE_CUT_RE =
  /\s+(?:on|regarding|about|marking|honoring|celebrating|commemorating|recognizing|in|for|after|following|upon|at|announcing|ahead|as|condemning|welcoming|congratulating|thanking|warning|urging|calling|praising|applauding|mourning|remembering|reaffirming|supporting|opposing|responding|commending|expressing|with)\s.*$|\s+(?:one|two|three|four|five|six|seven|eight|nine|ten|\d+)\s+(?:years?|months?|weeks?|days?)\b.*$|\s*[:–—|].*$/i;

export interface TitleHint {
  kind: 'statement' | 'transcript';
  speaker?: string;
}

/**
 * "Statement by/from President Joe Biden on …" → a statement of "Joe Biden";
 * "FACT SHEET: …" → a statement of "the White House"; "Press Briefing by …", "Press
 * Gaggle …", "Background Press Call …" → a transcript. Otherwise null.
 */
export function titleHint(rawTitle: string): TitleHint | null {
  const title = collapseWhitespace(rawTitle);
  if (/^fact\s*sheet\b/i.test(title)) return { kind: 'statement', speaker: 'the White House' };
  if (/^(?:readout\b|joint statement\b|press release\b|nominations sent\b)/i.test(title)) return { kind: 'statement', speaker: 'the White House' };
  if (/^presidential message\b/i.test(title)) return { kind: 'statement', speaker: 'the President' };
  const prepared = /^remarks as prepared for delivery by (.+)$/i.exec(title);
  if (prepared) {
    const who = prepared[1].replace(TITLE_CUT_RE, '').trim();
    if (who) return { kind: 'statement', speaker: who };
  }
  if (/^(?:press briefing|press gaggle|press call|background (?:press )?(?:call|briefing)|on-the-record press (?:call|gaggle|briefing))\b/i.test(title)) {
    return { kind: 'transcript' };
  }
  const m = /^statement (?:by|from) (.+)$/i.exec(title);
  if (!m) return null;
  const who = m[1].replace(TITLE_CUT_RE, '').trim();
  if (!who) return null;
  if (/\sand\s|&/.test(who)) return { kind: 'statement', speaker: who };
  // The name is the trailing run of words that are not role words.
  const tokens = who.split(' ');
  let k = tokens.length;
  while (k > 0 && !ROLE_WORDS.has(tokens[k - 1].toLowerCase().replace(/[,’']s?$/, ''))) k--;
  const name = tokens.slice(k).join(' ');
  return { kind: 'statement', speaker: name && /^\p{Lu}/u.test(name) ? name : who };
}
