// YAML front matter at the very start of a source file: `---`, simple `key: value` lines,
// `---` (or `...`). Hand-written on purpose: the sources need plain scalars, single- and
// double-quoted strings (with YAML escapes and line folding, as the White House files
// use), flow lists `[a, b]`, block lists (`- item`), one level of nested mapping
// (flattened to `parent.child` keys) and `|`/`>` block scalars. Anything else is reported
// as a problem, never thrown.

import { splitLines } from './lines';

export type FrontMatterValue = string | string[];

export interface FrontMatter {
  data: Record<string, FrontMatterValue>;
  /** Offset of the body in the original text (0 when there is no front matter). */
  bodyStart: number;
  problems: string[];
}

interface FmLine {
  text: string;
  /** 1-based line number in the file. */
  no: number;
}

const KEY_RE = /^(["']?)([A-Za-z0-9_][\w.\- ]*?)\1[ \t]*:(?:[ \t]+(.*?)|)[ \t]*$/;

export function parseFrontMatter(text: string): FrontMatter {
  const none: FrontMatter = { data: {}, bodyStart: 0, problems: [] };
  const from = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  if (!text.startsWith('---', from)) return none;
  // Only the front matter's own lines are split: find the closing line first.
  const closeRe = /\r\n?(?:---|\.\.\.)[ \t]*(?:\r\n?|\n|$)|\n(?:---|\.\.\.)[ \t]*(?:\r\n?|\n|$)/g;
  closeRe.lastIndex = from + 3;
  const closeMatch = closeRe.exec(text);
  const lines = splitLines(text.slice(0, closeMatch ? closeMatch.index + closeMatch[0].length : text.length), from);
  if (lines.length === 0) return none;
  const first = text.slice(lines[0].start, lines[0].end);
  if (!/^---[ \t]*$/.test(first)) return none;

  let close = -1;
  for (let i = 1; i < lines.length; i++) {
    if (/^(---|\.\.\.)[ \t]*$/.test(text.slice(lines[i].start, lines[i].end))) {
      close = i;
      break;
    }
  }
  if (close < 0) {
    return {
      data: {},
      bodyStart: 0,
      problems: ['front matter opened by `---` on line 1 is never closed by a `---` line; read the whole file as the body'],
    };
  }

  const fm: FmLine[] = [];
  for (let i = 1; i < close; i++) fm.push({ text: text.slice(lines[i].start, lines[i].end), no: i + 1 });
  const problems: string[] = [];
  const data = parseLines(fm, problems);
  return { data, bodyStart: lines[close].next, problems };
}

function indentOf(s: string): number {
  const m = /^[ \t]*/.exec(s);
  return m ? m[0].length : 0;
}

function isSkippable(s: string): boolean {
  return /^[ \t]*(#.*)?$/.test(s);
}

function parseLines(lines: FmLine[], problems: string[]): Record<string, FrontMatterValue> {
  const data: Record<string, FrontMatterValue> = {};
  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    if (isSkippable(line.text)) {
      i++;
      continue;
    }
    if (indentOf(line.text) > 0) {
      problems.push(`front matter line ${line.no}: unexpected indented line \`${clip(line.text.trim())}\``);
      i++;
      continue;
    }
    const m = KEY_RE.exec(line.text);
    if (!m) {
      problems.push(`front matter line ${line.no}: expected \`key: value\`, found \`${clip(line.text)}\``);
      i++;
      continue;
    }
    const key = m[2].trim();
    const rest = m[3] ?? '';
    const r = parseValue(key, rest, lines, i, problems, data);
    if (r.value !== undefined) data[key] = r.value;
    i = r.next;
  }
  return data;
}

interface ValueResult {
  value?: FrontMatterValue;
  next: number;
}

function parseValue(key: string, rest: string, lines: FmLine[], i: number, problems: string[], data: Record<string, FrontMatterValue>): ValueResult {
  const line = lines[i];
  const trimmed = rest.trim();

  if (trimmed === '' || trimmed.startsWith('#')) {
    // Block list, nested mapping, or empty.
    let j = i + 1;
    while (j < lines.length && isSkippable(lines[j].text)) j++;
    if (j >= lines.length) return { value: '', next: j };
    const next = lines[j].text;
    if (/^[ \t]*-([ \t]|$)/.test(next)) {
      const items: string[] = [];
      while (j < lines.length) {
        const t = lines[j].text;
        if (isSkippable(t)) {
          j++;
          continue;
        }
        const im = /^[ \t]*-(?:[ \t]+(.*?))?[ \t]*$/.exec(t);
        if (!im) break;
        const item = im[1] ?? '';
        items.push(scalar(item, lines[j].no, problems));
        j++;
      }
      return { value: items, next: j };
    }
    if (indentOf(next) > 0) {
      const baseIndent = indentOf(next);
      while (j < lines.length) {
        const t = lines[j].text;
        if (isSkippable(t)) {
          j++;
          continue;
        }
        if (indentOf(t) < baseIndent) break;
        if (indentOf(t) > baseIndent) {
          // Deeper than the map's own keys, and not under a key of its own (that case is below).
          problems.push(`front matter line ${lines[j].no}: unexpected indented line \`${clip(t.trim())}\` under \`${key}\``);
          j++;
          continue;
        }
        const km = KEY_RE.exec(t.trim());
        if (!km) {
          problems.push(`front matter line ${lines[j].no}: expected \`key: value\` under \`${key}\`, found \`${clip(t.trim())}\``);
          j++;
          continue;
        }
        const child = `${key}.${km[2].trim()}`;
        let deeper = j + 1;
        while (deeper < lines.length && (isSkippable(lines[deeper].text) || indentOf(lines[deeper].text) > baseIndent)) deeper++;
        if ((km[3] ?? '') === '' && deeper > j + 1 && lines.slice(j + 1, deeper).some((l) => !isSkippable(l.text))) {
          // A map (or list) inside the nested map: read before as the parent's own keys, under the wrong names.
          problems.push(`front matter line ${lines[j].no}: \`${child}\` holds a nested map or list, deeper than Verbatim reads (one level, \`${key}: {name: value}\`); its lines were not read`);
          j = deeper;
          continue;
        }
        data[child] = scalar(km[3] ?? '', lines[j].no, problems);
        j++;
      }
      return { next: j };
    }
    return { value: '', next: i + 1 };
  }

  if (trimmed.startsWith('"') || trimmed.startsWith("'")) {
    const q = trimmed[0];
    // Gather lines until the closing quote.
    let raw = trimmed.slice(1);
    let j = i;
    for (;;) {
      const end = q === '"' ? findDoubleClose(raw) : findSingleClose(raw);
      if (end >= 0) {
        const after = raw.slice(end + 1).trim();
        if (after !== '' && !after.startsWith('#')) {
          problems.push(`front matter line ${lines[j].no}: unexpected text after the closing quote of \`${key}\``);
        }
        const body = raw.slice(0, end);
        return { value: q === '"' ? decodeDouble(body, lines[j].no, problems) : decodeSingle(body), next: j + 1 };
      }
      j++;
      if (j >= lines.length) {
        problems.push(`front matter line ${line.no}: the quoted value of \`${key}\` is never closed`);
        return { value: foldPlain(raw), next: j };
      }
      raw += '\n' + lines[j].text;
    }
  }

  if (trimmed.startsWith('[') || trimmed.startsWith('{')) {
    const open = trimmed[0];
    const closeCh = open === '[' ? ']' : '}';
    let raw = trimmed;
    let j = i;
    while (!flowClosed(raw, closeCh) && j + 1 < lines.length && indentOf(lines[j + 1].text) > 0) {
      j++;
      raw += ' ' + lines[j].text.trim();
    }
    if (!flowClosed(raw, closeCh)) {
      problems.push(`front matter line ${line.no}: \`${key}\` opens \`${open}\` but never closes it`);
      return { value: raw, next: j + 1 };
    }
    const inner = raw.slice(1, raw.lastIndexOf(closeCh));
    const parts = splitFlow(inner)
      .map((p) => p.trim())
      .filter((p) => p !== '');
    if (open === '[') {
      const items: string[] = [];
      for (const p of parts) {
        if (/^[[{]/.test(p)) problems.push(`front matter line ${line.no}: nested lists in \`${key}\` are not supported`);
        items.push(scalar(p, line.no, problems));
      }
      return { value: items, next: j + 1 };
    }
    for (const p of parts) {
      const km = /^(["']?)(.+?)\1[ \t]*:(?:[ \t]+(.*)|)$/.exec(p);
      if (!km) {
        problems.push(`front matter line ${line.no}: expected \`key: value\` inside \`${key}: {…}\`, found \`${clip(p)}\``);
        continue;
      }
      data[`${key}.${km[2].trim()}`] = scalar(km[3] ?? '', line.no, problems);
    }
    return { next: j + 1 };
  }

  if (/^[|>][+-]?[0-9]?$/.test(trimmed)) {
    const literal = trimmed[0] === '|';
    let j = i + 1;
    const body: string[] = [];
    let indent = -1;
    while (j < lines.length) {
      const t = lines[j].text;
      if (/^[ \t]*$/.test(t)) {
        body.push('');
        j++;
        continue;
      }
      const ind = indentOf(t);
      if (ind === 0) break;
      if (indent < 0) indent = ind;
      if (ind < indent) break;
      body.push(t.slice(indent));
      j++;
    }
    while (body.length && body[body.length - 1] === '') body.pop();
    const value = literal ? body.join('\n') : foldPlain(body.join('\n'));
    return { value, next: j };
  }

  // Plain scalar, possibly continued on indented lines.
  let raw = stripComment(rest);
  let j = i + 1;
  while (j < lines.length && indentOf(lines[j].text) > 0 && !isSkippable(lines[j].text)) {
    raw += '\n' + lines[j].text;
    j++;
  }
  return { value: foldPlain(raw), next: j };
}

/** A single-line scalar: quoted or plain. */
function scalar(s: string, no: number, problems: string[]): string {
  const t = s.trim();
  if (t.length >= 2 && t.startsWith('"') && findDoubleClose(t.slice(1)) === t.length - 2) {
    return decodeDouble(t.slice(1, -1), no, problems);
  }
  if (t.length >= 2 && t.startsWith("'") && findSingleClose(t.slice(1)) === t.length - 2) {
    return decodeSingle(t.slice(1, -1));
  }
  return stripComment(t).trim();
}

function stripComment(s: string): string {
  const m = /(^|[ \t])#/.exec(s);
  return (m ? s.slice(0, m.index) : s).trim();
}

function findDoubleClose(s: string): number {
  for (let k = 0; k < s.length; k++) {
    if (s[k] === '\\') k++;
    else if (s[k] === '"') return k;
  }
  return -1;
}

function findSingleClose(s: string): number {
  for (let k = 0; k < s.length; k++) {
    if (s[k] === "'") {
      if (s[k + 1] === "'") k++;
      else return k;
    }
  }
  return -1;
}

function flowClosed(raw: string, closeCh: string): boolean {
  let depth = 0;
  let q = '';
  for (let k = 0; k < raw.length; k++) {
    const c = raw[k];
    if (q) {
      if (q === '"' && c === '\\') k++;
      else if (c === q) q = '';
      continue;
    }
    if (c === '"' || c === "'") q = c;
    else if (c === '[' || c === '{') depth++;
    else if (c === ']' || c === '}') {
      depth--;
      if (depth === 0) return c === closeCh;
    }
  }
  return false;
}

function splitFlow(inner: string): string[] {
  const parts: string[] = [];
  let q = '';
  let depth = 0;
  let cur = '';
  for (let k = 0; k < inner.length; k++) {
    const c = inner[k];
    if (q) {
      cur += c;
      if (q === '"' && c === '\\') {
        cur += inner[k + 1] ?? '';
        k++;
      } else if (c === q) q = '';
      continue;
    }
    if (c === '"' || c === "'") q = c;
    else if (c === '[' || c === '{') depth++;
    else if (c === ']' || c === '}') depth--;
    if (c === ',' && depth === 0) {
      parts.push(cur);
      cur = '';
    } else cur += c;
  }
  parts.push(cur);
  return parts;
}

/** YAML line folding for plain and single-quoted scalars: a line break is a space, a blank line a newline. */
function foldPlain(raw: string): string {
  const ls = raw.split('\n').map((l) => l.trim());
  let out = '';
  let pendingBreaks = 0;
  for (let k = 0; k < ls.length; k++) {
    const l = ls[k];
    if (k > 0 && l === '') {
      pendingBreaks++;
      continue;
    }
    if (k > 0) out += pendingBreaks > 0 ? '\n'.repeat(pendingBreaks) : ' ';
    pendingBreaks = 0;
    out += l;
  }
  return out.trim();
}

function decodeSingle(body: string): string {
  return foldPlain(body.replace(/''/g, "'"));
}

const SIMPLE_ESCAPES: Record<string, string> = {
  '0': '\0',
  a: '\x07',
  b: '\b',
  t: '\t',
  '\t': '\t',
  n: '\n',
  v: '\v',
  f: '\f',
  r: '\r',
  e: '\x1b',
  ' ': ' ',
  '"': '"',
  '/': '/',
  '\\': '\\',
  N: '\u0085',
  _: '\u00a0',
  L: '\u2028',
  P: '\u2029',
};

/** Decodes a YAML double-quoted scalar's content (between the quotes), folding line breaks. */
function decodeDouble(body: string, no: number, problems: string[]): string {
  let out = '';
  let k = 0;
  while (k < body.length) {
    const c = body[k];
    if (c === '\\') {
      const e = body[k + 1];
      if (e === '\n') {
        // Escaped line break: join with no space, drop the next line's indentation.
        k += 2;
        while (k < body.length && (body[k] === ' ' || body[k] === '\t')) k++;
        continue;
      }
      if (e !== undefined && e in SIMPLE_ESCAPES) {
        out += SIMPLE_ESCAPES[e];
        k += 2;
        continue;
      }
      const width = e === 'x' ? 2 : e === 'u' ? 4 : e === 'U' ? 8 : 0;
      const hex = width ? body.slice(k + 2, k + 2 + width) : '';
      if (width && new RegExp(`^[0-9a-fA-F]{${width}}$`).test(hex)) {
        const cp = parseInt(hex, 16);
        out += cp <= 0x10ffff ? String.fromCodePoint(cp) : '\ufffd';
        k += 2 + width;
        continue;
      }
      problems.push(`front matter line ${no}: unknown escape \`\\${e ?? ''}\` in a quoted value`);
      out += e ?? '';
      k += 2;
      continue;
    }
    if (c === '\n') {
      // Unescaped line break: fold. Trailing spaces before it go, leading spaces after it go.
      out = out.replace(/[ \t]+$/, '');
      let breaks = 0;
      k++;
      for (;;) {
        while (k < body.length && (body[k] === ' ' || body[k] === '\t')) k++;
        if (body[k] === '\n') {
          breaks++;
          k++;
        } else break;
      }
      out += breaks > 0 ? '\n'.repeat(breaks) : ' ';
      continue;
    }
    out += c;
    k++;
  }
  return out;
}

function clip(s: string): string {
  return s.length > 60 ? s.slice(0, 57) + '…' : s;
}
