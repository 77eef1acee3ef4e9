import type { DocumentFormat, Span } from '../types';
import { workDone } from '../work';
import { readMarkdown } from './markdown';

/**
 * The prose of a draft. `text` has the same length and line breaks as the input, with
 * everything that is not prose (front matter, code, HTML, URLs, link targets and reference
 * labels, list, heading and block-quote markers, emphasis marks) blanked to spaces, so every
 * offset found in it is an offset in the original. An HTML character reference reads as its
 * character followed by blanks (`&ldquo;` as `“` and six spaces, `&nbsp;` as a no-break space
 * and five), so the quote finder and the tokenizer read it as a browser shows it.
 */
export interface MaskedText {
  text: string;
  /** Markdown block quotes: the span from the first quoted line's content to the last's end. */
  blockQuotes: Span[];
  /** Offsets right after a `verbatim-ignore` comment: the next quote is checked by hand. */
  ignoreNext: number[];
  /** Passages between `verbatim-disable` and `verbatim-enable` comments. */
  disabled: Span[];
  /**
   * Markdown only: what a reader sees, the words read from (same length): `text` with the
   * words of code spans and URLs, which are no prose but are read. Plain text is read as written.
   */
  reading?: string;
}

const URL = /\b(?:https?:\/\/|www\.)[^\s<>“”]+/g;
const IGNORE = /verbatim[-:\s]*ignore/i;
const DISABLE = /verbatim[-:\s]*disable/i;
const ENABLE = /verbatim[-:\s]*enable/i;

export function maskProse(input: string, format: DocumentFormat): MaskedText {
  workDone.steps += input.length;
  const result: MaskedText = { text: '', blockQuotes: [], ignoreNext: [], disabled: [] };
  const directives: Directive[] = [];
  const noteDirective = (comment: string, start: number, end: number) => {
    if (DISABLE.test(comment)) directives.push({ at: start, end, kind: 'disable' });
    else if (ENABLE.test(comment)) directives.push({ at: start, end, kind: 'enable' });
    else if (IGNORE.test(comment)) directives.push({ at: start, end, kind: 'ignore' });
  };

  if (format === 'markdown') {
    // Markdown by its parser (`markdown.ts`); directives from the HTML comments it found (none in code).
    const read = readMarkdown(input);
    result.blockQuotes = read.blockQuotes;
    for (const c of read.comments) noteDirective(input.slice(c.start, c.end), c.start, c.end);
    let prose = stringOf(read.codes);
    // Bare URLs are no prose, though a reader sees them.
    let urls = false;
    forEachUrl(prose, (start, end) => {
      for (let i = start; i < end; i++) if (read.codes[i] !== 10 && read.codes[i] !== 13) read.codes[i] = 32;
      urls = true;
    });
    if (urls) prose = stringOf(read.codes);
    result.text = prose;
    result.reading = stringOf(read.shown);
    return withDirectives(result, directives, input.length);
  }

  const chars = input.split('');
  const blank = (start: number, end: number) => {
    for (let i = Math.max(0, start); i < Math.min(end, chars.length); i++) {
      if (chars[i] !== '\n' && chars[i] !== '\r') chars[i] = ' ';
    }
  };
  // Plain text pasted from a CMS carries markup: tags and their attributes are not prose.
  const tag = /<\/?[A-Za-z][\w:-]*(?:\s+[\w:-]+(?:\s*=\s*(?:"[^"\n]*"|'[^'\n]*'|[^\s>]+))?)*\s*\/?>/g;
  for (let m = tag.exec(input); m; m = tag.exec(input)) blank(m.index, m.index + m[0].length);
  // Plain text: a line holding only "verbatim: ignore" (any comment leader) is a directive.
  const line = /^[ \t]*(?:(?:\/\/|#|%|--|;)[ \t]*)?verbatim[-: \t]*(ignore|disable|enable)\b.*$/gim;
  for (let m = line.exec(input); m; m = line.exec(input)) {
    noteDirective(m[0], m.index, m.index + m[0].length);
    blank(m.index, m.index + m[0].length);
  }
  forEachUrl(chars.join(''), blank);
  result.text = chars.join('');
  return withDirectives(result, directives, input.length);
}

interface Directive {
  at: number;
  end: number;
  kind: 'ignore' | 'disable' | 'enable';
}

/** Each bare URL of `text`: sentence punctuation after it is prose; a closing parenthesis is the URL's only when it opened one. */
function forEachUrl(text: string, found: (start: number, end: number) => void): void {
  URL.lastIndex = 0;
  for (let m = URL.exec(text); m; m = URL.exec(text)) {
    let url = m[0];
    while (/[.,;:!?')\]"”’]$/.test(url)) {
      if (url.endsWith(')') && (url.match(/\(/g) ?? []).length >= (url.match(/\)/g) ?? []).length) break;
      url = url.slice(0, -1);
    }
    found(m.index, m.index + url.length);
  }
}

/** The ignore marks and disabled passages the directives make. */
function withDirectives(result: MaskedText, directives: Directive[], length: number): MaskedText {
  directives.sort((a, b) => a.at - b.at);
  let disabledFrom = -1;
  for (const d of directives) {
    if (d.kind === 'ignore') result.ignoreNext.push(d.end);
    else if (d.kind === 'disable' && disabledFrom < 0) disabledFrom = d.end;
    else if (d.kind === 'enable' && disabledFrom >= 0) {
      result.disabled.push({ start: disabledFrom, end: d.at });
      disabledFrom = -1;
    }
  }
  if (disabledFrom >= 0) result.disabled.push({ start: disabledFrom, end: length });
  return result;
}

/** UTF-16 code units as a string, lone surrogates kept (Node's UTF-16LE decoding copies them). */
function stringOf(codes: Uint16Array): string {
  const bytes = Buffer.from(codes.buffer, codes.byteOffset, codes.byteLength);
  if (LITTLE_ENDIAN) return bytes.toString('utf16le');
  return Buffer.from(bytes).swap16().toString('utf16le');
}

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

export function isInside(offset: number, spans: Span[]): boolean {
  return spans.some((s) => offset >= s.start && offset < s.end);
}
