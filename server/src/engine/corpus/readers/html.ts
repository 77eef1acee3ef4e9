// A saved web page (a press release, a transcript page, a news article): its main text, found
// readability-style over the page's parsed DOM (htmlparser2), and its metadata (title, date,
// canonical URL, author). Navigation, headers, footers, scripts and boilerplate blocks go; of
// what is left, the element whose paragraphs carry the most prose (an <article> or <main>
// when the page has one) is the text. Each paragraph keeps where it stands in the page's
// source, so Go to Definition lands on it in the .html file.

import { parseDocument } from 'htmlparser2';
import type { AnyNode, Element } from 'domhandler';
import type { DocumentText } from './documents';
import { isoDay } from './documents';
import { decodeEntities } from './entities';

/** Elements that are never the page's text. */
const DROP_TAGS = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'nav',
  'header',
  'footer',
  'aside',
  'form',
  'iframe',
  'svg',
  'canvas',
  'button',
  'select',
  'input',
  'textarea',
  'menu',
  'dialog',
  'object',
  'embed',
  'video',
  'audio',
  'picture',
  'img',
  'head',
]);
const DROP_ROLES = /^(?:navigation|banner|contentinfo|complementary|search|menu|menubar|dialog|alert)$/i;
// Class and id words of boilerplate blocks: a class or id naming one ("nav", "entry-meta",
// "share-links") drops its element unless another of its names ends in a content word
// ("entry-content", "story-body").
const UNLIKELY =
  /(?:^|[-_])(?:nav|navbar|menu|footer|sidebar|share|sharing|social|comments?|related|cookie|consent|banner|promo|subscribe|newsletter|breadcrumbs?|skip|masthead|signup|advert|ads?|popup|modal|pagination|pager|toolbar|disclaimer|meta|byline|dateline|tags|credits?)(?:$|[-_])/i;
const LIKELY = /(?:^|[-_])(?:article|content|main|body|post|entry|story|text|page)$/i;
const BLOCKS = new Set([
  'p',
  'div',
  'section',
  'article',
  'main',
  'blockquote',
  'pre',
  'li',
  'ul',
  'ol',
  'dl',
  'dt',
  'dd',
  'table',
  'tr',
  'td',
  'th',
  'tbody',
  'thead',
  'figure',
  'figcaption',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'hr',
  'address',
  'center',
  'body',
  'html',
]);
const HEADINGS = /^h[1-6]$/;

/** A word of the text read, and where it stands in the page's source. */
interface Piece {
  /** Offset in the text read. */
  at: number;
  length: number;
  rawStart: number;
  rawEnd: number;
}

export function readHtml(html: string): DocumentText {
  const dom = parseDocument(html, { withStartIndices: true, withEndIndices: true, decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true });
  const meta = readMeta(dom.children);
  const root = mainElement(dom.children);
  const out = new Renderer(html);
  if (root) out.block(root);
  const problems: string[] = [];
  const text = out.finish();
  if (!text.trim()) problems.push('an HTML page with no text to read');
  const pieces = out.pieces;
  return {
    text,
    meta,
    problems,
    layout: {
      source: {
        text: html,
        offsetOf: (offset) => {
          // The last piece starting at or before the offset; inside it, the same distance on.
          let lo = 0;
          let hi = pieces.length - 1;
          if (hi < 0) return 0;
          while (lo < hi) {
            const mid = (lo + hi + 1) >> 1;
            if (pieces[mid].at <= offset) lo = mid;
            else hi = mid - 1;
          }
          // Inside a word, the same distance from its start; its last character, its raw last one ("hold it&nbsp;to.").
          const p = pieces[lo];
          const d = Math.max(0, offset - p.at);
          return d >= p.length - 1 ? Math.max(p.rawStart, p.rawEnd - Math.max(1, p.length - d)) : Math.min(p.rawStart + d, p.rawEnd);
        },
      },
    },
  };
}

// ---------------------------------------------------------------------------------------
// Metadata.

function readMeta(nodes: AnyNode[]): Record<string, string> {
  const found: Record<string, string> = {};
  let title = '';
  let timeAttr = '';
  const put = (key: string, value: string | undefined) => {
    const v = value?.replace(/\s+/g, ' ').trim();
    if (v && found[key] === undefined) found[key] = v;
  };
  walk(nodes, (el) => {
    const a = el.attribs;
    if (el.name === 'title' && !title) title = textOf(el);
    else if (el.name === 'meta') {
      const key = (a.property ?? a.name ?? a.itemprop ?? '').toLowerCase();
      const content = a.content;
      if (key === 'og:title' || key === 'twitter:title' || key === 'dc.title') put('title', content);
      else if (/^(?:article:published_time|date|dc\.date|dc\.date\.issued|datepublished|publish[-_]?date|pubdate|sailthru\.date|parsely-pub-date)$/.test(key)) put('date', content);
      else if (key === 'og:url') put('url', content);
      else if (key === 'author' || key === 'article:author' || key === 'dc.creator') put('author', content);
    } else if (el.name === 'link' && /(?:^|\s)canonical(?:\s|$)/i.test(a.rel ?? '')) put('canonical', a.href);
    else if (el.name === 'time' && !timeAttr && a.datetime) timeAttr = a.datetime;
    return true;
  });
  const meta: Record<string, string> = {};
  // A <title> often ends with the site's name ("… | City of Northport", "… - Northport Ledger").
  const t =
    found.title ??
    title
      .replace(/\s+/g, ' ')
      .trim()
      .replace(/^(.{15,}?)\s+[|–—-]\s+[^|–—]{2,40}$/, '$1');
  if (t) meta.title = t;
  const url = found.canonical ?? found.url;
  if (url && /^https?:\/\//i.test(url)) meta.url = url;
  const date = isoDay(found.date ?? timeAttr);
  if (date) meta.date = date;
  if (found.author) meta.author = found.author;
  return meta;
}

// ---------------------------------------------------------------------------------------
// The main element.

function isElement(n: AnyNode): n is Element {
  return n.type === 'tag' || n.type === 'script' || n.type === 'style';
}

/** Visits elements depth first; `visit` returning false skips an element's children. */
function walk(nodes: AnyNode[], visit: (el: Element) => boolean): void {
  for (const n of nodes) {
    if (!isElement(n)) continue;
    if (visit(n)) walk(n.children, visit);
  }
}

function dropped(el: Element): boolean {
  if (DROP_TAGS.has(el.name)) return true;
  const a = el.attribs;
  if (a.hidden !== undefined || a['aria-hidden'] === 'true' || /display\s*:\s*none/i.test(a.style ?? '')) return true;
  if (a.role && DROP_ROLES.test(a.role)) return true;
  if (el.name === 'article' || el.name === 'main' || el.name === 'body') return false;
  const names = `${a.class ?? ''} ${a.id ?? ''}`.split(/\s+/).filter(Boolean);
  return names.some((n) => UNLIKELY.test(n)) && !names.some((n) => LIKELY.test(n));
}

function textOf(el: Element | AnyNode): string {
  if (el.type === 'text') return (el as unknown as { data: string }).data;
  if (!isElement(el)) return '';
  let s = '';
  for (const c of el.children) s += textOf(c);
  return s;
}

/** The element holding the page's prose: the best-scored <article>/<main>, else readability's scoring of paragraph parents. */
function mainElement(nodes: AnyNode[]): Element | null {
  const scores = new Map<Element, number>();
  let body: Element | null = null;
  const landmarks: Element[] = [];
  walk(nodes, (el) => {
    if (el.name === 'body') body = el;
    if (dropped(el)) return false;
    if (el.name === 'article' || el.name === 'main' || el.attribs.role === 'main') landmarks.push(el);
    if (el.name === 'p' || el.name === 'pre' || el.name === 'td' || el.name === 'blockquote' || (el.name === 'div' && !hasBlockChild(el))) {
      const text = visibleText(el).replace(/\s+/g, ' ').trim();
      if (text.length >= 25) {
        const score = 1 + (text.match(/,/g)?.length ?? 0) + Math.min(Math.floor(text.length / 100), 3);
        const parent = el.parent && isElement(el.parent) ? el.parent : null;
        const grand = parent?.parent && isElement(parent.parent) ? parent.parent : null;
        if (parent) scores.set(parent, (scores.get(parent) ?? 0) + score);
        if (grand) scores.set(grand, (scores.get(grand) ?? 0) + score / 2);
      }
    }
    return true;
  });
  let best: Element | null = null;
  let bestScore = 0;
  for (const [el, score] of scores) {
    const s = score * (1 - linkDensity(el));
    if (s > bestScore) {
      best = el;
      bestScore = s;
    }
  }
  // A landmark holding the best-scored block (or holding prose when nothing scored) is the text.
  let landmark: Element | null = null;
  let landmarkLength = 0;
  for (const el of landmarks) {
    const length = visibleText(el).replace(/\s+/g, ' ').length;
    if (length > landmarkLength && (!best || contains(el, best) || contains(best, el))) {
      landmark = el;
      landmarkLength = length;
    }
  }
  if (landmark && (!best || contains(landmark, best))) return landmark;
  if (best) {
    // Readability's sibling rule, simplified: a paragraph parent's parent often holds the rest of the article.
    const parent = best.parent && isElement(best.parent) ? best.parent : null;
    if (parent && (scores.get(parent) ?? 0) * (1 - linkDensity(parent)) >= bestScore * 0.6 && parent.name !== 'body' && parent.name !== 'html') return parent;
    return best;
  }
  return landmark ?? body;
}

function contains(outer: Element, inner: Element): boolean {
  for (let n: AnyNode | null = inner; n; n = n.parent as AnyNode | null) if (n === outer) return true;
  return false;
}

function hasBlockChild(el: Element): boolean {
  return el.children.some((c) => isElement(c) && BLOCKS.has(c.name));
}

function visibleText(el: Element): string {
  let s = '';
  for (const c of el.children) {
    if (c.type === 'text') s += (c as unknown as { data: string }).data;
    else if (isElement(c) && !dropped(c)) s += ' ' + visibleText(c);
  }
  return s;
}

function linkDensity(el: Element): number {
  const all = visibleText(el).replace(/\s+/g, '').length;
  if (all === 0) return 1;
  let linked = 0;
  walk(el.children, (c) => {
    if (dropped(c)) return false;
    if (c.name === 'a') {
      linked += textOf(c).replace(/\s+/g, '').length;
      return false;
    }
    return true;
  });
  return Math.min(1, linked / all);
}

// ---------------------------------------------------------------------------------------
// The text: one paragraph a block, headings opened by "# ", list items by "- ", <br> a line break.

class Renderer {
  readonly pieces: Piece[] = [];

  constructor(private readonly html: string) {}

  private text = '';
  /** The current paragraph's text so far (white space collapsed as it goes). */
  private open = false;
  private space = false;

  block(el: Element): void {
    for (const c of el.children) this.node(c);
  }

  finish(): string {
    this.close();
    return this.text;
  }

  private node(n: AnyNode): void {
    if (n.type === 'text') {
      this.words(n as unknown as { data: string; startIndex: number | null; endIndex: number | null });
      return;
    }
    if (!isElement(n) || dropped(n)) return;
    const name = n.name;
    if (name === 'br') {
      if (this.open) {
        this.text += '\n';
        this.space = false;
      }
      return;
    }
    if (!BLOCKS.has(name)) {
      this.block(n);
      return;
    }
    this.close();
    if (HEADINGS.test(name)) this.prefix = '# ';
    else if (name === 'li') this.prefix = '- ';
    this.block(n);
    this.close();
  }

  private prefix = '';

  private words(t: { data: string; startIndex: number | null; endIndex: number | null }): void {
    const data = t.data;
    // Where each decoded character was in the source: the node's raw text, its references decoded again.
    const nodeStart = t.startIndex ?? 0;
    const raw = t.startIndex !== null && t.endIndex !== null ? decodeEntities(this.html.slice(t.startIndex, t.endIndex + 1)) : null;
    const rawOf = (k: number) => nodeStart + (raw && raw.s === data ? raw.raw(k) : k);
    let k = 0;
    while (k < data.length) {
      const start = k;
      while (k < data.length && !isSpace(data.charCodeAt(k))) k++;
      if (k > start) {
        if (!this.open) {
          if (this.text) this.text += '\n\n';
          this.text += this.prefix;
          this.prefix = '';
          this.open = true;
        } else if (this.space && !this.text.endsWith('\n')) this.text += ' ';
        this.space = false;
        this.pieces.push({ at: this.text.length, length: k - start, rawStart: rawOf(start), rawEnd: rawOf(k) });
        this.text += data.slice(start, k);
      }
      while (k < data.length && isSpace(data.charCodeAt(k))) {
        k++;
        this.space = true;
      }
    }
  }

  private close(): void {
    this.open = false;
    this.space = false;
    this.prefix = '';
  }
}

/** HTML's white space (NBSP is a visible space in a page's words, kept as part of them). */
function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 12 || c === 13;
}
