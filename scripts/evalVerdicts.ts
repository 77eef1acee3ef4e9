// npm run eval:verdicts — judges a seeded, labelled set of quotes drawn from real White House
// statements (../shared/data/whitehouse) and prints the confusion matrix, accuracy per kind,
// and the count that matters most: altered quotes called verified.
//
//   node out/scripts/evalVerdicts.js [--count N] [--seed N] [--corpus DIR ...] [--show N]

import * as path from 'node:path';
import { checkText, loadCorpus, type Verdict } from '../server/src/engine';
import { verdictsOf } from '../server/src/engine/verdicts';
import { findSharedDir } from './polnear';
import { generateCases, type VerdictCase } from './verdicts/generateCases';
import { inventedQuotes } from './verdicts/inventions';

const VERDICTS: Verdict[] = verdictsOf('quote');

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

function main(): number {
  const shared = findSharedDir(path.resolve(__dirname, '..', '..'));
  if (!shared) {
    process.stderr.write('eval:verdicts: cannot find ../shared (with SPEC.md and data/whitehouse)\n');
    return 2;
  }
  const count = Number(option('count', '1400'));
  const seed = Number(option('seed', '7'));
  const show = Number(option('show', '3'));
  const corpusDirs = process.argv.includes('--corpus') ? process.argv.flatMap((a, i) => (process.argv[i - 1] === '--corpus' ? [a] : [])) : [path.join(shared, 'data', 'whitehouse', 'sample')];

  const started = Date.now();
  const corpus = loadCorpus(corpusDirs);
  const cases = generateCases(corpus, inventedQuotes(shared), count, seed);
  const loaded = Date.now();

  const matrix = new Map<string, number>();
  const perKind = new Map<string, { right: number; total: number; wrong: Array<{ c: VerdictCase; got: string; message: string }> }>();
  let alteredCalledVerified = 0;
  let diagnosticsOnAllowed = 0;
  let severityRight = 0;
  let severityTotal = 0;
  const severityMisses: string[] = [];
  let right = 0;
  for (const c of cases) {
    const findings = checkText(c.draft, '/eval/draft.md', corpus).findings;
    const f = findings[0];
    const got = findings.length === 1 ? f.verdict : findings.length === 0 ? '(no quote)' : '(several)';
    matrix.set(`${c.expect}→${got}`, (matrix.get(`${c.expect}→${got}`) ?? 0) + 1);
    const kind = perKind.get(c.kind) ?? { right: 0, total: 0, wrong: [] };
    perKind.set(c.kind, kind);
    kind.total++;
    if (got === c.expect) {
      kind.right++;
      right++;
    } else kind.wrong.push({ c, got, message: f?.message ?? '' });
    if (c.expect === 'altered' && got === 'verified') alteredCalledVerified++;
    if (c.kind.startsWith('allowed') && findings.some((x) => x.severity !== 'none' && x.severity !== 'hint')) diagnosticsOnAllowed++;
    if (c.expect === 'altered' && got === 'altered' && c.expectSeverity) {
      severityTotal++;
      if (f.severity === c.expectSeverity) severityRight++;
      else if (severityMisses.length < show * 4) severityMisses.push(`${c.kind}: got ${f.severity}: ${f.message.slice(0, 150)}`);
    }
  }
  const elapsed = Date.now() - loaded;

  const pad = (s: string, n: number) => s.padEnd(n);
  console.log(`eval:verdicts — ${cases.length} cases (seed ${seed}) against ${corpus.statementCount} statements from ${corpusDirs.join(', ')}`);
  console.log(`corpus and cases ready in ${loaded - started} ms; judged in ${elapsed} ms (${(elapsed / cases.length).toFixed(2)} ms a quote)\n`);
  const columns = [...VERDICTS, '(no quote)', '(several)'];
  console.log(`${pad('expected \\ got', 16)}${columns.map((v) => pad(v, 14)).join('')}`);
  for (const expect of VERDICTS) {
    const row = columns.map((got) => pad(String(matrix.get(`${expect}→${got}`) ?? 0), 14)).join('');
    if (columns.some((got) => matrix.get(`${expect}→${got}`))) console.log(`${pad(expect, 16)}${row}`);
  }
  console.log('\naccuracy per kind');
  for (const [kind, k] of [...perKind.entries()].sort()) {
    console.log(`  ${pad(kind, 44)} ${k.right}/${k.total}  ${((100 * k.right) / k.total).toFixed(1)}%`);
    for (const w of k.wrong.slice(0, show)) console.log(`      got ${w.got}: ${w.c.draft.replace(/\s+/g, ' ').slice(0, 160)}\n        ${w.message.slice(0, 160)}`);
  }
  const accuracy = right / cases.length;
  console.log(`\noverall: ${right}/${cases.length} = ${(100 * accuracy).toFixed(2)}% right`);
  console.log(`altered quotes called verified: ${alteredCalledVerified}`);
  console.log(`allowed edits with a diagnostic (other than none/hint): ${diagnosticsOnAllowed}`);
  console.log(`altered severity as deserved: ${severityRight}/${severityTotal}`);
  for (const miss of severityMisses) console.log(`    ${miss}`);
  console.log(
    `EVAL ${JSON.stringify({ cases: cases.length, seed, statements: corpus.statementCount, accuracy: Number(accuracy.toFixed(4)), alteredCalledVerified, diagnosticsOnAllowed, severityRight, severityTotal, msPerQuote: Number((elapsed / cases.length).toFixed(2)), perKind: Object.fromEntries([...perKind.entries()].map(([k, v]) => [k, `${v.right}/${v.total}`])) })}`,
  );
  return 0;
}

process.exitCode = main();
