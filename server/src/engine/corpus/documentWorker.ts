// The document thread (documentThread.ts starts it): reads the PDFs and emails it is sent,
// one at a time, and posts each result back, raising the signal its caller waits on.

import { workerData } from 'worker_threads';
import type { DocumentReply, DocumentRequest, DocumentWorkerData, ThreadResult } from './documentThread';
import { readPdf } from './readers/pdf';
import { readEmail } from './readers/email';

async function read(request: DocumentRequest): Promise<ThreadResult> {
  try {
    const result = request.kind === 'pdf' ? await readPdf(request.bytes) : await readEmail(request.bytes);
    if ('problem' in result) return result;
    // Functions do not cross threads: a layout's source mapping is rebuilt by the caller (emails and PDFs have units only).
    return {
      text: result.text,
      meta: result.meta,
      problems: result.problems,
      ...(result.layout?.units ? { layout: { units: result.layout.units } } : {}),
      ...(result.author ? { author: result.author } : {}),
    };
  } catch (error) {
    return { problem: `could not be read: ${(error as Error).message}` };
  }
}

function run({ port, signal }: DocumentWorkerData): void {
  const raised = new Int32Array(signal);
  // One document at a time, in order: the caller waits for each.
  let queue = Promise.resolve();
  port.on('message', (request: DocumentRequest) => {
    queue = queue.then(async () => {
      const result = await read(request);
      port.postMessage({ id: request.id, result } satisfies DocumentReply);
      Atomics.store(raised, 0, request.id);
      Atomics.notify(raised, 0);
    });
  });
}

if (workerData && (workerData as { role?: string }).role === 'verbatim-documents') run(workerData as DocumentWorkerData);
