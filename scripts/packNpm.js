#!/usr/bin/env node
// The npm package, `@verbatim-editor/verbatim` (`npx @verbatim-editor/verbatim check …`): the
// bundled CLI and language server with no dependencies to install. The repository's own
// package.json is the VS Code extension's manifest (vsce allows no scoped name, and the
// unscoped `verbatim` is someone else's package on the registry), so the npm manifest is
// packaging/npm/package.json, given the repository's version here, and packed from a staging
// folder holding exactly its `files`.
//   node scripts/packNpm.js [--out DIR]   (after `npm run build --silent -- --production` or
//   `npm run build`; prints the tarball's path)
const { execFileSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const root = path.join(__dirname, '..');
const outIndex = process.argv.indexOf('--out');
const outDir = path.resolve(outIndex >= 0 ? process.argv[outIndex + 1] : path.join(root, 'out'));
const stage = path.join(root, 'out', 'npm-package');

const manifest = JSON.parse(fs.readFileSync(path.join(root, 'packaging', 'npm', 'package.json'), 'utf8'));
manifest.version = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).version;

fs.rmSync(stage, { recursive: true, force: true });
fs.mkdirSync(stage, { recursive: true });
for (const entry of [...manifest.files, 'README.md', 'LICENSE']) {
  const from = path.join(root, entry);
  if (!fs.existsSync(from)) throw new Error(`${entry} is missing: run npm run build first`);
  fs.cpSync(from, path.join(stage, entry), { recursive: true });
}
fs.writeFileSync(path.join(stage, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
fs.mkdirSync(outDir, { recursive: true });
const out = execFileSync('npm', ['pack', '--json', '--pack-destination', outDir], { cwd: stage, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
const [packed] = JSON.parse(out);
process.stdout.write(`${path.join(outDir, packed.filename)}\n`);
