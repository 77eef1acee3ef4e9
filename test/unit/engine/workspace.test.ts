// The workspace (engine/workspace.ts): the one place the CLI and the server learn the config,
// the corpus paths, the severities, the drafts and a draft's format.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import {
  checkDraft,
  corpusOptionsFor,
  discoverWorkspace,
  draftFormat,
  findDrafts,
  indexCacheFolder,
  isInCorpus,
  loadCorpus,
  openWorkspace,
  severityOverrides,
  userCacheFolder,
} from '../../../server/src/engine';

function tempWorkspace(files: Record<string, string>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-ws-'));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    fs.writeFileSync(path.join(root, name), text);
  }
  return root;
}

describe('openWorkspace', () => {
  it('reads verbatim.json and lays the front end’s overrides over it', () => {
    const root = tempWorkspace({ 'verbatim.json': JSON.stringify({ corpus: ['transcripts'], severity: { missing: 'error', altered: 'error' } }) });
    const ws = openWorkspace(root, { severity: { unattributed: 'none' } });
    assert.deepEqual(ws.corpusPaths, [path.join(root, 'transcripts')]);
    assert.deepEqual(ws.severities, { missing: 'error', unattributed: 'none' }, 'a level equal to the default is no override');
    assert.equal(ws.configFile, path.join(root, 'verbatim.json'));
    const flagged = openWorkspace(root, { corpus: ['other'] });
    assert.deepEqual(flagged.corpusPaths, [path.join(root, 'other')]);
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('defaults to sources/ and names a config file that was asked for and is missing', () => {
    const root = tempWorkspace({});
    assert.deepEqual(openWorkspace(root).corpusPaths, [path.join(root, 'sources')]);
    assert.deepEqual(openWorkspace(root).problems, []);
    assert.match(openWorkspace(root, { configFile: 'nope.json' }).problems[0], /nope\.json: config file not found/);
    fs.rmSync(root, { recursive: true, force: true });
  });
});

describe('severities', () => {
  it('keeps a minor alteration a warning unless the writer changed altered’s level', () => {
    assert.deepEqual(severityOverrides({ altered: 'error', verified: 'none', missing: 'hint' }), { missing: 'hint' });
    const root = tempWorkspace({
      'sources/statement.md': '---\nkind: statement\nspeaker: Ana Ruiz\n---\nWe don’t intend to close the bridge this winter.\n',
      'draft.md': 'Ana Ruiz spoke on Monday. “We do not intend to close the bridge this winter,” Ruiz said.\n',
    });
    const text = fs.readFileSync(path.join(root, 'draft.md'), 'utf8');
    const corpus = loadCorpus([path.join(root, 'sources')]);
    const severityWith = (overrides: Parameters<typeof openWorkspace>[1]) =>
      checkDraft(openWorkspace(root, overrides), corpus, text, path.join(root, 'draft.md')).findings.map((f) => `${f.verdict}:${f.severity}`);
    assert.deepEqual(severityWith({}), ['altered:warning'], 'a contraction is a minor change (SPEC §5)');
    assert.deepEqual(severityWith({ severity: { altered: 'error' } }), ['altered:warning'], 'restating the default changes nothing');
    assert.deepEqual(severityWith({ severity: { altered: 'hint' } }), ['altered:hint']);
    corpus.close();
    fs.rmSync(root, { recursive: true, force: true });
  });
});

describe('drafts', () => {
  it('reads a draft by its extension, else by the editor’s language', () => {
    assert.equal(draftFormat('/a/b.md'), 'markdown');
    assert.equal(draftFormat('/a/b.txt', 'markdown'), 'plaintext');
    assert.equal(draftFormat('/a/b.markdown', 'plaintext'), 'markdown');
    assert.equal(draftFormat('Untitled-1', 'plaintext'), 'plaintext');
    assert.equal(draftFormat('Untitled-1', 'markdown'), 'markdown');
    assert.equal(draftFormat('/a/NOTES'), 'markdown');
  });

  it('walks folders for drafts and leaves the corpus out', () => {
    const root = tempWorkspace({ 'a.md': 'x', 'notes/b.txt': 'x', 'sources/s.md': 'x', 'node_modules/m.md': 'x', '.hidden/h.md': 'x', 'c.json': '{}' });
    const ws = openWorkspace(root);
    assert.ok(isInCorpus(ws, path.join(root, 'sources', 's.md')));
    assert.ok(!isInCorpus(ws, path.join(root, 'sourcesX', 's.md')));
    const { files, problems } = findDrafts(ws, ['.']);
    assert.deepEqual(
      files.map((f) => path.relative(root, f)),
      ['a.md', path.join('notes', 'b.txt')],
    );
    assert.deepEqual(problems, []);
    assert.equal(findDrafts(ws, ['missing.md']).problems[0].message, 'no such file or folder');
    fs.rmSync(root, { recursive: true, force: true });
  });
});

describe('finding the workspace and its index (issue 17)', () => {
  it('finds verbatim.json upward from a subfolder, stopping at the repository root', () => {
    const root = tempWorkspace({
      'verbatim.json': '{"corpus": ["refs"]}',
      'repo/.git/HEAD': 'x',
      'repo/verbatim.json': '{"corpus": ["mine"]}',
      'repo/a/b/draft.md': 'x',
      'repo/inner/.git/HEAD': 'x',
      'repo/inner/c/draft.md': 'x',
    });
    const deep = discoverWorkspace(path.join(root, 'repo', 'a', 'b'));
    assert.equal(deep.ws.root, path.join(root, 'repo'));
    assert.deepEqual(deep.ws.corpusPaths, [path.join(root, 'repo', 'mine')]);
    assert.deepEqual(
      deep.searched,
      ['a/b', 'a', ''].map((d) => path.join(root, 'repo', d)),
    );
    const inner = discoverWorkspace(path.join(root, 'repo', 'inner', 'c'));
    assert.equal(inner.ws.configFile, null, 'the search stops at the inner repository root');
    assert.equal(inner.ws.root, path.join(root, 'repo', 'inner', 'c'));
    assert.deepEqual(inner.searched, [path.join(root, 'repo', 'inner', 'c'), path.join(root, 'repo', 'inner')]);
    const named = discoverWorkspace(path.join(root, 'repo', 'a'), { configFile: '../../verbatim.json' });
    assert.equal(named.ws.root, root);
    assert.deepEqual(named.ws.corpusPaths, [path.join(root, 'refs')]);
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('keeps the index in .verbatim/ when it exists, else in the base folder keyed by the corpus', () => {
    const root = tempWorkspace({ 'sources/a.txt': 'x' });
    const base = path.join(root, 'base');
    const one = indexCacheFolder(root, [path.join(root, 'sources')], base);
    assert.match(path.relative(base, one!), /^index-[0-9a-f]{12}$/);
    assert.equal(indexCacheFolder(root, ['sources'], base), one, 'relative corpus paths resolve against the root');
    assert.notEqual(indexCacheFolder(root, [path.join(root, 'other')], base), one);
    assert.equal(indexCacheFolder(root, ['b', 'a'], base), indexCacheFolder(root, ['a', 'b'], base), 'the order of the corpus paths does not matter');
    assert.equal(indexCacheFolder(root, ['sources'], null), null);
    fs.mkdirSync(path.join(root, '.verbatim'));
    assert.equal(corpusOptionsFor(openWorkspace(root), base).cacheDir, path.join(root, '.verbatim'));
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('the user cache folder follows XDG on Linux, the platform convention elsewhere', () => {
    assert.equal(userCacheFolder({ XDG_CACHE_HOME: '/x/cache' }, 'linux', '/home/ana'), '/x/cache/verbatim');
    assert.equal(userCacheFolder({ XDG_CACHE_HOME: 'relative' }, 'linux', '/home/ana'), '/home/ana/.cache/verbatim');
    assert.equal(userCacheFolder({}, 'darwin', '/Users/ana'), '/Users/ana/Library/Caches/verbatim');
    assert.equal(userCacheFolder({ LOCALAPPDATA: 'C:\\Users\\ana\\AppData\\Local' }, 'win32', 'C:\\Users\\ana'), 'C:\\Users\\ana\\AppData\\Local\\verbatim\\Cache');
    assert.equal(userCacheFolder({}, 'linux', ''), null);
  });

  it('a cache folder that cannot be made is a corpus problem, and the corpus loads without it', () => {
    const root = tempWorkspace({ 'sources/a.jsonl': '{"speaker": "Ana Ruiz", "text": "The bridge reopens in May."}\n', file: 'not a folder' });
    const corpus = loadCorpus([path.join(root, 'sources')], { cacheDir: path.join(root, 'file', 'index') });
    assert.equal(corpus.statementCount, 1);
    assert.match(corpus.problems[0].message, /cannot keep the index cache here \(ENOTDIR\): indexed without a cache/);
    corpus.close();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('skips what .gitignore and .verbatimignore leave out of folders and globs, never a file named directly', () => {
    const root = tempWorkspace({
      '.git/HEAD': 'x',
      '.gitignore': 'archive/\n*.tmp.md\n',
      'drafts/.verbatimignore': 'old/\n',
      'archive/a.md': 'x',
      'drafts/b.md': 'x',
      'drafts/c.tmp.md': 'x',
      'drafts/old/d.md': 'x',
      'drafts/new/e.md': 'x',
    });
    const ws = openWorkspace(root);
    const rel = (files: string[]) => files.map((f) => path.relative(root, f).split(path.sep).join('/'));
    assert.deepEqual(rel(findDrafts(ws, ['.']).files), ['drafts/b.md', 'drafts/new/e.md']);
    assert.deepEqual(rel(findDrafts(ws, ['**/*.md']).files), ['drafts/b.md', 'drafts/new/e.md']);
    assert.deepEqual(rel(findDrafts(ws, ['*.md'], { cwd: path.join(root, 'drafts') }).files), ['drafts/b.md']);
    assert.deepEqual(rel(findDrafts(ws, ['archive/a.md', 'drafts/old/d.md']).files), ['archive/a.md', 'drafts/old/d.md']);
    assert.deepEqual(findDrafts(ws, ['nothing/*.md']).problems, [{ path: 'nothing/*.md', message: 'no draft matches this pattern' }]);
    fs.rmSync(root, { recursive: true, force: true });
  });
});
