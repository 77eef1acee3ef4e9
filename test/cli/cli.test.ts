import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { runCli, workspace } from '../support/cli';
import { EXAMPLES, REPO_ROOT, SEED_ARTICLE } from '../support/paths';

function verbatim(args: string[], cwd = REPO_ROOT) {
  return runCli(args, { cwd });
}

const seed = fs.readFileSync(SEED_ARTICLE, 'utf8');
const GOOD_DRAFT = 'Miller said the two “discussed areas of mutual interest.”\n';
const BAD_DRAFT = 'A senior Biden administration official said the response “is at all encouraging.”\n';

test('--format json: one object with the SPEC §7 shape, field by field', () => {
  const r = verbatim(['check', path.join(EXAMPLES, 'draft.md'), '--corpus', path.join(EXAMPLES, 'sources'), '--format', 'json']);
  assert.equal(r.code, 1, r.stderr);
  const out = JSON.parse(r.stdout);
  assert.deepEqual(Object.keys(out), ['version', 'corpus', 'files', 'summary']);
  assert.equal(out.version, 1);
  assert.deepEqual(Object.keys(out.corpus), ['documents', 'statements', 'problems']);
  assert.equal(out.corpus.documents, 3);
  assert.ok(out.corpus.statements >= 10);
  assert.deepEqual(out.corpus.problems, []);
  assert.equal(out.files.length, 1);
  assert.equal(out.files[0].path, path.join(EXAMPLES, 'draft.md'));
  const verdicts = new Set<string>();
  for (const q of out.files[0].quotes) {
    for (const key of ['kind', 'text', 'range', 'speaker', 'verdict', 'severity', 'source', 'changes']) assert.ok(key in q, `quote has ${key}`);
    assert.ok(q.kind === 'quote' || q.kind === 'claim');
    assert.equal(typeof q.text, 'string');
    for (const end of [q.range.start, q.range.end]) {
      assert.ok(Number.isInteger(end.line) && end.line >= 0);
      assert.ok(Number.isInteger(end.character) && end.character >= 0);
    }
    assert.ok(q.speaker === null || typeof q.speaker === 'string');
    assert.ok(['error', 'warning', 'information', 'hint', 'none'].includes(q.severity));
    assert.ok(Array.isArray(q.changes));
    for (const c of q.changes) {
      assert.ok(['replace', 'insert', 'delete'].includes(c.op));
      assert.equal(typeof c.draft, 'string');
      assert.equal(typeof c.source, 'string');
    }
    if (q.source !== null) {
      for (const key of ['speaker', 'text', 'path', 'range', 'url', 'date']) assert.ok(key in q.source, `source has ${key}`);
      assert.ok(fs.existsSync(q.source.path));
    }
    verdicts.add(q.verdict);
  }
  assert.deepEqual([...verdicts].sort(), ['altered', 'misattributed', 'missing', 'stitched', 'supported', 'unattributed', 'verified']);
  assert.ok(out.files[0].quotes.some((q: { kind: string }) => q.kind === 'claim'));
  for (const v of verdicts) assert.ok(out.summary[v] > 0, `summary counts ${v}`);
  const total = Object.values(out.summary as Record<string, number>).reduce((a, b) => a + b, 0);
  assert.equal(total, out.files[0].quotes.filter((q: { ignored?: boolean }) => !q.ignored).length);
});

test('the JSON range of a quote points at its words in the draft, in UTF-16 characters', () => {
  const dir = workspace({ 'sources/seed.txt': seed, 'draft.md': `# 🙂 Title\n\n${GOOD_DRAFT}` });
  const r = verbatim(['check', 'draft.md', '--format', 'json'], dir);
  assert.equal(r.code, 0, r.stderr);
  const [q] = JSON.parse(r.stdout).files[0].quotes;
  assert.deepEqual(q.range, { start: { line: 2, character: 21 }, end: { line: 2, character: 56 } });
  assert.equal(q.verdict, 'verified');
  assert.equal(q.speaker, 'Matthew Miller');
  assert.equal(q.source.speaker, 'Matthew Miller');
  assert.equal(q.source.path, path.join(dir, 'sources', 'seed.txt'));
  assert.equal(q.source.range.start.line, 7);
});

test('exit status: 0 with no error finding, 1 with one, text format like a compiler', () => {
  const dir = workspace({ 'sources/seed.txt': seed, 'good.md': GOOD_DRAFT, 'bad.md': BAD_DRAFT });
  const good = verbatim(['check', 'good.md'], dir);
  assert.equal(good.code, 0, good.stderr);
  assert.match(good.stdout, /^good\.md:1:22: ok verified: /m);
  assert.match(good.stdout, /1 quote checked against 6 statements: 1 verified/);
  const bad = verbatim(['check', 'bad.md'], dir);
  assert.equal(bad.code, 1);
  assert.match(bad.stdout, /^bad\.md:1:59: error altered: “not” dropped \(negation\)/m);
  const folder = verbatim(['check', '.'], dir);
  assert.equal(folder.code, 1);
  assert.match(folder.stdout, /2 quotes checked/);
});

test('exit status 2: bad usage, a missing draft, a bad config', () => {
  const dir = workspace({ 'sources/seed.txt': seed, 'draft.md': GOOD_DRAFT, 'broken.json': '{ "corpus": 42 }' });
  const noArgs = verbatim(['check'], dir);
  assert.equal(noArgs.code, 2);
  assert.match(noArgs.stderr, /no draft to check/);
  const badFlag = verbatim(['check', 'draft.md', '--format', 'xml'], dir);
  assert.equal(badFlag.code, 2);
  assert.match(badFlag.stderr, /--format must be one of text, json, sarif, github, junit, html, not "xml"/);
  const missing = verbatim(['check', 'nowhere.md'], dir);
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /nowhere\.md: no such file or folder/);
  const config = verbatim(['check', 'draft.md', '--config', 'broken.json'], dir);
  assert.equal(config.code, 2);
  assert.match(config.stderr, /"corpus" must be a path or a list of paths/);
  for (const r of [noArgs, badFlag, missing, config]) assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
});

test('a malformed corpus file is reported while the rest still checks', () => {
  const dir = workspace({
    'sources/seed.txt': seed,
    'sources/broken.jsonl': '{"speaker": "Antony Blinken", "text": "We stand with our partners."}\n{not json\n',
    'sources/picture.md': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x01, 0x02, 0x00]),
    'draft.md': GOOD_DRAFT + '\n“We stand with our partners,” Blinken said.\n',
  });
  const r = verbatim(['check', 'draft.md', '--format', 'json'], dir);
  assert.equal(r.code, 0, r.stderr);
  const out = JSON.parse(r.stdout);
  const problems = out.corpus.problems as Array<{ path: string; message: string }>;
  assert.ok(
    problems.some((p) => p.path.endsWith('broken.jsonl') && /line 2/.test(p.message)),
    JSON.stringify(problems),
  );
  assert.ok(
    problems.some((p) => p.path.endsWith('picture.md') && /binary/.test(p.message)),
    JSON.stringify(problems),
  );
  assert.deepEqual(
    out.files[0].quotes.map((q: { verdict: string }) => q.verdict),
    ['verified', 'verified'],
  );
  const text = verbatim(['check', 'draft.md'], dir);
  assert.match(text.stdout, /broken\.jsonl: corpus problem: .*line 2/);
});

test('verbatim.json in the working folder gives the corpus and speaker aliases', () => {
  const dir = workspace({
    'refs/seed.txt': seed,
    'verbatim.json': JSON.stringify({ corpus: ['refs'], speakers: { 'Matthew Miller': ['the State Department spokesman'] } }),
    'draft.md': 'The State Department spokesman said the two “discussed areas of mutual interest.”\n',
  });
  const r = verbatim(['check', 'draft.md', '--format', 'json'], dir);
  assert.equal(r.code, 0, r.stderr);
  const [q] = JSON.parse(r.stdout).files[0].quotes;
  assert.equal(q.verdict, 'verified');
  assert.equal(q.speaker, 'Matthew Miller');
});

test('an empty corpus is exit status 2, with where Verbatim looked: no quote is reported missing against nothing', () => {
  const dir = workspace({ 'sources/.keep': '', 'draft.md': GOOD_DRAFT });
  const r = verbatim(['check', 'draft.md'], dir);
  assert.equal(r.code, 2);
  assert.ok(r.stderr.includes(`the corpus has no source statements: looked in ${path.join(dir, 'sources')} (no verbatim.json in ${dir}, `), r.stderr);
  assert.equal(r.stdout, '');
});

test('unbalanced quote marks and a binary draft get a defined answer', () => {
  const dir = workspace({ 'sources/seed.txt': seed, 'odd.md': '“Unclosed quote, Miller said.\n\n" stray "\n', 'bin.md': Buffer.from([0, 1, 2, 3]) });
  const odd = verbatim(['check', 'odd.md', '--format', 'json'], dir);
  assert.equal(odd.code, 0, odd.stderr);
  assert.deepEqual(JSON.parse(odd.stdout).files[0].quotes, []);
  const bin = verbatim(['check', 'bin.md'], dir);
  assert.equal(bin.code, 2);
  assert.match(bin.stderr, /bin\.md: cannot read draft: binary file/);
});

test('an ignore comment is honoured: the quote is listed as ignored and does not fail the check', () => {
  const dir = workspace({ 'sources/seed.txt': seed, 'draft.md': `<!-- verbatim-ignore -->\n${BAD_DRAFT}` });
  const r = verbatim(['check', 'draft.md', '--format', 'json'], dir);
  assert.equal(r.code, 0);
  const [q] = JSON.parse(r.stdout).files[0].quotes;
  assert.equal(q.ignored, true);
});

test('--help prints the usage and exits 0', () => {
  const r = verbatim(['--help']);
  assert.equal(r.code, 0);
  assert.match(r.stdout, /Usage: verbatim check/);
});

test('a draft over a million characters: checked up to the limit, and the CLI says what was skipped', () => {
  const paragraph = 'Officials met again. “We will rebuild the bridge,” Ruiz said.\n\n';
  const dir = workspace({ 'sources/seed.txt': seed, 'long.md': paragraph.repeat(Math.ceil(1_200_000 / paragraph.length)) });
  const text = verbatim(['check', 'long.md'], dir);
  assert.equal(text.code, 0, text.stderr);
  assert.match(text.stdout, /^long\.md:(\d+):1: notice: Checked the first 1\.0 million characters of 1\.2 million; the rest, from line \1, was skipped/m);
  const json = JSON.parse(verbatim(['check', 'long.md', '--format', 'json'], dir).stdout);
  assert.match(json.files[0].skipped.message, /the rest, from line \d+, was skipped/);
  assert.ok(json.files[0].skipped.from.line > 10000);
});

test('--format html: the report as one page, problems first by verdict, draft and source side by side, links relative to the working folder', () => {
  const r = verbatim(['check', 'draft.md', '--corpus', 'sources', '--format', 'html'], EXAMPLES);
  assert.equal(r.code, 1, r.stderr);
  const html = r.stdout;
  assert.match(html, /^<!DOCTYPE html>/);
  assert.match(html, /<title>Verbatim report: draft\.md<\/title>/);
  assert.doesNotMatch(html, /<script/, 'a file on disk runs no script');
  // Counts, then the problems grouped in the desk's order, then the verified quotes, collapsed.
  const headings = [...html.matchAll(/<h2>[^ ]+ (\w+) \((\d+)\)<\/h2>/g)].map((m) => `${m[1]} ${m[2]}`);
  assert.deepEqual(
    headings.map((h) => h.split(' ')[0]),
    ['Altered', 'Misattributed', 'Stitched', 'Missing', 'Unattributed'].filter((v) => headings.some((h) => h.startsWith(v))),
  );
  assert.ok(headings.length >= 3, headings.join(', '));
  assert.ok(html.indexOf('<details><summary>✓ Verified (') > html.lastIndexOf('<article'), 'verified quotes come last');
  // The README's altered quote: the draft's word and the source's, each marked on its side.
  assert.match(html, /<td class="draft">“Our commitment to Israel&#39;s security is <ins>unshakable<\/ins>”<\/td>/);
  assert.match(html, /<td class="source">“Our commitment to Israel&#39;s security is <del>ironclad<\/del>, and we will/);
  // Jumps to the draft's line and to the source's, relative to the working folder.
  assert.match(html, /<a class="jump" href="draft\.md#L12" data-file="[^"]+draft\.md" data-line="11">draft\.md:12<\/a>/);
  assert.match(html, /href="sources\/statements\.jsonl#L1"/);
});
