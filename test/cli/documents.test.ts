// The real `verbatim` command on a sources folder as a reporter keeps it: saved web pages, a
// PDF (made with pdf-lib), Word and OpenDocument files, emails (made by pandoc and Python:
// test/fixtures/documents/RECIPE.md), a Windows-1252 transcript, a UTF-16 draft, and files
// it does not read (listed, each with its reason, in text, JSON and SARIF alike).
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { REPO_ROOT } from '../support/paths';
import { makePdf, makeScannedPdf } from '../support/documents';

const BIN = path.join(REPO_ROOT, 'bin', 'verbatim.js');
const DOCS = path.join(REPO_ROOT, 'test', 'fixtures', 'documents');

function verbatim(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', timeout: 120000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const DRAFT = [
  'Hale said the new breakwater “will protect three hundred boats.”',
  'Senator Jane Roe said the bridge “will carry forty thousand cars a day.”',
  'Governor Ana Ruiz said “the state grant covers every dollar of the cost.”',
  'The press office said the bridge “will open to traffic in April.”',
  'Ruiz said the bridge is “ahead of schedule – by three weeks.”',
  'Council Member Lisa Park called it “the best day the harbor has had in a century.”',
  '',
].join('\n');

let dir: string;

before(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-cli-docs-'));
  const sources = path.join(dir, 'sources');
  fs.mkdirSync(sources);
  for (const name of ['saved-page.html', 'news-article.html', 'statement.odt', 'reply.eml', 'transcript-cp1252.txt']) fs.copyFileSync(path.join(DOCS, name), path.join(sources, name));
  fs.writeFileSync(
    path.join(sources, 'roe.pdf'),
    await makePdf([['The committee met on Tuesday to hear from the public.'], ['We will finish the bridge by spring, and it will carry forty thousand cars a day.']], {
      title: 'Statement by Senator Jane Roe on the Bridge',
    }),
  );
  fs.writeFileSync(path.join(sources, 'scan.pdf'), await makeScannedPdf());
  fs.writeFileSync(path.join(sources, 'budget.xlsx'), 'PK');
  fs.writeFileSync(path.join(dir, 'draft.md'), DRAFT);
  // A draft saved by Windows as "Unicode" (UTF-16 with a BOM).
  fs.copyFileSync(path.join(DOCS, 'draft-utf16.md'), path.join(dir, 'draft-utf16.md'));
});

test('check: quotes from HTML, PDF, OpenDocument, email and Windows-1252 sources verified; the PDF source named by page', () => {
  const r = verbatim(['check', 'draft.md', '--corpus', 'sources'], dir);
  assert.equal(r.code, 1, r.stderr + r.stdout);
  const lines = r.stdout.split('\n');
  assert.ok(lines.includes('draft.md:1:31: ok verified: Verified: Tom Hale said “will protect three hundred boats.” [sources/saved-page.html:24]'), r.stdout);
  assert.ok(
    lines.some((l) => /^draft\.md:2:\d+: ok verified: .*\[sources\/roe\.pdf, p\. 2\]$/.test(l)),
    r.stdout,
  );
  assert.ok(
    lines.some((l) => /^draft\.md:3:\d+: ok verified: .*\[sources\/statement\.odt, ¶ 6\]$/.test(l)),
    r.stdout,
  );
  assert.ok(
    lines.some((l) => /^draft\.md:4:\d+: ok verified: .*\[sources\/reply\.eml, ¶ 1\]$/.test(l)),
    r.stdout,
  );
  assert.ok(
    lines.some((l) => /^draft\.md:5:\d+: ok verified: .*\[sources\/transcript-cp1252\.txt:5\]$/.test(l)),
    r.stdout,
  );
  assert.ok(
    lines.some((l) => /^draft\.md:6:\d+: error altered: .*\[sources\/news-article\.html:9\]$/.test(l)),
    r.stdout,
  );
  assert.ok(lines.includes('sources/budget.xlsx: corpus problem: not read: a spreadsheet: export the sheet as .csv with `speaker` and `text` columns'), r.stdout);
  assert.ok(
    lines.some((l) => l.startsWith('sources/scan.pdf: corpus problem: scanned PDF: no text to read')),
    r.stdout,
  );
});

test('check --format json and sarif: the page in the source, every file not read among the problems and notifications', () => {
  const json = JSON.parse(verbatim(['check', 'draft.md', '--corpus', 'sources', '--format', 'json'], dir).stdout);
  assert.equal(json.corpus.documents, 6);
  assert.deepEqual(json.corpus.problems.map((p: { path: string }) => path.basename(p.path)).sort(), ['budget.xlsx', 'scan.pdf']);
  const pdfQuote = json.files[0].quotes[1];
  assert.equal(pdfQuote.source.page, 2);
  assert.equal(pdfQuote.source.range.start.line, 1);
  const sarif = JSON.parse(verbatim(['check', 'draft.md', '--corpus', 'sources', '--format', 'sarif'], dir).stdout);
  const notes = sarif.runs[0].invocations[0].toolExecutionNotifications.map((n: { message: { text: string } }) => n.message.text);
  assert.ok(
    notes.some((t: string) => /not read: a spreadsheet/.test(t)),
    JSON.stringify(notes),
  );
  assert.ok(
    notes.some((t: string) => /scanned PDF/.test(t)),
    JSON.stringify(notes),
  );
});

test('check: a UTF-16 draft with a BOM is read, not rejected as binary', () => {
  const r = verbatim(['check', 'draft-utf16.md', '--corpus', 'sources'], dir);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /^draft-utf16\.md:1:\d+: ok verified: .*\[sources\/transcript-cp1252\.txt:1\]$/m);
});
