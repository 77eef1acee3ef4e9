// verbatim.json: the JSON schema VS Code validates and completes it with
// (schemas/verbatim.schema.json, contributed through `contributes.jsonValidation`) and the
// loader the CLI and the server use agree on every case below; the CLI names the bad field.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import Ajv from 'ajv';
import { loadConfig, DEFAULT_SEVERITIES, hideFinding } from '../../server/src/engine';
import { REPO_ROOT, SEED_ARTICLE } from '../support/paths';
import { cliEnv } from '../support/cli';

const BIN = path.join(REPO_ROOT, 'bin', 'verbatim.js');
const SCHEMA_PATH = path.join(REPO_ROOT, 'schemas', 'verbatim.schema.json');
const schema = JSON.parse(fs.readFileSync(SCHEMA_PATH, 'utf8'));
const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);

/** Each case: a config, and the field path the loader must name (null: a valid config). */
const CASES: Array<[string, unknown, string | null]> = [
  ['empty', {}, null],
  [
    'everything',
    {
      $schema: './schemas/verbatim.schema.json',
      corpus: ['sources', '../briefings'],
      speakers: { 'Matthew Miller': ['State Department spokesperson'] },
      severity: { missing: 'information', altered: 'warning' },
    },
    null,
  ],
  ['corpus as one path', { corpus: 'refs' }, null],
  ['every verdict and level', { severity: { verified: 'hint', altered: 'error', misattributed: 'warning', missing: 'none', unattributed: 'information', stitched: 'error', supported: 'none' } }, null],
  ['older spelling severities', { severities: { missing: 'none' } }, null],
  ['corpus a number', { corpus: 42 }, 'corpus'],
  ['corpus an empty path', { corpus: '' }, 'corpus'],
  ['corpus with a number inside', { corpus: ['sources', 7] }, 'corpus[1]'],
  ['corpus with a blank path', { corpus: ['sources', '  '] }, 'corpus[1]'],
  ['speakers a list', { speakers: ['Miller'] }, 'speakers'],
  ['speaker aliases a string', { speakers: { 'Matthew Miller': 'Matt Miller' } }, 'speakers.Matthew Miller'],
  ['speaker alias a number', { speakers: { 'Matthew Miller': ['Matt Miller', 3] } }, 'speakers.Matthew Miller[1]'],
  ['severity a string', { severity: 'error' }, 'severity'],
  ['severity a list', { severity: ['error'] }, 'severity'],
  ['unknown verdict', { severity: { wrong: 'error' } }, 'severity.wrong'],
  ['unknown level', { severity: { altered: 'fatal' } }, 'severity.altered'],
  ['level not a string', { severity: { missing: 1 } }, 'severity.missing'],
  ['unknown level, older spelling', { severities: { missing: 'loud' } }, 'severities.missing'],
  ['a misspelt field', { corpse: ['sources'] }, 'corpse'],
  ['hidden findings', { hidden: [{ draft: 'drafts/story.md', verdict: 'missing', quote: 'We will see.' }] }, null],
  ['hidden not a list', { hidden: 'drafts/story.md' }, 'hidden'],
  ['hidden without its quote', { hidden: [{ draft: 'story.md', verdict: 'missing' }] }, 'hidden[0]'],
  ['hidden with an unknown verdict', { hidden: [{ draft: 'story.md', verdict: 'wrong', quote: 'x' }] }, 'hidden[0].verdict'],
];

function tmp(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-config-'));
}

/** ajv's error location as a field path like the loader's: `/speakers/Matthew Miller/1` → `speakers.Matthew Miller[1]`. */
function schemaPaths(): string[] {
  return (validate.errors ?? []).map((e) => {
    const parts = e.instancePath
      .split('/')
      .slice(1)
      .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
    if (e.keyword === 'additionalProperties') parts.push((e.params as { additionalProperty: string }).additionalProperty);
    return parts.reduce((acc, p) => (/^\d+$/.test(p) ? `${acc}[${p}]` : acc ? `${acc}.${p}` : p), '');
  });
}

for (const [name, config, field] of CASES) {
  test(`schema and loader agree: ${name}`, () => {
    const dir = tmp();
    const file = path.join(dir, 'verbatim.json');
    fs.writeFileSync(file, JSON.stringify(config));
    const { problems } = loadConfig(dir);
    const valid = validate(config) as boolean;
    if (field === null) {
      assert.deepEqual(problems, [], 'the loader accepts it');
      assert.ok(valid, `the schema accepts it: ${JSON.stringify(validate.errors)}`);
    } else {
      assert.equal(problems.length, 1, `the loader reports one problem: ${JSON.stringify(problems)}`);
      assert.ok(problems[0].startsWith(`${file}: "${field}" `), `the loader names "${field}": ${problems[0]}`);
      assert.ok(!valid, 'the schema rejects it');
      assert.ok(schemaPaths().includes(field), `the schema points at "${field}": ${JSON.stringify(schemaPaths())}`);
    }
    fs.rmSync(dir, { recursive: true, force: true });
  });
}

test('the schema lists exactly the verdicts and levels the engine knows, as the VS Code setting does', () => {
  assert.deepEqual(Object.keys(schema.properties.severity.properties).sort(), Object.keys(DEFAULT_SEVERITIES).sort());
  const setting = pkg.contributes.configuration.properties['verbatim.severity'];
  assert.deepEqual(Object.keys(setting.properties).sort(), Object.keys(DEFAULT_SEVERITIES).sort());
  for (const [verdict, level] of Object.entries(DEFAULT_SEVERITIES)) {
    const p = schema.properties.severity.properties[verdict];
    assert.equal(p.default, level, verdict);
    assert.deepEqual(p.enum, setting.properties[verdict].enum, verdict);
  }
});

test('the extension contributes the schema for verbatim.json, and the .vsix ships it', () => {
  const contributions = pkg.contributes.jsonValidation as Array<{ fileMatch: string | string[]; url: string }>;
  const entry = contributions.find((c) => [c.fileMatch].flat().includes('verbatim.json'));
  assert.ok(entry, 'a jsonValidation entry for verbatim.json');
  assert.equal(path.resolve(REPO_ROOT, entry.url), SCHEMA_PATH);
  const ignore = fs.readFileSync(path.join(REPO_ROOT, '.vscodeignore'), 'utf8').split('\n');
  assert.ok(ignore.includes('!schemas/**'), '.vscodeignore keeps schemas/ in the package');
});

test('the CLI honours findings hidden in verbatim.json, by draft, verdict and words', () => {
  const dir = tmp();
  fs.mkdirSync(path.join(dir, 'sources'));
  fs.mkdirSync(path.join(dir, 'drafts'));
  fs.copyFileSync(SEED_ARTICLE, path.join(dir, 'sources', 'seed.txt'));
  const draft = 'Miller said: “We will build eleven new ferry terminals by the spring.”\n';
  fs.writeFileSync(path.join(dir, 'drafts', 'story.md'), draft);
  fs.writeFileSync(path.join(dir, 'drafts', 'other.md'), draft);
  const run = () => JSON.parse(spawnSync(process.execPath, [BIN, 'check', 'drafts', '--format', 'json'], { cwd: dir, encoding: 'utf8' }).stdout);
  const before = run();
  assert.deepEqual(
    before.files.map((f: { quotes: Array<{ verdict: string }> }) => f.quotes[0].verdict),
    ['missing', 'missing'],
  );
  // Written as the quick fix writes it: the engine's hideFinding, white space in the quote folded.
  hideFinding(path.join(dir, 'verbatim.json'), { draft: path.join(dir, 'drafts', 'story.md'), verdict: 'missing', quote: 'We will build eleven new\n  ferry terminals by the spring.' });
  assert.deepEqual(JSON.parse(fs.readFileSync(path.join(dir, 'verbatim.json'), 'utf8')).hidden, [
    { draft: 'drafts/story.md', verdict: 'missing', quote: 'We will build eleven new ferry terminals by the spring.' },
  ]);
  const after = run();
  const byName = Object.fromEntries(after.files.map((f: { path: string; quotes: Array<{ ignored?: boolean }> }) => [path.basename(f.path), f.quotes[0]]));
  assert.equal(byName['story.md'].ignored, true, 'hidden in the draft it was hidden in');
  assert.equal(byName['other.md'].ignored, undefined, 'not in another draft');
  assert.equal(after.summary.missing, 1);
  fs.rmSync(dir, { recursive: true, force: true });
});

test('the CLI reports an invalid config with the path of each bad field and exits 2', () => {
  const dir = tmp();
  fs.mkdirSync(path.join(dir, 'sources'));
  fs.copyFileSync(SEED_ARTICLE, path.join(dir, 'sources', 'seed.txt'));
  fs.writeFileSync(path.join(dir, 'draft.md'), 'Miller said the two “discussed areas of mutual interest.”\n');
  fs.writeFileSync(path.join(dir, 'verbatim.json'), JSON.stringify({ corpus: ['sources', 3], severity: { altered: 'loud', wrong: 'error' }, speakers: { Miller: 'Matt' } }));
  const r = spawnSync(process.execPath, [BIN, 'check', 'draft.md'], { cwd: dir, env: cliEnv(), encoding: 'utf8' });
  assert.equal(r.status, 2, r.stdout);
  const lines = r.stderr.trim().split('\n');
  const file = path.join(dir, 'verbatim.json');
  assert.deepEqual(lines, [
    `verbatim: config: ${file}: "corpus[1]" must be a path or a list of paths: each a non-empty string`,
    `verbatim: config: ${file}: "speakers.Miller" must be a list of names`,
    `verbatim: config: ${file}: "severity.altered" must be one of error, warning, information, hint, none`,
    `verbatim: config: ${file}: "severity.wrong" is not a verdict (verified, altered, misattributed, missing, unattributed, stitched, supported)`,
  ]);
  fs.writeFileSync(path.join(dir, 'verbatim.json'), '{ "corpus": ["sources"], }');
  const json = spawnSync(process.execPath, [BIN, 'check', 'draft.md'], { cwd: dir, env: cliEnv(), encoding: 'utf8' });
  assert.equal(json.status, 2);
  assert.match(json.stderr, /verbatim\.json: not valid JSON/);
  fs.writeFileSync(path.join(dir, 'verbatim.json'), JSON.stringify({ $schema: 'https://example.invalid/verbatim.schema.json', corpus: 'sources' }));
  const good = spawnSync(process.execPath, [BIN, 'check', 'draft.md'], { cwd: dir, env: cliEnv(), encoding: 'utf8' });
  assert.equal(good.status, 0, good.stderr);
  fs.rmSync(dir, { recursive: true, force: true });
});
