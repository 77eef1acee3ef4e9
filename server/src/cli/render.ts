import * as path from 'path';
import { placeOf, type CorpusProblem, type FileReport, type Finding, type Verdict } from '../engine';
import { buildReport } from '../engine/report';
import { renderReportHtml } from '../report/html';

/** The JSON report of SPEC §7: one object, every quote listed. */
export function renderJson(reports: FileReport[], corpus: { documents: number; statements: number; problems: CorpusProblem[] }, summary: Record<Verdict, number>): string {
  const files = reports.map((r) => ({
    path: r.path,
    ...(r.skipped ? { skipped: r.skipped } : {}),
    ...(r.archive ? { archive: r.archive } : {}),
    quotes: r.findings.map((f) => ({
      kind: f.kind,
      text: f.text,
      range: f.range,
      speaker: f.speaker,
      verdict: f.verdict,
      severity: f.severity,
      message: f.message,
      source: f.source && {
        origin: f.source.origin,
        speaker: f.source.speaker,
        text: f.source.text,
        path: f.source.path,
        range: f.source.range,
        url: f.source.url ?? null,
        date: f.source.date ?? null,
        title: f.source.title ?? null,
        ...(f.source.page !== undefined ? { page: f.source.page } : {}),
        ...(f.source.paragraph !== undefined ? { paragraph: f.source.paragraph } : {}),
      },
      changes: f.changes,
      ...(f.ignored ? { ignored: true } : {}),
    })),
  }));
  return JSON.stringify({ version: 1, corpus, files, summary }, null, 2);
}

function displayPath(p: string): string {
  const rel = path.relative(process.cwd(), p);
  return rel && !rel.startsWith('..') ? rel : p;
}

/** One line per finding, compiler style (`path:line:col: severity verdict: message`), then a summary. */
export function renderText(reports: FileReport[], problems: CorpusProblem[], summary: Record<Verdict, number>, statements: number): string {
  const out: string[] = [];
  for (const p of problems) out.push(`${displayPath(p.path)}: corpus problem: ${p.message}`);
  for (const r of reports) {
    if (r.skipped) out.push(`${displayPath(r.path)}:${r.skipped.from.line + 1}:${r.skipped.from.character + 1}: notice: ${r.skipped.message}`);
    for (const f of r.findings) {
      if (f.ignored) continue;
      out.push(`${displayPath(r.path)}:${f.range.start.line + 1}:${f.range.start.character + 1}: ${f.severity === 'none' ? 'ok' : f.severity} ${f.verdict}: ${f.message}${sourceNote(f)}`);
    }
  }
  const counts = (Object.entries(summary) as Array<[Verdict, number]>).filter(([, n]) => n > 0).map(([v, n]) => `${n} ${v}`);
  const quotes = Object.values(summary).reduce((a, b) => a + b, 0);
  out.push('');
  const ignored = reports.reduce((n, r) => n + r.findings.filter((f) => f.ignored).length, 0);
  out.push(
    `${quotes} quote${quotes === 1 ? '' : 's'} checked against ${statements} statement${statements === 1 ? '' : 's'}${counts.length ? `: ${counts.join(', ')}` : ''}` +
      (ignored ? `; ${ignored} ignored (checked by hand)` : ''),
  );
  return out.join('\n');
}

/** Where the source statement is: a file of the local corpus, or (marked) a document of the archive. */
function sourceNote(f: Finding): string {
  if (!f.source) return '';
  const s = f.source;
  const where = s.origin === 'archive' ? `archive: ${s.path}` : displayPath(s.path);
  // A text source as path:line (terminals and editors open it); a PDF's page or a Word file's paragraph in words.
  return s.page !== undefined || s.paragraph !== undefined ? ` [${where}, ${placeOf(s)}]` : ` [${where}:${s.range.start.line + 1}]`;
}

/**
 * The report as one HTML file (`--format html`), the same page the editor's report view shows.
 * Its links to drafts and sources are relative to the working folder, so they work with the
 * report saved there (`verbatim check drafts --format html > report.html`).
 */
export function renderHtml(reports: FileReport[], corpus: { documents: number; statements: number }): string {
  const title = reports.length === 1 ? path.basename(reports[0].path) : `${reports.length} drafts`;
  const relative = (file: string) => path.relative(process.cwd(), file) || path.basename(file);
  return renderReportHtml(buildReport(title, reports, corpus), {
    href: (file, line) => `${relative(file).split(path.sep).map(encodeURIComponent).join('/')}#L${line + 1}`,
    label: displayPath,
  });
}
