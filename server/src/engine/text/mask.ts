import type { DocumentFormat, Span } from '../types';
import { workDone } from '../work';

/**
 * The prose of a draft. `text` has the same length and line breaks as the input, with
 * everything that is not prose (front matter, code, HTML, URLs, link targets, block-quote
 * markers) blanked to spaces, so every offset found in it is an offset in the original.
 */
export interface MaskedText {
  text: string;
  /** Markdown block quotes: the span from the first quoted line's content to the last's end. */
  blockQuotes: Span[];
  /** Offsets right after a `verbatim-ignore` comment: the next quote is checked by hand. */
  ignoreNext: number[];
  /** Passages between `verbatim-disable` and `verbatim-enable` comments. */
  disabled: Span[];
}

const URL = /\b(?:https?:\/\/|www\.)[^\s<>“”]+/g;
const IGNORE = /verbatim[-:\s]*ignore/i;
const DISABLE = /verbatim[-:\s]*disable/i;
const ENABLE = /verbatim[-:\s]*enable/i;

export function maskProse(input: string, format: DocumentFormat): MaskedText {
  workDone.steps += input.length;
  const chars = input.split('');
  const blank = (start: number, end: number) => {
    for (let i = Math.max(0, start); i < Math.min(end, chars.length); i++) {
      if (chars[i] !== '\n' && chars[i] !== '\r') chars[i] = ' ';
    }
  };
  const result: MaskedText = { text: '', blockQuotes: [], ignoreNext: [], disabled: [] };
  const directives: Array<{ at: number; end: number; kind: 'ignore' | 'disable' | 'enable' }> = [];
  const noteDirective = (comment: string, start: number, end: number) => {
    if (DISABLE.test(comment)) directives.push({ at: start, end, kind: 'disable' });
    else if (ENABLE.test(comment)) directives.push({ at: start, end, kind: 'enable' });
    else if (IGNORE.test(comment)) directives.push({ at: start, end, kind: 'ignore' });
  };

  if (format === 'markdown') {
    maskMarkdown(input, blank, () => chars.join(''), result, noteDirective);
  } else {
    // Plain text pasted from a CMS carries markup: tags and their attributes are not prose.
    const tag = /<\/?[A-Za-z][\w:-]*(?:\s+[\w:-]+(?:\s*=\s*(?:"[^"\n]*"|'[^'\n]*'|[^\s>]+))?)*\s*\/?>/g;
    for (let m = tag.exec(input); m; m = tag.exec(input)) blank(m.index, m.index + m[0].length);
    // Plain text: a line holding only "verbatim: ignore" (any comment leader) is a directive.
    const line = /^[ \t]*(?:(?:\/\/|#|%|--|;)[ \t]*)?verbatim[-: \t]*(ignore|disable|enable)\b.*$/gim;
    for (let m = line.exec(input); m; m = line.exec(input)) {
      noteDirective(m[0], m.index, m.index + m[0].length);
      blank(m.index, m.index + m[0].length);
    }
  }
  const masked = chars.join('');
  URL.lastIndex = 0;
  for (let m = URL.exec(masked); m; m = URL.exec(masked)) {
    let url = m[0];
    // Sentence punctuation after a URL is prose; a closing parenthesis is the URL's only when it opened one.
    while (/[.,;:!?')\]"”’]$/.test(url)) {
      if (url.endsWith(')') && (url.match(/\(/g) ?? []).length >= (url.match(/\)/g) ?? []).length) break;
      url = url.slice(0, -1);
    }
    blank(m.index, m.index + url.length);
  }

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
  if (disabledFrom >= 0) result.disabled.push({ start: disabledFrom, end: input.length });
  result.text = chars.join('');
  return result;
}

function maskMarkdown(
  input: string,
  blank: (start: number, end: number) => void,
  current: () => string,
  result: MaskedText,
  noteDirective: (comment: string, start: number, end: number) => void,
): void {
  // Front matter: a YAML block at the very start.
  const front = /^---[ \t]*\r?\n[\s\S]*?\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/.exec(input);
  let bodyStart = 0;
  if (front) {
    blank(0, front[0].length);
    bodyStart = front[0].length;
  }

  // Line by line: fences, indented code, block-quote markers, reference definitions, headings' marks.
  const lines = /[^\r\n]*(?:\r\n|\r|\n|$)/g;
  lines.lastIndex = bodyStart;
  let fence: string | null = null;
  let previousBlank = true;
  let quoteStart = -1;
  let quoteEnd = -1;
  const closeBlockQuote = () => {
    if (quoteStart >= 0) result.blockQuotes.push({ start: quoteStart, end: quoteEnd });
    quoteStart = -1;
  };
  for (let m = lines.exec(input); m && m[0].length > 0; m = lines.exec(input)) {
    const lineStart = m.index;
    const line = m[0].replace(/[\r\n]+$/, '');
    const lineEnd = lineStart + line.length;
    const fenceMatch = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (fence) {
      blank(lineStart, lineEnd);
      if (fenceMatch && fenceMatch[1][0] === fence[0] && fenceMatch[1].length >= fence.length) fence = null;
      continue;
    }
    if (fenceMatch) {
      fence = fenceMatch[1];
      blank(lineStart, lineEnd);
      closeBlockQuote();
      continue;
    }
    const isBlank = line.trim() === '';
    if (!isBlank && previousBlank && /^( {4}|\t)/.test(line) && quoteStart < 0) {
      blank(lineStart, lineEnd); // indented code block
      continue;
    }
    const quoteMarker = /^ {0,3}(>[ \t]?)+/.exec(line);
    if (quoteMarker) {
      blank(lineStart, lineStart + quoteMarker[0].length);
      const contentStart = lineStart + quoteMarker[0].length;
      if (line.slice(quoteMarker[0].length).trim() === '') {
        if (quoteStart >= 0) quoteEnd = Math.max(quoteEnd, quoteStart);
      } else {
        if (quoteStart < 0) quoteStart = contentStart;
        quoteEnd = lineEnd;
      }
    } else if (isBlank || quoteStart >= 0) {
      closeBlockQuote();
    }
    if (/^ {0,3}\[[^\]]+\]:\s*\S/.test(line)) blank(lineStart, lineEnd); // link reference definition
    const heading = /^ {0,3}#{1,6}[ \t]/.exec(line);
    if (heading) blank(lineStart, lineStart + heading[0].length);
    previousBlank = isBlank;
  }
  closeBlockQuote();

  // Inline: code spans, HTML comments and tags, link and image targets, autolinks,
  // read from what the line pass left, so a backtick inside a code block pairs with nothing.
  let text = current();
  // Comments first, by plain search: a lazy regex would rescan to the end for every unclosed "<!--".
  for (let open = text.indexOf('<!--', bodyStart); open >= 0; ) {
    const close = text.indexOf('-->', open + 4);
    if (close < 0) break; // unclosed: left as text, as browsers would show nothing after it anyway
    noteDirective(text.slice(open, close + 3), open, close + 3);
    blank(open, close + 3);
    open = text.indexOf('<!--', close + 3);
  }
  text = current();
  const inline = /(`+)[^`]{0,2000}?\1|<\/?[A-Za-z][^<>\n]{0,2000}>|\]\([^()\s]*(?:\([^()\s]*\))?[^()\s]*(?:\s+"[^"\n]*")?\)|<(?:https?|mailto):[^<>\s]+>/g;
  inline.lastIndex = bodyStart;
  for (let m = inline.exec(text); m; m = inline.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    if (m[0].startsWith('](')) {
      // Keep the link text, drop its brackets and target: "[the statement](https://…)".
      blank(start, end);
      const open = text.lastIndexOf('[', start);
      if (open >= bodyStart && text.slice(open, start).indexOf('\n\n') < 0) {
        blank(open, open + 1);
        if (open > 0 && text[open - 1] === '!') blank(open - 1, start); // image: alt text is not prose
      }
    } else {
      blank(start, end);
    }
  }
}

export function isInside(offset: number, spans: Span[]): boolean {
  return spans.some((s) => offset >= s.start && offset < s.end);
}
