// The workspace (engine/workspace.ts): the one place the CLI and the server learn the config,
// the corpus paths, the severities, the drafts and a draft's format.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { checkDraft, draftFormat, findDrafts, isInCorpus, loadCorpus, openWorkspace, severityOverrides } from '../../../server/src/engine';

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
    const severityWith = (overrides: Parameters<typeof openWorkspace>[1]) => checkDraft(openWorkspace(root, overrides), corpus, text, path.join(root, 'draft.md')).findings.map((f) => `${f.verdict}:${f.severity}`);
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
    assert.deepEqual(files.map((f) => path.relative(root, f)), ['a.md', path.join('notes', 'b.txt')]);
    assert.deepEqual(problems, []);
    assert.equal(findDrafts(ws, ['missing.md']).problems[0].message, 'no such file or folder');
    fs.rmSync(root, { recursive: true, force: true });
  });
});
