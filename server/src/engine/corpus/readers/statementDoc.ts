// Statements and press releases: every paragraph of the body is a statement of one
// speaker. Headings (`#`, `\###`), `END`, rules and blank lines are not statements; each
// list item is its own paragraph. Spans are exact offsets into the original text.

import { cleanParagraph } from './clean';
import { isBlank, splitLines } from './lines';
import type { RawStatement } from './transcript';

const HEADING_RE = /^[ \t\u00a0]{0,3}\\?#{1,6}(?:[ \t\u00a0]|$)/;
const RULE_RE = /^[ \t\u00a0]{0,3}(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})$/;
const END_RE = /^[ \t\u00a0]*(?:END|-\s*30\s*-|###)[ \t\u00a0]*$/;
const LIST_ITEM_RE = /^[ \t\u00a0]*(?:[-*+]|\d{1,2}[.)])[ \t\u00a0]+\S/;
const FENCE_RE = /^[ \t\u00a0]{0,3}(```|~~~)/;
const HTML_COMMENT_RE = /^[ \t\u00a0]*<!--/;

export function readStatementBody(text: string, bodyStart: number, speaker: string): RawStatement[] {
  const out: RawStatement[] = [];
  let start = -1;
  let end = -1;
  let inFence = false;
  let inComment = false;
  const flush = () => {
    if (start >= 0) {
      const c = cleanParagraph(text, start, end, { listMarkers: 'all' });
      if (c) out.push({ speakerText: speaker, span: c.span, text: c.text });
    }
    start = -1;
  };
  for (const line of splitLines(text, bodyStart)) {
    const s = text.slice(line.start, line.end);
    if (inFence) {
      if (FENCE_RE.test(s)) inFence = false;
      continue;
    }
    if (inComment) {
      if (s.includes('-->')) inComment = false;
      continue;
    }
    if (FENCE_RE.test(s)) {
      flush();
      inFence = true;
      continue;
    }
    if (HTML_COMMENT_RE.test(s)) {
      flush();
      if (!s.includes('-->')) inComment = true;
      continue;
    }
    if (isBlank(s) || HEADING_RE.test(s) || RULE_RE.test(s) || END_RE.test(s)) {
      flush();
      continue;
    }
    if (start >= 0 && LIST_ITEM_RE.test(s)) flush();
    if (start < 0) start = line.start;
    end = line.end;
  }
  flush();
  return out;
}
