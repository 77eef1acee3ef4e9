/** What the command line asked for. */
export interface CliArgs {
  command: 'check' | 'help' | 'version';
  paths: string[];
  corpus: string[];
  config: string | null;
  format: 'text' | 'json' | 'sarif';
}

export class UsageError extends Error {}

export const USAGE = `Usage: verbatim check [PATH ...] [--corpus DIR_OR_FILE ...] [--config FILE] [--format text|json]

Checks the quotes in drafts (Markdown or plain text files, or folders of them) against a
corpus of source statements (default: the "corpus" of verbatim.json, else ./sources).

Exit status: 0 no finding at error severity, 1 some finding at error severity,
2 bad usage or an unreadable draft or config.

--format sarif prints a SARIF 2.1.0 log for code-scanning tools. A quote after an
<!-- verbatim-ignore --> comment (or a "verbatim: ignore" line in plain text), or between
<!-- verbatim-disable --> and <!-- verbatim-enable -->, is checked by hand: listed as
ignored (a suppressed result in SARIF), never an error.`;

export function parseArgs(argv: string[]): CliArgs {
  const args: CliArgs = { command: 'check', paths: [], corpus: [], config: null, format: 'text' };
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') return { ...args, command: 'help' };
  if (argv[0] === '--version' || argv[0] === '-v') return { ...args, command: 'version' };
  if (argv[0] !== 'check') throw new UsageError(`unknown command "${argv[0]}"`);
  for (let i = 1; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = () => {
      if (inline !== undefined) return inline;
      const next = argv[++i];
      if (next === undefined || next.startsWith('--')) throw new UsageError(`${flag} needs a value`);
      return next;
    };
    switch (flag) {
      case '--corpus':
        args.corpus.push(value());
        break;
      case '--config':
        args.config = value();
        break;
      case '--format': {
        const f = value();
        if (f !== 'text' && f !== 'json' && f !== 'sarif') throw new UsageError(`--format must be text, json or sarif, not "${f}"`);
        args.format = f;
        break;
      }
      case '--help':
      case '-h':
        return { ...args, command: 'help' };
      default:
        if (arg.startsWith('-') && arg !== '-') throw new UsageError(`unknown option ${arg}`);
        args.paths.push(arg);
    }
  }
  if (args.paths.length === 0) throw new UsageError('no draft to check: give a file or folder');
  return args;
}
