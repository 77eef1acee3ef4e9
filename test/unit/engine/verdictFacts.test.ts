// The verdict-facts table (engine/verdicts.ts) has a row for every verdict, and the places that
// cannot read it (the JSON VS Code reads, the docs, README, SPEC) and the SARIF rules agree with it.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Verdict } from '../../../server/src/engine/types';
import { DEFAULT_SEVERITIES, PROBLEM_ORDER, REPORT_ORDER, VERDICT_FACTS, VERDICTS, verdictHref, verdictsOf } from '../../../server/src/engine/verdicts';
import { renderSarif } from '../../../server/src/cli/sarif';
import { REPO_ROOT } from '../../support/paths';
import { sharedDir } from '../readers/helpers';

// Compile-time: a verdict added to (or dropped from) the `Verdict` type fails to compile here
// until this list follows, and the runtime check below then asks the table for its row.
const EVERY_VERDICT = { verified: true, altered: true, misattributed: true, missing: true, unattributed: true, stitched: true, supported: true } satisfies Record<Verdict, true>;

const read = (...parts: string[]) => fs.readFileSync(path.join(REPO_ROOT, ...parts), 'utf8');

test('every verdict has one row in the table, each fact filled in', () => {
  assert.deepEqual([...VERDICTS].sort(), Object.keys(EVERY_VERDICT).sort());
  const names = new Set<string>();
  for (const v of VERDICTS) {
    const f = VERDICT_FACTS[v];
    assert.ok(f, `${v} has a row`);
    assert.equal(f.label.toLowerCase(), v, `${v}: label`);
    assert.match(f.summary, /^[A-Z].*\.$/, `${v}: summary is a sentence`);
    assert.ok(f.of.length > 0, `${v}: applies to quotes or claims`);
    assert.ok(f.sarif.name && f.sarif.short && f.sarif.full && f.sarif.help, `${v}: SARIF texts`);
    assert.ok(!names.has(f.sarif.name), `${v}: SARIF rule name ${f.sarif.name} is unique`);
    names.add(f.sarif.name);
    assert.equal(DEFAULT_SEVERITIES[v], f.defaultSeverity);
  }
  assert.deepEqual(
    VERDICTS.map((v) => VERDICT_FACTS[v].reportRank).sort((a, b) => a - b),
    VERDICTS.map((_, i) => i + 1),
    'report ranks are 1..n, each once',
  );
  // The orders the report, SARIF and the evals printed before the table (held, so output is unchanged).
  assert.deepEqual(REPORT_ORDER, ['altered', 'misattributed', 'stitched', 'missing', 'unattributed', 'verified', 'supported']);
  assert.deepEqual(PROBLEM_ORDER, ['altered', 'misattributed', 'stitched', 'missing', 'unattributed']);
  assert.deepEqual(verdictsOf('quote'), ['verified', 'altered', 'misattributed', 'stitched', 'missing', 'unattributed']);
  assert.deepEqual(verdictsOf('claim'), ['supported', 'misattributed', 'missing', 'unattributed']);
});

test('the SARIF rules are the table: ids, names, texts, default levels, doc links', () => {
  const log = JSON.parse(renderSarif([], { documents: 0, statements: 0, problems: [] }, Object.fromEntries(VERDICTS.map((v) => [v, 0])) as Record<Verdict, number>, '0.0.0'));
  const rules = log.runs[0].tool.driver.rules as Array<{ id: string; name: string; shortDescription: { text: string }; helpUri: string; defaultConfiguration: { level: string } }>;
  assert.deepEqual(
    rules.map((r) => r.id),
    [...REPORT_ORDER],
  );
  const level = { error: 'error', warning: 'warning', information: 'note', hint: 'note', none: 'none' } as const;
  for (const r of rules) {
    const f = VERDICT_FACTS[r.id as Verdict];
    assert.equal(r.name, f.sarif.name);
    assert.equal(r.shortDescription.text, f.sarif.short);
    assert.equal(r.helpUri, verdictHref(r.id as Verdict));
    assert.equal(r.defaultConfiguration.level, level[f.defaultSeverity]);
  }
});

test('docs/verdicts.md has one section per verdict, the anchor every doc link points at', () => {
  const headings = [...read('docs', 'verdicts.md').matchAll(/^## (.+)$/gm)].map((m) => m[1].trim());
  assert.deepEqual([...headings].sort(), [...VERDICTS].sort());
  for (const v of VERDICTS) assert.ok(verdictHref(v).endsWith(`docs/verdicts.md#${v}`));
});

test('the schema, the VS Code setting and its texts say what the table says', () => {
  const schema = JSON.parse(read('schemas', 'verbatim.schema.json'));
  const pkg = JSON.parse(read('package.json'));
  const nls = JSON.parse(read('package.nls.json'));
  const setting = pkg.contributes.configuration.properties['verbatim.severity'].properties;
  assert.deepEqual(Object.keys(schema.properties.severity.properties), [...VERDICTS]);
  assert.deepEqual(schema.properties.severities.properties, schema.properties.severity.properties, 'the older spelling says the same');
  assert.deepEqual(Object.keys(setting), [...VERDICTS]);
  assert.deepEqual(schema.properties.hidden.items.properties.verdict.enum, [...VERDICTS]);
  for (const v of VERDICTS) {
    const f = VERDICT_FACTS[v];
    const p = schema.properties.severity.properties[v];
    assert.equal(p.default, f.defaultSeverity, `${v}: schema default`);
    assert.equal(p.description, `Severity of \`${v}\` findings (default \`${f.defaultSeverity}\`). ${f.summary}`, `${v}: schema description`);
    assert.equal(p.markdownDescription, `Severity of [\`${v}\`](${verdictHref(v)}) findings (default \`${f.defaultSeverity}\`). ${f.summary}`, `${v}: schema markdownDescription`);
    const key = `configuration.severity.${v}.markdownDescription`;
    assert.equal(setting[v].markdownDescription, `%${key}%`, `${v}: setting text key`);
    assert.equal(nls[key], `Severity of \`${v}\` findings (default \`${f.defaultSeverity}\`). ${f.summary}`, `${v}: setting text`);
  }
});

test("README's and SPEC's verdict tables name the table's verdicts, SPEC with their default severities", (t) => {
  const rows = (text: string) => [...text.matchAll(/^\| `([a-z]+)` \|(.*)$/gm)].map((m) => ({ verdict: m[1], rest: m[2] }));
  const readme = rows(read('README.md'));
  assert.ok(readme.length >= 6, 'README has its verdict table');
  for (const r of readme) assert.ok(r.verdict in VERDICT_FACTS, `README names a verdict the engine has: ${r.verdict}`);
  const shared = sharedDir();
  if (!shared) return t.skip('no ../shared/SPEC.md');
  const spec = fs.readFileSync(path.join(shared, 'SPEC.md'), 'utf8');
  const section = spec.slice(spec.indexOf('## 5. Verdicts'));
  const specRows = rows(section.slice(0, section.indexOf('\n\n', section.indexOf('| verdict |'))));
  assert.ok(specRows.length >= 6, 'SPEC §5 has its verdict table');
  for (const r of specRows) {
    assert.ok(r.verdict in VERDICT_FACTS, `SPEC names a verdict the engine has: ${r.verdict}`);
    const severity = r.rest.split('|').at(-2)!.trim();
    assert.ok(
      severity.startsWith(VERDICT_FACTS[r.verdict as Verdict].defaultSeverity),
      `SPEC's default severity of ${r.verdict} ("${severity}") starts with ${VERDICT_FACTS[r.verdict as Verdict].defaultSeverity}`,
    );
  }
  const json = /"verdict": "([a-z|]+)"/.exec(spec);
  assert.ok(json, "SPEC's JSON report lists the verdicts");
  assert.deepEqual(json[1].split('|'), [...VERDICTS], "SPEC's JSON verdicts, in the summary's order");
});
