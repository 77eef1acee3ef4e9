// PDFs (court filings, reports, statements saved as PDF): the text layer of each page, read
// with Mozilla's PDF.js (pdfjs-dist, legacy build for Node). Lines are rebuilt from the text
// items, paragraphs from the gaps between lines; page numbers and hyphens at line ends go.
// Each page's text is a unit, so a statement's place is its page ("p. 14"). A PDF whose
// pages have no text is a scan: reported as one. Runs in the document thread
// (documentThread.ts): PDF.js is asynchronous and large, loaded there on the first PDF.

import { isoDay, type DocumentText } from './documents';

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs', { with: { 'resolution-mode': 'import' } });
let pdfjs: Promise<PdfJs> | null = null;

function loadPdfJs(): Promise<PdfJs> {
  pdfjs ??= (async () => {
    // PDF.js parses in a "worker"; in Node it runs that code on this thread when the worker's
    // module is given beforehand (no worker file to find at run time, so bundling works).
    // @ts-expect-error -- the worker module ships no types; only its presence matters here.
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
    return import('pdfjs-dist/legacy/build/pdf.mjs');
  })();
  return pdfjs;
}

interface Item {
  str: string;
  hasEOL: boolean;
  transform: number[];
  height: number;
}

function isItem(item: object): item is Item {
  return 'str' in item;
}

export const SCANNED_PDF = 'scanned PDF: no text to read (its pages are images; run OCR on it, or add its text as a .txt beside it)';

export async function readPdf(bytes: Uint8Array): Promise<DocumentText | { problem: string }> {
  const lib = await loadPdfJs();
  let pdf;
  try {
    pdf = await lib.getDocument({ data: bytes, isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0, stopAtErrors: false }).promise;
  } catch (error) {
    const e = error as Error;
    if (e.name === 'PasswordException') return { problem: 'a password-protected PDF: no text to read' };
    return { problem: `not a readable PDF: ${e.message}` };
  }
  try {
    const pages: string[] = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      const content = await page.getTextContent();
      pages.push(pageText((content.items as object[]).filter(isItem)));
      page.cleanup();
    }
    if (pages.every((p) => !/\p{L}/u.test(p))) return { problem: SCANNED_PDF };
    let text = '';
    const starts: number[] = [];
    for (const p of pages) {
      if (text) text += '\n\n';
      starts.push(text.length);
      text += p;
    }
    const info = ((await pdf.getMetadata().catch(() => null))?.info ?? {}) as Record<string, unknown>;
    const meta: Record<string, string> = {};
    const title = typeof info.Title === 'string' ? info.Title.replace(/\s+/g, ' ').trim() : '';
    if (title && !/^(?:untitled|microsoft word\b)/i.test(title)) meta.title = title;
    const date = isoDay(typeof info.CreationDate === 'string' ? info.CreationDate : undefined);
    if (date) meta.date = date;
    return { text, meta, problems: [], layout: { units: { unit: 'page', starts } } };
  } finally {
    await pdf.destroy();
  }
}

/** A page's text: lines as laid out, a blank line where the gap between lines is wider than the usual. */
function pageText(items: Item[]): string {
  const lines: Array<{ text: string; y: number; height: number }> = [];
  let cur = '';
  let y = NaN;
  let height = 0;
  for (const item of items) {
    if (Number.isNaN(y) && item.str) {
      y = item.transform[5];
      height = item.height;
    }
    cur += item.str;
    if (item.hasEOL) {
      if (cur.trim()) lines.push({ text: cur.replace(/\s+/g, ' ').trim(), y, height });
      cur = '';
      y = NaN;
    }
  }
  if (cur.trim()) lines.push({ text: cur.replace(/\s+/g, ' ').trim(), y, height });
  const kept = lines.filter((l) => !/^(?:(?:page\s+)?\d{1,4}(?:\s+of\s+\d{1,4})?|[-–—]\s*\d{1,4}\s*[-–—])$/i.test(l.text));
  const gaps = kept
    .slice(1)
    .map((l, i) => kept[i].y - l.y)
    .filter((g) => g > 0)
    .sort((a, b) => a - b);
  const usual = gaps.length ? gaps[Math.floor(gaps.length / 2)] : 0;
  let out = '';
  for (let i = 0; i < kept.length; i++) {
    const line = kept[i];
    if (i > 0) {
      const gap = kept[i - 1].y - line.y;
      const newParagraph = gap < 0 || (usual > 0 && gap > usual * 1.4) || gap > Math.max(line.height, kept[i - 1].height) * 2.2;
      if (newParagraph) out += '\n\n';
      else if (/\p{Ll}-$/u.test(out) && /^\p{Ll}/u.test(line.text)) out = out.slice(0, -1);
      else out += '\n';
    }
    out += line.text;
  }
  return out;
}
