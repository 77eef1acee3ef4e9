import * as fs from 'fs';
import * as path from 'path';
import {
  ArchiveClient,
  decodeDraft,
  checkDraftWithArchive,
  corpusOptionsFor,
  describeArchive,
  discoverWorkspace,
  findDrafts,
  loadCorpus,
  resolveCorpusEntry,
  summarize,
  userCacheFolder,
  type FileReport,
} from '../engine';
import { runArchive } from './archive';
import { parseArgs, UsageError, USAGE } from './args';
import { renderGithub } from './github';
import { renderJunit } from './junit';
import { renderHtml, renderJson, renderText } from './render';
import { renderSarif } from './sarif';

const EXIT_OK = 0;
const EXIT_FINDINGS = 1;
const EXIT_USAGE = 2;

/** What `-` (standard input) is called in reports. */
const STDIN_PATH = '<stdin>';

/** Runs `verbatim …` and returns the exit status. Never throws: every failure is a message. */
export async function main(argv: string[]): Promise<number> {
  try {
    if (argv[0] === 'archive') return await runArchive(argv.slice(1));
    return await run(argv);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`verbatim: ${error.message}\n\n${USAGE}\n`);
      return EXIT_USAGE;
    }
    process.stderr.write(`verbatim: internal error: ${(error as Error).message}\n`);
    return EXIT_USAGE;
  }
}

async function run(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  if (args.command === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return EXIT_OK;
  }
  if (args.command === 'version') {
    process.stdout.write(`verbatim ${version()}\n`);
    return EXIT_OK;
  }
  const cwd = process.cwd();
  // Flags are relative to the working folder; the workspace is where verbatim.json was found.
  const { ws, searched } = discoverWorkspace(cwd, { configFile: args.config ?? undefined, corpus: args.corpus.map((p) => resolveCorpusEntry(p, cwd)) });
  if (ws.problems.length > 0) {
    for (const p of ws.problems) process.stderr.write(`verbatim: config: ${p}\n`);
    return EXIT_USAGE;
  }
  const { corpusPaths, archives } = ws;
  const drafts = findDrafts(
    ws,
    args.paths.filter((p) => p !== '-'),
    { cwd },
  );
  if (drafts.problems.length > 0) {
    for (const p of drafts.problems) process.stderr.write(`verbatim: ${p.path}: ${p.message}\n`);
    return EXIT_USAGE;
  }
  const showProgress = args.format === 'text' && process.stderr.isTTY;
  const corpus = loadCorpus(corpusPaths, {
    ...corpusOptionsFor(ws, args.cache ? userCacheFolder() : null),
    onProgress: showProgress ? (done, total) => process.stderr.write(`\rverbatim: indexing sources ${done}/${total}${done === total ? '\n' : ''}`) : undefined,
  });
  if (corpus.statementCount === 0 && archives.length === 0) {
    process.stderr.write(`verbatim: ${emptyCorpusMessage(corpusPaths, args.corpus.length > 0, ws.configFile, searched)}\n`);
    for (const p of corpus.problems) process.stderr.write(`verbatim: ${p.path}: ${p.message}\n`);
    corpus.close();
    return EXIT_USAGE;
  }
  // The newsroom's archive, when the corpus names one: asked once a draft, never waited on past its timeout.
  const archive = archives.length > 0 ? new ArchiveClient(archives[0], { speakers: ws.speakers }) : null;
  if (archives.length > 1) process.stderr.write(`verbatim: only one archive is checked; ${archives.slice(1).map(describeArchive).join(', ')} ignored\n`);
  const reports: FileReport[] = [];
  try {
    for (const draft of args.paths.includes('-') ? [STDIN_PATH, ...drafts.files] : drafts.files) {
      const text = readDraft(draft);
      if (text === null) return EXIT_USAGE;
      reports.push(await checkDraftWithArchive(ws, corpus, archive, text, draft));
    }
  } finally {
    await archive?.close();
  }
  const unreachable = reports.find((r) => r.archive?.state === 'unreachable');
  if (archive && unreachable?.archive?.state === 'unreachable') {
    process.stderr.write(`verbatim: ${archive.status.archive}: ${unreachable.archive.message}; checked against local sources only\n`);
  }
  const summary = summarize(reports);
  const corpusInfo = { documents: corpus.documents.length, statements: corpus.statementCount, problems: corpus.problems.map((p) => ({ path: p.path, message: p.message })) };
  let out: string;
  switch (args.format) {
    case 'json':
      out = renderJson(reports, corpusInfo, summary);
      break;
    case 'sarif':
      out = renderSarif(reports, corpusInfo, summary, version());
      break;
    case 'github':
      out = renderGithub(reports, corpus.problems);
      break;
    case 'junit':
      out = renderJunit(reports, summary);
      break;
    case 'html':
      out = renderHtml(reports, corpusInfo);
      break;
    case 'text':
      out = renderText(reports, corpus.problems, summary, corpus.statementCount);
  }
  if (out !== '') process.stdout.write(`${out}\n`);
  const anyError = reports.some((r) => r.findings.some((f) => !f.ignored && f.severity === 'error'));
  return anyError ? EXIT_FINDINGS : EXIT_OK;
}

/** A draft's text, or null after saying why it cannot be read. `<stdin>` is standard input. */
function readDraft(draft: string): string | null {
  try {
    const buffer = fs.readFileSync(draft === STDIN_PATH ? 0 : draft);
    const decoded = decodeDraft(buffer);
    if ('problem' in decoded) throw new Error(decoded.problem);
    return decoded.text;
  } catch (error) {
    process.stderr.write(`verbatim: ${draft}: cannot read draft: ${(error as Error).message}\n`);
    return null;
  }
}

/** Where Verbatim looked for sources, for a corpus with no statement (exit status 2). */
function emptyCorpusMessage(corpusPaths: string[], fromFlag: boolean, configFile: string | null, searched: string[]): string {
  const where = corpusPaths.map((p) => `${p}${fs.existsSync(p) ? '' : ' (does not exist)'}`).join(', ') || 'nothing';
  const origin = fromFlag ? 'given by --corpus' : configFile ? `the "corpus" of ${configFile}, else its sources/ folder` : `no verbatim.json in ${searched.join(', ')}; the default is ./sources`;
  return `the corpus has no source statements: looked in ${where} (${origin}). Give sources with --corpus, or a "corpus" in verbatim.json`;
}

/** The package's version, from the package.json above this file (out/… when built, dist/ when bundled). */
function version(): string {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    try {
      return (JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { version: string }).version;
    } catch {
      if (path.dirname(dir) === dir) return 'unknown';
    }
  }
}
