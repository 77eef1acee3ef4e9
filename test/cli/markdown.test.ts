// Markdown read as Markdown, seen through the CLI (issue 14): a quote attributed through a
// reference link, one with a no-break space written as `&nbsp;`, one in typographic marks
// written as entities, a footnote's quote: each is judged on the words a reader sees.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import { runCli, workspace } from '../support/cli';

const STATEMENT = `---
kind: statement
speaker: Ines Oduya
---
Our pledge to the dock workers is unbreakable, and it will stay that way for as long as I hold this office.

We will rebuild the harbour wall before the autumn storms reach the coast.
`;

const DRAFT = `# The harbour

The deal holds. “Our pledge to the dock workers is unbreakable,” [Oduya][o] said.

“Our pledge to the dock workers is&nbsp;unbreakable,” Ines Oduya said again.

&ldquo;We will rebuild the harbour wall before the autumn storms,&rdquo; she said.[^1]

[^1]: “We will rebuild the harbour wall before the autumn storms reach the coast,” Ines Oduya said.

[o]: https://example.org/oduya
`;

test('CLI: a reference link names the speaker, &nbsp; is white space, entities are marks, a footnote is prose', () => {
  const dir = workspace({ 'sources/oduya.md': STATEMENT, 'draft.md': DRAFT });
  try {
    const r = runCli(['check', 'draft.md', '--format', 'json'], { cwd: dir });
    assert.equal(r.code, 0, `exit ${r.code}: ${r.stderr}\n${r.stdout}`);
    const quotes = (JSON.parse(r.stdout).files[0].quotes as Array<{ kind: string; text: string; verdict: string; speaker: string | null; range: { start: { line: number } } }>)
      .filter((q) => q.kind === 'quote')
      .map((q) => [q.range.start.line, q.verdict, q.speaker, q.text]);
    assert.deepEqual(quotes, [
      [2, 'verified', 'Ines Oduya', 'Our pledge to the dock workers is unbreakable,'],
      [4, 'verified', 'Ines Oduya', 'Our pledge to the dock workers is\u00a0unbreakable,'],
      [6, 'verified', 'Ines Oduya', 'We will rebuild the harbour wall before the autumn storms,'],
      [8, 'verified', 'Ines Oduya', 'We will rebuild the harbour wall before the autumn storms reach the coast,'],
    ]);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
