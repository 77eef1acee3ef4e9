#!/usr/bin/env node
// Stands in for the desktop `code` binary so @vscode/test-electron's runTests({ vscodeExecutablePath })
// runs the extension tests in code-server (scripts/vscode/codeServer.js) with no download.
// Reads the VS Code CLI arguments runTests passes; ignores the desktop-only ones.
'use strict';
const path = require('path');
const { startWorkbench } = require('./codeServer');

let ext;
let tests;
let folder;
for (const a of process.argv.slice(2)) {
  if (a.startsWith('--extensionDevelopmentPath=')) ext = a.slice('--extensionDevelopmentPath='.length);
  else if (a.startsWith('--extensionTestsPath=')) tests = a.slice('--extensionTestsPath='.length);
  else if (!a.startsWith('-') && !folder) folder = a; // the first positional argument: the folder to open
}
if (!ext) {
  console.error('code-shim: --extensionDevelopmentPath is required');
  process.exit(2);
}
const timeout = Number(process.env.VERBATIM_VSCODE_TIMEOUT || 300000);
let session;
let done = false;
const finish = async (code, why) => {
  if (done) return;
  done = true;
  console.log(`[code-shim] ${why}`);
  if (session) await session.close();
  if (code === 0 && session && !process.env.KEEP_TMP) require('fs').rmSync(session.tmp, { recursive: true, force: true });
  else if (session) console.log(`[code-shim] logs kept in ${session.tmp}`);
  process.exit(code);
};
process.on('SIGINT', () => finish(130, 'interrupted'));
process.on('SIGTERM', () => finish(143, 'terminated'));
setTimeout(() => finish(2, `timed out after ${timeout} ms`), timeout).unref();

startWorkbench({
  ext: path.resolve(ext),
  tests: tests && path.resolve(tests),
  folder: path.resolve(folder || ext),
  onExit: (code) => finish(code, `extension tests finished with exit code ${code}`),
})
  .then((s) => {
    session = s;
    if (done) s.close();
  })
  .catch((e) => {
    console.error(e);
    finish(1, 'could not start VS Code');
  });
