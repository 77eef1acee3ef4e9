// Findings → LSP diagnostics and code actions. Pure functions over plain data.
import { pathToFileURL } from 'url';
import type { CodeAction, Diagnostic, DiagnosticRelatedInformation, TextEdit } from 'vscode-languageserver';
import { CodeActionKind, DiagnosticSeverity } from 'vscode-languageserver';
import type { Finding, LineIndex, Severity } from '../engine';
import * as path from 'path';
import { ServerCommands, type DiagnosticData, type HideFindingParams } from './protocol';
import { isConfirmed, verdictHref } from '../engine/verdicts';

export const SOURCE = 'verbatim';
export const IGNORE_COMMENT_MD = '<!-- verbatim-ignore -->';
export const IGNORE_COMMENT_TEXT = 'verbatim: ignore';

const SEVERITY: Record<Exclude<Severity, 'none'>, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function hasDiagnostic(f: Finding): boolean {
  return !f.ignored && f.severity !== 'none';
}

export function toDiagnostic(f: Finding, version: number): Diagnostic {
  const data: DiagnosticData = { verdict: f.verdict, span: f.span, version, quote: f.text, speaker: f.speaker };
  const related: DiagnosticRelatedInformation[] = [];
  for (const src of f.source ? [f.source, ...f.otherSources] : f.otherSources) {
    related.push({
      location: { uri: pathToFileURL(src.path).toString(), range: src.range },
      // Where the source is, not its words: the hover shows them (once), with the differences marked.
      message: `Source: ${src.speaker}${src.title ? `, ${src.title}` : ''}${src.date ? `, ${src.date}` : ''}`,
    });
  }
  return {
    range: f.range,
    severity: SEVERITY[f.severity as Exclude<Severity, 'none'>] ?? DiagnosticSeverity.Information,
    code: f.verdict,
    codeDescription: { href: verdictHref(f.verdict) },
    source: SOURCE,
    message: f.message,
    relatedInformation: related.length ? related : undefined,
    data,
  };
}

/** Where an ignore comment goes for a quote: before its opening mark (or its block quote's `>`). */
export function ignoreEdit(text: string, f: Finding, format: 'markdown' | 'plaintext', lines: LineIndex): TextEdit {
  if (format === 'markdown') {
    let at = f.span.start;
    const lineStart = lines.offset({ line: lines.position(at).line, character: 0 });
    const beforeOnLine = text.slice(lineStart, at);
    if (/^[ \t]{0,3}>[ \t]?$/.test(beforeOnLine) || f.kind === 'claim') {
      // A block quote or a claim: the comment goes on the line before.
      const eol = /\r\n/.test(text) ? '\r\n' : '\n';
      const pos = lines.position(lineStart);
      return { range: { start: pos, end: pos }, newText: IGNORE_COMMENT_MD + eol };
    }
    // Step back over the opening mark(s) so the comment stands right before the quote.
    while (at > lineStart && /[“"‘'«„‚]/.test(text[at - 1])) at--;
    const pos = lines.position(at);
    return { range: { start: pos, end: pos }, newText: IGNORE_COMMENT_MD + ' ' };
  }
  // Plain text: a comment line of its own before the paragraph's line that holds the quote.
  const eol = /\r\n/.test(text) ? '\r\n' : '\n';
  const line = lines.position(f.span.start).line;
  const pos = { line, character: 0 };
  return { range: { start: pos, end: pos }, newText: IGNORE_COMMENT_TEXT + eol };
}

export interface ActionContext {
  uri: string;
  /** The config file "Hide in this workspace" records findings in (its name is shown). */
  configFile: string;
  text: string;
  format: 'markdown' | 'plaintext';
  lines: LineIndex;
}

/**
 * The quick fixes of a finding: the engine's proven fixes (only when `ctx.text` is the text the
 * finding was made from, so its offsets hold), and "mark as checked by hand".
 */
export function codeActionsFor(f: Finding, diagnostic: Diagnostic | undefined, ctx: ActionContext, current: boolean): CodeAction[] {
  const actions: CodeAction[] = [];
  const diagnostics = diagnostic ? [diagnostic] : undefined;
  for (const fix of current ? (f.fixes ?? []) : []) {
    actions.push({
      title: fix.title,
      kind: CodeActionKind.QuickFix,
      diagnostics,
      isPreferred: true,
      edit: { changes: { [ctx.uri]: fix.edits.map((e) => ({ range: ctx.lines.range({ start: f.span.start + e.at.start, end: f.span.start + e.at.end }), newText: e.newText })) } },
    });
  }
  if (!f.ignored && !isConfirmed(f.verdict)) {
    actions.push({
      title: 'Mark this quote as checked by hand (verbatim-ignore)',
      kind: CodeActionKind.QuickFix,
      diagnostics,
      edit: { changes: { [ctx.uri]: [ignoreEdit(ctx.text, f, ctx.format, ctx.lines)] } },
    });
    const hide: HideFindingParams = { uri: ctx.uri, verdict: f.verdict, quote: f.text };
    actions.push({
      title: `Hide in this workspace (${path.basename(ctx.configFile)})`,
      kind: CodeActionKind.QuickFix,
      diagnostics,
      command: { title: 'Hide in this workspace', command: ServerCommands.hideFinding, arguments: [hide] },
    });
  }
  return actions;
}
