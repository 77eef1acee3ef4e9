// PDFs and emails are read by asynchronous libraries (PDF.js, postal-mime) while a corpus
// loads synchronously, file after file (a read worker's share, or a small corpus on the main
// thread). This bridge runs them on a thread of their own, started on the first such file
// (so a corpus without PDFs never loads PDF.js): the caller posts the bytes and blocks
// (Atomics.wait) until the document thread has read them. A read worker has a bridge of its
// own, so PDFs are read in parallel with the rest.

import * as fs from 'fs';
import * as path from 'path';
import { MessageChannel, receiveMessageOnPort, Worker } from 'worker_threads';
import type { MessagePort } from 'worker_threads';
import type { DocumentText } from './readers/documents';

export type ThreadDocumentKind = 'pdf' | 'eml';
export type ThreadResult = DocumentText | { problem: string };

export interface DocumentRequest {
  id: number;
  kind: ThreadDocumentKind;
  bytes: Uint8Array;
}

export interface DocumentReply {
  id: number;
  /** A DocumentText without its functions (a message carries data only). */
  result: ThreadResult;
}

export interface DocumentWorkerData {
  role: 'verbatim-documents';
  port: MessagePort;
  /** Int32 [id of the last reply posted]. */
  signal: SharedArrayBuffer;
}

/** A document taking longer than this is given up (a pathological PDF must not stall the load). */
const DOCUMENT_MS = 60_000;

// Beside this file: documentWorker.js (tsc's out/), or the bundle's documentWorker.js in dist/.
const WORKER_FILE = path.join(__dirname, 'documentWorker.js');

interface Thread {
  worker: Worker;
  port: MessagePort;
  signal: Int32Array;
  next: number;
}

let thread: Thread | null = null;

function start(): Thread {
  const { port1, port2 } = new MessageChannel();
  const signal = new SharedArrayBuffer(4);
  const data: DocumentWorkerData = { role: 'verbatim-documents', port: port2, signal };
  // stdout/stderr: true keeps the libraries' warnings off ours (the language server's channel is stdout).
  const worker = new Worker(WORKER_FILE, { workerData: data, transferList: [port2], stdout: true, stderr: true });
  worker.unref();
  port1.unref();
  return { worker, port: port1, signal: new Int32Array(signal), next: 0 };
}

/** Reads a PDF or an email on the document thread, blocking until it is read. Never throws. */
export function readInDocumentThread(kind: ThreadDocumentKind, bytes: Uint8Array): ThreadResult {
  if (!fs.existsSync(WORKER_FILE)) return { problem: `cannot read ${kind === 'pdf' ? 'PDFs' : 'emails'} here: ${path.basename(WORKER_FILE)} is missing beside ${path.basename(__filename)}` };
  thread ??= start();
  const t = thread;
  const id = ++t.next;
  t.port.postMessage({ id, kind, bytes: new Uint8Array(bytes) } satisfies DocumentRequest);
  const deadline = Date.now() + DOCUMENT_MS;
  for (;;) {
    const seen = Atomics.load(t.signal, 0);
    for (let got = receiveMessageOnPort(t.port); got; got = receiveMessageOnPort(t.port)) {
      const reply = got.message as DocumentReply;
      if (reply.id === id) return reply.result;
    }
    if (Date.now() > deadline) {
      // The thread may be stuck in that document: a fresh one reads the next.
      void t.worker.terminate();
      t.port.close();
      thread = null;
      return { problem: `took longer than ${DOCUMENT_MS / 1000} s to read: skipped` };
    }
    Atomics.wait(t.signal, 0, seen, 100);
  }
}

/** Stops the document thread, if one is running (the end of a load); the next PDF or email starts another. */
export function closeDocumentThread(): void {
  if (!thread) return;
  thread.port.close();
  void thread.worker.terminate();
  thread = null;
}
