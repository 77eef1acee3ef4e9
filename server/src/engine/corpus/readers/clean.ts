// Turns a paragraph of a source file into a statement's text: hard-wrapped lines joined,
// white space (NBSP included) collapsed, stage directions such as "(Applause.)" dropped,
// light Markdown markup (links, emphasis, HTML tags, backslash escapes) removed. The span
// stays exact: it runs from the first kept character to the last one in the original text.

import type { Span } from '../../types';
import { isSpaceCode, ZW } from './lines';

export interface CleanOptions {
  /**
   * Drop list markers at line starts: 'all' drops bullets, numbers ("1. ") and block quote
   * marks ("> "); 'bullets' only "-", "*", "+" bullets (safe in hard-wrapped transcripts).
   */
  listMarkers?: 'all' | 'bullets';
}

export interface Cleaned {
  text: string;
  span: Span;
}

// "(Applause.)", "(Laughter.)", "(A basketball jersey is presented to the President.)", "(As interpreted.)"
const STAGE_SENTENCE_RE = /\([A-Z][^()]{0,160}?[.!?]\)/g;
const STAGE_WORDS =
  'inaudible|indiscernible|unintelligible|applause|laughter|laughs|crosstalk|cross-talk|audio break|audio gap|pause|silence|music|coughs?|sighs?|no audio|gap in audio|technical difficulties';
// "(inaudible)", "[crosstalk]", "[inaudible 00:01:02]"
const STAGE_WORD_RE = new RegExp(`[([](?:${STAGE_WORDS})\\b[^()\\[\\]]{0,40}[)\\]]`, 'gi');

// Markdown: images go; links keep their label; HTML tags, emphasis marks and escapes go.
const IMAGE_RE = /!\[[^\]]*\]\(\s*[^()\s]*\s*\)/g;
const LINK_RE = /\[([^\]]*)\](\(\s*[^()\s]*(?:\([^()\s]*\))?[^()\s]*\s*\))/g;
const AUTOLINK_RE = /<((?:https?|mailto):[^<>\s]+)>/g;
const HTML_TAG_RE = /<\/?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?\/?>/g;
const STRONG_RE = /\*\*|__/g;
const EM_OPEN_RE = /(?<![\p{L}\p{N}*])\*(?=[^\s*])/gu;
const EM_CLOSE_RE = /(?<=[^\s*])\*(?![\p{L}\p{N}*])/gu;
const ESCAPE_RE = /\\(?=[!-/:-@[-`{-~])/g;
const LIST_MARK_RE = /^[ \t\u00a0]*(?:>[ \t\u00a0]?)*(?:(?:[-*+]|\d{1,2}[.)])[ \t\u00a0]+)?/gm;
const BULLET_RE = /^[ \t\u00a0]*[-*+][ \t\u00a0]+/gm;

const CLOSING_PUNCT = /[.,;:!?)\]}\u201d\u2019"]/;
const SPACE_RUN_G = /\s+/g;
const ZW_RE = new RegExp(`[${ZW}]`, 'g');

/**
 * Cleans `full.slice(start, end)`. Returns null when nothing is left (a paragraph that is
 * only a stage direction, only markup, or blank).
 */
export function cleanParagraph(full: string, start: number, end: number, options: CleanOptions = {}): Cleaned | null {
  const src = full.slice(start, end);
  const drop = new Uint8Array(src.length);
  let anyDrop = false;
  const mark = (from: number, to: number) => {
    for (let k = from; k < to; k++) drop[k] = 1;
    if (to > from) anyDrop = true;
  };
  const each = (re: RegExp, fn: (m: RegExpExecArray) => void) => {
    re.lastIndex = 0;
    for (let m = re.exec(src); m; m = re.exec(src)) {
      fn(m);
      if (m[0].length === 0) re.lastIndex++;
    }
  };

  // Each pattern runs only when its opening character occurs: most paragraphs are plain prose.
  const has = (ch: string) => src.indexOf(ch) >= 0;
  if (has('(')) each(STAGE_SENTENCE_RE, (m) => mark(m.index, m.index + m[0].length));
  if (has('(') || has('[')) each(STAGE_WORD_RE, (m) => mark(m.index, m.index + m[0].length));
  if (has('](')) {
    each(IMAGE_RE, (m) => mark(m.index, m.index + m[0].length));
    each(LINK_RE, (m) => {
      mark(m.index, m.index + 1);
      const close = m.index + 1 + m[1].length;
      mark(close, m.index + m[0].length);
    });
  }
  if (has('<')) {
    each(AUTOLINK_RE, (m) => {
      mark(m.index, m.index + 1);
      mark(m.index + m[0].length - 1, m.index + m[0].length);
    });
    each(HTML_TAG_RE, (m) => mark(m.index, m.index + m[0].length));
  }
  if (has('*') || has('__')) {
    each(STRONG_RE, (m) => mark(m.index, m.index + m[0].length));
    each(EM_OPEN_RE, (m) => mark(m.index, m.index + 1));
    each(EM_CLOSE_RE, (m) => mark(m.index, m.index + 1));
  }
  if (has('\\')) each(ESCAPE_RE, (m) => mark(m.index, m.index + 1));
  if (/[\u200b-\u200d\u2060]/.test(src)) each(ZW_RE, (m) => mark(m.index, m.index + 1));
  if (options.listMarkers === 'all') each(LIST_MARK_RE, (m) => mark(m.index, m.index + m[0].length));
  if (options.listMarkers === 'bullets') each(BULLET_RE, (m) => mark(m.index, m.index + m[0].length));

  if (!anyDrop) {
    // Fast path (most paragraphs): only white space to collapse.
    let a = 0;
    let b = src.length;
    while (a < b && isSpaceCode(src.charCodeAt(a))) a++;
    while (b > a && isSpaceCode(src.charCodeAt(b - 1))) b--;
    if (a === b) return null;
    return { text: src.slice(a, b).replace(SPACE_RUN_G, ' '), span: { start: start + a, end: start + b } };
  }
  // Copy runs of kept, non-space characters; one space between runs.
  const parts: string[] = [];
  let first = -1;
  let last = -1;
  let pendingSpace = false;
  let droppedSince = false;
  let runStart = -1;
  const endRun = (k: number) => {
    if (runStart >= 0) parts.push(src.slice(runStart, k));
    runStart = -1;
  };
  for (let k = 0; k < src.length; k++) {
    if (drop[k]) {
      endRun(k);
      droppedSince = true;
      continue;
    }
    const code = src.charCodeAt(k);
    if (isSpaceCode(code)) {
      endRun(k);
      if (first >= 0) pendingSpace = true;
      continue;
    }
    if (runStart < 0) {
      // "Thank you [crosstalk]." reads "Thank you." — no space before punctuation left by a drop.
      if (pendingSpace && !(droppedSince && CLOSING_PUNCT.test(src[k]))) parts.push(' ');
      pendingSpace = false;
      droppedSince = false;
      runStart = k;
    }
    if (first < 0) first = k;
    last = k;
  }
  endRun(src.length);
  const text = parts.join('');
  if (first < 0) return null;
  // Keep a surrogate pair whole at the end of the span.
  let endOff = last + 1;
  const code = src.charCodeAt(last);
  if (code >= 0xd800 && code <= 0xdbff && endOff < src.length) endOff++;
  return { text, span: { start: start + first, end: start + endOff } };
}
