// Neovim's built-in LSP client against `verbatim-ls --stdio`: Debian's neovim (installed by
// scripts/neovim/setup-neovim.sh) runs headless with the README's Lua lines as its config,
// opens the fixture draft and reports the diagnostics and a hover it got from the server.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const REPO = path.resolve(__dirname, '..', '..', '..');
const HERE = path.join(REPO, 'test', 'neovim');

/** The README's ```lua block under "## In Neovim": what a user copies, run unchanged. */
function readmeLua(): string {
  const readme = fs.readFileSync(path.join(REPO, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## In Neovim'));
  const m = /```lua\n([\s\S]*?)```/.exec(section);
  assert.ok(readme.includes('## In Neovim') && m, 'README has a "## In Neovim" section with a ```lua block');
  return m[1];
}

interface NvimResult {
  nvim: string;
  filetype: string;
  waited_ok: boolean;
  ms: number;
  clients: { name: string; root_dir: string; attached: boolean }[];
  diagnostics: { lnum: number; col: number; end_lnum: number; end_col: number; severity: number; message: string; source: string; code: string }[];
  hover?: string;
}

test('Neovim: the README config attaches verbatim-ls over stdio and shows its diagnostics', { timeout: 5 * 60 * 1000 }, async (t) => {
  const setup = spawnSync('bash', [path.join(REPO, 'scripts', 'neovim', 'setup-neovim.sh')], { encoding: 'utf8' });
  if (setup.status === 3) {
    t.skip(`SKIPPED: neovim cannot be installed on this machine: ${setup.stderr.trim().split('\n').pop()}`);
    return;
  }
  assert.equal(setup.status, 0, `setup-neovim.sh failed:\n${setup.stderr}`);
  const nvim = setup.stdout.trim().split('\n').pop()!;

  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-nvim-'));
  const workspace = path.join(tmp, 'workspace');
  fs.cpSync(path.join(REPO, 'test', 'fixtures', 'workspace'), workspace, { recursive: true });
  // `verbatim-ls` on PATH, as after `npm link` or a global install.
  const bin = path.join(tmp, 'bin');
  fs.mkdirSync(bin);
  fs.symlinkSync(path.join(REPO, 'bin', 'verbatim-ls.js'), path.join(bin, 'verbatim-ls'));
  const init = path.join(tmp, 'init.lua');
  fs.writeFileSync(init, [fs.readFileSync(path.join(HERE, 'polyfill.lua'), 'utf8'), readmeLua(), `dofile(${JSON.stringify(path.join(HERE, 'harness.lua'))})`].join('\n'));
  const out = path.join(tmp, 'result.json');
  const draft = path.join(workspace, 'draft.md');

  const log: string[] = [];
  const code = await new Promise<number | null>((resolve) => {
    // Started from another folder: the root is found from the draft (its sources/ folder).
    const child = spawn(nvim, ['--headless', '--clean', '-u', init, draft], {
      cwd: tmp,
      env: {
        ...process.env,
        PATH: `${bin}${path.delimiter}${path.dirname(process.execPath)}${path.delimiter}${process.env.PATH ?? ''}`,
        XDG_CONFIG_HOME: path.join(tmp, 'config'),
        XDG_DATA_HOME: path.join(tmp, 'data'),
        XDG_STATE_HOME: path.join(tmp, 'state'),
        XDG_CACHE_HOME: path.join(tmp, 'cache'),
        VERBATIM_NVIM_OUT: out,
        VERBATIM_NVIM_EXPECT: '3',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.on('data', (d) => log.push(String(d)));
    child.stderr.on('data', (d) => log.push(String(d)));
    const timer = setTimeout(() => child.kill('SIGKILL'), 150000);
    child.on('close', (c) => {
      clearTimeout(timer);
      resolve(c);
    });
  });
  const lspLog = path.join(tmp, 'state', 'nvim', 'lsp.log');
  const cacheLog = path.join(tmp, 'cache', 'nvim', 'lsp.log');
  const logs = () =>
    `${log.join('').slice(-3000)}\n${[lspLog, cacheLog]
      .filter((f) => fs.existsSync(f))
      .map((f) => fs.readFileSync(f, 'utf8').slice(-3000))
      .join('\n')}`;
  assert.ok(fs.existsSync(out), `Neovim wrote no result (exit ${code}):\n${logs()}`);
  const r = JSON.parse(fs.readFileSync(out, 'utf8')) as NvimResult & { error?: string };
  assert.equal(r.error, undefined, `the Lua harness failed: ${r.error}\n${logs()}`);

  t.diagnostic(`NVIM v${r.nvim}, filetype ${r.filetype}, clients ${r.clients.map((c) => `${c.name} (root ${c.root_dir}${c.attached ? ', attached' : ''})`).join(', ')}`);
  t.diagnostic(`${r.diagnostics.length} diagnostics ${r.ms} ms after the draft opened`);
  for (const d of r.diagnostics) t.diagnostic(`draft.md:${d.lnum + 1}:${d.col + 1}: [${d.code}] severity ${d.severity}: ${d.message.slice(0, 90)}`);

  assert.equal(code, 0, logs());
  assert.equal(r.filetype, 'markdown');
  assert.ok(r.waited_ok, `no diagnostics within 90 s:\n${logs()}`);
  assert.deepEqual(
    r.clients.map((c) => [c.name, c.root_dir, c.attached]),
    [['verbatim', workspace, true]],
  );

  // The same findings as the LSP and VS Code tests; columns are bytes in Neovim (UTF-16 on the wire).
  const lines = fs.readFileSync(draft, 'utf8').split('\n');
  const byteCol = (line: number, utf16: number) => Buffer.byteLength(lines[line].slice(0, utf16), 'utf8');
  assert.deepEqual(
    r.diagnostics.map((d) => [d.code, d.lnum, d.severity, d.source]),
    [
      ['altered', 4, 1, 'verbatim'],
      ['misattributed', 6, 1, 'verbatim'],
      ['missing', 8, 2, 'verbatim'],
    ],
  );
  assert.deepEqual([r.diagnostics[0].col, r.diagnostics[0].end_col], [byteCol(4, 41), byteCol(4, 94)]);
  assert.deepEqual([r.diagnostics[2].col, r.diagnostics[2].end_col], [byteCol(8, 23), byteCol(8, 83)]);
  assert.match(r.diagnostics[0].message, /never/);
  assert.match(r.diagnostics[1].message, /Matthew Miller/);
  assert.match(r.hover ?? '', /Altered/, `hover: ${r.hover}`);
  assert.match(r.hover ?? '', /never/);
  fs.rmSync(tmp, { recursive: true, force: true });
});
