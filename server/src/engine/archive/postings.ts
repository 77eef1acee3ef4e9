// One load batch's postings: the (key, statement id) pairs of its statements grouped by key,
// then written as COPY's binary format. Grouped in typed arrays (a hash table of keys, counts,
// then the ids placed by a counting pass) rather than a Map of arrays: a batch of 50,000
// statements has about two million pairs, and a Map of a million small arrays cost the loader
// a quarter of its time in the Map and the garbage collector.

/** Pairs grouped by key: key `i`'s ids are `ids[starts[i] .. starts[i + 1])`, ascending when the pairs were. */
export interface PostingLists {
  keys: Int32Array;
  starts: Uint32Array;
  ids: Uint32Array;
}

/** Groups `length` pairs (`keys[i]`, `ids[i]`) by key, keeping the ids' order within each key. */
export function groupPostings(keys: Uint32Array, ids: Uint32Array, length: number): PostingLists {
  let capacity = 16;
  while (capacity < length * 2) capacity *= 2;
  const mask = capacity - 1;
  const table = new Int32Array(capacity).fill(-1);
  const distinct = new Int32Array(length);
  const which = new Uint32Array(length);
  const counts = new Uint32Array(length + 1);
  let d = 0;
  for (let i = 0; i < length; i++) {
    const key = keys[i] | 0;
    let slot = (Math.imul(key, 0x9e3779b1) >>> 0) & mask;
    for (;;) {
      const at = table[slot];
      if (at === -1) {
        table[slot] = d;
        distinct[d] = key;
        which[i] = d++;
        break;
      }
      if (distinct[at] === key) {
        which[i] = at;
        break;
      }
      slot = (slot + 1) & mask;
    }
    counts[which[i]]++;
  }
  // Counts become starts in place; `next` walks each list as it fills.
  const starts = new Uint32Array(d + 1);
  for (let k = 0, sum = 0; k <= d; k++) {
    starts[k] = sum;
    sum += counts[k];
  }
  const next = starts.slice(0, d);
  const grouped = new Uint32Array(length);
  for (let i = 0; i < length; i++) grouped[next[which[i]]++] = ids[i];
  return { keys: distinct.slice(0, d), starts, ids: grouped };
}

const INT4_OID = 23;
const SIGNATURE = [0x50, 0x47, 0x43, 0x4f, 0x50, 0x59, 0x0a, 0xff, 0x0d, 0x0a, 0x00]; // PGCOPY\n\377\r\n\0

/**
 * The rows (key, batch, n, ids) of `lists` in COPY's binary format (`COPY … FROM STDIN (FORMAT
 * binary)`): no text to build, encode and parse back for some 15 million numbers a load of the
 * briefing room sends.
 */
export function binaryPostings(lists: PostingLists, batch: number): Buffer {
  const rows = lists.keys.length;
  // A row: field count, three int4 fields, and an int4[] of one dimension without nulls.
  const size = SIGNATURE.length + 8 + rows * (2 + 3 * 8 + 4 + 20) + lists.ids.length * 8 + 2;
  const buffer = Buffer.allocUnsafe(size);
  const view = new DataView(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  let at = 0;
  for (const b of SIGNATURE) view.setUint8(at++, b);
  view.setInt32(at, 0); // flags
  view.setInt32(at + 4, 0); // header extension length
  at += 8;
  for (let r = 0; r < rows; r++) {
    const from = lists.starts[r];
    const n = lists.starts[r + 1] - from;
    view.setInt16(at, 4);
    view.setInt32(at + 2, 4);
    view.setInt32(at + 6, lists.keys[r]);
    view.setInt32(at + 10, 4);
    view.setInt32(at + 14, batch);
    view.setInt32(at + 18, 4);
    view.setInt32(at + 22, n);
    view.setInt32(at + 26, 20 + 8 * n);
    view.setInt32(at + 30, 1); // dimensions
    view.setInt32(at + 34, 0); // no nulls
    view.setInt32(at + 38, INT4_OID);
    view.setInt32(at + 42, n);
    view.setInt32(at + 46, 1); // lower bound
    at += 50;
    for (let i = from, end = from + n; i < end; i++) {
      view.setInt32(at, 4);
      view.setInt32(at + 4, lists.ids[i]);
      at += 8;
    }
  }
  view.setInt16(at, -1);
  at += 2;
  if (at !== size) throw new Error(`binary COPY size ${at} <> ${size}`);
  return buffer;
}
