// `verbatim archive load PATH… --into URL` and `verbatim archive status URL`: the newsroom's
// shared archive on PostgreSQL (engine/archive/). Parsing, printing and exit codes only.

import { describeArchive, isArchiveUrl, loadArchive, loadConfig } from '../engine';
import { readArchiveCounts } from '../engine/archive/status';

export const ARCHIVE_USAGE = `Usage: verbatim archive load PATH ... --into URL [--config FILE]
       verbatim archive status URL

load    reads the source files under PATH (the readers and speaker identity of a local corpus)
        into the PostgreSQL archive at URL, with COPY. Run again, it loads only files whose
        content changed, and removes files gone from under PATH.
status  prints the archive's counts.

URL is a connection string (postgresql://user@host/db?sslmode=require); the PG* environment
variables and ~/.pgpass supply what it leaves out. Exit status: 0 done, 2 bad usage or a
database error.`;

const EXIT_OK = 0;
const EXIT_USAGE = 2;

export async function runArchive(argv: string[]): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === undefined || sub === '--help' || sub === '-h' || sub === 'help') {
    process.stdout.write(`${ARCHIVE_USAGE}\n`);
    return sub === undefined ? EXIT_USAGE : EXIT_OK;
  }
  if (sub === 'load') return load(rest);
  if (sub === 'status') return status(rest);
  return usage(`unknown archive command "${sub}"`);
}

function usage(message: string): number {
  process.stderr.write(`verbatim: ${message}\n\n${ARCHIVE_USAGE}\n`);
  return EXIT_USAGE;
}

async function load(argv: string[]): Promise<number> {
  const paths: string[] = [];
  let url: string | null = null;
  let configFile: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = (flag: string) => {
      const next = argv[++i];
      if (next === undefined || next.startsWith('--')) throw new Error(`${flag} needs a value`);
      return next;
    };
    try {
      if (arg === '--into') url = value(arg);
      else if (arg.startsWith('--into=')) url = arg.slice('--into='.length);
      else if (arg === '--config') configFile = value(arg);
      else if (arg.startsWith('-')) return usage(`unknown option ${arg}`);
      else paths.push(arg);
    } catch (error) {
      return usage((error as Error).message);
    }
  }
  if (paths.length === 0) return usage('archive load needs the source files or folders to load');
  if (!url) return usage('archive load needs --into URL (a postgresql:// connection string)');
  if (!isArchiveUrl(url)) return usage(`--into must be a postgresql:// connection string, not "${url}"`);
  const { config, problems } = loadConfig(process.cwd(), configFile);
  if (problems.length > 0) {
    for (const p of problems) process.stderr.write(`verbatim: config: ${p}\n`);
    return EXIT_USAGE;
  }
  const progress = process.stderr.isTTY ? (done: number, total: number) => process.stderr.write(`\rverbatim: loading ${done}/${total}${done === total ? '\n' : ''}`) : undefined;
  try {
    const r = await loadArchive(paths, url, { speakers: config.speakers, onProgress: progress });
    for (const p of r.problems) process.stderr.write(`verbatim: ${p.path}: ${p.message}\n`);
    process.stdout.write(
      `${describeArchive(url)}: ${r.files} files: ${r.added} added, ${r.changed} changed, ${r.unchanged} unchanged, ${r.removed} removed; ` +
        `${r.statements} statements written in ${r.seconds.toFixed(1)} s\n`,
    );
    return EXIT_OK;
  } catch (error) {
    process.stderr.write(`verbatim: archive load into ${describeArchive(url)} failed: ${(error as Error).message}\n`);
    return EXIT_USAGE;
  }
}

async function status(argv: string[]): Promise<number> {
  if (argv.length !== 1 || argv[0].startsWith('-')) return usage('archive status needs one URL');
  const url = argv[0];
  if (!isArchiveUrl(url)) return usage(`archive status needs a postgresql:// connection string, not "${url}"`);
  try {
    const c = await readArchiveCounts(url);
    process.stdout.write(
      `${describeArchive(url)}${c.replica ? ' (read replica)' : ''}: ${c.documents} documents, ${c.statements} statements, ${c.speakers} speakers, ` +
        `${c.postings} word-pair postings, load generation ${c.generation}, database ${(c.bytes / 1024 / 1024).toFixed(1)} MB\n`,
    );
    return EXIT_OK;
  } catch (error) {
    process.stderr.write(`verbatim: archive status of ${describeArchive(url)} failed: ${(error as Error).message}\n`);
    return EXIT_USAGE;
  }
}
