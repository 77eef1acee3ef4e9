// `--format junit`: a JUnit XML test report, the format every CI shows as tests. One test
// suite per draft, one test case per quote or claim: a finding at error severity (what makes
// the exit status 1) is a failure, a quote an ignore comment covers is skipped, the rest pass
// with their verdict in the case's output.
import type { FileReport, Finding, Verdict } from '../engine';

function xml(s: string): string {
  // XML 1.0 has no place for most control characters: they are dropped, not escaped.
  return (
    s
      // eslint-disable-next-line no-control-regex -- XML 1.0 forbids these characters
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
  );
}

function caseName(f: Finding): string {
  const words = f.text.replace(/\s+/g, ' ').trim();
  const short = words.length > 80 ? `${words.slice(0, 79)}…` : words;
  return `line ${f.range.start.line + 1}: ${f.kind} “${short}”`;
}

function testCase(file: string, f: Finding): string {
  const head = `    <testcase classname="${xml(file)}" name="${xml(caseName(f))}" file="${xml(file)}" line="${f.range.start.line + 1}">`;
  const where = f.source ? `\nsource: ${f.source.path}:${f.source.range.start.line + 1} (${f.source.speaker})` : '';
  if (f.ignored) return `${head}\n      <skipped message="${xml('ignored by a verbatim-ignore comment: checked by hand')}"/>\n    </testcase>`;
  if (f.severity === 'error') return `${head}\n      <failure type="${f.verdict}" message="${xml(f.message)}">${xml(`${f.verdict}: ${f.message}${where}`)}</failure>\n    </testcase>`;
  return `${head}\n      <system-out>${xml(`${f.verdict} (${f.severity}): ${f.message}${where}`)}</system-out>\n    </testcase>`;
}

export function renderJunit(reports: FileReport[], summary: Record<Verdict, number>): string {
  const suites = reports.map((r) => {
    const failures = r.findings.filter((f) => !f.ignored && f.severity === 'error').length;
    const skipped = r.findings.filter((f) => f.ignored).length;
    const cases = r.findings.map((f) => testCase(r.path, f));
    return `  <testsuite name="${xml(r.path)}" tests="${r.findings.length}" failures="${failures}" errors="0" skipped="${skipped}">\n${cases.join('\n')}${cases.length ? '\n' : ''}  </testsuite>`;
  });
  const tests = reports.reduce((n, r) => n + r.findings.length, 0);
  const failures = reports.reduce((n, r) => n + r.findings.filter((f) => !f.ignored && f.severity === 'error').length, 0);
  const counts = Object.entries(summary)
    .filter(([, n]) => n > 0)
    .map(([v, n]) => `${n} ${v}`)
    .join(', ');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="verbatim" tests="${tests}" failures="${failures}" errors="0">\n<!-- ${xml(counts || 'no quotes').replace(/--/g, '- -')} -->\n${suites.join('\n')}${suites.length ? '\n' : ''}</testsuites>`;
}
