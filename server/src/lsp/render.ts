// Markdown for people: the hover on a quote.
import * as path from 'path';
import { pathToFileURL } from 'url';
import type { DiffSegment, Finding, SourceRef } from '../engine/types';
import { placeOf } from '../engine/report';
import type { VerdictCounts } from './protocol';
import { VERDICT_LABEL, verdictIcon, zeroCounts } from '../engine/verdicts';

/** Escapes text so Markdown shows it as written. */
export function escapeMd(text: string): string {
  return text.replace(/[\\`*_{}[\]<>#+!|~]/g, (c) => '\\' + c).replace(/\r?\n/g, ' ');
}

export function fileLink(filePath: string, line?: number, label?: string): string {
  const uri = pathToFileURL(filePath).toString() + (line !== undefined ? `#L${line + 1}` : '');
  const text = label ?? path.basename(filePath) + (line !== undefined ? `:${line + 1}` : '');
  return `[${escapeMd(text)}](${uri})`;
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : text.slice(0, max - 1).trimEnd() + '…';
}

/** Statement text around the quoted words kept on each side of a diff, in characters. */
const CONTEXT_CHARS = 120;

/**
 * The source statement with the draft's differences marked, each source word once: ~~struck~~
 * source words the draft lacks, **bold** draft words the source lacks; the statement's text
 * around the quote cut to a little context.
 */
export function renderDiff(diff: DiffSegment[]): string {
  const out: string[] = [];
  diff.forEach((d, i) => {
    if (d.op === 'context') {
      const text = d.text.replace(/\s+/g, ' ');
      if (i === 0) out.push(text.length > CONTEXT_CHARS ? '… ' + escapeMd(text.slice(text.length - CONTEXT_CHARS).replace(/^\S*\s/, '')) : escapeMd(text));
      else out.push(text.length > CONTEXT_CHARS ? escapeMd(text.slice(0, CONTEXT_CHARS).replace(/\s\S*$/, '')) + ' …' : escapeMd(text));
    } else if (d.op === 'removed') out.push(`~~${escapeMd(d.text)}~~`);
    else if (d.op === 'added') out.push(`**${escapeMd(d.text)}**`);
    else out.push(escapeMd(d.text));
  });
  return out.join('');
}

function sourceLine(src: SourceRef): string {
  const bits = [`**${escapeMd(src.speaker)}**`];
  if (src.title) bits.push(`*${escapeMd(src.title)}*`);
  if (src.date) bits.push(escapeMd(src.date));
  // An archive's document is not a file here: named, not linked.
  if (src.origin === 'archive') bits.push(`archive: ${escapeMd(src.path)}:${src.range.start.line + 1}`);
  else if (src.page !== undefined) bits.push(`[${escapeMd(`${path.basename(src.path)}, ${placeOf(src)}`)}](${pathToFileURL(src.path).toString()}#page=${src.page})`);
  else if (src.paragraph !== undefined) bits.push(fileLink(src.path, undefined, `${path.basename(src.path)}, ${placeOf(src)}`));
  else bits.push(fileLink(src.path, src.range.start.line));
  if (src.url) bits.push(`[${escapeMd(shortUrl(src.url))}](${src.url})`);
  return bits.join(' · ');
}

function shortUrl(url: string): string {
  try {
    const u = new URL(url);
    return u.host + (u.pathname.length > 1 ? truncate(u.pathname, 40) : '');
  } catch {
    return truncate(url, 50);
  }
}

/**
 * The hover on a quote: the verdict, then each source once (its speaker, title, date, file and
 * link, and its words, with the draft's differences marked when there are any). The message
 * is the diagnostic's, which the editor shows above the hover: it is not repeated.
 */
export function renderHover(f: Finding): string {
  const lines: string[] = [];
  const what = f.kind === 'claim' ? 'claim' : 'quote';
  const speaker = f.speaker ? ` — attributed to ${escapeMd(f.speaker)}` : '';
  const state = f.hidden ? ' *(hidden in this workspace)*' : f.ignored ? ' *(ignored: checked by hand)*' : '';
  lines.push(`**Verbatim: ${verdictIcon(f.verdict)} ${VERDICT_LABEL[f.verdict]} ${what}**${speaker}${state}`);
  lines.push('');
  const sources = f.source ? [f.source, ...f.otherSources] : f.otherSources;
  for (const src of sources) {
    // A claim's other statements are the closest ones, not sources of its words.
    const label = f.kind === 'claim' && src !== f.source ? 'Closest statement' : f.verdict === 'stitched' && src !== f.source ? 'Second statement' : 'Source';
    lines.push(`${label}: ${sourceLine(src)}`);
    lines.push('');
    const marked = src === f.source && f.diff ? renderDiff(f.diff) : escapeMd(truncate(src.text, 600));
    lines.push(`> ${marked}`);
    lines.push('');
  }
  if (f.diff && f.source) {
    lines.push('*~~struck~~: the source has it, the draft does not · **bold**: the draft has it, the source does not*');
  } else if (!f.source) {
    if (f.verdict === 'unattributed') lines.push(`*No speaker could be resolved for this ${what}.*`);
    else if (f.kind === 'claim') lines.push('*No statement of this speaker bears the claim out.*');
    else lines.push('*No statement in the corpus matches these words.*');
  }
  return lines.join('\n').trimEnd();
}

export function emptyCounts(): VerdictCounts {
  return zeroCounts();
}
