// One engine, one answer (issue 14): for every draft of the case folder, the diagnostics the
// real language server publishes after opening it, and after each edit of a seeded sequence,
// equal the findings of the real CLI's JSON on the same text (verdict, range, severity,
// speaker, source), and the server's counts per verdict equal the CLI's.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { fileURLToPath } from 'url';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { LineIndex } from '../../server/src/engine';
import { TestClient } from '../lsp/lspClient';
import { REPO_ROOT } from '../support/paths';

/** The parity drafts, their corpus and config; the case files of test/cases/ are checked beside them. */
const PARITY = path.join(REPO_ROOT, 'test', 'parity', 'cases');
const CASE_FILES = path.join(REPO_ROOT, 'test', 'cases');
const BIN = path.join(REPO_ROOT, 'bin', 'verbatim.js');
const EDITS_PER_DRAFT = 8;
const SEVERITY_NAMES = ['', 'error', 'warning', 'information', 'hint'];

interface CliQuote {
  text: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  speaker: string | null;
  verdict: string;
  severity: string;
  source: { path: string; range: unknown } | null;
  ignored?: boolean;
}

interface Edit {
  start: number;
  end: number;
  text: string;
}

/** The drafts, relative to the test's workspace: the parity drafts, then every case file (`cases/<area>/<name>.md`). */
function drafts(): string[] {
  const found = fs
    .readdirSync(PARITY)
    .filter((f) => /\.(md|txt)$/.test(f) && f !== 'README.md')
    .sort();
  for (const area of fs.readdirSync(CASE_FILES, { withFileTypes: true })) {
    if (!area.isDirectory()) continue;
    for (const f of fs.readdirSync(path.join(CASE_FILES, area.name)).sort()) if (f.endsWith('.md')) found.push(path.join('cases', area.name, f));
  }
  return found;
}

/** A seeded sequence of edits a writer might make: typing, new paragraphs, attributions, deletions. */
function editsFor(text: string, seed: number): { edits: Edit[]; versions: string[] } {
  let s = seed >>> 0;
  const random = () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
  const inserts = ['x', ' she said', '\n\n', '“', ' Ruiz', 'Ana Ruiz spoke.\n\n', ' he said', '”', ' the', '\n'];
  const versions = [text];
  const edits: Edit[] = [];
  let current = text;
  for (let i = 0; i < EDITS_PER_DRAFT; i++) {
    const at = Math.floor(random() * (current.length + 1));
    const edit =
      random() < 0.3 ? { start: at, end: Math.min(current.length, at + 1 + Math.floor(random() * 12)), text: '' } : { start: at, end: at, text: inserts[Math.floor(random() * inserts.length)] };
    current = current.slice(0, edit.start) + edit.text + current.slice(edit.end);
    edits.push(edit);
    versions.push(current);
  }
  return { edits, versions };
}

function expectedDiagnostics(quotes: CliQuote[]) {
  return quotes
    .filter((q) => !q.ignored && q.severity !== 'none')
    .map((q) => ({ verdict: q.verdict, range: q.range, severity: q.severity, speaker: q.speaker, source: q.source && { path: q.source.path, range: q.source.range } }));
}

function published(diagnostics: Diagnostic[]) {
  return diagnostics.map((d) => {
    const data = d.data as { speaker: string | null; verdict: string };
    const first = d.relatedInformation?.[0];
    return {
      verdict: String(d.code),
      range: d.range,
      severity: SEVERITY_NAMES[d.severity ?? 0],
      speaker: data.speaker,
      source: first ? { path: fileURLToPath(first.location.uri), range: first.location.range } : null,
    };
  });
}

/** A published source is the CLI's when the CLI has one; without one, the first related location is a near miss shown as information. */
function comparable(list: ReturnType<typeof published>, cli: ReturnType<typeof expectedDiagnostics>) {
  return list.map((d, i) => (cli[i] && cli[i].source === null ? { ...d, source: null } : d));
}

function countsOf(quotes: CliQuote[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const q of quotes) if (!q.ignored) counts[q.verdict] = (counts[q.verdict] ?? 0) + 1;
  return counts;
}

describe('the server and the CLI give one answer', () => {
  let root: string;
  let client: TestClient;
  const cli = new Map<string, CliQuote[]>();
  const plans = new Map<string, { edits: Edit[]; versions: string[] }>();

  before(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-parity-'));
    fs.cpSync(PARITY, root, { recursive: true });
    fs.cpSync(CASE_FILES, path.join(root, 'cases'), { recursive: true });
    // Every version of every draft, as files the CLI checks in one run.
    const versionsDir = path.join(root, 'versions');
    const files: string[] = [];
    drafts().forEach((draft, n) => {
      const plan = editsFor(fs.readFileSync(path.join(root, draft), 'utf8'), 14 + n);
      plans.set(draft, plan);
      plan.versions.forEach((text, k) => {
        const file = path.join(versionsDir, `${draft.replace(/[/\\]/g, '-')}-${k}${path.extname(draft)}`);
        fs.mkdirSync(path.dirname(file), { recursive: true });
        fs.writeFileSync(file, text);
        files.push(file);
      });
    });
    const r = spawnSync(process.execPath, [BIN, 'check', ...files, '--format', 'json'], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    assert.ok(r.status === 0 || r.status === 1, r.stderr);
    for (const f of (JSON.parse(r.stdout) as { files: Array<{ path: string; quotes: CliQuote[] }> }).files) cli.set(f.path, f.quotes);
    client = new TestClient(root);
    await client.initialize({ debounce: 0 });
    await client.ready();
  });

  after(async () => {
    await client?.stop();
    if (root) fs.rmSync(root, { recursive: true, force: true });
  });

  it('the case folder has drafts of both formats', () => {
    assert.ok(drafts().some((d) => d.endsWith('.md')) && drafts().some((d) => d.endsWith('.txt')), drafts().join(', '));
  });

  for (const draft of drafts()) {
    it(`${draft}: after opening it and after each of ${EDITS_PER_DRAFT} edits`, async () => {
      const plan = plans.get(draft)!;
      const cliOf = (k: number) => cli.get(path.join(root, 'versions', `${draft.replace(/[/\\]/g, '-')}-${k}${path.extname(draft)}`))!;
      const uri = client.open(path.join(root, draft), draft.endsWith('.txt') ? 'plaintext' : 'markdown', plan.versions[0]);
      let version = 1;
      for (let k = 0; k < plan.versions.length; k++) {
        if (k > 0) {
          const edit = plan.edits[k - 1];
          const lines = new LineIndex(plan.versions[k - 1]);
          version = client.change(uri, lines.range({ start: edit.start, end: edit.end }), edit.text);
        }
        const quotes = cliOf(k);
        assert.ok(quotes, `the CLI checked version ${k}`);
        const expected = expectedDiagnostics(quotes);
        const got = published(await client.diagnosticsFor(uri, version));
        assert.deepEqual(comparable(got, expected), expected, `${draft}, version ${k}:\n${plan.versions[k]}`);
        const summary = await client.waitFor(() => client.summaries.find((x) => x.uri === uri && x.version === version), `summary v${version}`);
        const counts = Object.fromEntries(Object.entries(summary.counts).filter(([, n]) => n > 0));
        assert.deepEqual(counts, countsOf(quotes), `${draft}, version ${k}: counts per verdict`);
      }
    });
  }
});
