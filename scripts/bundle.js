#!/usr/bin/env node
// Bundles the VS Code client, the language server and the CLI with esbuild into dist/ (the .vsix
// and the npm package ship dist/ only, no node_modules).  node scripts/bundle.js [--production] [--watch]
const esbuild = require('esbuild');
const path = require('path');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const root = path.join(__dirname, '..');

// A hash of every engine source file and the lockfile (engine/corpus/buildId.ts says why).
function buildId() {
  const fs = require('fs');
  const hash = require('crypto').createHash('sha1');
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else hash.update(path.relative(root, file)).update('\0').update(fs.readFileSync(file)).update('\0');
    }
  };
  walk(path.join(root, 'server', 'src'));
  hash.update(fs.readFileSync(path.join(root, 'package-lock.json')));
  return hash.digest('hex').slice(0, 16);
}

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node18',
  sourcemap: production ? false : 'linked',
  minify: production,
  logLevel: 'warning',
  absWorkingDir: root,
  legalComments: 'none',
  // Not in watch mode, whose rebuilds would keep the first build's id.
  define: watch ? {} : { VERBATIM_BUILD_ID: JSON.stringify(buildId()) },
};

const builds = [
  { ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] },
  { ...common, entryPoints: ['server/src/lsp/server.ts'], outfile: 'dist/server.js' },
  // The `verbatim` command (bin/verbatim.js): the npm package ships dist/ and no dependencies.
  { ...common, entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js' },
  // The threads of a cold index start it from beside the server (engine/corpus/parallelRead.ts).
  { ...common, entryPoints: ['server/src/engine/corpus/readWorker.ts'], outfile: 'dist/readWorker.js' },
  // The document thread (engine/corpus/documentThread.ts) reads PDFs and emails; PDF.js and
  // postal-mime live in this bundle only, so the server loads them on the first PDF or email.
  // PDF.js's own import.meta is only its way to load an optional canvas, which text needs not.
  { ...common, entryPoints: ['server/src/engine/corpus/documentWorker.ts'], outfile: 'dist/documentWorker.js', logOverride: { 'empty-import-meta': 'silent' } },
];

(async () => {
  const t0 = Date.now();
  // A production build leaves no stale source maps from a development one.
  if (production) for (const f of ['client.js.map', 'server.js.map', 'cli.js.map', 'readWorker.js.map', 'documentWorker.js.map']) require('fs').rmSync(path.join(root, 'dist', f), { force: true });
  if (watch) {
    for (const b of builds) await (await esbuild.context(b)).watch();
    console.log('[bundle] watching');
    return;
  }
  await Promise.all(builds.map((b) => esbuild.build(b)));
  // The claim checker's synonym table sits beside the server bundle.
  require('child_process').execFileSync(process.execPath, [path.join(__dirname, 'buildSynonyms.js'), path.join(root, 'dist', 'synonyms.txt')], { stdio: 'inherit' });
  console.log(`[bundle] dist/client.js, dist/server.js, dist/cli.js, dist/readWorker.js, dist/documentWorker.js (${production ? 'production' : 'development'}) in ${Date.now() - t0} ms`);
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
