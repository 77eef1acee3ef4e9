// Re-checks only the paragraphs that changed. A document is cut into chunks at blank lines
// (kept whole where a quote, a code fence, an HTML comment, front matter or a block quote and
// its attribution run across them); each chunk is checked together with the chunk before it,
// so an attribution or a pronoun's antecedent in the previous paragraph still counts, and the
// result is cached by the text of both. Typing in one paragraph re-checks that chunk and the
// one after it (whose context changed); every other chunk comes from the cache.
import type { Finding } from '../engine/types';

export interface Chunk {
  start: number;
  end: number;
}

/** Chunks that cover the whole text, in order, each ending where the next begins. */
export function chunksOf(text: string): Chunk[] {
  const paras: Chunk[] = [];
  const sep = /(?:\r?\n|\r)[ \t]*(?:\r?\n|\r)(?:[ \t]*(?:\r?\n|\r))*/g;
  let start = 0;
  for (let m = sep.exec(text); m; m = sep.exec(text)) {
    const end = m.index + m[0].length;
    paras.push({ start, end });
    start = end;
  }
  if (start < text.length || paras.length === 0) paras.push({ start, end: text.length });

  // Front matter: everything up to its closing fence belongs to the first chunk.
  let frontEnd = -1;
  const fm = /^---[ \t]*\r?\n[\s\S]*?\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/.exec(text);
  if (fm) frontEnd = fm[0].length;

  const chunks: Chunk[] = [];
  let cur: Chunk | null = null;
  let open = false; // does the current chunk leave something open?
  let fence = false;
  let prevWasBlockQuote = false;
  for (const p of paras) {
    const body = text.slice(p.start, p.end);
    const isBlockQuote = /^[ \t]{0,3}>/.test(body);
    if (cur && (open || p.start < frontEnd || isBlockQuote || prevWasBlockQuote)) {
      cur.end = p.end;
    } else {
      if (cur) chunks.push(cur);
      cur = { start: p.start, end: p.end };
    }
    fence = fenceOpenAfter(body, fence);
    const sofar = text.slice(cur.start, cur.end);
    open = fence || commentOpen(sofar) || quoteOpen(body) || disableOpen(sofar);
    prevWasBlockQuote = isBlockQuote;
  }
  if (cur) chunks.push(cur);
  return chunks;
}

function fenceOpenAfter(body: string, open: boolean): boolean {
  const re = /^[ \t]{0,3}(```|~~~)/gm;
  let n = 0;
  while (re.exec(body)) n++;
  return n % 2 === 1 ? !open : open;
}

function commentOpen(body: string): boolean {
  const opened = body.lastIndexOf('<!--');
  return opened >= 0 && body.indexOf('-->', opened) < 0;
}

/** A `verbatim-disable` region runs until `verbatim-enable`: keep it in one chunk. */
function disableOpen(body: string): boolean {
  const re = /verbatim[-:\s]*(disable|enable)\b/gi;
  let last = '';
  for (let m = re.exec(body); m; m = re.exec(body)) last = m[1].toLowerCase();
  return last === 'disable';
}

/** A paragraph whose double quotation marks do not balance leaves a quote running into the next. */
function quoteOpen(body: string): boolean {
  const opens = (body.match(/[“„«]/g) ?? []).length;
  const closes = (body.match(/[”»]/g) ?? []).length;
  const straight = (body.match(/"/g) ?? []).length;
  if (opens + closes > 0) return opens > closes;
  return straight % 2 === 1;
}

export type CheckSlice = (text: string) => Finding[];

interface CacheEntry {
  findings: Finding[];
}

/**
 * Caches findings per chunk. Keys include a generation number that changes whenever the
 * corpus, the configuration or the severities change, so stale results are never served.
 */
export class ParagraphCache {
  private cache = new Map<string, CacheEntry>();
  private generation = 0;
  stats = { chunks: 0, hits: 0 };

  constructor(private readonly maxEntries = 4000) {}

  invalidate(): void {
    this.generation++;
    this.cache.clear();
  }

  /**
   * Findings for the whole text, with spans as offsets into it. `check` is called on a slice
   * (previous chunk + chunk) and must return spans relative to that slice; ranges are left for
   * the caller to recompute from the full text.
   */
  check(text: string, format: string, check: CheckSlice): Finding[] {
    const all: Finding[] = [];
    for (const chunk of this.steps(text, format, check)) all.push(...chunk);
    return all;
  }

  /**
   * The same check, giving the event loop back every `sliceMs` so requests (hover, the next
   * keystroke) are answered while a long document is checked; returns null as soon as `stale()`
   * says a newer version has made this check pointless.
   */
  async checkAsync(text: string, format: string, check: CheckSlice, stale: () => boolean, sliceMs = 15): Promise<Finding[] | null> {
    const all: Finding[] = [];
    let since = Date.now();
    for (const chunk of this.steps(text, format, check)) {
      all.push(...chunk);
      if (Date.now() - since >= sliceMs) {
        await new Promise((resolve) => setImmediate(resolve));
        if (stale()) return null;
        since = Date.now();
      }
    }
    return stale() ? null : all;
  }

  /** One chunk at a time: its findings, with spans as offsets into the whole text. */
  private *steps(text: string, format: string, check: CheckSlice): Generator<Finding[]> {
    const chunks = chunksOf(text);
    for (let i = 0; i < chunks.length; i++) {
      const chunk = chunks[i];
      const ctxStart = i > 0 ? chunks[i - 1].start : 0;
      let slice = text.slice(ctxStart, chunk.end);
      let shift = ctxStart;
      // A slice that starts with a thematic break must not be read as front matter.
      if (ctxStart > 0 && /^---/.test(slice)) {
        slice = '\n' + slice;
        shift -= 1;
      }
      const ownFrom = chunk.start - shift;
      const key = `${this.generation}\u0000${format}\u0000${ownFrom}\u0000${slice}`;
      let entry = this.cache.get(key);
      this.stats.chunks++;
      if (entry) {
        this.stats.hits++;
        // Refresh its place in the LRU order.
        this.cache.delete(key);
        this.cache.set(key, entry);
      } else {
        const found = check(slice).filter((f) => f.span.start >= ownFrom);
        entry = { findings: found.map((f) => ({ ...f, span: { start: f.span.start - ownFrom, end: f.span.end - ownFrom }, speakerSpan: f.speakerSpan ? { start: f.speakerSpan.start - ownFrom, end: f.speakerSpan.end - ownFrom } : null })) };
        this.cache.set(key, entry);
        if (this.cache.size > this.maxEntries) this.cache.delete(this.cache.keys().next().value as string);
      }
      yield entry.findings.map((f) => ({
        ...f,
        span: { start: f.span.start + chunk.start, end: f.span.end + chunk.start },
        speakerSpan: f.speakerSpan ? { start: f.speakerSpan.start + chunk.start, end: f.speakerSpan.end + chunk.start } : null,
      }));
    }
  }
}
