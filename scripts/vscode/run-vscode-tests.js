#!/usr/bin/env node
// Runs the extension's tests (out/test/vscode) in a real VS Code with @vscode/test-electron.
// Where VS Code's download is reachable and a display exists, test-electron downloads desktop
// VS Code as usual; otherwise (no network, headless CI) the same runTests() call gets
// scripts/vscode/code-shim.js as its VS Code executable, which runs code-server + headless
// Chromium from the cache scripts/setup-vscode-offline.sh fills. Force one with
// VERBATIM_VSCODE=desktop | code-server.
//
// Prints "N passed, N failed" from the suite's results file; exit 0 only if all passed.
'use strict';
const dns = require('dns');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { runTests } = require('@vscode/test-electron');
const { REPO, copyFixtureWorkspace, ensureHarness } = require('./codeServer');

async function canDownloadVSCode() {
  if (process.platform === 'linux' && !process.env.DISPLAY) return false; // desktop VS Code needs a display
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), 3000);
    dns.lookup('update.code.visualstudio.com', (err) => {
      clearTimeout(timer);
      resolve(!err);
    });
  });
}

(async () => {
  const t0 = Date.now();
  const testsPath = path.join(REPO, 'out', 'test', 'vscode', 'index.js');
  for (const f of [testsPath, path.join(REPO, 'dist', 'client.js'), path.join(REPO, 'dist', 'server.js')]) {
    if (!fs.existsSync(f)) throw new Error(`${path.relative(REPO, f)} is missing: run npm run build and npm run bundle first`);
  }
  const mode = process.env.VERBATIM_VSCODE || ((await canDownloadVSCode()) ? 'desktop' : 'code-server');
  const workspace = copyFixtureWorkspace();
  const resultsFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-results-')), 'results.json');
  console.log(`[test:vscode] VS Code via ${mode}; workspace ${workspace}`);
  const options = {
    extensionDevelopmentPath: REPO,
    extensionTestsPath: testsPath,
    launchArgs: [workspace, '--disable-extensions'],
    extensionTestsEnv: { VERBATIM_TEST_RESULTS: resultsFile, VERBATIM_TEST_WORKSPACE: workspace },
  };
  if (mode === 'code-server') {
    ensureHarness(); // installs on first use; prints where
    options.vscodeExecutablePath = path.join(__dirname, 'code-shim.js');
  }
  let code = 0;
  try {
    await runTests(options);
  } catch (e) {
    code = 1;
    console.error(`[test:vscode] ${e && e.message ? e.message : e}`);
  }
  let results = null;
  try {
    results = JSON.parse(fs.readFileSync(resultsFile, 'utf8'));
  } catch {
    /* the suite never wrote it */
  }
  fs.rmSync(workspace, { recursive: true, force: true });
  fs.rmSync(path.dirname(resultsFile), { recursive: true, force: true });
  console.log(`[test:vscode] done in ${((Date.now() - t0) / 1000).toFixed(1)}s`);
  if (!results) {
    console.log('0 passed, 1 failed');
    console.error('[test:vscode] the suite wrote no results: VS Code or the extension did not start (see the log above)');
    process.exit(1);
  }
  if (process.env.VERBATIM_RESULTS_COPY) fs.writeFileSync(process.env.VERBATIM_RESULTS_COPY, JSON.stringify(results, null, 1));
  for (const m of results.metrics || []) console.log(`[test:vscode] ${m}`);
  const failed = results.results.filter((r) => !r.ok);
  for (const f of failed) console.log(`[test:vscode] FAILED ${f.name}\n${f.error}`);
  console.log(`${results.results.length - failed.length} passed, ${failed.length} failed`);
  process.exit(failed.length || code ? 1 : 0);
})().catch((e) => {
  console.error(e);
  console.log('0 passed, 1 failed');
  process.exit(1);
});
