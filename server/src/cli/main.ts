import * as fs from 'fs';
import * as path from 'path';
import { ArchiveClient, checkDraftWithArchive, corpusOptionsFor, describeArchive, findDrafts, loadCorpus, openWorkspace, summarize, type FileReport } from '../engine';
import { runArchive } from './archive';
import { parseArgs, UsageError, USAGE } from './args';
import { renderJson, renderText } from './render';
import { renderSarif } from './sarif';

const EXIT_OK = 0;
const EXIT_FINDINGS = 1;
const EXIT_USAGE = 2;

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
  const ws = openWorkspace(process.cwd(), { configFile: args.config ?? undefined, corpus: args.corpus });
  if (ws.problems.length > 0) {
    for (const p of ws.problems) process.stderr.write(`verbatim: config: ${p}\n`);
    return EXIT_USAGE;
  }
  const { corpusPaths, archives } = ws;
  const drafts = findDrafts(ws, args.paths);
  if (drafts.problems.length > 0) {
    for (const p of drafts.problems) process.stderr.write(`verbatim: ${p.path}: ${p.message}\n`);
    return EXIT_USAGE;
  }
  const showProgress = args.format === 'text' && process.stderr.isTTY;
  const corpus = loadCorpus(corpusPaths, {
    ...corpusOptionsFor(ws),
    onProgress: showProgress ? (done, total) => process.stderr.write(`\rverbatim: indexing sources ${done}/${total}${done === total ? '\n' : ''}`) : undefined,
  });
  if (corpus.statementCount === 0 && archives.length === 0) {
    process.stderr.write(`verbatim: the corpus has no statements (looked in ${corpusPaths.join(', ')}); every quote will be reported missing\n`);
  }
  // The newsroom's archive, when the corpus names one: asked once a draft, never waited on past its timeout.
  const archive = archives.length > 0 ? new ArchiveClient(archives[0], { speakers: ws.speakers }) : null;
  if (archives.length > 1) process.stderr.write(`verbatim: only one archive is checked; ${archives.slice(1).map(describeArchive).join(', ')} ignored\n`);
  const reports: FileReport[] = [];
  try {
    for (const draft of drafts.files) {
      let text: string;
      try {
        const buffer = fs.readFileSync(draft);
        if (buffer.includes(0)) throw new Error('binary file, not a draft');
        text = buffer.toString('utf8');
      } catch (error) {
        process.stderr.write(`verbatim: ${draft}: cannot read draft: ${(error as Error).message}\n`);
        return EXIT_USAGE;
      }
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
  if (args.format === 'json') process.stdout.write(`${renderJson(reports, corpusInfo, summary)}\n`);
  else if (args.format === 'sarif') process.stdout.write(`${renderSarif(reports, corpusInfo, summary, version())}\n`);
  else process.stdout.write(`${renderText(reports, corpus.problems, summary, corpus.statementCount)}\n`);
  const anyError = reports.some((r) => r.findings.some((f) => !f.ignored && f.severity === 'error'));
  return anyError ? EXIT_FINDINGS : EXIT_OK;
}

function version(): string {
  return (JSON.parse(fs.readFileSync(path.join(__dirname, '../../../../package.json'), 'utf8')) as { version: string }).version;
}
