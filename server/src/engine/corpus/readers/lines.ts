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
const BLANK_RE = new RegExp(`^[${WS}${ZW}]*$`);

export function isBlank(s: string): boolean {
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

/** Drops zero-width characters, collapses runs of white space (NBSP included) to one space, trims. */
export function collapseWhitespace(s: string): string {
  return s.replace(new RegExp(`[${ZW}]`, 'g'), '').replace(new RegExp(`[${WS}]+`, 'g'), ' ').trim();
}
