// Markdown read by a CommonMark + GFM parser (issue 14): markdown-it, with its footnote plugin,
// tells which characters of a document are prose. markdown-it was measured against micromark
// (its events, no mdast) and commonmark.js on a 3,000-word draft and on the hostile drafts of
// test/robustness: micromark took 19 ms a parse of the draft and 121 s on 200,000 characters of
// `](` (80 s on `> `); commonmark.js is fast but has no GFM (a footnote `[^1]: …` is a link
// reference definition to it) and no offsets below the block; markdown-it parses the draft in
// under a millisecond and every hostile shape in linear time.
//
// markdown-it's block tokens carry line maps; its inline tokens carry no offsets. So the
// inline rules are wrapped to note where each construct stands in its inline token's content
// (code spans, HTML, links and their labels, images, autolinks, entities, escapes, emphasis
// marks), and each content line is found in its source line (the content of a paragraph line
// is that line's end; a table cell's is found from the previous cell on). Everything no inline
// content maps to is not prose: front matter, code blocks, HTML blocks, reference and footnote
// labels, list and block-quote markers, heading marks, table pipes.
import MarkdownIt from 'markdown-it';
import footnote from 'markdown-it-footnote';
import type { Span } from '../types';

type StateInline = MarkdownIt.StateInline;
type Token = MarkdownIt.Token;
type InlineRule = (state: StateInline, silent: boolean) => boolean;

/** A document's Markdown, read. */
export interface MarkdownReading {
  /** Same length as the text: the prose's UTF-16 code units, 32 (a space) where there is none; line breaks kept. */
  codes: Uint16Array;
  /** The same with what a reader sees that is no prose: the words of code spans (their backticks blanked). */
  shown: Uint16Array;
  /** Block quotes: from the first quoted line's content to the last marked line's end. */
  blockQuotes: Span[];
  /** HTML comments (the directives' places), in document order. */
  comments: Span[];
}

/** What the wrapped inline rules note for the inline token being parsed, in offsets of its content. */
interface Notes {
  /** The token's `children`: the array of the parse this belongs to (an image's alt text is parsed apart). */
  out: Token[];
  /** Per content character: 1 prose, 0 not, 2 replaced (an entity's decoded character), 3 shown but no prose (a code span's words). Reused. */
  keep: Uint8Array;
  replaced: Map<number, string>;
  /** Delimiter runs (emphasis, strikethrough): blank when the post-processing made them marks. */
  delimiters: Array<{ token: Token; at: number; length: number }>;
  comments: Span[];
}

/** The document being read, and where its prose goes. */
interface Doc {
  input: string;
  /** What markdown-it reads (NUL as U+FFFD, front matter blank): same length and lines as `input`. */
  src: string;
  /** Line starts, as markdown-it counts lines. */
  starts: number[];
  /** Where the next cell of a table row is looked for, per line. */
  cursor: Int32Array;
  /** Content offset → document offset, for the inline token being placed. Reused. */
  docOf: Int32Array;
  result: MarkdownReading;
}

let notes: Notes | null = null;
let doc: Doc | null = null;
let parser: MarkdownIt | null = null;

const SPACE = 32;

function blank(n: Notes, start: number, end: number): void {
  n.keep.fill(0, Math.max(0, start), Math.max(0, end));
}

/** Wraps an inline rule so that, when it produces tokens for the current inline content, it notes where. */
function noting(name: string, rule: InlineRule): InlineRule {
  return (state, silent) => {
    const n = notes;
    if (silent || !n || state.tokens !== n.out) return rule(state, silent);
    const start = state.pos;
    const before = state.tokens.length;
    const pending = state.pending.length > 0;
    if (!rule(state, silent)) return false;
    const end = state.pos;
    const first = before + (pending ? 1 : 0);
    const made = () => (state.tokens.length > first ? state.tokens.slice(first) : []);
    switch (name) {
      case 'backticks': {
        const code = made().find((t) => t.type === 'code_inline');
        if (!code) break;
        blank(n, start, end);
        const fence = code.markup.length;
        n.keep.fill(3, start + fence, end - fence);
        break;
      }
      case 'html_inline':
        if (state.src.startsWith('<!--', start)) n.comments.push({ start, end });
        blank(n, start, end);
        break;
      case 'autolink':
      case 'image':
      case 'footnote_ref':
        blank(n, start, end);
        break;
      case 'link': {
        // "[the label](target)", "[Blinken][b]": the label is prose, the brackets and the target are not.
        const labelEnd = state.md.helpers.parseLinkLabel(state, start, true);
        blank(n, start, start + 1);
        blank(n, labelEnd >= 0 ? labelEnd : start, end);
        break;
      }
      case 'entity': {
        const t = made().find((m) => m.info === 'entity');
        if (!t) break;
        // The decoded character where the reference touches the text: "&ldquo;We" reads as
        // "      “We", "winter,&rdquo; she" as "winter,”       she", "is&nbsp;ironclad" as "is     \u00a0ironclad".
        const decoded = t.content.replace(/[\r\n\u2028\u2029]/g, ' ').slice(0, end - start);
        const next = state.src.charCodeAt(end);
        const at = end < state.src.length && next !== SPACE && next !== 9 && next !== 10 ? end - decoded.length : start;
        blank(n, start, end);
        n.replaced.set(at, decoded);
        n.keep.fill(2, at, at + decoded.length);
        break;
      }
      case 'escape':
        blank(n, start, start + 1); // "\*": the backslash is not prose, the character is
        break;
      case 'emphasis':
      case 'strikethrough': {
        let at = start;
        for (const t of made()) {
          n.delimiters.push({ token: t, at, length: t.content.length });
          at += t.content.length;
        }
        break;
      }
    }
    return true;
  };
}

/** The inline rules whose constructs are not all prose (text and line breaks are). */
const NOTED = new Set(['backticks', 'html_inline', 'autolink', 'image', 'footnote_ref', 'link', 'entity', 'escape', 'emphasis', 'strikethrough']);

function markdownParser(): MarkdownIt {
  if (parser) return parser;
  const md = new MarkdownIt({ html: true, linkify: false, typographer: false }).use(footnote);
  md.disable(['footnote_inline', 'replacements', 'smartquotes', 'text_join']);
  // Link targets are blanked, never followed: no URL normalisation (punycode, percent-encoding), half the parse of a page of links.
  md.normalizeLink = (url) => url;
  md.normalizeLinkText = (text) => text;
  const rules = (md.inline.ruler as unknown as { __rules__: Array<{ name: string; fn: InlineRule; alt: string[] }> }).__rules__;
  for (const { name, fn, alt } of [...rules]) if (NOTED.has(name)) md.inline.ruler.at(name, noting(name, fn), { alt });
  // The inline pass: each inline token parsed with its notes and its prose placed at once;
  // block quotes and HTML blocks read on the way (before the footnotes are moved to the end).
  md.core.ruler.at('inline', (state) => {
    const d = doc;
    if (!d) return;
    let rowMap: [number, number] | null = null;
    let quoteDepth = 0;
    let keep = new Uint8Array(0);
    for (const token of state.tokens) {
      if (token.type === 'blockquote_open' && quoteDepth++ === 0 && token.map) blockQuoteSpans(d, token.map);
      else if (token.type === 'blockquote_close') quoteDepth--;
      else if (token.type === 'html_block' && token.map) htmlComments(d, d.starts[token.map[0]], lineEnd(d, token.map[1] - 1));
      if (token.map && token.type !== 'inline') rowMap = token.map; // a table cell's inline token has none: its row's
      if (token.type !== 'inline') continue;
      const length = token.content.length;
      if (keep.length < length) keep = new Uint8Array(Math.max(length, keep.length * 2));
      keep.fill(1, 0, length);
      const n: Notes = { out: token.children ?? (token.children = []), keep, replaced: new Map(), delimiters: [], comments: [] };
      notes = n;
      try {
        state.md.inline.parse(token.content, state.md, state.env, n.out);
      } finally {
        notes = null;
      }
      for (const del of n.delimiters) if (del.token.type !== 'text' || del.token.content === '') blank(n, del.at, del.at + del.length);
      const map = token.map ?? rowMap;
      if (map) placeInline(d, token.content, n, map);
    }
  });
  parser = md;
  return md;
}

const FRONT_MATTER = /^---[ \t]*\r?\n[\s\S]*?\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;
const QUOTE_MARKER = /^[ \t]*(?:(?:[-+*]|\d{1,9}[.)])[ \t]+)*(?:>[ \t]?)+/;

/** Reads `input` as Markdown (CommonMark, GFM tables, strikethrough and footnotes, YAML front matter). */
export function readMarkdown(input: string): MarkdownReading {
  const length = input.length;
  const codes = new Uint16Array(length).fill(SPACE);
  const shown = new Uint16Array(length).fill(SPACE);
  // Lines as markdown-it counts them (\r\n, \r and \n each end one).
  const starts: number[] = [0];
  for (let i = 0; i < length; i++) {
    const c = input.charCodeAt(i);
    if (c === 10 || c === 13) {
      codes[i] = shown[i] = c;
      if (c === 13 && input.charCodeAt(i + 1) === 10) codes[++i] = shown[i] = 10;
      starts.push(i + 1);
    }
  }
  // What markdown-it reads: NUL as U+FFFD (its own normalisation, same length), front matter as blank lines.
  // eslint-disable-next-line no-control-regex -- NUL is what CommonMark replaces; the parser gets U+FFFD as it would
  let src = input.includes('\u0000') ? input.replace(/\u0000/g, '\uFFFD') : input;
  const front = FRONT_MATTER.exec(src);
  if (front) src = front[0].replace(/[^\r\n]/g, ' ') + src.slice(front[0].length);

  const result: MarkdownReading = { codes, shown, blockQuotes: [], comments: [] };
  doc = { input, src, starts, cursor: new Int32Array(starts.length), docOf: new Int32Array(0), result };
  try {
    markdownParser().parse(src, {});
  } finally {
    doc = null;
  }
  result.comments.sort((a, b) => a.start - b.start);
  return result;
}

/** Where a line ends, before its line break. */
function lineEnd(d: Doc, line: number): number {
  if (line + 1 >= d.starts.length) return d.input.length;
  let e = d.starts[line + 1] - 1;
  if (e > d.starts[line] && d.input.charCodeAt(e) === 10 && d.input.charCodeAt(e - 1) === 13) e--;
  return e;
}

/** Finds each line of an inline token's content in its source line and writes its prose. */
function placeInline(d: Doc, content: string, n: Notes, map: [number, number]): void {
  const { src, input, starts, cursor, result } = d;
  if (d.docOf.length < content.length + 1) d.docOf = new Int32Array(Math.max(content.length + 1, d.docOf.length * 2));
  const docOf = d.docOf;
  docOf.fill(-1, 0, content.length + 1);
  let line = map[0];
  for (let from = 0; line < starts.length; line++) {
    let to = content.indexOf('\n', from);
    if (to < 0) to = content.length;
    let lead = from;
    while (lead < to && (content.charCodeAt(lead) === SPACE || content.charCodeAt(lead) === 9)) lead++;
    if (lead < to) {
      const size = to - lead;
      const ls = Math.max(starts[line], cursor[line]);
      const end = lineEnd(d, line);
      // A paragraph line's content is the end of its line (the last one's without trailing white
      // space); a heading's or a table cell's is looked for from where the last one ended.
      let trimmed = end;
      while (trimmed > ls && (src.charCodeAt(trimmed - 1) === SPACE || src.charCodeAt(trimmed - 1) === 9)) trimmed--;
      let at = -1;
      if (end - size >= ls && src.startsWith(content.slice(lead, to), end - size)) at = end - size;
      else if (trimmed - size >= ls && src.startsWith(content.slice(lead, to), trimmed - size)) at = trimmed - size;
      else {
        const i = src.slice(ls, end).indexOf(content.slice(lead, to));
        if (i >= 0) at = ls + i;
      }
      if (at >= 0) {
        for (let j = lead; j < to; j++) docOf[j] = at + (j - lead);
        cursor[line] = at + size;
      }
    }
    if (to >= content.length) break;
    from = to + 1;
  }
  const keep = n.keep;
  for (let j = 0; j < content.length; j++) {
    const at = docOf[j];
    if (at < 0) continue;
    const k = keep[j];
    if (k === 1) result.codes[at] = result.shown[at] = input.charCodeAt(at);
    else if (k === 3) result.shown[at] = input.charCodeAt(at);
    else if (k === 2 && n.replaced.has(j)) {
      const decoded = n.replaced.get(j)!;
      for (let c = 0; c < decoded.length && docOf[j + c] >= 0; c++) result.codes[docOf[j + c]] = result.shown[docOf[j + c]] = decoded.charCodeAt(c);
    }
  }
  for (const c of n.comments) {
    const start = docOf[c.start];
    const last = docOf[c.end - 1];
    if (start >= 0 && last >= 0) result.comments.push({ start, end: last + 1 });
  }
}

/** The comments of an HTML block. */
function htmlComments(d: Doc, start: number, end: number): void {
  const input = d.input;
  for (let open = input.indexOf('<!--', start); open >= 0 && open < end;) {
    const close = input.indexOf('-->', open + 4);
    if (close < 0 || close + 3 > end) break;
    d.result.comments.push({ start: open, end: close + 3 });
    open = input.indexOf('<!--', close + 3);
  }
}

/**
 * A block quote's spans, as writers read them: from the first marked line's content to the
 * last marked line's end; a line with no `>` (a lazy continuation) ends one.
 */
function blockQuoteSpans(d: Doc, map: [number, number]): void {
  let start = -1;
  let end = -1;
  const close = () => {
    if (start >= 0) d.result.blockQuotes.push({ start, end });
    start = -1;
  };
  for (let line = map[0]; line < map[1] && line < d.starts.length; line++) {
    const ls = d.starts[line];
    const le = lineEnd(d, line);
    const text = d.input.slice(ls, le);
    const marker = QUOTE_MARKER.exec(text);
    if (!marker) {
      close();
      continue;
    }
    if (text.slice(marker[0].length).trim() === '') {
      if (start >= 0) end = Math.max(end, start);
    } else {
      if (start < 0) start = ls + marker[0].length;
      end = le;
    }
  }
  close();
}
