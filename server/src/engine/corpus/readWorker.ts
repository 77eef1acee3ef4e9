// A worker thread of a cold index (parallelRead.ts starts it): reads its share of the source
// files with a vocabulary of its own, and posts each batch's reads, with the words its
// vocabulary learnt meanwhile, to the port it was given. It stays at most a few batches ahead
// of the corpus taking them, so reads never pile up in memory.

import { workerData } from 'worker_threads';
import type { MessagePort } from 'worker_threads';
import { readSourceFile, type ReadSource } from './sourceFile';
import { closeDocumentThread } from './documentThread';
import { GrowU32 } from './growable';
import { Vocabulary } from './words';

export interface ReadWorkerData {
  /** This worker's batches of absolute paths, in the order it reads them. */
  batches: string[][];
  maxFileBytes: number;
  port: MessagePort;
  /** Int32 [batches posted, batches taken]. */
  progress: SharedArrayBuffer;
}

/** A batch's message: the reads in file order and the words learnt since the last batch; or what went wrong. */
export type ReadBatch = { reads: ReadSource[]; words: string[] } | { error: string };

/** Batches a worker may be ahead of the corpus. */
export const READ_AHEAD = 3;

function run({ batches, maxFileBytes, port, progress }: ReadWorkerData): void {
  const counters = new Int32Array(progress);
  const vocab = new Vocabulary();
  let known = 0;
  for (let j = 0; j < batches.length; j++) {
    for (let taken = Atomics.load(counters, 1); j - taken >= READ_AHEAD; taken = Atomics.load(counters, 1)) Atomics.wait(counters, 1, taken);
    let message: ReadBatch;
    try {
      const reads = batches[j].map((file) => compact(readSourceFile(file, maxFileBytes, vocab)));
      message = { reads, words: vocab.words.slice(known) };
      known = vocab.words.length;
    } catch (error) {
      message = { error: (error as Error).stack ?? String(error) };
    }
    port.postMessage(message);
    Atomics.add(counters, 0, 1);
    Atomics.notify(counters, 0);
  }
  closeDocumentThread();
}

/** The word ids without the spare capacity (a message copies a typed array's whole buffer). */
function compact(read: ReadSource): ReadSource {
  read.words = new GrowU32(0, read.words.data.slice(0, read.words.length));
  return read;
}

if (workerData && (workerData as { role?: string }).role === 'verbatim-read') run(workerData as ReadWorkerData);
