// Real PDFs for the tests and the bench, made with pdf-lib (a PDF writer, pinned in
// package.json): a text layer drawn line by line in Helvetica, or pages with no text at all,
// as a scanner makes them.

import { PDFDocument, StandardFonts } from 'pdf-lib';

/** A PDF whose pages hold these paragraphs (each wrapped at about 80 characters, a blank line apart). */
export async function makePdf(pages: string[][], info: { title?: string; author?: string } = {}): Promise<Buffer> {
  const doc = await PDFDocument.create();
  if (info.title) doc.setTitle(info.title);
  if (info.author) doc.setAuthor(info.author);
  const font = await doc.embedFont(StandardFonts.Helvetica);
  pages.forEach((paragraphs, p) => {
    const page = doc.addPage([612, 792]);
    let y = 740;
    for (const paragraph of paragraphs) {
      for (const line of wrap(paragraph, 80)) {
        if (y < 60) break;
        page.drawText(winAnsi(line), { x: 56, y, size: 11, font });
        y -= 15;
      }
      y -= 12;
    }
    // A page number at the foot, as most documents have: not a statement.
    page.drawText(String(p + 1), { x: 300, y: 30, size: 9, font });
  });
  return Buffer.from(await doc.save());
}

/** A PDF of `pages` pages with a drawn shape and no text, as a scan without OCR is. */
export async function makeScannedPdf(pages = 1): Promise<Buffer> {
  const doc = await PDFDocument.create();
  for (let p = 0; p < pages; p++) doc.addPage([612, 792]).drawRectangle({ x: 56, y: 56, width: 500, height: 680, borderWidth: 1 });
  return Buffer.from(await doc.save());
}

function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

// The characters Helvetica's WinAnsi encoding has beyond Latin-1 (curly quotes, dashes, €, …).
const WIN_ANSI_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');

/** Text a standard PDF font can draw: any other character (an emoji, a CJK name) becomes "?". */
function winAnsi(text: string): string {
  return Array.from(text, (c) => (c.charCodeAt(0) < 0x100 && c.length === 1 ? c : WIN_ANSI_EXTRA.has(c) ? c : '?')).join('');
}
