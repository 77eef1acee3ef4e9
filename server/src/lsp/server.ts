#!/usr/bin/env node
// Entry point of the Verbatim language server. The transport comes from the command line, as
// vscode-languageserver reads it: `--stdio` for other editors, `--node-ipc` when VS Code starts
// it (TransportKind.ipc), or `--socket=PORT`.
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { VerbatimServer } from './verbatimServer';

if (!process.argv.some((a) => a === '--stdio' || a === '--node-ipc' || a.startsWith('--socket=') || a.startsWith('--pipe='))) {
  if (process.argv.includes('--help') || process.argv.includes('-h') || process.stdin.isTTY) {
    process.stderr.write('usage: verbatim-ls --stdio | --node-ipc | --socket=PORT\nThe Verbatim language server speaks LSP; start it from an editor.\n');
    process.exit(process.argv.includes('--help') || process.argv.includes('-h') ? 0 : 2);
  }
  process.argv.push('--stdio');
}

const connection = createConnection(ProposedFeatures.all);
new VerbatimServer(connection).listen();

// Once the session runs, a stray exception must not end it (and lose the writer's diagnostics):
// log it and go on. A failure before this point ends the process, and the client restarts it.
process.on('uncaughtException', (e) => process.stderr.write(`verbatim-ls: uncaught: ${e?.stack ?? e}\n`));
process.on('unhandledRejection', (e) => process.stderr.write(`verbatim-ls: unhandled rejection: ${(e as Error)?.stack ?? e}\n`));
