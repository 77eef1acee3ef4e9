// Ignore comments in the CLI: `<!-- verbatim-ignore -->` (before a quote, or alone before its
// paragraph), `<!-- verbatim-disable -->` … `<!-- verbatim-enable -->`, and the plain-text
// `verbatim: ignore` / `# verbatim: disable` lines. Ignored quotes are listed as ignored in
// JSON, left out of the text listing and the counts, and never fail the check.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'child_process';
import * as path from 'path';
import { REPO_ROOT } from '../support/paths';
import { cliEnv } from '../support/cli';

const BIN = path.join(REPO_ROOT, 'bin', 'verbatim.js');
const FIXTURES = path.join(REPO_ROOT, 'test', 'fixtures', 'ignore');
const CORPUS = path.join(REPO_ROOT, 'test', 'fixtures', 'workspace', 'sources');

function verbatim(args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args, '--corpus', CORPUS], { cwd: REPO_ROOT, env: cliEnv(), encoding: 'utf8', timeout: 60000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** [one-based line, verdict, ignored] per quote. */
function quotes(file: string): Array<[number, string, boolean]> {
  const r = verbatim(['check', path.join(FIXTURES, file), '--format', 'json']);
  return JSON.parse(r.stdout).files[0].quotes.map((q: { range: { start: { line: number } }; verdict: string; ignored?: boolean }) => [q.range.start.line + 1, q.verdict, !!q.ignored]);
}

test('Markdown: an ignore comment covers its paragraph (or the next, standing alone); disable … enable covers a passage', () => {
  assert.deepEqual(quotes('ignore.md'), [
    [2, 'altered', true], // a headline quote after the comment ("# Miller: “…”" names Miller: the heading read as a heading, issue 14)
    [4, 'altered', false],
    [7, 'altered', true], // the comment on the line before
    [11, 'altered', true], // the comment alone in the paragraph before
    [15, 'missing', true], // disabled passage
    [17, 'misattributed', true],
    [21, 'altered', false], // after verbatim-enable
  ]);
});

test('plain text: "verbatim: ignore" and "# verbatim: disable" … "# verbatim: enable" lines', () => {
  assert.deepEqual(quotes('ignore.txt'), [
    [1, 'altered', false],
    [4, 'altered', true],
    [7, 'altered', true],
    [9, 'missing', true],
    [12, 'altered', false],
  ]);
});

test('text format: ignored quotes are not listed, counted apart; only the others set the exit status', () => {
  const r = verbatim(['check', path.join(FIXTURES, 'ignore.md')]);
  assert.equal(r.code, 1, r.stderr);
  const listed = r.stdout
    .split('\n')
    .filter((l) => /^\S+:\d+:\d+: /.test(l))
    .map((l) => l.split(':')[1]);
  assert.deepEqual(listed, ['4', '21']);
  assert.match(r.stdout, /2 quotes checked against \d+ statements: 2 altered; 5 ignored \(checked by hand\)$/m);
  const json = JSON.parse(verbatim(['check', path.join(FIXTURES, 'ignore.md'), '--format', 'json']).stdout);
  assert.equal(json.summary.altered, 2, 'ignored quotes are not counted');
  assert.equal(json.summary.misattributed, 0);
});
