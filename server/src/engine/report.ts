// The report a copy editor files by, as plain data: what goes in it and in what order, decided
// once for the CLI's `--format html` and the editor's report view. Problems first, grouped by
// verdict, each with the draft's words beside the source's (the differences marked on both
// sides), its speaker, date and title; then what was set aside; verified quotes last.
import type { DiffSegment, FileReport, Finding, SourceRef, Verdict } from './types';
import { isConfirmed, PROBLEM_ORDER, VERDICT_LABEL, zeroCounts } from './verdicts';

/** A stretch of words; `changed` marks what the other side lacks. */
export interface Words {
  text: string;
  changed: boolean;
}

export interface ReportItem {
  finding: Finding;
  /** The draft and where the finding stands in it (zero-based line). */
  file: string;
  line: number;
  /** The draft's words, its changed words marked. */
  draft: Words[];
  /** The source's words around the quote, the words the draft lacks marked; null without a source. */
  source: Words[] | null;
  /** Why it was set aside, for a finding that is not counted: an ignore comment or the workspace. */
  setAside: 'comment' | 'workspace' | null;
}

export interface ReportGroup {
  verdict: Verdict;
  label: string;
  items: ReportItem[];
}

export interface ReportModel {
  title: string;
  /** ISO date and time the report was made. */
  made: string;
  corpus: { documents: number; statements: number };
  /** Per verdict, set-aside findings not counted (as `summarize`). */
  counts: Record<Verdict, number>;
  /** Quotes and claims counted. */
  total: number;
  files: string[];
  problems: ReportGroup[];
  /** Findings an ignore comment or the workspace set aside. */
  setAside: ReportItem[];
  /** Verified quotes and supported claims. */
  verified: ReportItem[];
  /** Parts of drafts not checked (too long), in words. */
  notices: string[];
}

/** Statement text kept on each side of the quoted words: enough to place them, never a screenful. */
const CONTEXT_CHARS = 80;
/** Words of one side shown at most. */
const MAX_SIDE_CHARS = 500;

export function buildReport(title: string, reports: FileReport[], corpus: { documents: number; statements: number }, made = new Date()): ReportModel {
  const counts = zeroCounts();
  const groups = new Map<Verdict, ReportItem[]>();
  const setAside: ReportItem[] = [];
  const verified: ReportItem[] = [];
  for (const r of reports) {
    for (const f of r.findings) {
      const item = itemOf(r.path, f);
      if (f.ignored) {
        setAside.push(item);
        continue;
      }
      counts[f.verdict]++;
      if (isConfirmed(f.verdict)) verified.push(item);
      else groups.set(f.verdict, [...(groups.get(f.verdict) ?? []), item]);
    }
  }
  return {
    title,
    made: made.toISOString(),
    corpus,
    counts,
    total: Object.values(counts).reduce((a, b) => a + b, 0),
    files: reports.map((r) => r.path),
    problems: PROBLEM_ORDER.filter((v) => groups.has(v)).map((v) => ({ verdict: v, label: VERDICT_LABEL[v], items: groups.get(v)! })),
    setAside,
    verified,
    notices: reports.flatMap((r) => (r.skipped ? [`${r.path}: ${r.skipped.message}`] : [])),
  };
}

function itemOf(file: string, f: Finding): ReportItem {
  const sides = f.diff ? sidesOf(f.diff) : { draft: [{ text: cut(f.text, MAX_SIDE_CHARS), changed: false }], source: f.source ? [{ text: cut(f.source.text, MAX_SIDE_CHARS), changed: false }] : null };
  return { finding: f, file, line: f.range.start.line, ...sides, setAside: f.hidden ? 'workspace' : f.ignored ? 'comment' : null };
}

/** The two sides of a diff: the draft's words (its own marked), the source's (the ones the draft lacks marked). */
function sidesOf(diff: DiffSegment[]): { draft: Words[]; source: Words[] } {
  const draft: Words[] = [];
  const source: Words[] = [];
  const push = (side: Words[], text: string, changed: boolean) => {
    const last = side[side.length - 1];
    if (last && last.changed === changed) last.text += text;
    else if (text) side.push({ text, changed });
  };
  diff.forEach((d, i) => {
    switch (d.op) {
      case 'equal':
        push(draft, d.text, false);
        // The space that parts a source word from the draft's in its place is the draft's.
        if (!(diff[i + 1]?.op === 'added' && diff[i - 1]?.op === 'removed')) push(source, d.text, false);
        break;
      case 'added':
        push(draft, d.text, true);
        break;
      case 'removed':
        push(source, d.text, true);
        break;
      case 'skipped':
        push(draft, ' … ', false);
        push(source, d.text, false);
        break;
      case 'context':
        push(source, i === 0 ? leading(d.text) : trailing(d.text), false);
        break;
    }
  });
  // Words run together where a side lost what stood between them ("will  be"): one space.
  for (const side of [draft, source]) {
    for (const w of side) w.text = w.text.replace(/\s+/g, ' ');
    if (side.length) {
      side[0].text = side[0].text.trimStart();
      side[side.length - 1].text = side[side.length - 1].text.trimEnd();
    }
  }
  return { draft, source };
}

function leading(text: string): string {
  return text.length <= CONTEXT_CHARS ? text : '… ' + text.slice(text.length - CONTEXT_CHARS).replace(/^\S*\s/, '');
}

function trailing(text: string): string {
  return text.length <= CONTEXT_CHARS ? text : text.slice(0, CONTEXT_CHARS).replace(/\s\S*$/, '') + ' …';
}

function cut(text: string, max: number): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  return clean.length <= max ? clean : `${clean.slice(0, max - 1).trimEnd()}…`;
}

/** Every source a finding cites: its statement, then a stitch's second or a claim's closest ones. */
export function sourcesOf(f: Finding): SourceRef[] {
  return f.source ? [f.source, ...f.otherSources] : f.otherSources;
}

/** Where a source statement stands, in words: "p. 14" in a PDF, "¶ 3" in a Word file or an email, else "line 15". */
export function placeOf(source: SourceRef): string {
  if (source.page !== undefined) return `p. ${source.page}`;
  if (source.paragraph !== undefined) return `¶ ${source.paragraph}`;
  return `line ${source.range.start.line + 1}`;
}
