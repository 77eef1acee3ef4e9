// Restricted Mode (issue 17): in a workspace VS Code does not trust, the client starts the
// server with `trusted: false` and the server reads nothing outside the workspace: a
// verbatim.json (or setting) whose corpus or config file points elsewhere is left out, said
// as a config problem. Trusted, the same workspace reads them.
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { TestClient } from './lspClient';

const SOURCE = '---\ntitle: Remarks on the bridge\n---\n\nANA RUIZ: The bridge will reopen in May, and the tolls stay as they are.\n';
const DRAFT = '“The bridge will reopen in May,” Ana Ruiz said.\n';

function layout(): { top: string; root: string } {
  const top = fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-restricted-'));
  const root = path.join(top, 'workspace');
  fs.mkdirSync(path.join(top, 'elsewhere'), { recursive: true });
  fs.writeFileSync(path.join(top, 'elsewhere', 'remarks.md'), SOURCE);
  fs.writeFileSync(path.join(top, 'elsewhere', 'verbatim.json'), JSON.stringify({ corpus: ['.'] }));
  fs.mkdirSync(path.join(root, 'sources'), { recursive: true });
  fs.writeFileSync(path.join(root, 'sources', 'notes.md'), '---\ntitle: Notes\n---\n\nBEN ORTIZ: We will publish the figures on Friday.\n');
  fs.writeFileSync(path.join(root, 'verbatim.json'), JSON.stringify({ corpus: ['sources', '../elsewhere'] }));
  fs.writeFileSync(path.join(root, 'draft.md'), DRAFT);
  return { top, root };
}

async function run(root: string, trusted: boolean | undefined, settings: Record<string, unknown> = {}, state: 'ready' | 'noCorpus' = 'ready') {
  const client = new TestClient(root);
  try {
    await client.initialize(settings, true, trusted === undefined ? {} : { trusted });
    const status = await client.ready(state);
    const diagnostics = await client.diagnosticsFor(client.open(path.join(root, 'draft.md')));
    return { status, codes: diagnostics.map((d) => d.code) };
  } finally {
    await client.stop();
  }
}

describe('verbatim-ls in Restricted Mode', () => {
  it('leaves out a corpus path outside the workspace, says so, and checks against the sources inside', async () => {
    const { top, root } = layout();
    try {
      const untrusted = await run(root, false);
      assert.deepEqual(untrusted.status.corpusPaths, [path.join(root, 'sources')]);
      assert.deepEqual(untrusted.status.configProblems, [`Restricted Mode: the corpus path ${path.join(top, 'elsewhere')} is outside the workspace and was not read`]);
      assert.deepEqual(untrusted.codes, ['missing'], 'the quote is not found: its source is outside');

      const trusted = await run(root, true);
      assert.deepEqual(trusted.status.corpusPaths, [path.join(root, 'sources'), path.join(top, 'elsewhere')]);
      assert.deepEqual(trusted.status.configProblems, []);
      assert.deepEqual(trusted.codes, [], 'verified against the source outside');
      // An editor that says nothing of trust (Neovim, Helix) is trusted.
      assert.deepEqual((await run(root, undefined)).codes, []);
    } finally {
      fs.rmSync(top, { recursive: true, force: true });
    }
  });

  it('does not read a config file outside the workspace, nor follow a link out of it', async () => {
    const { top, root } = layout();
    try {
      fs.writeFileSync(path.join(root, 'verbatim.json'), JSON.stringify({ corpus: ['linked'] }));
      fs.symlinkSync(path.join(top, 'elsewhere'), path.join(root, 'linked'));
      const linked = await run(root, false, {}, 'noCorpus');
      assert.deepEqual(linked.status.corpusPaths, []);
      assert.match(linked.status.configProblems.join('\n'), /the corpus path .*linked is outside the workspace/);

      fs.rmSync(path.join(root, 'verbatim.json'));
      const outside = path.join(top, 'elsewhere', 'verbatim.json');
      const config = await run(root, false, { configFile: outside });
      assert.ok(config.status.configProblems.includes(`Restricted Mode: the config file ${outside} is outside the workspace and was not read`), config.status.configProblems.join('\n'));
      assert.deepEqual(config.status.corpusPaths, [path.join(root, 'sources')], 'the default corpus, inside');
    } finally {
      fs.rmSync(top, { recursive: true, force: true });
    }
  });
});
