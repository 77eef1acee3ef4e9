import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { readSourceFile, type ReadSource } from '../../../server/src/engine/corpus/sourceFile';
import { Vocabulary } from '../../../server/src/engine/corpus/words';
import { listSourceFiles } from '../../../server/src/engine/corpus/corpus';
import { DOCUMENT_LIBRARIES } from '../../../server/src/engine/corpus/readers/documents';
import { REPO_ROOT } from '../../support/paths';
import { makePdf, makeScannedPdf } from '../../support/documents';

const DOCS = path.join(REPO_ROOT, 'test', 'fixtures', 'documents');

function read(file: string): ReadSource {
  return readSourceFile(file, 50 * 1024 * 1024, new Vocabulary());
}

function statements(r: ReadSource): Array<[string, string]> {
  return r.texts.map((t, k) => [r.speakers[k], t]);
}

function tempFile(name: string, content: string | Buffer): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-docs-')), name);
  fs.writeFileSync(file, content);
  return file;
}

test("HTML: a saved statement page reads as its speaker's statement, without navigation, meta, share links, sidebar, footer or banner", () => {
  const file = path.join(DOCS, 'saved-page.html');
  const html = fs.readFileSync(file, 'utf8');
  const r = read(file);
  assert.deepEqual(r.problems, []);
  assert.deepEqual(r.document, {
    kind: 'statement',
    title: 'Statement by Mayor Tom Hale on the Harbor Plan',
    url: 'https://www.northport.example/news/2024/04/02/statement-by-mayor-tom-hale-on-the-harbor-plan/',
    date: '2024-04-02',
  });
  assert.deepEqual(statements(r), [
    ['Tom Hale', 'Today the council gave the harbor plan the votes it needed, and I thank every member who stood with the fishing families of this city.'],
    ['Tom Hale', 'The new breakwater will protect three hundred boats, and the state has promised to pay for half of it \u2014 a promise we will hold it\u00a0to.'.replace('\u00a0', ' ')],
    ['Tom Hale', 'We\u2019ll begin the work in June.'],
  ]);
  // Each statement's place is in the page's own source: Go to Definition lands on the paragraph.
  const lines = html.split('\n');
  r.texts.forEach((t, k) => {
    const [line, character] = [r.places[k * 6 + 2], r.places[k * 6 + 3]];
    // (The source spells "We’ll" as "We&rsquo;ll": the first two letters are the same in both.)
    assert.ok(lines[line].slice(character).startsWith(t.slice(0, 2)), `${t} at ${line}:${character}: ${lines[line]}`);
    assert.ok(html.slice(r.places[k * 6], r.places[k * 6 + 1]).startsWith(t.slice(0, 2)));
    assert.ok(html.slice(r.places[k * 6], r.places[k * 6 + 1]).endsWith(t.slice(-2)), html.slice(r.places[k * 6], r.places[k * 6 + 1]));
  });
});

test("HTML: a news article's quotes are attributed as in a Markdown article; reader comments are not read", () => {
  const r = read(path.join(DOCS, 'news-article.html'));
  assert.deepEqual(r.problems, []);
  assert.equal(r.document?.kind, 'article');
  assert.equal(r.document?.title, 'Harbor plan passes after a long night');
  assert.equal(r.document?.url, 'https://ledger.example/2024/04/03/harbor-plan-passes');
  assert.equal(r.document?.date, '2024-04-03');
  assert.deepEqual(statements(r), [
    ['Council Member Lisa Park', 'This is the best day the harbor has had in a generation,'],
    ['Council Member Dan Ortiz', 'We are paying for a breakwater nobody asked for,'],
  ]);
});

test('HTML: a page pandoc wrote (title from <title>, the heading and list items as in Markdown)', () => {
  const r = read(path.join(DOCS, 'statement-pandoc.html'));
  assert.deepEqual(r.problems, []);
  assert.equal(r.document?.kind, 'statement');
  assert.deepEqual(
    statements(r).map(([, t]) => t),
    [
      'The state will finish the river bridge by the spring, and it will carry forty thousand cars a day.',
      'We have checked the numbers twice, and the state grant covers every dollar of the cost.',
      'Work resumes on Monday.',
      'The east lane opens first.',
    ],
  );
  assert.ok(statements(r).every(([s]) => s === 'Ana Ruiz'));
});

test("PDF: text per page, the page as the statement's place, the title from the document info, page numbers dropped", async () => {
  const file = tempFile(
    'roe.pdf',
    await makePdf(
      [
        ['The committee met on Tuesday to hear from the public about the bridge.'],
        ['We will finish the bridge by spring, and it will carry forty thousand cars a day, which is more than the old bridge ever carried.', 'The state grant covers the cost.'],
      ],
      { title: 'Statement by Senator Jane Roe on the Bridge' },
    ),
  );
  const r = read(file);
  assert.deepEqual(r.problems, []);
  assert.equal(r.document?.kind, 'statement');
  assert.equal(r.document?.title, 'Statement by Senator Jane Roe on the Bridge');
  assert.equal(r.document?.locator, 'page');
  assert.deepEqual(statements(r), [
    ['Jane Roe', 'The committee met on Tuesday to hear from the public about the bridge.'],
    ['Jane Roe', 'We will finish the bridge by spring, and it will carry forty thousand cars a day, which is more than the old bridge ever carried.'],
    ['Jane Roe', 'The state grant covers the cost.'],
  ]);
  // The range's line is the 0-based page.
  assert.deepEqual(
    [0, 1, 2].map((k) => r.places[k * 6 + 2]),
    [0, 1, 1],
  );
});

test('PDF: a scan with no text layer, and a file that is not a PDF, are each reported as such', async () => {
  const scan = read(tempFile('scan.pdf', await makeScannedPdf(2)));
  assert.equal(scan.texts.length, 0);
  assert.match(scan.problems[0], /^scanned PDF: no text to read/);
  const broken = read(tempFile('broken.pdf', Buffer.from('%PDF-1.7\nthis is not really a PDF\n')));
  assert.equal(broken.texts.length, 0);
  assert.match(broken.problems[0], /not a readable PDF|scanned PDF/);
});

test("Word and OpenDocument (pandoc): paragraphs, the title from the properties, the title page's lines not read, paragraphs as places", () => {
  for (const name of ['statement.docx', 'statement.odt']) {
    const r = read(path.join(DOCS, name));
    assert.deepEqual(r.problems, [], name);
    assert.equal(r.document?.kind, 'statement', name);
    assert.equal(r.document?.title, 'Statement from Governor Ana Ruiz on the River Bridge', name);
    assert.equal(r.document?.locator, 'paragraph', name);
    assert.deepEqual(
      statements(r),
      [
        ['Ana Ruiz', 'The state will finish the river bridge by the spring, and it will carry forty thousand cars a day.'],
        ['Ana Ruiz', 'We have checked the numbers twice, and the state grant covers every dollar of the cost.'],
        ['Ana Ruiz', 'Work resumes on Monday.'],
        ['Ana Ruiz', 'The east lane opens first.'],
      ],
      name,
    );
  }
});

test('Word: the author from the properties speaks a document nothing else attributes; a transcript keeps its labels', () => {
  const signed = read(path.join(DOCS, 'signed.docx'));
  assert.deepEqual(signed.problems, []);
  assert.deepEqual(statements(signed), [
    ['Ana Ruiz', 'The crews finished the east lane a week early, and I thank every one of them.'],
    ['Ana Ruiz', 'The west lane will follow in May.'],
  ]);
  const interview = read(path.join(DOCS, 'interview.docx'));
  assert.equal(interview.document?.kind, 'transcript');
  assert.deepEqual(interview.labels, ['DIANA PRINCE', 'SAM LEE', 'DIANA PRINCE']);
  const broken = read(tempFile('broken.docx', Buffer.from('PK\u0003\u0004 not a zip')));
  assert.match(broken.problems[0], /^not a readable Word \(\.docx\) file/);
});

test('email: the sender speaks the body; the quoted reply, its "wrote:" line, the greeting and the signature are left out', () => {
  const r = read(path.join(DOCS, 'reply.eml'));
  assert.deepEqual(r.problems, []);
  assert.equal(r.document?.kind, 'statement');
  assert.equal(r.document?.title, 'Bridge funding');
  assert.equal(r.document?.date, '2024-03-06');
  assert.deepEqual(statements(r), [
    ['Press Office', 'The bridge will open to traffic in April, ahead of the schedule we set last year.'],
    ['Press Office', "We don't expect any further closures."],
  ]);
});

test('email: a body of quotes attributed in it is read as an article (quoted-printable decoded)', () => {
  const r = read(path.join(DOCS, 'forwarded-quote.eml'));
  assert.deepEqual(r.problems, []);
  assert.equal(r.document?.kind, 'article');
  assert.deepEqual(statements(r), [
    ['Governor Ana Ruiz', 'The bridge is the best money this state has spent in a decade,'],
    ['Ana Ruiz', 'Every family that crosses it will save twenty minutes a day,'],
  ]);
});

test('encodings: a Windows-1252 transcript and a UTF-16 file with a BOM read as text', () => {
  const cp = read(path.join(DOCS, 'transcript-cp1252.txt'));
  assert.deepEqual(cp.problems, []);
  assert.deepEqual(
    statements(cp).map(([, t]) => t),
    ['The bridge will open in April, and we\u2019re proud of the crews.', 'It\u2019s ahead of schedule \u2013 by three weeks.'],
  );
  const utf16 = read(path.join(DOCS, 'draft-utf16.md'));
  assert.deepEqual(utf16.problems, []);
  assert.deepEqual(statements(utf16), [['Ruiz', 'will open in April.']]);
});

test('a corpus folder lists every file it does not read, with the reason; hidden files are not sources', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-unread-'));
  for (const name of ['notes.md', 'photo.JPG', 'budget.xlsx', 'old.doc', 'clip.mp4', 'data.xyz', 'page.html', 'filing.pdf', '.DS_Store']) fs.writeFileSync(path.join(dir, name), 'x');
  const problems: Array<{ path: string; message: string }> = [];
  const files = listSourceFiles([dir], problems);
  assert.deepEqual(
    files.map((f) => path.basename(f)),
    ['filing.pdf', 'notes.md', 'page.html'],
  );
  assert.deepEqual(
    problems.map((p) => [path.basename(p.path), p.message.replace(/ \(\.md, .*\)$/, ' (…)')]),
    [
      ['budget.xlsx', 'not read: a spreadsheet: export the sheet as .csv with `speaker` and `text` columns'],
      ['clip.mp4', 'not read: audio or video: Verbatim reads its transcript or captions (.txt, .vtt, .srt, .sbv), not the recording'],
      ['data.xyz', 'not read: `.xyz` is not a source format Verbatim reads (…)'],
      ['old.doc', 'not read: a word-processor format Verbatim does not read: save it as .docx or .odt'],
      ['photo.JPG', 'not read: an image: no text to read'],
    ],
  );
});

test('the document libraries named in the cache fingerprint are the versions package.json pins', () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
  for (const [name, version] of Object.entries(DOCUMENT_LIBRARIES)) assert.equal(pkg.dependencies[name], version, name);
});
