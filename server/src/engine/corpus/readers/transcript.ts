// Transcripts: speaker turns opened by a label at the start of a line ("BLINKEN:",
// "Antony Blinken:", "MS. PSAKI:", "THE PRESIDENT:", "SENIOR ADMINISTRATION OFFICIAL:",
// "[00:01:02] MILLER:", "Q:" / "A:", the White House's bare "Q  " question lines, and
// Otter.ai's "Jane Roe  0:03" lines with the words below).
// A turn runs over following paragraphs until the next label; each paragraph of a turn is
// one statement, its span exact in the original text. Lines before the first label
// (location, time) and after a `###` / `END` / time-of-day line are not statements.

import type { Span } from '../../types';
import { cleanParagraph } from './clean';
import type { FrontMatterValue } from './frontMatter';
import { collapseWhitespace, isBlank, splitLines } from './lines';

export interface RawStatement {
  /** The speaker as written (label, mapped name, or front matter `speaker`). */
  speakerText: string;
  /** Where the statement stands in the ORIGINAL full file text (half-open, UTF-16). */
  span: Span;
  /** The statement's words: lines joined, white space collapsed, stage directions and markup dropped. */
  text: string;
}

export type Meta = Record<string, FrontMatterValue>;

/** A speaker label found at the start of a line. */
export interface Label {
  /** The label as written, white space collapsed, timestamps dropped ("MS. PSAKI", "Q"). */
  text: string;
  /** Offset (in the scanned text) where the turn's words begin, after the label and its colon. */
  contentStart: number;
  /** 'qa' for Q / A, 'caps' for an all-capitals label, 'name' for a Title Case name. */
  style: 'qa' | 'caps' | 'name';
  timestamped: boolean;
}

export interface ScanParagraph {
  type: 'para';
  start: number;
  end: number;
  /** Set when this paragraph opens a turn. */
  label: Label | null;
}

export type ScanEvent = ScanParagraph | { type: 'end' };

const SP = '[ \\t\\u00a0]';
const TS = `(?:[\\[(]?\\d{1,2}:\\d{2}(?::\\d{2})?(?:[.,]\\d{1,3})?[\\])]?${SP}+)`;
const TRAIL_TS = `(?:${SP}*[\\[(]\\d{1,2}:\\d{2}(?::\\d{2})?(?:[.,]\\d{1,3})?[\\])])`;
// Candidate: optional timestamp, up to 60 characters with no colon, optional trailing timestamp, colon.
const LABEL_RE = new RegExp(`^${SP}{0,4}(${TS})?([^:\\n]{1,60}?)(${TRAIL_TS})?${SP}*:(?=${SP}|$)`);
// Otter.ai's export: the speaker's name and the time on a line of their own ("Jane Roe  0:03",
// "Speaker 1  1:02:03"), the words on the lines below.
const OTTER_RE = new RegExp(`^${SP}{0,4}([^:\\n]{1,60}?)${SP}+(\\d{1,2}:\\d{2}(?::\\d{2})?)${SP}*$`);
// The White House's question lines: "Q" then white space (NBSPs), no colon.
const BARE_Q_RE = new RegExp(`^${SP}{0,4}(${TS})?Q\\.?${SP}+(?=\\S)`, 'u');

const CAPS_TOKEN = /^[\p{Lu}][\p{Lu}\p{M}'’.-]*$/u;
const NAME_TOKEN = /^[\p{Lu}][\p{L}\p{M}'’.-]*$/u;
const PARTICLES = new Set(['de', 'da', 'di', 'du', 'del', 'der', 'den', 'van', 'von', 'la', 'le', 'al', 'el', 'bin', 'ibn', 'y', 'dos', 'das', 'ter']);
const HONORIFICS =
  /^(MR|MRS|MS|MISS|DR|THE|PRESIDENT|VICE|SECRETARY|SENATOR|SEN|REP|REPRESENTATIVE|GOVERNOR|GOV|MAYOR|AMBASSADOR|ADMIRAL|GENERAL|GEN|PRIME|CHANCELLOR|KING|QUEEN|PRINCE|PRINCESS|SPEAKER|LEADER|SENIOR|ADMINISTRATION|MODERATOR|OPERATOR|JUDGE|JUSTICE)\.?$/;

// Words that open ordinary prose lines such as "Note: this", never a speaker's name.
const STOP_SINGLE = new Set(
  (
    'note notes nb ps update updated updates edit edited correction corrections clarification source sources credit credits ' +
    'photo photos image images video audio link links email e-mail phone tel fax address website web url ' +
    'warning caution important tip tips example examples summary conclusion conclusions question questions answer answers ' +
    'subject re fwd from to cc bcc date dated time location place venue title tags tag category categories transcript ' +
    'disclaimer background context agenda topic topics result results reason reasons problem solution step steps ' +
    'chapter part section table figure appendix keywords abstract introduction overview however but and or so yes no ' +
    'well here there this that these those it he she they we i you the a an first second third finally also meanwhile ' +
    'still now then today yesterday tomorrow monday tuesday wednesday thursday friday saturday sunday january february ' +
    'march april may june july august september october november december attendees present participants speakers ' +
    'contact contacts media press embargo embargoed washington breaking exclusive analysis opinion editorial watch listen read ' +
    'related see via bottom takeaway takeaways key fact facts fyi faq tl;dr tldr why what how when where who which ' +
    'status version remarks statement statements readout translation consider guns one two three four five six seven ' +
    'eight nine ten after before next last finally plus bonus lesson lessons quote pause'
  ).split(' '),
);
const STOP_FIRST = new Set([
  'note',
  'editor’s',
  "editor's",
  'editors',
  'bottom',
  'read',
  'related',
  'photo',
  'image',
  'key',
  'fact',
  'update',
  'correction',
  'for',
  'media',
  'press',
  'nominations',
  'contact',
  'chapter',
  'part',
  'section',
  'step',
  'and',
  'but',
  'or',
  'so',
  'on',
  'in',
  'at',
  'with',
  'after',
  'before',
  'project',
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
  'your',
  'my',
  'our',
  'this',
  'that',
]);
// Title Case labels ("Antony Blinken:") do not open with these, though capitals ("THE PRESIDENT:") may.
const STOP_FIRST_NAME = new Set(['the', 'a', 'an']);
const STOP_LAST = new Set([
  'note',
  'notes',
  'update',
  'line',
  'more',
  'correction',
  'credit',
  'credits',
  'summary',
  'takeaway',
  'takeaways',
  'reading',
  'example',
  'examples',
  'contact',
  'contacts',
  'senate',
  'sheet',
  'release',
]);

function lower(t: string): string {
  return t.toLowerCase().replace(/[.]+$/, '');
}

/** Decides whether a candidate label (text before the colon) is a speaker label. */
function classifyLabel(candidate: string): Label['style'] | null {
  const label = collapseWhitespace(candidate);
  if (label === 'Q' || label === 'A') return 'qa';
  if (label === '' || label.length > 60) return null;
  const tokens = label.split(' ');
  if (tokens.length > 6) return null;
  let caps = true;
  let letters = 0;
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k];
    if (/^\d+$/.test(t)) {
      if (k === 0) return null;
      continue;
    }
    if (PARTICLES.has(t) && k > 0 && k < tokens.length - 1) continue;
    if (!NAME_TOKEN.test(t)) return null;
    if (!CAPS_TOKEN.test(t)) caps = false;
    letters += t.replace(/[^\p{L}]/gu, '').length;
  }
  if (letters < 2) return null;
  if (tokens.length === 1 && STOP_SINGLE.has(lower(tokens[0]))) return null;
  if (tokens.length > 1 && (STOP_FIRST.has(lower(tokens[0])) || STOP_LAST.has(lower(tokens[tokens.length - 1])))) return null;
  if (!caps && STOP_FIRST_NAME.has(lower(tokens[0]))) return null;
  return caps ? 'caps' : 'name';
}

/** Matches a speaker label at the start of `line` (which starts at `lineStart`). */
export function matchLabel(line: string, lineStart: number, atParagraphStart: boolean, prevLine: string | null, allowNames = true): Label | null {
  // "Q  On Taiwan: …" is a question, not a speaker called "Q On Taiwan".
  const bareQ = atParagraphStart && /^[\s\d[(]{0,20}Q/.test(line) ? BARE_Q_RE.exec(line) : null;
  if (bareQ) return { text: 'Q', contentStart: lineStart + bareQ[0].length, style: 'qa', timestamped: bareQ[1] !== undefined };
  // Fast path: a label needs a colon near the line start (after at most ~60 characters and a timestamp).
  const colon = line.indexOf(':');
  const m = colon > 0 && colon <= 100 ? LABEL_RE.exec(line) : null;
  if (m) {
    const style = classifyLabel(m[2]);
    if (style && (allowNames || style !== 'name')) {
      // A Title Case name inside a paragraph only opens a turn after a finished sentence.
      const okHere = style !== 'name' || atParagraphStart || prevLine === null || /[.?!…"”’)\]:]\s*$/u.test(prevLine);
      if (okHere) {
        let k = m[0].length;
        while (k < line.length && /[ \t\u00a0]/.test(line[k])) k++;
        return {
          text: collapseWhitespace(m[2]),
          contentStart: lineStart + k,
          style,
          timestamped: m[1] !== undefined || m[3] !== undefined,
        };
      }
    }
  }
  if (atParagraphStart && colon > 0) {
    const otter = OTTER_RE.exec(line);
    const style = otter ? classifyLabel(otter[1]) : null;
    if (otter && style && style !== 'qa' && (allowNames || style !== 'name')) {
      return { text: collapseWhitespace(otter[1]), contentStart: lineStart + line.length, style, timestamped: true };
    }
  }
  return null;
}

const TERMINATOR_RES = [
  /^[ \t\u00a0]*\\?#{3,}[ \t\u00a0]*$/, // ### (often escaped \### in Markdown exports)
  /^[ \t\u00a0]*END(?:[ \t\u00a0]+[\d:.APMapm \u00a0]*(?:[A-Z]{2,4})?)?[ \t\u00a0]*$/, // END, END 10:54 A.M. EDT
  /^[ \t\u00a0]*\d{1,2}:\d{2}(?::\d{2})?[ \t\u00a0]*(?:[AaPp]\.?[Mm]\.?)?[ \t\u00a0]*(?:[A-Z]{2,4})?[ \t\u00a0]*$/, // 10:54 A.M. EDT
];

function isTerminator(line: string): boolean {
  // Fast path: every terminator opens (after white space) with "#", "\\", "E" or a digit.
  const m = /[^ \t\u00a0]/.exec(line);
  if (!m || !/[#\\E0-9]/.test(m[0])) return false;
  return TERMINATOR_RES.some((re) => re.test(line));
}

/**
 * Scans `text` from `from` into paragraphs (split at blank lines and at labels) and end
 * markers. Offsets are into `text`.
 */
// One-entry cache: the classifier asks looksLikeTranscript, then reads the same text.
let lastScan: { text: string; from: number; key: string; events: ScanEvent[] } | null = null;

export function scanTranscript(text: string, from = 0, mapped?: ReadonlySet<string>): ScanEvent[] {
  const key = mapped && mapped.size ? [...mapped].sort().join('\u0000') : '';
  if (lastScan && lastScan.from === from && lastScan.key === key && lastScan.text === text) return lastScan.events;
  const events = scanTwice(text, from, mapped);
  lastScan = { text, from, key, events };
  return events;
}

function scanTwice(text: string, from: number, mapped?: ReadonlySet<string>): ScanEvent[] {
  const events = scanOnce(text, from, true, mapped);
  // A transcript labelled in capitals ("THE PRESIDENT:") does not also use Title Case
  // labels: there, "Consider: …" or "Two: …" is the speaker's prose. Read it again without them.
  const paras = events.filter((e): e is ScanParagraph => e.type === 'para' && e.label !== null);
  const hasCaps = paras.some((p) => p.label!.style === 'caps');
  const hasNames = paras.some((p) => demotable(p.label!, mapped));
  return hasCaps && hasNames ? scanOnce(text, from, false, mapped) : events;
}

/** A Title Case label with no timestamp that the front matter does not name. */
function demotable(label: Label, mapped?: ReadonlySet<string>): boolean {
  return label.style === 'name' && !label.timestamped && !mapped?.has(normLabel(label.text));
}

function scanOnce(text: string, from: number, allowNames: boolean, mapped?: ReadonlySet<string>): ScanEvent[] {
  const events: ScanEvent[] = [];
  const lines = splitLines(text, from);
  let cur: ScanParagraph | null = null;
  let pendingLabel: Label | null = null;
  let prevLine: string | null = null;
  const flush = () => {
    if (cur) events.push(cur);
    cur = null;
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const s = text.slice(line.start, line.end);
    if (isBlank(s)) {
      flush();
      prevLine = null;
      continue;
    }
    if (isTerminator(s)) {
      flush();
      pendingLabel = null;
      events.push({ type: 'end' });
      prevLine = null;
      continue;
    }
    let label = matchLabel(s, line.start, cur === null, prevLine, true);
    if (label && !allowNames && demotable(label, mapped)) label = null;
    if (label) {
      const hasContent = label.contentStart < line.end;
      const nextLine = i + 1 < lines.length ? text.slice(lines[i + 1].start, lines[i + 1].end) : '';
      // A label alone on its line must be followed by its words ("NOMINATIONS SENT TO THE SENATE:" is a heading).
      if (hasContent || !isBlank(nextLine)) {
        flush();
        if (hasContent) {
          cur = { type: 'para', start: label.contentStart, end: line.end, label };
          pendingLabel = null;
        } else {
          pendingLabel = label;
        }
        prevLine = s;
        continue;
      }
    }
    if (cur) {
      (cur as ScanParagraph).end = line.end;
    } else {
      let k = line.start;
      while (k < line.end && /\s/.test(text[k])) k++;
      cur = { type: 'para', start: k, end: line.end, label: pendingLabel };
      pendingLabel = null;
    }
    prevLine = s;
  }
  flush();
  return events;
}

/** Builds the label → speaker map from front matter: `q`, `a`, `speakers` (list of "X=Name" / "X: Name", or a nested map). */
export function speakerMap(meta: Meta): Map<string, string> {
  const map = new Map<string, string>();
  const put = (label: string, name: string) => {
    const l = normLabel(label);
    const n = collapseWhitespace(name);
    if (l && n) map.set(l, n);
  };
  const str = (v: FrontMatterValue | undefined) => (typeof v === 'string' ? v : undefined);
  for (const [key, value] of Object.entries(meta)) {
    const nested = /^speakers\.(.+)$/i.exec(key);
    if (nested && typeof value === 'string') put(nested[1], value);
  }
  const list = meta['speakers'];
  const items = Array.isArray(list) ? list : typeof list === 'string' && list.trim() ? list.split(/[;,]/) : [];
  for (const item of items) {
    const m = /^\s*(.+?)\s*(?:=>?|->|:)\s*(.+?)\s*$/.exec(item);
    if (m) put(m[1], m[2]);
  }
  const q = str(meta['q']) ?? str(meta['Q']);
  const a = str(meta['a']) ?? str(meta['A']) ?? str(meta['speaker']);
  if (q) put('Q', q);
  if (a && !map.has('A')) put('A', a);
  return map;
}

function normLabel(s: string): string {
  return collapseWhitespace(s).toUpperCase();
}

/**
 * Reads a transcript body. `text` is the full file text and `bodyStart` where the body
 * begins; spans are offsets into `text`. `meta` is the front matter (speaker names for
 * `Q`/`A` and other labels). Unmapped `Q` turns are questions and yield nothing; unmapped
 * `A` turns yield nothing and, when `problems` is given, one problem.
 */
export function readTranscript(text: string, bodyStart: number, meta: Meta = {}, problems?: string[]): RawStatement[] {
  const map = speakerMap(meta);
  const out: RawStatement[] = [];
  let speaker: string | null = null;
  let unmappedAnswers = 0;
  for (const ev of scanTranscript(text, bodyStart, new Set(map.keys()))) {
    if (ev.type === 'end') {
      speaker = null;
      continue;
    }
    if (ev.label) {
      const mapped = map.get(normLabel(ev.label.text));
      if (mapped) speaker = mapped;
      else if (ev.label.style === 'qa') {
        speaker = null;
        if (ev.label.text === 'A') unmappedAnswers++;
      } else speaker = ev.label.text;
    }
    if (!speaker) continue;
    const c = cleanParagraph(text, ev.start, ev.end, { listMarkers: 'bullets' });
    if (c) out.push({ speakerText: speaker, span: c.span, text: c.text });
  }
  if (unmappedAnswers > 0 && problems) {
    problems.push(`${unmappedAnswers} \`A:\` turn${unmappedAnswers === 1 ? '' : 's'} skipped: name the speaker with \`a:\` (or \`speaker:\`) in the front matter`);
  }
  return out;
}

/**
 * True when `body` reads as a transcript: most paragraphs open with a speaker label, or a
 * strong label (capitals with a title or several words, a timestamp, or a label used
 * twice) opens one of the first paragraphs, as in a speech ("THE PRESIDENT: …" then
 * unlabelled paragraphs).
 */
export function looksLikeTranscript(body: string): boolean {
  return looksLikeTranscriptAt(body, 0);
}

/** looksLikeTranscript for the body that starts at `bodyStart` in `text` (shares the scan with readTranscript). */
export function looksLikeTranscriptAt(text: string, bodyStart: number): boolean {
  const paras = scanTranscript(text, bodyStart).filter((e): e is ScanParagraph => e.type === 'para');
  if (paras.length === 0) return false;
  const labelled = paras.filter((p) => p.label);
  if (labelled.length === 0) return false;
  if (labelled.length >= 2 && labelled.length * 2 >= paras.length) return true;
  const counts = new Map<string, number>();
  for (const p of labelled) counts.set(p.label!.text, (counts.get(p.label!.text) ?? 0) + 1);
  const firstIdx = paras.findIndex((p) => p.label);
  if (firstIdx > 3) return false;
  const first = paras[firstIdx].label!;
  const strong =
    first.timestamped || (first.style === 'caps' && (first.text.includes(' ') || HONORIFICS.test(first.text.split(' ')[0]))) || (first.style !== 'qa' && (counts.get(first.text) ?? 0) >= 2);
  return strong;
}
