// One entry point for a source file's text: picks the reader by extension and front
// matter, and returns the statements with the document's metadata and any problems.
// Also the byte-level checks the corpus loader runs first (binary? which encoding?).

import { parseFrontMatter, type FrontMatterValue } from './frontMatter';
import { collapseWhitespace } from './lines';
import { readCsv, readJsonRecords, type RecordStatement } from './records';
import { readCaptions } from './captions';
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
}

/**
 * Reads an article's quotes. Receives the body (the text after any front matter) and the
 * body's offset in the file; must return spans in FULL-FILE offsets (add `bodyStart`).
 */
export type ArticleExtractor = (body: string, bodyStart: number) => RawStatement[];

export const TEXT_EXTENSIONS = ['.md', '.markdown', '.txt'];
export const RECORD_EXTENSIONS = ['.json', '.jsonl', '.csv'];
export const CAPTION_EXTENSIONS = ['.vtt', '.srt'];
export const SUPPORTED_EXTENSIONS = [...TEXT_EXTENSIONS, ...RECORD_EXTENSIONS, ...CAPTION_EXTENSIONS];

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
  if (ext === '.vtt' || ext === '.srt') {
    const r = readCaptions(text, ext === '.vtt' ? 'vtt' : 'srt');
    return { kind: 'transcript', statements: r.statements, problems: r.problems };
  }
  if (ext === '.csv') {
    const r = readCsv(text);
    return { kind: 'record', statements: r.statements, problems: r.problems };
  }
  if (!TEXT_EXTENSIONS.includes(ext)) {
    return {
      kind: 'article',
      statements: [],
      problems: [`unsupported file type \`${ext || '(none)'}\`: expected one of ${SUPPORTED_EXTENSIONS.join(', ')}`],
    };
  }

  const fm = parseFrontMatter(text);
  const problems = [...fm.problems];
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

// ---------------------------------------------------------------------------------------
// Bytes → text.

/** True for bytes that are not text: NUL bytes, or more than 10% control characters (UTF-16 with a BOM is text). */
export function isProbablyBinary(buf: Buffer): boolean {
  if (buf.length === 0) return false;
  if ((buf[0] === 0xff && buf[1] === 0xfe) || (buf[0] === 0xfe && buf[1] === 0xff)) return false;
  const n = Math.min(buf.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = buf[i];
    if (b === 0) return true;
    if ((b < 0x20 && b !== 9 && b !== 10 && b !== 12 && b !== 13 && b !== 27) || b === 0x7f) control++;
  }
  return control / n > 0.1;
}

/** Decodes UTF-8 (BOM stripped) or UTF-16 LE/BE with a BOM; anything else that is not UTF-8 is a problem. */
export function decodeText(buf: Buffer): { text: string } | { problem: string } {
  if (buf.length >= 2 && buf[0] === 0xff && buf[1] === 0xfe) {
    if ((buf.length - 2) % 2 !== 0) return { problem: 'not valid UTF-16 text (odd number of bytes)' };
    return { text: new TextDecoder('utf-16le').decode(buf.subarray(2)) };
  }
  if (buf.length >= 2 && buf[0] === 0xfe && buf[1] === 0xff) {
    if ((buf.length - 2) % 2 !== 0) return { problem: 'not valid UTF-16 text (odd number of bytes)' };
    const swapped = Buffer.from(buf.subarray(2));
    swapped.swap16();
    return { text: new TextDecoder('utf-16le').decode(swapped) };
  }
  const start = buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf ? 3 : 0;
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(buf.subarray(start)) };
  } catch {
    return { problem: 'not valid UTF-8 text' };
  }
}
