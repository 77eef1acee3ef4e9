// Small text helpers shared by the source readers. Pure functions over strings.

/** One line of a text: [start, end) excludes the line break; `next` is where the next line starts. */
export interface Line {
  start: number;
  end: number;
  next: number;
}

/** Splits `text` from `from` into lines; a line ends at \n, \r\n or a lone \r. */
export function splitLines(text: string, from = 0): Line[] {
  const lines: Line[] = [];
  let start = from;
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      const next = c === 13 && text.charCodeAt(i + 1) === 10 ? i + 2 : i + 1;
      lines.push({ start, end: i, next });
      start = next;
      i = next - 1;
    }
  }
  if (start < text.length) lines.push({ start, end: text.length, next: text.length });
  return lines;
}

/** White space as the readers see it: JS \s (includes NBSP and the BOM). */
export const WS = '\\s';
/** Zero-width characters: invisible, dropped from statement text ("COVID-\u206019"). */
export const ZW = '\\u200b\\u200c\\u200d\\u2060';
// eslint-disable-next-line no-misleading-character-class -- each zero-width character apart (ZWJ included), none joined
const BLANK_RE = new RegExp(`^[${WS}${ZW}]*$`);

export function isBlank(s: string): boolean {
  // Fast path: most lines open with a visible character.
  const c = s.charCodeAt(0);
  if (s.length > 0 && c > 32 && c < 0x7f) return false;
  return BLANK_RE.test(s);
}

/** 1-based line number of `offset` in `text`. */
export function lineNumberAt(text: string, offset: number): number {
  let n = 1;
  for (let i = 0; i < offset && i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) n++;
    else if (c === 13 && text.charCodeAt(i + 1) !== 10) n++;
  }
  return n;
}

/**
 * 1-based line numbers of offsets asked for in increasing order, counting only the text between
 * one offset and the next (`lineNumberAt` for each of n records would count from the start n times).
 */
export class LineCounter {
  private offset = 0;
  private line = 1;

  constructor(private readonly text: string) {}

  at(offset: number): number {
    if (offset < this.offset) {
      this.offset = 0;
      this.line = 1;
    }
    const text = this.text;
    const end = Math.min(offset, text.length);
    let line = this.line;
    for (let i = this.offset; i < end; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) line++;
      else if (c === 13 && text.charCodeAt(i + 1) !== 10) line++;
    }
    this.offset = end;
    this.line = line;
    return line;
  }
}

/** Drops zero-width characters, collapses runs of white space (NBSP included) to one space, trims. */
// eslint-disable-next-line no-misleading-character-class -- as BLANK_RE
const ZW_G = new RegExp(`[${ZW}]`, 'g');
const WS_RUN_G = new RegExp(`[${WS}]+`, 'g');

export function collapseWhitespace(s: string): string {
  return s.replace(ZW_G, '').replace(WS_RUN_G, ' ').trim();
}

/** True for a UTF-16 code unit that JS `\s` matches (ASCII and Unicode spaces, NBSP, BOM, line breaks). */
export function isSpaceCode(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}
