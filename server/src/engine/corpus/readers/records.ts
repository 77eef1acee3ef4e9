// Records: `.jsonl` (one `{speaker, text, date?, url?, title?}` per line), `.json` (an array
// of such records, `{ "statements": [...] }`, or one record) and `.csv` (a header naming
// at least `speaker` and `text`; RFC 4180 quoting). A bad line or record is a problem that
// names it; every other record still loads. A statement's span is the raw JSON string or
// CSV field of its `text` (inside the quotes), so "go to source" lands on the words.

import type { Span } from '../../types';
import { LineCounter, lineNumberAt } from './lines';
import type { RawStatement } from './transcript';

export type RecordStatement = RawStatement & { date?: string; url?: string; title?: string };

export interface RecordsResult {
  statements: RecordStatement[];
  problems: string[];
}

// ---------------------------------------------------------------------------------------
// A small JSON parser that keeps the offsets of every value.

type JsonValue = null | boolean | number | string | JsonValue[] | { [k: string]: JsonValue };

interface Node {
  value: JsonValue;
  span: Span;
  /** For objects: each member's value node. */
  members?: Map<string, Node>;
  /** For arrays: each element node. */
  items?: Node[];
}

class JsonError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

class JsonReader {
  private pos: number;

  constructor(
    private readonly s: string,
    from: number,
    private readonly to: number,
  ) {
    this.pos = from;
  }

  parseAll(): Node {
    this.ws();
    const node = this.value(0);
    this.ws();
    if (this.pos < this.to) throw new JsonError(`unexpected ${this.what()} after the JSON value`, this.pos);
    return node;
  }

  private what(): string {
    if (this.pos >= this.to) return 'end of input';
    return `\`${this.s[this.pos]}\``;
  }

  private ws(): void {
    while (this.pos < this.to) {
      const c = this.s.charCodeAt(this.pos);
      if (c === 32 || c === 9 || c === 10 || c === 13 || c === 0xfeff) this.pos++;
      else break;
    }
  }

  private value(depth: number): Node {
    if (depth > 200) throw new JsonError('JSON nested too deeply', this.pos);
    const start = this.pos;
    const c = this.s[this.pos];
    if (c === '{') return this.object(depth);
    if (c === '[') return this.array(depth);
    if (c === '"') return { value: this.string(), span: { start, end: this.pos } };
    const lit = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(this.s.slice(this.pos, Math.min(this.to, this.pos + 400)));
    if (lit) {
      this.pos += lit[0].length;
      const v = lit[0] === 'true' ? true : lit[0] === 'false' ? false : lit[0] === 'null' ? null : Number(lit[0]);
      return { value: v, span: { start, end: this.pos } };
    }
    throw new JsonError(`unexpected ${this.what()}`, this.pos);
  }

  private string(): string {
    const start = this.pos;
    this.pos++;
    let k = this.pos;
    while (k < this.to) {
      const ch = this.s.charCodeAt(k);
      if (ch === 34) break;
      if (ch === 92) k += 2;
      else if (ch < 0x20) throw new JsonError('control character or line break inside a string', k);
      else k++;
    }
    if (k >= this.to) throw new JsonError('unterminated string', start);
    const raw = this.s.slice(start, k + 1);
    this.pos = k + 1;
    try {
      return JSON.parse(raw) as string;
    } catch {
      throw new JsonError('bad escape in a string', start);
    }
  }

  private array(depth: number): Node {
    const start = this.pos;
    this.pos++;
    const items: Node[] = [];
    this.ws();
    if (this.s[this.pos] === ']') {
      this.pos++;
      return { value: [], span: { start, end: this.pos }, items };
    }
    for (;;) {
      this.ws();
      items.push(this.value(depth + 1));
      this.ws();
      if (this.s[this.pos] === ',') {
        this.pos++;
        continue;
      }
      if (this.s[this.pos] === ']') {
        this.pos++;
        break;
      }
      throw new JsonError(`expected \`,\` or \`]\`, found ${this.what()}`, this.pos);
    }
    return { value: items.map((n) => n.value), span: { start, end: this.pos }, items };
  }

  private object(depth: number): Node {
    const start = this.pos;
    this.pos++;
    const members = new Map<string, Node>();
    const value: { [k: string]: JsonValue } = {};
    this.ws();
    if (this.s[this.pos] === '}') {
      this.pos++;
      return { value, span: { start, end: this.pos }, members };
    }
    for (;;) {
      this.ws();
      if (this.s[this.pos] !== '"') throw new JsonError(`expected a property name, found ${this.what()}`, this.pos);
      const key = this.string();
      this.ws();
      if (this.s[this.pos] !== ':') throw new JsonError(`expected \`:\`, found ${this.what()}`, this.pos);
      this.pos++;
      this.ws();
      const node = this.value(depth + 1);
      members.set(key, node);
      value[key] = node.value;
      this.ws();
      if (this.s[this.pos] === ',') {
        this.pos++;
        continue;
      }
      if (this.s[this.pos] === '}') {
        this.pos++;
        break;
      }
      throw new JsonError(`expected \`,\` or \`}\`, found ${this.what()}`, this.pos);
    }
    return { value, span: { start, end: this.pos }, members };
  }
}

function describeType(v: JsonValue | undefined): string {
  if (v === undefined) return 'missing';
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'object') return 'an object';
  return `a ${typeof v}`;
}

/** Turns one record node into a statement, or pushes a problem naming `where`. */
function recordFrom(node: Node, where: string, problems: string[]): RecordStatement | null {
  if (!node.members) {
    problems.push(`${where}: expected an object with "speaker" and "text", found ${describeType(node.value)}`);
    return null;
  }
  const m = node.members;
  const errors: string[] = [];
  const speaker = m.get('speaker');
  const text = m.get('text');
  if (!speaker || typeof speaker.value !== 'string') errors.push(`"speaker" must be a string (${describeType(speaker?.value)})`);
  else if (speaker.value.trim() === '') errors.push('"speaker" is empty');
  if (!text || typeof text.value !== 'string') errors.push(`"text" must be a string (${describeType(text?.value)})`);
  else if (text.value.trim() === '') errors.push('"text" is empty');
  const optional: Partial<Record<'date' | 'url' | 'title', string>> = {};
  for (const key of ['date', 'url', 'title'] as const) {
    const n = m.get(key);
    if (n === undefined || n.value === null) continue;
    if (typeof n.value !== 'string') errors.push(`"${key}" must be a string (${describeType(n.value)})`);
    else if (n.value.trim() !== '') optional[key] = n.value;
  }
  if (errors.length) {
    problems.push(`${where}: ${errors.join('; ')}`);
    return null;
  }
  const t = text!;
  // The span covers the words inside the quotes of the JSON string.
  const st: RecordStatement = {
    speakerText: (speaker!.value as string).trim(),
    span: { start: t.span.start + 1, end: t.span.end - 1 },
    text: t.value as string,
  };
  if (optional.date) st.date = optional.date;
  if (optional.url) st.url = optional.url;
  if (optional.title) st.title = optional.title;
  return st;
}

function errorAt(text: string, e: unknown, fallback: number): string {
  if (e instanceof JsonError) {
    const line = lineNumberAt(text, e.offset);
    const lineStart = Math.max(text.lastIndexOf('\n', e.offset - 1) + 1, 0);
    return `line ${line}, column ${e.offset - lineStart + 1}: ${e.message}`;
  }
  return `line ${lineNumberAt(text, fallback)}: ${(e as Error).message}`;
}

export function readJsonRecords(text: string, kind: 'json' | 'jsonl'): RecordsResult {
  const statements: RecordStatement[] = [];
  const problems: string[] = [];
  if (kind === 'jsonl') {
    let lineNo = 0;
    let start = 0;
    while (start <= text.length) {
      let end = text.indexOf('\n', start);
      if (end < 0) end = text.length;
      lineNo++;
      const lineText = text.slice(start, end);
      if (lineText.trim() !== '') {
        try {
          const node = new JsonReader(text, start, end).parseAll();
          const st = recordFrom(node, `line ${lineNo}`, problems);
          if (st) statements.push(st);
        } catch (e) {
          const col = e instanceof JsonError ? `, column ${e.offset - start + 1}` : '';
          problems.push(`line ${lineNo}${col}: not valid JSON: ${(e as Error).message}`);
        }
      }
      if (end >= text.length) break;
      start = end + 1;
    }
    return { statements: splitEmbeddedTurns(statements, text), problems };
  }

  let root: Node;
  try {
    root = new JsonReader(text, 0, text.length).parseAll();
  } catch (e) {
    problems.push(`not valid JSON: ${errorAt(text, e, 0)}`);
    return { statements, problems };
  }
  let list: Node[] | undefined;
  if (root.items) list = root.items;
  else if (root.members?.has('statements')) {
    const inner = root.members.get('statements')!;
    if (!inner.items) {
      problems.push(`"statements" must be an array (found ${describeType(inner.value)})`);
      return { statements, problems };
    }
    list = inner.items;
  } else if (root.members?.has('text') || root.members?.has('speaker')) {
    list = [root];
  } else {
    problems.push('expected an array of {"speaker", "text"} records or {"statements": [...]}');
    return { statements, problems };
  }
  const lines = new LineCounter(text);
  list.forEach((node, i) => {
    const st = recordFrom(node, `record ${i + 1} (line ${lines.at(node.span.start)})`, problems);
    if (st) statements.push(st);
  });
  return { statements: splitEmbeddedTurns(statements, text), problems };
}

// ---------------------------------------------------------------------------------------
// Turns inside a record. A transcript scraped into one record a turn sometimes holds the next
// speakers' turns in one record ("Go ahead, Mr. Trump. TRUMP: I have heard Ted say…"): the
// words after "TRUMP:" are not the moderator's. A label is a speaker's surname in capitals
// (or "(UNKNOWN)", an unnamed voice, dropped), after a sentence's end or at the start, naming
// a speaker the file's records name; the record is cut there, each part its own statement.

const EMBEDDED_LABEL = /(^|[.?!…"”)\]-]\s+|\.\.\.\s*)((?:MR\.|MRS\.|MS\.|DR\.|SEN\.|GOV\.)?\s?[A-Z][A-Z'’-]+|\(UNKNOWN\)|\(UNIDENTIFIED\)):\s+/g;

/** For each UTF-16 unit of a JSON string's value, the offset of its first raw character (and one past the end). */
function rawOffsets(raw: string, from: number, to: number): number[] {
  const out: number[] = [];
  for (let i = from; i < to;) {
    out.push(i);
    if (raw.charCodeAt(i) === 0x5c) i += raw[i + 1] === 'u' ? 6 : 2;
    else i++;
  }
  out.push(to);
  return out;
}

function splitEmbeddedTurns(statements: RecordStatement[], raw: string): RecordStatement[] {
  // Surnames (in capitals) the file's speakers have, each to its one full name.
  const bySurname = new Map<string, string | null>();
  for (const st of statements) {
    const words = st.speakerText.split(/\s+/);
    const surname = words[words.length - 1].toUpperCase();
    if (surname.length < 2) continue;
    const known = bySurname.get(surname);
    bySurname.set(surname, known === undefined || known === st.speakerText ? st.speakerText : null);
  }
  const out: RecordStatement[] = [];
  for (const st of statements) {
    const cuts: Array<{ at: number; words: number; speaker: string }> = [];
    EMBEDDED_LABEL.lastIndex = 0;
    for (let m = EMBEDDED_LABEL.exec(st.text); m; m = EMBEDDED_LABEL.exec(st.text)) {
      const label = m[2].trim();
      const at = m.index + m[1].length;
      if (label.startsWith('(')) {
        cuts.push({ at, words: at + m[0].length - m[1].length, speaker: '' });
        continue;
      }
      const surname = label.split(/\s+/).pop()!;
      const name = bySurname.get(surname);
      if (name) cuts.push({ at, words: at + m[0].length - m[1].length, speaker: name });
    }
    if (cuts.length === 0) {
      out.push(st);
      continue;
    }
    const offsets = rawOffsets(raw, st.span.start, st.span.end);
    if (offsets.length !== st.text.length + 1) {
      out.push(st);
      continue;
    }
    const part = (speaker: string, from: number, to: number) => {
      while (from < to && /\s/.test(st.text[from])) from++;
      while (to > from && /\s/.test(st.text[to - 1])) to--;
      if (to <= from) return;
      out.push({ ...st, speakerText: speaker, text: st.text.slice(from, to), span: { start: offsets[from], end: offsets[to] } });
    };
    part(st.speakerText, 0, cuts[0].at);
    cuts.forEach((c, i) => part(c.speaker, c.words, i + 1 < cuts.length ? cuts[i + 1].at : st.text.length));
  }
  return out;
}

// ---------------------------------------------------------------------------------------
// CSV (RFC 4180): fields separated by commas, quoted with "", "" inside quotes is a quote,
// quoted fields may hold separators and line breaks. Lines end with \n or \r\n. The separator
// is the one of `,` `;` tab that makes a header naming `speaker` and `text` (spreadsheets in
// many locales save with `;`, and .tsv files use tabs); white space before an opening quote
// is allowed (`Miller, "a, b"`), as spreadsheet programs read it.

const SEPARATORS = [',', ';', '\t'];

/** The separator of the header line: the one that names `speaker` and `text`, else the commonest. */
export function detectSeparator(text: string): string {
  let end = text.indexOf('\n');
  if (end < 0) end = text.length;
  const header = text.slice(text.charCodeAt(0) === 0xfeff ? 1 : 0, end);
  let best = ',';
  let bestCount = 0;
  for (const sep of SEPARATORS) {
    const names = parseCsv(header, [], sep)[0]?.fields.map((f) => f.value.trim().toLowerCase()) ?? [];
    if (names.includes('speaker') && names.includes('text')) return sep;
    if (names.length - 1 > bestCount) {
      best = sep;
      bestCount = names.length - 1;
    }
  }
  return best;
}

interface CsvField {
  value: string;
  /** Raw extent of the field's content (inside the quotes when quoted). */
  span: Span;
}

interface CsvRow {
  fields: CsvField[];
  /** 1-based line number where the row starts. */
  line: number;
}

function parseCsv(text: string, problems: string[], sep: string): CsvRow[] {
  const rows: CsvRow[] = [];
  let pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  const n = text.length;
  while (pos < n) {
    const rowLine = line;
    const fields: CsvField[] = [];
    for (;;) {
      let lead = pos;
      while (lead < n && (text[lead] === ' ' || (text[lead] === '\t' && sep !== '\t'))) lead++;
      if (text[lead] === '"') pos = lead;
      if (text[pos] === '"') {
        const contentStart = pos + 1;
        let k = contentStart;
        let value = '';
        let closed = false;
        while (k < n) {
          const c = text[k];
          if (c === '"') {
            if (text[k + 1] === '"') {
              value += '"';
              k += 2;
              continue;
            }
            closed = true;
            break;
          }
          if (c === '\n') line++;
          value += c;
          k++;
        }
        if (!closed) {
          problems.push(`line ${rowLine}: a quoted field is never closed`);
          fields.push({ value, span: { start: contentStart, end: n } });
          pos = n;
          break;
        }
        fields.push({ value, span: { start: contentStart, end: k } });
        pos = k + 1;
        // Anything between the closing quote and the separator is malformed; keep it.
        let extra = '';
        while (pos < n && text[pos] !== sep && text[pos] !== '\n' && text[pos] !== '\r') extra += text[pos++];
        if (extra.trim() !== '') {
          problems.push(`line ${line}: unexpected text \`${extra.trim().slice(0, 20)}\` after a quoted field`);
        }
      } else {
        const start = pos;
        while (pos < n && text[pos] !== sep && text[pos] !== '\n' && text[pos] !== '\r') pos++;
        fields.push({ value: text.slice(start, pos), span: { start, end: pos } });
      }
      if (pos < n && text[pos] === sep) {
        pos++;
        continue;
      }
      // End of row.
      if (text[pos] === '\r') pos++;
      if (text[pos] === '\n') pos++;
      line++;
      break;
    }
    const empty = fields.length === 1 && fields[0].value.trim() === '' && text[fields[0].span.start - 1] !== '"';
    if (!empty) rows.push({ fields, line: rowLine });
  }
  return rows;
}

export function readCsv(text: string): RecordsResult {
  const statements: RecordStatement[] = [];
  const problems: string[] = [];
  const rows = parseCsv(text, problems, detectSeparator(text));
  if (rows.length === 0) {
    problems.push('empty CSV: expected a header naming `speaker` and `text`');
    return { statements, problems };
  }
  const header = rows[0].fields.map((f) => f.value.trim().toLowerCase());
  const col = (name: string) => header.indexOf(name);
  const speakerCol = col('speaker');
  const textCol = col('text');
  if (speakerCol < 0 || textCol < 0) {
    const missing = [speakerCol < 0 ? '`speaker`' : '', textCol < 0 ? '`text`' : ''].filter(Boolean).join(' and ');
    problems.push(`line 1: the CSV header has no ${missing} column (found: ${header.map((h) => `\`${h}\``).join(', ') || 'nothing'})`);
    return { statements, problems };
  }
  const dateCol = col('date');
  const urlCol = col('url');
  const titleCol = col('title');
  for (let r = 1; r < rows.length; r++) {
    const row = rows[r];
    if (row.fields.length !== header.length) {
      problems.push(`line ${row.line}: ${row.fields.length} field${row.fields.length === 1 ? '' : 's'}, the header has ${header.length}`);
    }
    const speaker = row.fields[speakerCol]?.value.trim() ?? '';
    const textField = row.fields[textCol];
    if (!speaker || !textField || textField.value.trim() === '') {
      problems.push(`line ${row.line}: row skipped, ${!speaker ? '`speaker`' : '`text`'} is empty or missing`);
      continue;
    }
    const st: RecordStatement = { speakerText: speaker, span: textField.span, text: textField.value };
    const opt = (c: number) => (c >= 0 ? row.fields[c]?.value.trim() || undefined : undefined);
    const date = opt(dateCol);
    const url = opt(urlCol);
    const title = opt(titleCol);
    if (date) st.date = date;
    if (url) st.url = url;
    if (title) st.title = title;
    statements.push(st);
  }
  return { statements, problems };
}
