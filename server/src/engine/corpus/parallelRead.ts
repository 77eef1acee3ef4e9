// A cold index on every core: worker threads (readWorker.ts) read and parse the source files,
// each with its own vocabulary, while this thread adds their reads to the corpus in file order,
// giving the workers' word ids the corpus's own (in order of first appearance, so the corpus
// is the same as one read file by file). Waiting for a batch blocks (Atomics.wait), so
// loading stays synchronous for the CLI and a step at a time for the server.

import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { MessageChannel, receiveMessageOnPort, Worker } from 'worker_threads';
import type { MessagePort } from 'worker_threads';
import type { ReadBatch, ReadWorkerData } from './readWorker';
import { readSourceFile, type ReadSource } from './sourceFile';
import type { Vocabulary } from './words';

/** Files a batch: enough to make a message worth its cost, few enough to keep the workers even. */
const BATCH = 16;
/** Below this many files, starting threads costs more than it saves. */
export const PARALLEL_MIN_FILES = 256;
/** A worker silent this long is taken for dead: its files are read here. */
const STALL_MS = 60_000;

const WORKER_FILE = path.join(__dirname, 'readWorker.js');

interface ReadThread {
  worker: Worker;
  port: MessagePort;
  counters: Int32Array;
  received: number;
  /** The worker's word ids → the corpus's (-1: not yet given one), and the words themselves. */
  ids: Int32Array;
  words: string[];
  failed: boolean;
}

/** How many threads to read with (0: read here, one file after another). */
export function readThreads(files: number): number {
  if (files < PARALLEL_MIN_FILES || !fs.existsSync(WORKER_FILE)) return 0;
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  return cores >= 2 ? Math.min(cores, 4) : 0;
}

export class ParallelReader {
  private readonly threads: ReadThread[] = [];
  private batch: { index: number; reads: ReadSource[]; thread: ReadThread | null } | null = null;

  constructor(
    private readonly files: string[],
    threads: number,
    private readonly maxFileBytes: number,
    private readonly vocab: Vocabulary,
  ) {
    const batches = Math.ceil(files.length / BATCH);
    for (let t = 0; t < threads; t++) {
      const mine: string[][] = [];
      for (let b = t; b < batches; b += threads) mine.push(files.slice(b * BATCH, (b + 1) * BATCH));
      const { port1, port2 } = new MessageChannel();
      const progress = new SharedArrayBuffer(8);
      const data: ReadWorkerData & { role: string } = { role: 'verbatim-read', batches: mine, maxFileBytes, port: port2, progress };
      // stdout: true keeps a worker's standard output off ours, which is the language server's channel over stdio.
      const worker = new Worker(WORKER_FILE, { workerData: data, transferList: [port2], stdout: true });
      worker.unref();
      this.threads.push({ worker, port: port1, counters: new Int32Array(progress), received: 0, ids: new Int32Array(1024).fill(-1), words: [], failed: false });
    }
  }

  /**
   * The read of file `i` (asked for in order, from 0), with a function giving its word ids the
   * corpus's; blocks until a worker has read it.
   */
  read(i: number): { read: ReadSource; wordId?: (id: number) => number } {
    const index = Math.floor(i / BATCH);
    if (this.batch?.index !== index) this.batch = this.take(index);
    const { reads, thread } = this.batch;
    const read = reads[i - index * BATCH];
    if (!thread) return { read };
    const ids = thread.ids;
    const words = thread.words;
    const vocab = this.vocab;
    return {
      read,
      wordId: (id) => {
        let mine = ids[id];
        if (mine < 0) ids[id] = mine = vocab.id(words[id]);
        return mine;
      },
    };
  }

  private take(index: number): { index: number; reads: ReadSource[]; thread: ReadThread | null } {
    const thread = this.threads[index % this.threads.length];
    const files = this.files.slice(index * BATCH, (index + 1) * BATCH);
    const message = thread.failed ? null : this.receive(thread);
    if (!message || 'error' in message) {
      // A worker that failed or went silent: its files are read here, with the corpus's own words.
      thread.failed = true;
      return { index, reads: files.map((f) => readSourceFile(f, this.maxFileBytes, this.vocab)), thread: null };
    }
    thread.words.push(...message.words);
    if (thread.ids.length < thread.words.length) {
      const grown = new Int32Array(Math.max(thread.words.length, thread.ids.length * 2)).fill(-1);
      grown.set(thread.ids);
      thread.ids = grown;
    }
    return { index, reads: message.reads, thread };
  }

  private receive(thread: ReadThread): ReadBatch | null {
    const deadline = Date.now() + STALL_MS;
    for (;;) {
      const got = receiveMessageOnPort(thread.port);
      if (got) {
        thread.received++;
        Atomics.add(thread.counters, 1, 1);
        Atomics.notify(thread.counters, 1);
        return got.message as ReadBatch;
      }
      if (Date.now() > deadline) return null;
      Atomics.wait(thread.counters, 0, thread.received, 100);
    }
  }

  /** Stops the workers (at the end, or when a load is given up). */
  close(): void {
    for (const t of this.threads) {
      t.port.close();
      void t.worker.terminate();
    }
    this.threads.length = 0;
  }
}
