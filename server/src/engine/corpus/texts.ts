// Where statement texts live. A million statements are hundreds of megabytes of text, more
// than the heap should hold: with a cache folder the texts are written to segment files
// there (immutable once written) and read back one statement at a time when a quote is
// aligned against it or a finding shows it. Without one (tests, an unsaved corpus) they
// stay in memory.

import * as fs from 'fs';
import * as path from 'path';

/** One file of texts: bytes [base, base + bytes) of the corpus's text address space. */
export interface Segment {
  file: string;
  base: number;
  bytes: number;
}

const CHUNK = 4 * 1024 * 1024;

export class TextStore {
  /** Texts not in any segment file: address → string (addresses ≥ `memoryBase`). */
  private readonly memory = new Map<number, string>();
  private memoryBase: number;
  private memoryBytes = 0;
  private readonly segments: Array<Segment & { fd: number | null }> = [];
  /** A segment being written during a build: buffered, flushed in chunks. */
  private writing: { fd: number; file: string; base: number; flushed: number; buf: Buffer; used: number } | null = null;

  constructor(private readonly dir: string | null) {
    this.memoryBase = 0;
  }

  /** The segments the cache manifest lists (only complete, written ones). */
  get savedSegments(): Segment[] {
    return this.segments.map(({ file, base, bytes }) => ({ file, base, bytes }));
  }

  /**
   * Adopts segment files listed by a loaded cache. They are opened now: another process (the
   * CLI beside the server) may save over the cache and unlink them, and an open file outlives
   * its name.
   */
  adopt(segments: Segment[]): void {
    for (const s of segments) this.segments.push({ ...s, fd: this.open(s.file) });
    this.memoryBase = this.end();
  }

  private open(file: string): number | null {
    try {
      return fs.openSync(path.join(this.dir!, file), 'r');
    } catch {
      return null;
    }
  }

  private end(): number {
    const last = this.segments[this.segments.length - 1];
    return last ? last.base + last.bytes : 0;
  }

  /** Starts writing new texts straight to a segment file (a cold build with a cache folder). */
  beginSegment(): void {
    if (!this.dir || this.writing || this.memory.size > 0) return;
    fs.mkdirSync(this.dir, { recursive: true });
    const file = `texts-${Date.now().toString(36)}-${process.pid}-${Math.random().toString(36).slice(2, 8)}.bin`;
    const fd = fs.openSync(path.join(this.dir, file), 'w+');
    this.writing = { fd, file, base: this.end(), flushed: 0, buf: Buffer.allocUnsafe(CHUNK), used: 0 };
  }

  /** Stores a text; returns its address and byte length. */
  put(text: string): { at: number; bytes: number } {
    const w = this.writing;
    if (w) {
      const bytes = Buffer.byteLength(text, 'utf8');
      if (w.used + bytes > w.buf.length) this.flush();
      const at = w.base + w.flushed + w.used;
      if (bytes > w.buf.length) {
        fs.writeSync(w.fd, text, w.flushed, 'utf8');
        w.flushed += bytes;
      } else {
        w.buf.write(text, w.used, 'utf8');
        w.used += bytes;
      }
      return { at, bytes };
    }
    const at = this.memoryBase + this.memoryBytes;
    const bytes = Buffer.byteLength(text, 'utf8');
    this.memory.set(at, text);
    this.memoryBytes += Math.max(bytes, 1);
    return { at, bytes };
  }

  private flush(): void {
    const w = this.writing!;
    if (w.used > 0) fs.writeSync(w.fd, w.buf, 0, w.used, w.flushed);
    w.flushed += w.used;
    w.used = 0;
  }

  /** Finishes the segment being written (it becomes readable from the file). */
  endSegment(): void {
    const w = this.writing;
    if (!w) return;
    this.flush();
    this.segments.push({ file: w.file, base: w.base, bytes: w.flushed, fd: w.fd });
    this.writing = null;
    this.memoryBase = this.end();
  }

  /**
   * Writes the texts held in memory to a new segment file, so a cache can list them. Their
   * addresses do not change: the segment starts at the memory base.
   */
  persistMemory(): void {
    if (!this.dir || this.memory.size === 0) return;
    this.endSegment();
    const file = `texts-${Date.now().toString(36)}-${process.pid}-${Math.random().toString(36).slice(2, 8)}.bin`;
    const parts: Buffer[] = [];
    let offset = 0;
    for (const [at, text] of [...this.memory].sort((a, b) => a[0] - b[0])) {
      const rel = at - this.memoryBase;
      if (rel > offset) parts.push(Buffer.alloc(rel - offset));
      const b = Buffer.from(text, 'utf8');
      parts.push(b);
      offset = rel + b.length;
    }
    if (this.memoryBytes > offset) parts.push(Buffer.alloc(this.memoryBytes - offset));
    fs.mkdirSync(this.dir, { recursive: true });
    fs.writeFileSync(path.join(this.dir, file), Buffer.concat(parts));
    this.segments.push({ file, base: this.memoryBase, bytes: this.memoryBytes, fd: null });
    this.memory.clear();
    this.memoryBase = this.end();
    this.memoryBytes = 0;
  }

  get(at: number, bytes: number): string {
    if (at >= this.memoryBase && !this.writing) return this.memory.get(at) ?? '';
    const w = this.writing;
    if (w && at >= w.base) {
      const rel = at - w.base;
      if (rel >= w.flushed) return w.buf.toString('utf8', rel - w.flushed, rel - w.flushed + bytes);
      return this.readFrom(w.fd, rel, bytes);
    }
    if (at >= this.memoryBase) return this.memory.get(at) ?? '';
    const seg = this.segmentAt(at);
    if (!seg) return '';
    if (seg.fd === null) seg.fd = fs.openSync(path.join(this.dir!, seg.file), 'r');
    return this.readFrom(seg.fd, at - seg.base, bytes);
  }

  private readBuf = Buffer.allocUnsafe(64 * 1024);

  private readFrom(fd: number, position: number, bytes: number): string {
    if (bytes > this.readBuf.length) this.readBuf = Buffer.allocUnsafe(bytes);
    const n = fs.readSync(fd, this.readBuf, 0, bytes, position);
    return this.readBuf.toString('utf8', 0, n);
  }

  private segmentAt(at: number): (Segment & { fd: number | null }) | undefined {
    let lo = 0;
    let hi = this.segments.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const s = this.segments[mid];
      if (at < s.base) hi = mid - 1;
      else if (at >= s.base + s.bytes) lo = mid + 1;
      else return s;
    }
    return undefined;
  }

  /** True for the segment file being written now (not yet in any manifest). */
  isWriting(file: string): boolean {
    return this.writing?.file === file;
  }

  /** Checks that every segment file exists with at least its listed size. */
  static valid(dir: string, segments: Segment[]): boolean {
    try {
      return segments.every((s) => fs.statSync(path.join(dir, s.file)).size >= s.bytes);
    } catch {
      return false;
    }
  }

  close(): void {
    if (this.writing) this.endSegment();
    for (const s of this.segments) {
      if (s.fd !== null) {
        try {
          fs.closeSync(s.fd);
        } catch {
          /* already closed */
        }
        s.fd = null;
      }
    }
  }
}
