// Typed arrays that grow: the corpus keeps one number per statement (or per word) in these
// instead of an object per statement, so a million statements cost tens of megabytes.

export class GrowU32 {
  data: Uint32Array;
  length = 0;

  constructor(capacity = 1024, data?: Uint32Array) {
    if (data) {
      this.data = data;
      this.length = data.length;
    } else this.data = new Uint32Array(capacity);
  }

  push(v: number): void {
    if (this.length === this.data.length) this.reserve(this.length + 1);
    this.data[this.length++] = v;
  }

  reserve(n: number): void {
    if (n <= this.data.length) return;
    const next = new Uint32Array(Math.max(n, Math.ceil(this.data.length * 1.5) + 1024));
    next.set(this.data.subarray(0, this.length));
    this.data = next;
  }

  get(i: number): number {
    return this.data[i];
  }

  set(i: number, v: number): void {
    this.data[i] = v;
  }

  /** The filled part, as a view (no copy). */
  view(): Uint32Array {
    return this.data.subarray(0, this.length);
  }
}

export class GrowF64 {
  data: Float64Array;
  length = 0;

  constructor(capacity = 1024, data?: Float64Array) {
    if (data) {
      this.data = data;
      this.length = data.length;
    } else this.data = new Float64Array(capacity);
  }

  push(v: number): void {
    if (this.length === this.data.length) this.reserve(this.length + 1);
    this.data[this.length++] = v;
  }

  reserve(n: number): void {
    if (n <= this.data.length) return;
    const next = new Float64Array(Math.max(n, Math.ceil(this.data.length * 1.5) + 1024));
    next.set(this.data.subarray(0, this.length));
    this.data = next;
  }

  get(i: number): number {
    return this.data[i];
  }

  set(i: number, v: number): void {
    this.data[i] = v;
  }

  view(): Float64Array {
    return this.data.subarray(0, this.length);
  }
}
