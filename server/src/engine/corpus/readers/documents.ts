// Documents a library reads before the text readers can (HTML pages, PDFs, Word and
// OpenDocument files, email): each becomes a DocumentText, the words as paragraphs apart by
// blank lines with the document's metadata, which classify.ts reads as it reads a Markdown
// file with that front matter. Where a statement stands is kept in the document's own terms
// (Layout): a PDF's page, a Word file's paragraph, an HTML page's own lines.

import type { FrontMatterValue } from './frontMatter';
import { lastStartingAtOrBefore } from '../../text/spans';

/**
 * The libraries that read documents, at the versions package.json pins (a unit test holds
 * the two together). Part of the index cache's fingerprint: another version may read a PDF
 * or a page differently, so a cache made with another one is not reused.
 */
export const DOCUMENT_LIBRARIES = { entities: '4.5.0', fflate: '0.8.3', htmlparser2: '9.1.0', 'pdfjs-dist': '4.10.38', 'postal-mime': '2.7.6' };

export interface DocumentText {
  /** The words as read, paragraphs apart by blank lines, headings opened by `# `. */
  text: string;
  /** Metadata as front matter would give it: `title`, `date`, `url`, `speaker`, `kind`. */
  meta: Record<string, FrontMatterValue>;
  problems: string[];
  layout?: Layout;
  /**
   * Who wrote the document (a Word file's author, an email's sender): its speaker when nothing
   * else names one, unless it reads as a transcript or is mostly quotes attributed in it (a
   * statement forwarded by a press office, an article).
   */
  author?: string;
}

/** Where a document's statements stand, when not at their offsets in the file's own text. */
export interface Layout {
  /** An HTML page: its source, and the offset in it of an offset in the text read. */
  source?: { text: string; offsetOf: (offset: number) => number };
  /** PDF pages, or the paragraphs of a Word file or an email: where each starts in the text read. */
  units?: { unit: 'page' | 'paragraph'; starts: number[] };
}

/** The 0-based unit (page, paragraph) an offset of the text read stands in. */
export function unitAt(starts: readonly number[], offset: number): number {
  return Math.max(
    lastStartingAtOrBefore(starts, offset, (start) => start),
    0,
  );
}

/**
 * Joins paragraphs into a DocumentText's text, one blank line apart, with where each starts
 * (paragraph units). Paragraphs are trimmed; empty ones dropped.
 */
export function joinParagraphs(paragraphs: Iterable<string>): { text: string; starts: number[] } {
  let text = '';
  const starts: number[] = [];
  for (const p of paragraphs) {
    const t = p.replace(/[ \t\u00a0]+\n/g, '\n').trim();
    if (!t) continue;
    if (text) text += '\n\n';
    starts.push(text.length);
    text += t;
  }
  return { text, starts };
}

/** A date as the other sources write it (2021-03-01) when it begins with one, else as given. */
export function isoDay(value: string | undefined | null): string | undefined {
  if (!value) return undefined;
  const v = value.trim();
  const iso = /^(\d{4}-\d{2}-\d{2})/.exec(v);
  if (iso) return iso[1];
  const pdf = /^D:(\d{4})(\d{2})(\d{2})/.exec(v);
  if (pdf) return `${pdf[1]}-${pdf[2]}-${pdf[3]}`;
  const parsed = Date.parse(v);
  if (!Number.isNaN(parsed) && /\d{4}/.test(v)) return new Date(parsed).toISOString().slice(0, 10);
  return v || undefined;
}
