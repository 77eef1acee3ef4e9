// Case files: `test/cases/<area>/<name>.md` are small drafts with their expectations written
// inline, one HTML comment a line, which a Markdown viewer hides:
//
//   “We will rebuild the pier,” said Ana Ruiz, the mayor.
//   <!-- quote "We will rebuild the pier" by "Ana Ruiz" via attr.inverted -->
//
// Expectations (TEXT is a part of the item's text; SPEAKER the resolved speaker's text, or
// `nobody`; `via` names rules the item must have been read by):
//   quote "TEXT" by SPEAKER [via RULE, RULE]     a quote holding TEXT, that speaker
//   claim "TEXT" by SPEAKER [via RULE, RULE]     an attributed claim holding TEXT
//   no quote "TEXT"  /  no claim "TEXT"          nothing of that kind holds TEXT
// Expectation lines are taken out before the draft is read, so offsets are the draft's. The
// runner (test/unit/cases.test.ts) reads every file; eval:extraction lists the rules no case
// exercises.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { extractWithRules } from '../../server/src/engine/extract/extractQuotes';
import { RULE_BY_ID, type RuleId } from '../../server/src/engine/extract/rules';
import type { ExtractedQuote } from '../../server/src/engine';

export interface Expectation {
  kind: 'quote' | 'claim';
  /** False for "no quote", "no claim". */
  present: boolean;
  text: string;
  /** The speaker's text; null for `by nobody`; undefined when not given. */
  speaker?: string | null;
  via: RuleId[];
  line: number;
}

export interface CaseFile {
  file: string;
  area: string;
  /** The draft without its expectation lines. */
  draft: string;
  expectations: Expectation[];
}

const EXPECTATION = /^\s*<!--\s*(no\s+)?(quote|claim)\s+"([^"]+)"(?:\s+by\s+(?:"([^"]+)"|(nobody)))?(?:\s+via\s+([\w.,\s-]+?))?\s*-->\s*$/;
const COMMENT_LINE = /^\s*<!--.*-->\s*$/;

/** Reads a case file; a comment line that is no expectation is an error, not skipped. */
export function readCase(file: string, root: string): CaseFile {
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  const draft: string[] = [];
  const expectations: Expectation[] = [];
  lines.forEach((line, i) => {
    const m = EXPECTATION.exec(line);
    if (!m) {
      if (COMMENT_LINE.test(line) && !/^\s*<!--\s*case:/.test(line)) throw new Error(`${file}:${i + 1}: not an expectation: ${line.trim()}`);
      if (!/^\s*<!--\s*case:/.test(line)) draft.push(line);
      return;
    }
    const via = (m[6] ?? '').split(/[\s,]+/).filter(Boolean);
    for (const id of via) if (!RULE_BY_ID.has(id as RuleId)) throw new Error(`${file}:${i + 1}: no rule named ${id}`);
    if (m[1] && (m[4] || m[5] || via.length > 0)) throw new Error(`${file}:${i + 1}: "no ${m[2]}" takes no speaker or rules`);
    expectations.push({
      kind: m[2] as 'quote' | 'claim',
      present: !m[1],
      text: m[3],
      ...(m[5] ? { speaker: null } : m[4] !== undefined ? { speaker: m[4] } : {}),
      via: via as RuleId[],
      line: i + 1,
    });
  });
  if (expectations.length === 0) throw new Error(`${file}: no expectation`);
  return { file: path.relative(root, file), area: path.basename(path.dirname(file)), draft: draft.join('\n'), expectations };
}

/** Every case file under `dir` (test/cases), sorted. */
export function caseFiles(dir: string): string[] {
  const found: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile() && e.name.endsWith('.md') && e.name !== 'README.md') found.push(p);
    }
  };
  walk(dir);
  return found;
}

export interface CaseResult {
  failures: string[];
  /** Every rule the extraction of the draft applied (found items and vetoed readings). */
  rules: Set<RuleId>;
}

const show = (item: ExtractedQuote) => `${item.kind} "${item.text}" by ${item.speaker ? `"${item.speaker.text}"` : 'nobody'} [rules: ${item.rules.join(', ') || 'none'}]`;

/** Checks one case's expectations against the extraction of its draft. */
export function runCase(c: CaseFile): CaseResult {
  const { items, vetoed } = extractWithRules(c.draft, { format: 'markdown', claims: c.expectations.some((e) => e.kind === 'claim') });
  const rules = new Set<RuleId>([...items.flatMap((i) => i.rules), ...vetoed.flatMap((v) => v.rules)]);
  const failures: string[] = [];
  for (const e of c.expectations) {
    const ofKind = items.filter((i) => i.kind === e.kind);
    const holding = ofKind.filter((i) => i.text.includes(e.text));
    const where = `${c.file}:${e.line}`;
    if (!e.present) {
      for (const i of holding) failures.push(`${where}: expected no ${e.kind} holding "${e.text}", found ${show(i)}`);
      continue;
    }
    const vetoes = vetoed.filter((v) => v.kind === e.kind && c.draft.slice(v.span.start, v.span.end).includes(e.text));
    if (holding.length === 0) {
      const seen = ofKind.map(show).join('\n      ') || 'none';
      const vetoedBy = vetoes.map((v) => v.rules.join(', ')).join('; ');
      failures.push(`${where}: expected a ${e.kind} holding "${e.text}"${vetoedBy ? `; vetoed by [${vetoedBy}]` : ''}\n    ${e.kind}s found:\n      ${seen}`);
      continue;
    }
    const item = holding[0];
    if (e.speaker !== undefined && (item.speaker?.text ?? null) !== e.speaker) {
      failures.push(`${where}: expected the speaker ${e.speaker === null ? 'nobody' : `"${e.speaker}"`}, got ${show(item)}`);
    }
    const missing = e.via.filter((id) => !item.rules.includes(id));
    if (missing.length > 0) failures.push(`${where}: expected rules ${missing.join(', ')} to read it, got ${show(item)}`);
  }
  return { failures, rules };
}

/** The rules no case file exercises. */
export function untestedRules(dir: string, root: string, all: readonly RuleId[]): RuleId[] {
  const exercised = new Set<RuleId>();
  for (const file of caseFiles(dir)) for (const id of runCase(readCase(file, root)).rules) exercised.add(id);
  return all.filter((id) => !exercised.has(id));
}
