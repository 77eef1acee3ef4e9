// The CLI next to the tools writers and CI engineers already use (issue 17): config found
// upward, an empty corpus an error, parseArgs conventions (`--`, `-`, `check --version`),
// quoted globs, .gitignore/.verbatimignore, the index cached by default, and the github and
// junit formats. Every test runs the real bin/verbatim.js.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { cliEnv, runCli, TEST_CACHE_HOME, workspace } from '../support/cli';
import { SEED_ARTICLE } from '../support/paths';

const seed = fs.readFileSync(SEED_ARTICLE, 'utf8');
const GOOD_DRAFT = 'Miller said the two “discussed areas of mutual interest.”\n';
const BAD_DRAFT = 'A senior Biden administration official said the response “is at all encouraging.”\n';

/** A repository with a config at its root, a corpus, drafts in a subfolder and an ignored archive. */
function project(extra: Record<string, string> = {}): string {
  const dir = workspace({
    '.git/HEAD': 'ref: refs/heads/main\n',
    'verbatim.json': JSON.stringify({ corpus: ['refs'] }),
    'refs/seed.txt': seed,
    'drafts/good.md': GOOD_DRAFT,
    'drafts/bad.md': BAD_DRAFT,
    ...extra,
  });
  return dir;
}

function checkedPaths(stdout: string): string[] {
  return (JSON.parse(stdout).files as Array<{ path: string }>).map((f) => f.path).sort();
}

test('verbatim.json is found from a subfolder, up to the repository root', () => {
  const dir = project();
  const r = runCli(['check', 'good.md', '--format', 'json'], { cwd: path.join(dir, 'drafts') });
  assert.equal(r.code, 0, r.stderr);
  const out = JSON.parse(r.stdout);
  assert.equal(out.corpus.statements > 0, true);
  assert.equal(out.files[0].quotes[0].verdict, 'verified');
  assert.equal(out.files[0].quotes[0].source.path, path.join(dir, 'refs', 'seed.txt'));
});

test('the search stops at the repository root: a verbatim.json above it is not read', () => {
  const outer = workspace({ 'verbatim.json': JSON.stringify({ corpus: ['refs'] }), 'refs/seed.txt': seed, 'repo/.git/HEAD': 'x\n', 'repo/drafts/good.md': GOOD_DRAFT });
  const r = runCli(['check', 'good.md'], { cwd: path.join(outer, 'repo', 'drafts') });
  assert.equal(r.code, 2);
  assert.ok(r.stderr.includes(`no verbatim.json in ${path.join(outer, 'repo', 'drafts')}, ${path.join(outer, 'repo')};`), r.stderr);
  assert.ok(r.stderr.includes(`looked in ${path.join(outer, 'repo', 'drafts', 'sources')} (does not exist)`), r.stderr);
});

test('a corpus that does not exist is exit status 2 and names the path and the config it came from', () => {
  const dir = project({ 'verbatim.json': JSON.stringify({ corpus: ['transcripts'] }) });
  const r = runCli(['check', 'drafts/good.md'], { cwd: dir });
  assert.equal(r.code, 2);
  assert.ok(r.stderr.includes(`looked in ${path.join(dir, 'transcripts')} (does not exist) (the "corpus" of ${path.join(dir, 'verbatim.json')}`), r.stderr);
  const flag = runCli(['check', 'drafts/good.md', '--corpus', 'nowhere'], { cwd: dir });
  assert.equal(flag.code, 2);
  assert.ok(flag.stderr.includes(`looked in ${path.join(dir, 'nowhere')} (does not exist) (given by --corpus)`), flag.stderr);
});

test('check --version and check --help; -- ends the options; - reads standard input', () => {
  const version = runCli(['check', '--version']);
  assert.equal(version.code, 0, version.stderr);
  assert.match(version.stdout, /^verbatim \d+\.\d+\.\d+\n$/);
  assert.match(runCli(['check', '--help']).stdout, /Usage: verbatim check/);
  const dir = project({ 'drafts/-odd.md': GOOD_DRAFT });
  const dashed = runCli(['check', '--format', 'json', '--', '-odd.md'], { cwd: path.join(dir, 'drafts') });
  assert.equal(dashed.code, 0, dashed.stderr);
  assert.deepEqual(checkedPaths(dashed.stdout), [path.join(dir, 'drafts', '-odd.md')]);
  const unknown = runCli(['check', '-odd.md'], { cwd: path.join(dir, 'drafts') });
  assert.equal(unknown.code, 2);
  assert.match(unknown.stderr, /unknown option -o/);
  const stdin = runCli(['check', '-', '--format', 'json'], { cwd: dir, input: BAD_DRAFT });
  assert.equal(stdin.code, 1, stdin.stderr);
  const out = JSON.parse(stdin.stdout);
  assert.equal(out.files[0].path, '<stdin>');
  assert.equal(out.files[0].quotes[0].verdict, 'altered');
  const twice = runCli(['check', '-', '-'], { cwd: dir, input: '' });
  assert.equal(twice.code, 2);
  assert.match(twice.stderr, /standard input \(-\) can be read once/);
});

test('a quoted glob is expanded (as Windows shells pass it); a glob matching nothing is exit status 2', () => {
  const dir = project({ 'drafts/2024/old.md': GOOD_DRAFT, 'drafts/notes.txt': GOOD_DRAFT });
  const md = runCli(['check', 'drafts/*.md', '--format', 'json'], { cwd: dir });
  assert.equal(md.code, 1, md.stderr);
  assert.deepEqual(
    checkedPaths(md.stdout),
    ['bad.md', 'good.md'].map((f) => path.join(dir, 'drafts', f)),
  );
  const deep = runCli(['check', 'drafts/**/*.md', '--format', 'json'], { cwd: dir });
  assert.deepEqual(
    checkedPaths(deep.stdout),
    ['2024/old.md', 'bad.md', 'good.md'].map((f) => path.join(dir, 'drafts', f)),
  );
  const none = runCli(['check', 'drafts/*.rst'], { cwd: dir });
  assert.equal(none.code, 2);
  assert.match(none.stderr, /drafts\/\*\.rst: no draft matches this pattern/);
});

test('.gitignore and .verbatimignore leave drafts out of folders and globs; a file named directly is checked', () => {
  const dir = project({
    '.gitignore': 'archive/\n',
    '.verbatimignore': 'drafts/bad.md\n',
    'archive/old.md': BAD_DRAFT,
    'drafts/nested/.gitignore': 'scratch.md\n',
    'drafts/nested/scratch.md': BAD_DRAFT,
    'drafts/nested/kept.md': GOOD_DRAFT,
  });
  const all = runCli(['check', '.', '--format', 'json'], { cwd: dir });
  assert.equal(all.code, 0, all.stderr);
  assert.deepEqual(
    checkedPaths(all.stdout),
    ['drafts/good.md', 'drafts/nested/kept.md'].map((f) => path.join(dir, f)),
  );
  const globbed = runCli(['check', '**/*.md', '--format', 'json'], { cwd: dir });
  assert.deepEqual(
    checkedPaths(globbed.stdout),
    ['drafts/good.md', 'drafts/nested/kept.md'].map((f) => path.join(dir, f)),
  );
  // From a subfolder, the repository root's rules still apply.
  const sub = runCli(['check', '.', '--format', 'json'], { cwd: path.join(dir, 'drafts') });
  assert.deepEqual(
    checkedPaths(sub.stdout),
    ['drafts/good.md', 'drafts/nested/kept.md'].map((f) => path.join(dir, f)),
  );
  const named = runCli(['check', 'archive/old.md', '--format', 'json'], { cwd: dir });
  assert.equal(named.code, 1);
  assert.deepEqual(checkedPaths(named.stdout), [path.join(dir, 'archive', 'old.md')]);
});

function indexFolders(cacheHome: string): string[] {
  const base = path.join(cacheHome, 'verbatim');
  return fs.existsSync(base) ? fs.readdirSync(base).filter((n) => n.startsWith('index-')) : [];
}

test('the index is cached by default in the user cache folder, keyed by the corpus; the second run reuses it', () => {
  const cacheHome = fs.mkdtempSync(path.join(TEST_CACHE_HOME, 'own-'));
  const env = cliEnv({ XDG_CACHE_HOME: cacheHome });
  const dir = project();
  const first = runCli(['check', 'drafts', '--format', 'json'], { cwd: dir, env });
  assert.equal(first.code, 1, first.stderr);
  const [folder] = indexFolders(cacheHome);
  assert.ok(folder, 'an index folder in $XDG_CACHE_HOME/verbatim');
  const manifest = path.join(cacheHome, 'verbatim', folder, 'manifest.json');
  const saved = fs.statSync(manifest).mtimeMs;
  assert.ok(fs.readFileSync(manifest, 'utf8').includes(JSON.stringify(path.join(dir, 'refs', 'seed.txt')).slice(1, -1)));
  const second = runCli(['check', '.', '--format', 'json'], { cwd: path.join(dir, 'drafts'), env });
  assert.equal(second.code, 1, second.stderr);
  assert.deepEqual(JSON.parse(second.stdout), JSON.parse(first.stdout));
  assert.equal(fs.statSync(manifest).mtimeMs, saved, 'nothing changed: the index is read, not written again');
  // Another corpus, another index.
  runCli(['check', 'drafts', '--corpus', path.join(dir, 'refs', 'seed.txt')], { cwd: dir, env });
  assert.equal(indexFolders(cacheHome).length, 2);
  // A changed source is re-read: the cache never answers from stale text.
  fs.writeFileSync(path.join(dir, 'refs', 'seed.txt'), seed.replace('discussed areas of mutual interest', 'argued about nothing in particular'));
  const third = runCli(['check', 'drafts/good.md', '--format', 'json'], { cwd: dir, env });
  assert.notEqual(JSON.parse(third.stdout).files[0].quotes[0].verdict, 'verified');
});

test('the engine fingerprint is remembered beside the index for this build only; a memo of another build is not trusted', () => {
  const cacheHome = fs.mkdtempSync(path.join(TEST_CACHE_HOME, 'own-'));
  const env = cliEnv({ XDG_CACHE_HOME: cacheHome });
  const dir = project();
  const first = runCli(['check', 'drafts', '--format', 'json'], { cwd: dir, env });
  assert.equal(first.code, 1, first.stderr);
  const folder = path.join(cacheHome, 'verbatim', indexFolders(cacheHome)[0]);
  const memoFile = path.join(folder, 'fingerprint.json');
  const memo = JSON.parse(fs.readFileSync(memoFile, 'utf8')) as { key: string; value: string };
  const manifestFile = path.join(folder, 'manifest.json');
  const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as { fingerprint: string };
  assert.equal(memo.value, manifest.fingerprint);
  assert.match(JSON.parse(memo.key)[0], /^[0-9a-f]{16}$/, "keyed by the bundle's build id");
  // An index and a memo left by another build that read sources differently: the memo's key is
  // not this build's, so the fingerprint is worked out again, differs, and the index is rebuilt.
  fs.writeFileSync(memoFile, JSON.stringify({ key: JSON.stringify(['0000000000000000', {}, 0]), value: 'another-build' }));
  fs.writeFileSync(manifestFile, JSON.stringify({ ...manifest, fingerprint: 'another-build' }));
  const second = runCli(['check', 'drafts', '--format', 'json'], { cwd: dir, env });
  assert.deepEqual(JSON.parse(second.stdout), JSON.parse(first.stdout));
  assert.equal(JSON.parse(fs.readFileSync(manifestFile, 'utf8')).fingerprint, memo.value, "rebuilt with this build's fingerprint");
  assert.deepEqual(JSON.parse(fs.readFileSync(memoFile, 'utf8')), memo);
});

test('.verbatim/ in the workspace holds the index when it exists; --no-cache keeps none', () => {
  const cacheHome = fs.mkdtempSync(path.join(TEST_CACHE_HOME, 'own-'));
  const env = cliEnv({ XDG_CACHE_HOME: cacheHome });
  const dir = project({ '.verbatim/.keep': '' });
  assert.equal(runCli(['check', 'good.md'], { cwd: path.join(dir, 'drafts'), env }).code, 0);
  assert.ok(fs.existsSync(path.join(dir, '.verbatim', 'manifest.json')));
  assert.deepEqual(indexFolders(cacheHome), []);
  const bare = project();
  const r = runCli(['check', 'drafts/good.md', '--no-cache', '--format', 'json'], { cwd: bare, env });
  assert.equal(r.code, 0, r.stderr);
  assert.equal(JSON.parse(r.stdout).files[0].quotes[0].verdict, 'verified');
  assert.deepEqual(indexFolders(cacheHome), []);
});

test('--format github: one workflow command per finding to show, escaped, with file, lines and columns', () => {
  const dir = project({ 'drafts/mixed.md': `# Notes\n\n${BAD_DRAFT}\n${GOOD_DRAFT}\n“We will build 100% of it, again,” Ruiz said.\n` });
  const r = runCli(['check', 'drafts/mixed.md', '--format', 'github'], { cwd: dir });
  assert.equal(r.code, 1, r.stderr);
  const lines = r.stdout.trim().split('\n');
  assert.equal(lines.length, 2, r.stdout);
  assert.match(lines[0], /^::error file=drafts\/mixed\.md,line=3,endLine=3,col=\d+,endColumn=\d+,title=Verbatim%3A altered::.+\(source: refs\/seed\.txt:\d+\)$/);
  assert.match(lines[1], /^::warning file=drafts\/mixed\.md,line=7,endLine=7,col=2,endColumn=\d+,title=Verbatim%3A missing::/);
  assert.ok(!r.stdout.includes('verified'), 'a verified quote (severity none) is not annotated');
});

test('--format junit: a test suite per draft, a failing case per error finding, ignored quotes skipped', () => {
  const dir = project({ 'drafts/ignored.md': `<!-- verbatim-ignore -->\n${BAD_DRAFT}` });
  const r = runCli(['check', 'drafts', '--format', 'junit'], { cwd: dir });
  assert.equal(r.code, 1, r.stderr);
  assert.match(r.stdout, /^<\?xml version="1\.0" encoding="UTF-8"\?>\n<testsuites name="verbatim" tests="3" failures="1" errors="0">/);
  const suites = [...r.stdout.matchAll(/<testsuite name="([^"]+)" tests="(\d+)" failures="(\d+)" errors="0" skipped="(\d+)">/g)].map((m) => [path.basename(m[1]), m[2], m[3], m[4]]);
  assert.deepEqual(suites, [
    ['bad.md', '1', '1', '0'],
    ['good.md', '1', '0', '0'],
    ['ignored.md', '1', '0', '1'],
  ]);
  assert.match(r.stdout, /<testcase classname="[^"]*bad\.md" name="line 1: quote “is at all encouraging\.”" file="[^"]*bad\.md" line="1">\n\s*<failure type="altered" message="[^"]+">altered: /);
  assert.match(r.stdout, /<skipped message="ignored by a verbatim-ignore comment: checked by hand"\/>/);
  assert.doesNotMatch(r.stdout, /[“”]<|&(?!amp;|lt;|gt;|quot;)/, 'text escaped for XML');
});
