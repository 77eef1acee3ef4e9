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

/** Packages exactly as `npm run package` does, in a copy of the repository (never touching its dist/). */
function packageInStaging() {
  const stage = fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-package-'));
  const skip = new Set(['node_modules', '.git', 'out', 'dist', '.verbatim', '.vscode-test']);
  for (const entry of fs.readdirSync(REPO)) {
    if (skip.has(entry) || entry.endsWith('.vsix')) continue;
    fs.cpSync(path.join(REPO, entry), path.join(stage, entry), { recursive: true });
  }
  fs.symlinkSync(path.join(REPO, 'node_modules'), path.join(stage, 'node_modules'), 'dir');
  execFileSync(process.execPath, [path.join(stage, 'scripts', 'bundle.js'), '--production'], { cwd: stage, stdio: ['ignore', 'ignore', 'inherit'] });
  const vsce = require.resolve('@vscode/vsce/vsce');
  const files = execFileSync(process.execPath, [vsce, 'ls', '--no-dependencies'], { cwd: stage, encoding: 'utf8' }).trim().split('\n').sort();
  const out = path.join(stage, 'verbatim.vsix');
  execFileSync(process.execPath, [vsce, 'package', '--no-dependencies', '--out', out], { cwd: stage, stdio: ['ignore', 'ignore', 'inherit'] });
  return { vsix: out, files };
}

/** Files the extension needs at run time: each must be in the package. */
const NEEDED = [
  'package.json',
  'package.nls.json',
  'l10n/bundle.l10n.json',
  'media/icon.png',
  'CHANGELOG.md',
  'dist/client.js',
  'dist/server.js',
  'dist/synonyms.txt',
  'schemas/verbatim.schema.json',
  'media/walkthrough/sources.md',
  'media/walkthrough/source.md',
  'media/walkthrough/check.md',
  'LICENSE',
  'README.md',
];

/** The installed extension's own log line (`Verbatim activated in N ms`, `Language server ready N ms …`). */
function readTimings(dir) {
  const found = {};
  const walk = (d) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (/verbatim/i.test(e.name) && e.name.endsWith('.log')) {
        const text = fs.readFileSync(p, 'utf8');
        const a = /Verbatim activated in (\d+) ms/.exec(text);
        const r = /Language server ready (\d+) ms/.exec(text);
        if (a) found.activation = Number(a[1]);
        if (r) found.serverReady = Number(r[1]);
      }
    }
  };
  walk(dir);
  return found;
}

(async () => {
  const staged = process.argv[2] ? { vsix: path.resolve(process.argv[2]), files: null } : packageInStaging();
  const vsix = staged.vsix;
  if (staged.files) {
    const missing = NEEDED.filter((f) => !staged.files.includes(f));
    console.log(`[vsix-smoke] package: ${staged.files.length} files (${staged.files.join(', ')})`);
    if (missing.length) throw new Error(`the .vsix lacks ${missing.join(', ')}`);
    if (staged.files.some((f) => f.startsWith('node_modules/') || f.endsWith('.map') || f === 'dist/cli.js')) throw new Error('the .vsix carries node_modules, source maps or the CLI bundle');
    // The README says how big the package is: it must stay true (within a tenth).
    const stated = /builds verbatim\.vsix \(about ([\d.]+) (KB|MB)/.exec(fs.readFileSync(path.join(REPO, 'README.md'), 'utf8'));
    if (!stated) throw new Error('the README no longer states the .vsix size');
    const statedKB = Number(stated[1]) * (stated[2] === 'MB' ? 1024 : 1);
    const actualKB = fs.statSync(vsix).size / 1024;
    console.log(`[vsix-smoke] README states ${stated[1]} ${stated[2]}; the .vsix is ${actualKB.toFixed(0)} KB`);
    if (Math.abs(actualKB - statedKB) > statedKB / 10) throw new Error(`the README says the .vsix is about ${stated[1]} ${stated[2]}, it is ${actualKB.toFixed(0)} KB`);
  }
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
    // The extension's own log: activation and server start, as installed from the .vsix.
    let timings = {};
    for (let i = 0; i < 50 && !(timings.activation >= 0 && timings.serverReady >= 0); i++) {
      timings = readTimings(session.tmp);
      if (!(timings.activation >= 0 && timings.serverReady >= 0)) await new Promise((r) => setTimeout(r, 200));
    }
    console.log(`[vsix-smoke] activation ${timings.activation} ms (activate() call); language server ready ${timings.serverReady} ms after activation began`);
    if (!(timings.activation >= 0)) {
      console.error('[vsix-smoke] no "Verbatim activated in" line in the extension log');
      ok = false;
    }
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
