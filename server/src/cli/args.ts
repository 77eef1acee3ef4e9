import { parseArgs as parseNodeArgs } from 'node:util';

export const FORMATS = ['text', 'json', 'sarif', 'github', 'junit', 'html'] as const;
export type Format = (typeof FORMATS)[number];

/** What the command line asked for. */
export interface CliArgs {
  command: 'check' | 'help' | 'version';
  /** Files, folders and globs; `-` is standard input. */
  paths: string[];
  corpus: string[];
  config: string | null;
  format: Format;
  /** `--no-cache`: index the corpus afresh and keep no index. */
  cache: boolean;
}

export class UsageError extends Error {}

export const USAGE = `Usage: verbatim check [PATH|GLOB|- ...] [--corpus DIR_OR_FILE ...] [--config FILE]
                      [--format text|json|sarif|github|junit|html] [--no-cache]
       verbatim --version | --help

Checks the quotes in drafts (Markdown or plain text files, folders of them, quoted globs such
as 'drafts/**/*.md', or - for standard input) against a corpus of source statements.

The config is the nearest verbatim.json, looked for from the current folder up to the
repository root (--config names one); its "corpus" is the corpus, else ./sources beside it.
Files and folders listed in .gitignore or .verbatimignore are left out of folders and globs.

The corpus index is cached: in the workspace's .verbatim/ folder when it exists, else in the
user's cache folder ($XDG_CACHE_HOME/verbatim, ~/.cache/verbatim), keyed by the corpus; a
second run re-reads only the sources that changed. --no-cache indexes afresh and keeps nothing.

--format html writes the report a copy editor files by as one page (save it in the working
folder: its links to drafts and sources are relative to it).

--format sarif prints a SARIF 2.1.0 log for code-scanning tools, github workflow commands
(annotations on the pull request), junit a JUnit XML test report. A quote after an
<!-- verbatim-ignore --> comment (or a "verbatim: ignore" line in plain text), or between
<!-- verbatim-disable --> and <!-- verbatim-enable -->, is checked by hand: listed as
ignored (a suppressed result in SARIF, a skipped test in JUnit), never an error.

Exit status: 0 no finding at error severity, 1 some finding at error severity,
2 bad usage, an unreadable draft or config, or an empty or missing corpus.`;

const OPTIONS = {
  corpus: { type: 'string', multiple: true },
  config: { type: 'string' },
  format: { type: 'string' },
  'no-cache': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

export function parseArgs(argv: string[]): CliArgs {
  const args: CliArgs = { command: 'check', paths: [], corpus: [], config: null, format: 'text', cache: true };
  let parsed: ReturnType<typeof parseNodeArgs<{ args: string[]; options: typeof OPTIONS; allowPositionals: true; strict: true }>>;
  try {
    parsed = parseNodeArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(plainMessage(error as Error));
  }
  const { values, positionals } = parsed;
  if (values.help) return { ...args, command: 'help' };
  if (values.version) return { ...args, command: 'version' };
  const [command, ...paths] = positionals;
  if (command === undefined || command === 'help') return { ...args, command: 'help' };
  if (command !== 'check') throw new UsageError(`unknown command "${command}"`);
  if (values.format !== undefined) {
    if (!(FORMATS as readonly string[]).includes(values.format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, not "${values.format}"`);
    args.format = values.format as Format;
  }
  for (const c of values.corpus ?? []) if (c === '') throw new UsageError('--corpus needs a path');
  args.corpus = values.corpus ?? [];
  args.config = values.config ?? null;
  args.cache = !values['no-cache'];
  args.paths = paths;
  if (paths.length === 0) throw new UsageError('no draft to check: give a file, folder, glob or - (standard input)');
  if (paths.filter((p) => p === '-').length > 1) throw new UsageError('standard input (-) can be read once');
  return args;
}

/** node:util's messages without the advice on positionals meant for programmers. */
function plainMessage(error: Error): string {
  const code = (error as NodeJS.ErrnoException).code;
  const option = /'(-[^' ]*)/.exec(error.message)?.[1]?.replace(/^(-\w), --/, '$1');
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && option) return `unknown option ${option}`;
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && option) return `${option.replace(/ <value>$/, '')} needs a value`;
  return error.message;
}
