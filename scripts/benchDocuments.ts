// The bench's documents row (issue 16): a folder of PDFs and saved web pages made from the
// White House statements, read cold. PDFs are written with pdf-lib (one paragraph a block,
// pages as they fill), pages in the shape of a saved CMS page (navigation, article, sidebar,
// footer), so the readers do what they do on a reporter's sources folder.

import * as fs from 'fs';
import * as path from 'path';
import { makePdf } from '../test/support/documents';

/** Statement files (Markdown with front matter) under `dir`, sorted. */
function statementFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.md')) out.push(p);
    }
  };
  walk(dir);
  return out;
}

function parts(text: string): { title: string; date: string; paragraphs: string[] } {
  const fm = /^---\n([\s\S]*?)\n---\n/.exec(text);
  const head = fm ? fm[1] : '';
  const title = (/^title:\s*"?(.*?)"?\s*$/m.exec(head)?.[1] ?? 'Statement')
    .replace(/\\\s*\n\s*\\?\s*/g, ' ')
    .replace(/\\u2019/g, '’')
    .replace(/\\_/g, ' ');
  const date = /^date:\s*'?(\d{4}-\d{2}-\d{2})/m.exec(head)?.[1] ?? '';
  const body = fm ? text.slice(fm[0].length) : text;
  const paragraphs = body
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter((p) => p.length > 0);
  return { title, date, paragraphs };
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function page(title: string, date: string, paragraphs: string[], k: number): string {
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)} | The White House</title>
<meta property="og:title" content="${escapeHtml(title)}"><meta property="article:published_time" content="${date}">
<link rel="canonical" href="https://www.whitehouse.gov/briefing-room/${k}/"><script>var x = 1;</script></head>
<body><header class="site-header"><nav class="nav"><a href="/">Home</a> <a href="/briefing-room/">Briefing Room</a> <a href="/administration/">Administration</a></nav></header>
<main id="main-content"><article><h1 class="page-title">${escapeHtml(title)}</h1>
<div class="body-content">${paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')}</div></article>
<aside class="sidebar related"><h2>Related</h2><ul><li><a href="/a">Other news of the day and more of it</a></li></ul></aside></main>
<footer class="site-footer"><p>The White House, 1600 Pennsylvania Ave NW, Washington, DC 20500</p></footer></body></html>\n`;
}

/** Writes `n` PDFs and `n` pages into `out` from the first statements under `source`; returns the page counts. */
export async function makeDocumentCorpus(source: string, out: string, n: number): Promise<{ pdfs: number; pdfPages: number; htmlPages: number }> {
  fs.mkdirSync(out, { recursive: true });
  const files = statementFiles(source).slice(0, n);
  let pdfPages = 0;
  for (let k = 0; k < files.length; k++) {
    const { title, date, paragraphs } = parts(fs.readFileSync(files[k], 'utf8'));
    // About 40 lines of 80 characters a page, as makePdf lays them out.
    const pages: string[][] = [[]];
    let lines = 0;
    for (const p of paragraphs) {
      const need = Math.ceil(p.length / 80) + 1;
      if (lines + need > 40 && pages[pages.length - 1].length > 0) {
        pages.push([]);
        lines = 0;
      }
      pages[pages.length - 1].push(p);
      lines += need;
    }
    pdfPages += pages.length;
    fs.writeFileSync(path.join(out, `${String(k).padStart(4, '0')}.pdf`), await makePdf(pages, { title }));
    fs.writeFileSync(path.join(out, `${String(k).padStart(4, '0')}.html`), page(title, date, paragraphs, k));
  }
  return { pdfs: files.length, pdfPages, htmlPages: files.length };
}
