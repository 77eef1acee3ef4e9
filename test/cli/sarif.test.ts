// `verbatim check --format sarif`: the log validates against the SARIF 2.1.0 JSON schema
// (vendored in test/cli/sarif-schema/ with its licence) and says what the JSON format says.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { fileURLToPath } from 'url';
import AjvDraft04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { EXAMPLES, REPO_ROOT, SEED_ARTICLE } from '../support/paths';
import { cliEnv } from '../support/cli';

const BIN = path.join(REPO_ROOT, 'bin', 'verbatim.js');
const SCHEMA = path.join(REPO_ROOT, 'test', 'cli', 'sarif-schema', 'sarif-2.1.0-rtm.5.json');

function verbatim(args: string[], cwd = REPO_ROOT) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, env: cliEnv(), encoding: 'utf8', timeout: 60000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function workspace(files: Record<string, string | Buffer>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-sarif-'));
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

const ajv = new AjvDraft04({ allErrors: true, strict: false, unicodeRegExp: false }); // the schema's "language" pattern is not a valid /u regular expression;
addFormats(ajv);
const validateSarif = ajv.compile(JSON.parse(fs.readFileSync(SCHEMA, 'utf8')));

function assertValidSarif(log: unknown): void {
  const ok = validateSarif(log);
  assert.ok(ok, `not valid SARIF 2.1.0:\n${JSON.stringify(validateSarif.errors, null, 1)}`);
}

/* eslint-disable @typescript-eslint/no-explicit-any */
type Json = any;

/** A result's artifact as an absolute path (uriBaseId SRCROOT is the working folder). */
function artifactPath(run: Json, location: Json): string {
  const a = location.physicalLocation.artifactLocation;
  if (a.uriBaseId) return fileURLToPath(new URL(a.uri, run.originalUriBaseIds[a.uriBaseId].uri));
  return fileURLToPath(a.uri);
}

test('the schema validator rejects what is not SARIF (the check below means something)', () => {
  assert.equal(validateSarif({ version: '2.1.0', runs: [{ tool: { driver: {} } }] }), false);
  assert.equal(validateSarif({ version: '2.1.0', runs: [{ tool: { driver: { name: 'x' } }, results: [{ message: { text: 'm' }, level: 'fatal' }] }] }), false);
  assert.equal(validateSarif({ version: '2.1.0', runs: [] }), true);
});

test('--format sarif: a valid SARIF 2.1.0 log, one run, a rule per verdict, results like the JSON format', () => {
  const args = ['check', path.join(EXAMPLES, 'draft.md'), '--corpus', path.join(EXAMPLES, 'sources')];
  const r = verbatim([...args, '--format', 'sarif']);
  assert.equal(r.code, 1, r.stderr);
  const log = JSON.parse(r.stdout);
  assertValidSarif(log);
  assert.equal(log.version, '2.1.0');
  assert.equal(log.$schema, 'https://json.schemastore.org/sarif-2.1.0.json');
  assert.equal(log.runs.length, 1);
  const [run] = log.runs;
  assert.equal(run.tool.driver.name, 'Verbatim');
  assert.equal(run.tool.driver.version, JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')).version);
  assert.equal(run.columnKind, 'utf16CodeUnits');

  // Rules: one per verdict, with help and a link to the verdict's section of docs/verdicts.md.
  const anchors = fs
    .readFileSync(path.join(REPO_ROOT, 'docs', 'verdicts.md'), 'utf8')
    .match(/^## \w+$/gm)!
    .map((h) => h.slice(3));
  const rules = run.tool.driver.rules as Json[];
  assert.deepEqual(rules.map((x) => x.id).sort(), ['altered', 'misattributed', 'missing', 'stitched', 'supported', 'unattributed', 'verified']);
  for (const rule of rules) {
    assert.ok(rule.shortDescription.text && rule.fullDescription.text, rule.id);
    assert.ok(rule.help.text.length > 20 && rule.help.markdown, rule.id);
    assert.match(rule.helpUri, new RegExp(`/docs/verdicts\\.md#${rule.id}$`));
    assert.ok(anchors.includes(rule.id), `docs/verdicts.md has a "## ${rule.id}" section`);
    assert.ok(['error', 'warning', 'note', 'none'].includes(rule.defaultConfiguration.level));
  }
  assert.equal(rules.find((x) => x.id === 'altered').defaultConfiguration.level, 'error');
  assert.equal(rules.find((x) => x.id === 'missing').defaultConfiguration.level, 'warning');

  // Results: the same quotes, in the same places, as --format json.
  const json = JSON.parse(verbatim([...args, '--format', 'json']).stdout);
  const quotes = json.files[0].quotes as Json[];
  const results = run.results as Json[];
  assert.equal(results.length, quotes.length);
  results.forEach((res, i) => {
    const q = quotes[i];
    assert.equal(res.ruleId, q.verdict);
    assert.equal(rules[res.ruleIndex].id, res.ruleId);
    assert.equal(res.message.text, q.message);
    const expectedLevel = { error: 'error', warning: 'warning', information: 'note', hint: 'note', none: 'none' }[q.severity as string];
    assert.equal(res.level, q.verdict === 'verified' || q.verdict === 'supported' ? 'none' : expectedLevel, `${q.verdict} ${q.severity}`);
    assert.equal(res.kind, q.verdict === 'verified' || q.verdict === 'supported' ? 'pass' : q.severity === 'none' ? 'informational' : 'fail');
    assert.equal(res.locations.length, 1);
    assert.equal(artifactPath(run, res.locations[0]), path.join(EXAMPLES, 'draft.md'));
    assert.deepEqual(res.locations[0].physicalLocation.region, {
      startLine: q.range.start.line + 1,
      startColumn: q.range.start.character + 1,
      endLine: q.range.end.line + 1,
      endColumn: q.range.end.character + 1,
      snippet: { text: q.text },
    });
    if (q.source) {
      const related = res.relatedLocations[0];
      assert.equal(artifactPath(run, related), q.source.path);
      assert.equal(related.physicalLocation.region.startLine, q.source.range.start.line + 1);
      assert.equal(related.physicalLocation.region.startColumn, q.source.range.start.character + 1);
      assert.ok(related.message.text.includes(q.source.speaker), related.message.text);
    }
    assert.equal(!!res.suppressions, !!q.ignored, 'suppressed exactly when ignored');
  });
  const altered = results.find((x) => x.ruleId === 'altered');
  assert.ok(altered.relatedLocations?.length >= 1, 'an altered quote points to its source statement');
  assert.match(altered.relatedLocations[0].message.text, /^Source statement: /);
  // The engine's fixes ride along: applied to the draft, the altered quote checks as verified.
  assert.equal(altered.fixes.length, 1);
  const draftText = fs.readFileSync(path.join(EXAMPLES, 'draft.md'), 'utf8');
  const [change] = altered.fixes[0].artifactChanges;
  assert.equal(artifactPath(run, { physicalLocation: { artifactLocation: change.artifactLocation } }), path.join(EXAMPLES, 'draft.md'));
  let fixed = draftText;
  for (const r of [...change.replacements].sort((a: Json, b: Json) => b.deletedRegion.charOffset - a.deletedRegion.charOffset)) {
    fixed = fixed.slice(0, r.deletedRegion.charOffset) + r.insertedContent.text + fixed.slice(r.deletedRegion.charOffset + r.deletedRegion.charLength);
  }
  assert.match(fixed, /“Our commitment to Israel's security is ironclad,” Blinken said/);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-sarif-fix-'));
  fs.writeFileSync(path.join(dir, 'draft.md'), fixed);
  const recheck = JSON.parse(verbatim(['check', path.join(dir, 'draft.md'), '--corpus', path.join(EXAMPLES, 'sources'), '--format', 'json']).stdout);
  const line = altered.locations[0].physicalLocation.region.startLine - 1;
  assert.equal(recheck.files[0].quotes.find((q: Json) => q.range.start.line === line).verdict, 'verified');
  fs.rmSync(dir, { recursive: true, force: true });
  assert.ok(
    results.filter((x) => x.fixes).every((x) => x.ruleId === 'altered' || x.ruleId === 'misattributed'),
    'fixes only where a quote can be made right',
  );
  const stitched = results.find((x) => x.ruleId === 'stitched');
  assert.ok(stitched.relatedLocations.length >= 2, 'a stitched quote points to both statements');
  assert.deepEqual(run.properties.summary, json.summary);
  assert.deepEqual(run.invocations[0].toolExecutionNotifications, []);
});

test('--format sarif: ignored quotes are suppressed in source, corpus problems are notifications', () => {
  const seed = fs.readFileSync(SEED_ARTICLE, 'utf8');
  const bad = 'A senior Biden administration official said the response “is at all encouraging.”';
  const dir = workspace({
    'sources/seed.txt': seed,
    'sources/broken.jsonl': '{not json\n',
    'drafts/story.md': [
      '<!-- verbatim-ignore -->',
      bad,
      '',
      '<!-- verbatim-disable -->',
      '',
      'Miller said: “Iran will soon be allowed to obtain a nuclear weapon.”',
      '',
      '<!-- verbatim-enable -->',
      '',
      'Miller said the two “discussed areas of mutual interest.”',
      '',
    ].join('\n'),
    'drafts/notes.txt': `verbatim: ignore\n${bad}\n`,
  });
  const r = verbatim(['check', 'drafts', '--format', 'sarif'], dir);
  assert.equal(r.code, 0, `ignored quotes never fail the check\n${r.stdout}\n${r.stderr}`);
  const log = JSON.parse(r.stdout);
  assertValidSarif(log);
  const [run] = log.runs;
  const byFile = (name: string) => run.results.filter((x: Json) => path.basename(artifactPath(run, x.locations[0])) === name);
  const story = byFile('story.md');
  assert.deepEqual(
    story.map((x: Json) => [x.ruleId, !!x.suppressions]),
    [
      ['altered', true],
      ['missing', true],
      ['verified', false],
    ],
  );
  for (const s of story.slice(0, 2)) {
    assert.deepEqual(Object.keys(s.suppressions[0]).sort(), ['justification', 'kind', 'status']);
    assert.equal(s.suppressions[0].kind, 'inSource');
  }
  const notes = byFile('notes.txt');
  assert.equal(notes.length, 1);
  assert.equal(notes[0].suppressions[0].kind, 'inSource');
  // Paths inside the working folder are relative to %SRCROOT%.
  assert.equal(story[0].locations[0].physicalLocation.artifactLocation.uriBaseId, 'SRCROOT');
  assert.equal(story[0].locations[0].physicalLocation.artifactLocation.uri, 'drafts/story.md');
  const notes0 = run.invocations[0].toolExecutionNotifications;
  assert.equal(notes0.length, 1);
  assert.equal(notes0[0].level, 'warning');
  assert.equal(path.basename(artifactPath(run, notes0[0].locations[0])), 'broken.jsonl');
  fs.rmSync(dir, { recursive: true, force: true });
});
