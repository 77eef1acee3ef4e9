// The documents read from their bytes (not decoded as text): Word and OpenDocument files here,
// PDFs and emails on the document thread (their libraries are asynchronous).

import { readInDocumentThread } from '../documentThread';
import type { DocumentText } from './documents';
import { readOffice } from './office';

export function readBinaryDocument(ext: string, bytes: Uint8Array): DocumentText | { problem: string } {
  switch (ext) {
    case '.docx':
      return readOffice(bytes, 'docx');
    case '.odt':
      return readOffice(bytes, 'odt');
    case '.pdf':
      return readInDocumentThread('pdf', bytes);
    case '.eml':
      return readInDocumentThread('eml', bytes);
    default:
      return { problem: `no reader for \`${ext}\` files` };
  }
}
