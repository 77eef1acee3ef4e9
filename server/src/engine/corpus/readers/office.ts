// Word (.docx) and OpenDocument (.odt) files: both are zip archives of XML, unzipped with
// fflate and parsed with htmlparser2's XML mode. The text is the body's paragraphs (headings
// opened by "# ", list items by "- ", table cells one paragraph each); the title, author and
// date come from the document's properties (docProps/core.xml, meta.xml).

import { unzipSync } from 'fflate';
import { parseDocument } from 'htmlparser2';
import type { AnyNode, Element } from 'domhandler';
import { isoDay, joinParagraphs, type DocumentText } from './documents';

export function readOffice(bytes: Uint8Array, format: 'docx' | 'odt'): DocumentText | { problem: string } {
  let files: Record<string, Uint8Array>;
  const wanted = format === 'docx' ? ['word/document.xml', 'docProps/core.xml'] : ['content.xml', 'meta.xml'];
  try {
    files = unzipSync(bytes, { filter: (f) => wanted.includes(f.name) });
  } catch (error) {
    return { problem: `not a readable ${format === 'docx' ? 'Word (.docx)' : 'OpenDocument (.odt)'} file: ${(error as Error).message}` };
  }
  const body = files[wanted[0]];
  if (!body) return { problem: `not a ${format === 'docx' ? 'Word (.docx)' : 'OpenDocument (.odt)'} file: it has no ${wanted[0]}` };
  const xml = (b: Uint8Array | undefined) => (b ? parseDocument(new TextDecoder('utf-8').decode(b), { xmlMode: true }).children : []);
  const paragraphs: string[] = [];
  if (format === 'docx') docxParagraphs(xml(body), paragraphs);
  else odtParagraphs(xml(body), paragraphs);
  const props = properties(xml(files[wanted[1]]));
  const { text, starts } = joinParagraphs(paragraphs);
  const meta: Record<string, string> = {};
  if (props.title) meta.title = props.title;
  if (props.date) meta.date = props.date;
  const doc: DocumentText = { text, meta, problems: text ? [] : ['a document with no text to read'], layout: { units: { unit: 'paragraph', starts } } };
  if (props.author) doc.author = props.author;
  return doc;
}

/** Paragraph styles that are not the body's prose (a title page's title, author and date lines): read as headings. */
const NOT_BODY_STYLE = /^(?:heading|title|subtitle|author|date|abstract|header|footer|caption)/i;

function isElement(n: AnyNode): n is Element {
  return n.type === 'tag';
}

function each(nodes: AnyNode[], visit: (el: Element) => boolean): void {
  for (const n of nodes) if (isElement(n) && visit(n)) each(n.children, visit);
}

/** word/document.xml: <w:p> paragraphs of <w:r> runs of <w:t> text, <w:tab/>, <w:br/>. */
function docxParagraphs(nodes: AnyNode[], out: string[]): void {
  each(nodes, (el) => {
    if (el.name !== 'w:p') return true;
    let style = '';
    let listed = false;
    let s = '';
    each(el.children, (c) => {
      if (c.name === 'w:pStyle') style = c.attribs['w:val'] ?? '';
      else if (c.name === 'w:numPr') listed = true;
      else if (c.name === 'w:t') s += textOf(c);
      else if (c.name === 'w:tab') s += ' ';
      else if (c.name === 'w:br' || c.name === 'w:cr') s += '\n';
      else if (c.name === 'w:del' || c.name === 'w:instrText' || c.name === 'w:footnoteReference') return false;
      return true;
    });
    out.push(prefix(NOT_BODY_STYLE.test(style), listed) + s);
    return false;
  });
}

/** content.xml: <text:h> headings, <text:p> paragraphs (in lists and tables too), <text:s text:c="n"/> spaces. */
function odtParagraphs(nodes: AnyNode[], out: string[]): void {
  const inline = (children: AnyNode[]): string => {
    let s = '';
    for (const c of children) {
      if (c.type === 'text') s += (c as unknown as { data: string }).data;
      else if (!isElement(c)) continue;
      else if (c.name === 'text:s') s += ' '.repeat(Math.max(1, Number(c.attribs['text:c'] ?? 1)));
      else if (c.name === 'text:tab') s += ' ';
      else if (c.name === 'text:line-break') s += '\n';
      else if (c.name === 'text:note' || c.name === 'office:annotation' || c.name === 'text:tracked-changes') continue;
      else s += inline(c.children);
    }
    return s;
  };
  const walk = (children: AnyNode[], listed: boolean) =>
    each(children, (el) => {
      if (el.name === 'text:tracked-changes' || el.name === 'office:annotation') return false;
      if (el.name === 'text:list-item') {
        walk(el.children, true);
        return false;
      }
      if (el.name === 'text:p' || el.name === 'text:h') {
        out.push(prefix(el.name === 'text:h' || NOT_BODY_STYLE.test(el.attribs['text:style-name'] ?? ''), listed) + inline(el.children));
        return false;
      }
      return true;
    });
  walk(nodes, false);
}

function prefix(heading: boolean, listed: boolean): string {
  return heading ? '# ' : listed ? '- ' : '';
}

function textOf(el: AnyNode): string {
  if (el.type === 'text') return (el as unknown as { data: string }).data;
  if (!isElement(el)) return '';
  return el.children.map(textOf).join('');
}

/** Title, author and date from docProps/core.xml (Dublin Core) or meta.xml (ODF). */
function properties(nodes: AnyNode[]): { title?: string; author?: string; date?: string } {
  const found: Record<string, string> = {};
  each(nodes, (el) => {
    const v = textOf(el).replace(/\s+/g, ' ').trim();
    if (v && found[el.name] === undefined) found[el.name] = v;
    return true;
  });
  const author = found['meta:initial-creator'] ?? found['dc:creator'];
  return { title: found['dc:title'], author, date: isoDay(found['dcterms:created'] ?? found['meta:creation-date'] ?? found['dc:date']) };
}
