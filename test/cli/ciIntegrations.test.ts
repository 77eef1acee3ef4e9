// The GitHub Action (action.yml) and the pre-commit hook (.pre-commit-hooks.yaml), run as
// GitHub and pre-commit run them, with the real bin/verbatim.js behind: the action's script
// with `npx` standing in for the registry, the hook's entry with the file names pre-commit
// passes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { BIN, cliEnv, workspace } from '../support/cli';
import { REPO_ROOT, SEED_ARTICLE } from '../support/paths';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const yaml = require('js-yaml') as { load(text: string): unknown };

const seed = fs.readFileSync(SEED_ARTICLE, 'utf8');
const GOOD_DRAFT = 'Miller said the two “discussed areas of mutual interest.”\n';
const BAD_DRAFT = 'A senior Biden administration official said the response “is at all encouraging.”\n';

interface ActionStep {
  id: string;
  shell: string;
  env: Record<string, string>;
  run: string;
}

test('action.yml: the composite step runs verbatim check from npm with the inputs, annotates, and reports the exit code', () => {
  const action = yaml.load(fs.readFileSync(path.join(REPO_ROOT, 'action.yml'), 'utf8')) as { inputs: Record<string, { default: string }>; runs: { using: string; steps: ActionStep[] } };
  assert.equal(action.runs.using, 'composite');
  assert.equal(action.inputs.format.default, 'github');
  const [step] = action.runs.steps;
  for (const value of Object.values(step.env)) assert.match(value, /^\$\{\{ inputs\.[a-z]+ \}\}$/, 'inputs reach the script as variables');
  assert.doesNotMatch(step.run, /\$\{\{/, 'no input is spliced into the script');

  const dir = workspace({ 'refs/seed.txt': seed, 'drafts/good.md': GOOD_DRAFT, 'drafts/bad.md': BAD_DRAFT, 'drafts/$(touch pwned).md': GOOD_DRAFT });
  // `npx --yes @verbatim-editor/verbatim@VERSION …` → the real CLI of this checkout.
  const shims = path.join(dir, '.shims');
  fs.mkdirSync(shims);
  fs.writeFileSync(
    path.join(shims, 'npx'),
    `#!/bin/sh\n[ "$1" = --yes ] && [ "$2" = "@verbatim-editor/verbatim@0.1.0" ] || { echo "unexpected npx $*" >&2; exit 97; }\nshift 2\nexec "${process.execPath}" "${BIN}" "$@"\n`,
    { mode: 0o755 },
  );
  const output = path.join(dir, '.github-output');
  const run = (inputs: Record<string, string>) => {
    const env = cliEnv({
      PATH: `${shims}${path.delimiter}${process.env.PATH}`,
      GITHUB_OUTPUT: output,
      VERBATIM_PATHS: inputs.paths ?? action.inputs.paths.default,
      VERBATIM_CORPUS: inputs.corpus ?? action.inputs.corpus.default,
      VERBATIM_FORMAT: inputs.format ?? action.inputs.format.default,
      VERBATIM_VERSION: '0.1.0',
    });
    fs.writeFileSync(output, '');
    const r = spawnSync(step.shell, ['-e', '-c', step.run], { cwd: dir, env, encoding: 'utf8' });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr, output: fs.readFileSync(output, 'utf8') };
  };
  const r = run({ paths: 'drafts/*.md', corpus: 'refs\n' });
  assert.equal(r.code, 1, r.stderr);
  assert.match(r.stdout, /^::error file=drafts\/bad\.md,line=1,.*title=Verbatim%3A altered::/m);
  assert.equal(r.stdout.trim().split('\n').length, 1, r.stdout);
  assert.equal(r.output, 'exit-code=1\n');
  assert.ok(!fs.existsSync(path.join(dir, 'pwned')), 'a file name is never run');
  const good = run({ paths: 'drafts/good.md', corpus: 'refs' });
  assert.equal(good.code, 0, good.stderr);
  assert.equal(good.output, 'exit-code=0\n');
  const empty = run({ paths: 'drafts/good.md', corpus: 'nowhere' });
  assert.equal(empty.code, 2);
  assert.match(empty.stderr, /the corpus has no source statements/);
  assert.equal(empty.output, 'exit-code=2\n');
});

test('.pre-commit-hooks.yaml: the hook checks the staged drafts its pattern picks, with the repository’s verbatim.json', () => {
  const hooks = yaml.load(fs.readFileSync(path.join(REPO_ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as Array<{
    id: string;
    entry: string;
    language: string;
    files: string;
    args?: string[];
    pass_filenames?: boolean;
  }>;
  const hook = hooks.find((h) => h.id === 'verbatim');
  assert.ok(hook);
  assert.equal(hook.language, 'node');
  assert.notEqual(hook.pass_filenames, false);
  const staged = ['drafts/good.md', 'drafts/bad.md', 'notes.txt', 'logo.png', 'src/app.ts', 'README.markdown'];
  const picked = staged.filter((f) => new RegExp(hook.files).test(f));
  assert.deepEqual(picked, ['drafts/good.md', 'drafts/bad.md', 'notes.txt', 'README.markdown']);
  const dir = workspace({
    '.git/HEAD': 'x\n',
    'verbatim.json': JSON.stringify({ corpus: ['refs'] }),
    'refs/seed.txt': seed,
    'drafts/good.md': GOOD_DRAFT,
    'drafts/bad.md': BAD_DRAFT,
    'notes.txt': 'No quotes here.\n',
    'README.markdown': GOOD_DRAFT,
  });
  // pre-commit runs `entry args… files…` from the repository root; language node puts the package's bin on PATH.
  const [command, ...entryArgs] = hook.entry.split(/\s+/);
  assert.equal(command, 'verbatim');
  const r = spawnSync(process.execPath, [BIN, ...entryArgs, ...(hook.args ?? []), ...picked], { cwd: dir, env: cliEnv(), encoding: 'utf8' });
  assert.equal(r.status, 1, r.stderr);
  assert.match(r.stdout, /^drafts\/bad\.md:1:\d+: error altered/m);
  const clean = spawnSync(process.execPath, [BIN, ...entryArgs, 'drafts/good.md', 'notes.txt'], { cwd: dir, env: cliEnv(), encoding: 'utf8' });
  assert.equal(clean.status, 0, clean.stderr);
});

test('the repository itself installs as a node hook: npm pack of the root ships bin/ and the bundles (prepare builds them)', () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
  assert.match(manifest.scripts.prepare, /scripts\/bundle\.js/);
  const packed = JSON.parse(
    execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: REPO_ROOT, encoding: 'utf8', env: { ...process.env, npm_config_update_notifier: 'false' } }),
  ) as Array<{ files: Array<{ path: string }> }>;
  const files = packed[0].files.map((f) => f.path);
  for (const needed of ['bin/verbatim.js', 'bin/verbatim-ls.js', 'dist/cli.js', 'dist/server.js', 'dist/readWorker.js', 'dist/synonyms.txt']) assert.ok(files.includes(needed), `${needed} is packed`);
  assert.ok(!files.some((f) => f.startsWith('out/') || f.startsWith('test/') || f.startsWith('node_modules/')), files.join(', '));
});
