// `--format github`: GitHub Actions workflow commands, one per finding a reader should see
// (`::error file=…,line=…::message`), which the runner turns into annotations on the pull
// request's diff. Severity none and quotes ignored by a comment print nothing.
import * as path from 'path';
import type { CorpusProblem, FileReport, Finding, Severity } from '../engine';

const COMMAND: Record<Exclude<Severity, 'none'>, string> = { error: 'error', warning: 'warning', information: 'notice', hint: 'notice' };

/** Workflow command data: `%`, CR and LF escaped (the runner unescapes them). */
function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A property value: also `:` and `,`, which separate properties. */
function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** Paths relative to the working folder: the checkout root in a workflow, as annotations want. */
function annotationPath(file: string): string {
  const rel = path.relative(process.cwd(), file);
  return (rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file).split(path.sep).join('/');
}

function annotation(file: string, f: Finding): string | null {
  if (f.ignored || f.severity === 'none') return null;
  const { start, end } = f.range;
  const props = [`file=${escapeProperty(annotationPath(file))}`, `line=${start.line + 1}`, `endLine=${end.line + 1}`];
  // Columns only within one line: GitHub ignores them on a multi-line annotation.
  if (start.line === end.line) props.push(`col=${start.character + 1}`, `endColumn=${end.character + 1}`);
  props.push(`title=${escapeProperty(`Verbatim: ${f.verdict}`)}`);
  const where = f.source ? ` (source: ${annotationPath(f.source.path)}:${f.source.range.start.line + 1})` : '';
  return `::${COMMAND[f.severity]} ${props.join(',')}::${escapeData(f.message + where)}`;
}

export function renderGithub(reports: FileReport[], problems: CorpusProblem[]): string {
  const out: string[] = [];
  for (const p of problems) out.push(`::warning file=${escapeProperty(annotationPath(p.path))},title=${escapeProperty('Verbatim: corpus problem')}::${escapeData(p.message)}`);
  for (const r of reports) {
    if (r.skipped) out.push(`::notice file=${escapeProperty(annotationPath(r.path))},line=${r.skipped.from.line + 1}::${escapeData(r.skipped.message)}`);
    for (const f of r.findings) {
      const line = annotation(r.path, f);
      if (line) out.push(line);
    }
  }
  return out.join('\n');
}
