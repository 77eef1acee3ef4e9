#!/usr/bin/env node
// Installs the packaged .vsix into a clean code-server (its own --install-extension, no
// development path), opens the fixture draft from the Explorer and waits until Verbatim's
// diagnostics are underlined: proves the package carries everything it needs.
//   node scripts/vscode/vsix-smoke.js [path/to.vsix]
// Without a path it packages the extension in a staging folder (production bundles + vsce), so
// it never touches dist/ or the repository while other tests use them.
'use strict';
const { execFileSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { REPO, copyFixtureWorkspace, installVsix, startWorkbench } = require('./codeServer');

function packageInStaging() {
  const stage = fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-package-'));
  for (const f of ['package.json', 'README.md', 'LICENSE', '.vscodeignore']) if (fs.existsSync(path.join(REPO, f))) fs.copyFileSync(path.join(REPO, f), path.join(stage, f));
  const esbuild = require('esbuild');
  const common = { bundle: true, platform: 'node', format: 'cjs', target: 'node18', minify: true, absWorkingDir: REPO, logLevel: 'warning' };
  esbuild.buildSync({ ...common, entryPoints: ['client/src/extension.ts'], outfile: path.join(stage, 'dist', 'client.js'), external: ['vscode'] });
  esbuild.buildSync({ ...common, entryPoints: ['server/src/lsp/server.ts'], outfile: path.join(stage, 'dist', 'server.js') });
  const out = path.join(stage, 'verbatim.vsix');
  execFileSync(process.execPath, [require.resolve('@vscode/vsce/vsce'), 'package', '--no-dependencies', '--out', out], { cwd: stage, stdio: ['ignore', 'ignore', 'inherit'] });
  return out;
}

(async () => {
  const vsix = process.argv[2] ? path.resolve(process.argv[2]) : packageInStaging();
  const extensionsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-exts-'));
  installVsix(vsix, extensionsDir);
  const installed = fs.readdirSync(extensionsDir).filter((d) => d.startsWith('verbatim.verbatim-'));
  if (!installed.length) throw new Error(`the .vsix did not install into ${extensionsDir}`);
  console.log(`[vsix-smoke] installed ${installed[0]} (${(fs.statSync(vsix).size / 1024).toFixed(0)} KB .vsix)`);
  const workspace = copyFixtureWorkspace();
  const session = await startWorkbench({ folder: workspace, extensionsDir, log: (l) => process.env.VERBOSE && console.log(l) });
  let ok = false;
  try {
    const row = session.page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'draft.md' }).first();
    await row.waitFor({ timeout: 30000 });
    await row.dblclick();
    const t0 = Date.now();
    await session.page.waitForSelector('.monaco-editor .squiggly-error', { timeout: 60000 });
    const squiggles = await session.page.locator('.monaco-editor .squiggly-error, .monaco-editor .squiggly-warning').count();
    console.log(`[vsix-smoke] ${squiggles} diagnostics underlined ${Date.now() - t0} ms after opening draft.md`);
    ok = squiggles >= 3;
  } catch (e) {
    console.error(`[vsix-smoke] ${e && e.message}`);
  } finally {
    await session.close();
    if (ok && !process.env.KEEP_TMP) fs.rmSync(session.tmp, { recursive: true, force: true });
    else if (!ok) console.log(`[vsix-smoke] logs kept in ${session.tmp}`);
    fs.rmSync(workspace, { recursive: true, force: true });
    fs.rmSync(extensionsDir, { recursive: true, force: true });
    if (!process.argv[2]) fs.rmSync(path.dirname(vsix), { recursive: true, force: true });
  }
  console.log(ok ? '1 passed, 0 failed' : '0 passed, 1 failed');
  process.exit(ok ? 0 : 1);
})().catch((e) => {
  console.error(e);
  console.log('0 passed, 1 failed');
  process.exit(1);
});
