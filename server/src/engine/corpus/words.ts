// The corpus's word scanner: the same words as `text/tokenize.ts` (a unit test holds them
// equal on real files), found without a regular expression per word, and turned into
// integer word ids. Indexing a million statements spends much of its time here.

import { tokenize, type Token } from '../text/tokenize';
import { GrowU32 } from './growable';

const LETTER_OR_MARK = /[\p{L}\p{M}]/u;
const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;
const NUMBER_CHAR = /\p{N}/u;

// Per code unit below 128, a bit set: LETTER, DIGIT.
const LETTER = 1;
const DIGIT = 2;
const ASCII = new Uint8Array(128);
for (let c = 65; c <= 90; c++) ASCII[c] = LETTER;
for (let c = 97; c <= 122; c++) ASCII[c] = LETTER;
for (let c = 48; c <= 57; c++) ASCII[c] = DIGIT;

/** Length (1 or 2 code units) of the character at `i` when it is of `kinds` (a table lookup below 128, `pattern` above), else 0. */
function charOfKindAt(text: string, i: number, kinds: number, pattern: RegExp): number {
  const c = text.charCodeAt(i);
  if (c < 128) return (ASCII[c] & kinds) !== 0 ? 1 : 0;
  if (Number.isNaN(c)) return 0;
  const cp = text.codePointAt(i)!;
  return pattern.test(String.fromCodePoint(cp)) ? (cp > 0xffff ? 2 : 1) : 0;
}

/** Letters, marks and numbers of any script. */
const wordCharAt = (text: string, i: number) => charOfKindAt(text, i, LETTER | DIGIT, WORD_CHAR);
const letterAt = (text: string, i: number) => charOfKindAt(text, i, LETTER, LETTER_OR_MARK);
const digitAt = (text: string, i: number) => charOfKindAt(text, i, DIGIT, NUMBER_CHAR);

/**
 * Calls `onWord(start, end)` for the span of every word of `text` as `tokenize`'s word
 * pattern finds them (letters, marks and digits, inner apostrophes, number separators).
 */
export function forEachWordSpan(text: string, onWord: (start: number, end: number) => void): void {
  for (let start = nextWord(text, 0); start >= 0; start = nextWord(text, wordEnd)) onWord(start, wordEnd);
}

/** Where `nextWord` found the last word to end. */
let wordEnd = 0;

/** The start of the first word at or after `from` (its end in `wordEnd`), or -1. */
function nextWord(text: string, from: number): number {
  const n = text.length;
  let i = from;
  while (i < n) {
    const c = text.charCodeAt(i);
    let len = c < 128 ? (ASCII[c] !== 0 ? 1 : 0) : wordCharAt(text, i);
    if (len === 0) {
      i++;
      continue;
    }
    const start = i;
    i += len;
    // [\p{L}\p{M}\p{N}]+
    while (i < n) {
      const d = text.charCodeAt(i);
      if (d < 128) {
        if (ASCII[d] === 0) break;
        i++;
      } else {
        len = wordCharAt(text, i);
        if (len === 0) break;
        i += len;
      }
    }
    // (?:['’ʼ][\p{L}\p{M}]+)*
    for (;;) {
      const a = text.charCodeAt(i);
      if (a !== 39 && a !== 0x2019 && a !== 0x2bc) break;
      let j = i + 1;
      let l = letterAt(text, j);
      if (l === 0) break;
      while (l > 0) {
        j += l;
        l = letterAt(text, j);
      }
      i = j;
    }
    // (?:[.,]\p{N}+)*
    for (;;) {
      const p = text.charCodeAt(i);
      if (p !== 46 && p !== 44) break;
      let j = i + 1;
      let l = digitAt(text, j);
      if (l === 0) break;
      while (l > 0) {
        j += l;
        l = digitAt(text, j);
      }
      i = j;
    }
    wordEnd = i;
    return start;
  }
  return -1;
}

/**
 * Word ids for the corpus: every distinct matching key (`Token.norm`) gets a small integer.
 * A word as written (a "form": "Won’t", "the") is turned into keys once, by `tokenize` itself
 * (so contractions and any other rule of the matcher apply), and remembered in a hash table
 * of forms, so scanning a text makes no string for a word already seen.
 */
export class Vocabulary {
  private readonly ids = new Map<string, number>();
  readonly words: string[] = [];

  get size(): number {
    return this.words.length;
  }

  id(norm: string): number {
    let id = this.ids.get(norm);
    if (id === undefined) {
      id = this.words.length;
      this.words.push(norm);
      this.ids.set(norm, id);
    }
    return id;
  }

  /** The id of a key, or -1 when no statement has it. */
  lookup(norm: string): number {
    return this.ids.get(norm) ?? -1;
  }

  // The forms: open addressing by a hash of the characters. A slot is three numbers side by
  // side (one memory access finds them): the hash, the form number + 1 (0: empty), and the
  // form's first key id; a form of several keys ("won't": will, not) has the rest in `formRest`.
  private slots: Int32Array = new Int32Array(3 << 16);
  private formHash: Int32Array = new Int32Array(1 << 15);
  private formFirst: Int32Array = new Int32Array(1 << 15);
  private formRaw: string[] = [];
  private formRest: Array<number[] | null> = [];

  /** Appends the word ids of `text` to `out`, in order. */
  scanInto(text: string, out: GrowU32): void {
    // At most one key per character: a form has two keys only when it is a contraction of three or more.
    out.reserve(out.length + text.length + 1);
    const data = out.data;
    let length = out.length;
    for (let start = nextWord(text, 0); start >= 0; start = nextWord(text, wordEnd)) {
      const end = wordEnd;
      let h = end - start;
      for (let i = start; i < end; i++) h = (Math.imul(h, 31) + text.charCodeAt(i)) | 0;
      const slot = this.slotOf(text, start, end, h);
      data[length++] = this.slots[slot + 2];
      const rest = this.formRest[this.slots[slot + 1] - 1];
      if (rest !== null) for (const id of rest) data[length++] = id;
    }
    out.length = length;
  }

  /** Calls `onWord(wordId)` for each key of `text`, in order. */
  scan(text: string, onWord: (id: number) => void): void {
    const ids = new GrowU32(16);
    this.scanInto(text, ids);
    for (let i = 0; i < ids.length; i++) onWord(ids.data[i]);
  }

  /** The slot of `text[start, end)` (hash `h`), its form learnt if new. */
  private slotOf(text: string, start: number, end: number, h: number): number {
    const length = end - start;
    for (;;) {
      const slots = this.slots;
      const capacity = slots.length / 3;
      for (let i = home(h, capacity); ; i = (i + 1) & (capacity - 1)) {
        const slot = i * 3;
        const entry = slots[slot + 1];
        if (entry === 0) {
          this.learn(text, start, end, h);
          break; // placed (the table may have grown): look again
        }
        if (slots[slot] !== h) continue;
        const raw = this.formRaw[entry - 1];
        if (raw.length === length && text.startsWith(raw, start)) return slot;
      }
    }
  }

  private learn(text: string, start: number, end: number, h: number): void {
    if (this.formRaw.length >= MAX_FORMS) this.forgetForms();
    const raw = detach(text.slice(start, end));
    // Its key ids: one, or several for "won't" → will not.
    const ids = tokenize(raw).map((t) => this.id(t.norm));
    const form = this.formRaw.length;
    if (form >= this.formHash.length) {
      this.formHash = grow(this.formHash);
      this.formFirst = grow(this.formFirst);
    }
    this.formHash[form] = h;
    this.formFirst[form] = ids[0];
    this.formRaw.push(raw);
    this.formRest.push(ids.length > 1 ? ids.slice(1) : null);
    this.place(form);
  }

  /** Puts a new form in the table, doubling the table when it is half full. */
  private place(form: number): void {
    if ((this.formRaw.length + 1) * 2 > this.slots.length / 3) {
      this.slots = new Int32Array(this.slots.length * 2);
      for (let f = 0; f < this.formRaw.length; f++) this.insert(f);
    } else this.insert(form);
  }

  private insert(form: number): void {
    const mask = this.slots.length / 3 - 1;
    const h = this.formHash[form];
    let i = home(h, mask + 1);
    while (this.slots[i * 3 + 1] !== 0) i = (i + 1) & mask;
    this.slots[i * 3] = h;
    this.slots[i * 3 + 1] = form + 1;
    this.slots[i * 3 + 2] = this.formFirst[form];
  }

  /** The forms are a cache (the ids stay): past a limit, they are forgotten rather than grow without end. */
  private forgetForms(): void {
    this.slots = new Int32Array(3 << 16);
    this.formRaw = [];
    this.formRest = [];
  }

  /** Restores the ids saved by a cache (`words` in id order). */
  static from(words: string[]): Vocabulary {
    const v = new Vocabulary();
    for (const w of words) v.id(w);
    return v;
  }
}

const MAX_FORMS = 2_000_000;

/** A hash's first slot in a table of `capacity` slots, after a multiplicative mix (short words' character hashes are close together). */
function home(h: number, capacity: number): number {
  return (Math.imul(h, 0x9e3779b1) >>> 0) % capacity;
}

function grow(a: Int32Array): Int32Array {
  const next = new Int32Array(a.length * 2);
  next.set(a);
  return next;
}

/** A word as written: its keys, and any other fields `tokenize` gave them (flags such as `contracted`). */
type WordForm = Array<{ norm: string; extra: Partial<Token> | null }>;
const forms = new Map<string, WordForm>();

/**
 * `tokenize(text)`, faster: the word spans come from the scanner above and each written
 * form's tokens from `tokenize` itself, once per form, so the result is the same.
 */
export function tokenizeFast(text: string): Token[] {
  const out: Token[] = [];
  forEachWordSpan(text, (start, end) => {
    const raw = text.slice(start, end);
    let form = forms.get(raw);
    if (form === undefined) {
      form = tokenize(raw).map(({ norm, start: _s, end: _e, ...rest }) => ({ norm, extra: Object.keys(rest).length > 0 ? rest : null }));
      if (forms.size > 500_000) forms.clear();
      forms.set(detach(raw), form);
    }
    for (const f of form) {
      const t: Token = { norm: f.norm, start, end };
      if (f.extra !== null) Object.assign(t, f.extra);
      out.push(t);
    }
  });
  return out;
}

/**
 * A copy of `s` that does not keep the text it was sliced from alive: V8 makes a slice of
 * 13 or more characters a view into its parent, so a word kept as a map key (or a title kept
 * in a document) would hold a whole source file in memory.
 */
export function detach(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}
