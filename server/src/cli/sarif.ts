// SARIF 2.1.0 for CI (`verbatim check --format sarif`): one run, one rule per verdict (help
// text and a link to its section of docs/verdicts.md), one result per quote or claim with the
// draft's location and the source statement as a related location. A quote an ignore comment
// covers is a result with an in-source suppression, so code-scanning views show it as dismissed.
import { createHash } from 'crypto';
import * as path from 'path';
import { pathToFileURL } from 'url';
import type { CorpusProblem, FileReport, Finding, Fix, Range, Severity, SourceRef, Verdict } from '../engine';
import { isConfirmed, REPORT_ORDER, VERDICT_FACTS, verdictHref } from '../engine/verdicts';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const INFORMATION_URI = 'https://github.com/verbatim-editor/verbatim';

type Level = 'error' | 'warning' | 'note' | 'none';

function level(severity: Severity): Level {
  switch (severity) {
    case 'error':
      return 'error';
    case 'warning':
      return 'warning';
    case 'information':
    case 'hint':
      return 'note';
    case 'none':
      return 'none';
  }
}

function rule(verdict: Verdict) {
  const facts = VERDICT_FACTS[verdict];
  const r = facts.sarif;
  const href = verdictHref(verdict);
  return {
    id: verdict,
    name: r.name,
    shortDescription: { text: r.short },
    fullDescription: { text: r.full },
    help: { text: `${r.help} See ${href}`, markdown: `${r.help.replace(/</g, '&lt;')} [More about \`${verdict}\`](${href}).` },
    helpUri: href,
    defaultConfiguration: { level: level(facts.defaultSeverity) },
    properties: { tags: isConfirmed(verdict) ? ['fact-checking'] : ['fact-checking', 'quotes'] },
  };
}

/** A file as SARIF wants it: relative to the working folder (`%SRCROOT%`) when inside it, else a file URI. */
function artifact(file: string, root: string): { uri: string; uriBaseId?: string } {
  const rel = path.relative(root, file);
  if (rel && !rel.startsWith('..') && !path.isAbsolute(rel)) return { uri: rel.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: 'SRCROOT' };
  return { uri: pathToFileURL(file).toString() };
}

/** SARIF regions are one-based; `endColumn` is the column after the last character (UTF-16 code units). */
function region(range: Range, snippet?: string) {
  return {
    startLine: range.start.line + 1,
    startColumn: range.start.character + 1,
    endLine: range.end.line + 1,
    endColumn: range.end.character + 1,
    ...(snippet !== undefined ? { snippet: { text: snippet } } : {}),
  };
}

function excerpt(text: string, max = 160): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  return clean.length <= max ? clean : `${clean.slice(0, max - 1)}…`;
}

function sourceLocation(id: number, source: SourceRef, role: string, root: string) {
  const where = [source.title, source.date].filter(Boolean).join(', ');
  return {
    id,
    physicalLocation: { artifactLocation: artifact(source.path, root), region: region(source.range) },
    message: { text: `${role}: ${source.speaker}, “${excerpt(source.text)}”${where ? ` (${where})` : ''}${source.url ? ` ${source.url}` : ''}` },
  };
}

function result(f: Finding, file: string, root: string) {
  const sources = [
    ...(f.source ? [{ ref: f.source, role: f.kind === 'claim' ? 'Closest statement' : 'Source statement' }] : []),
    ...f.otherSources.map((ref) => ({ ref, role: f.verdict === 'stitched' ? 'Second statement' : 'Closest statement' })),
  ];
  const pass = isConfirmed(f.verdict);
  return {
    ruleId: f.verdict,
    ruleIndex: REPORT_ORDER.indexOf(f.verdict),
    kind: pass ? 'pass' : f.severity === 'none' ? 'informational' : 'fail',
    level: pass ? 'none' : level(f.severity),
    message: { text: f.message },
    locations: [{ physicalLocation: { artifactLocation: artifact(file, root), region: region(f.range, f.text) } }],
    ...(sources.length ? { relatedLocations: sources.map((s, i) => sourceLocation(i + 1, s.ref, s.role, root)) } : {}),
    ...(f.fixes?.length ? { fixes: f.fixes.map((fix) => sarifFix(fix, f, file, root)) } : {}),
    partialFingerprints: {
      'verbatimQuote/v1': createHash('sha1')
        .update(`${f.kind}\u0000${f.speaker ?? ''}\u0000${f.text}`)
        .digest('hex'),
    },
    ...(f.ignored
      ? { suppressions: [{ kind: 'inSource', status: 'accepted', justification: 'Checked by hand: an ignore comment (verbatim-ignore, or a verbatim-disable passage) covers this quote.' }] }
      : {}),
    properties: {
      kind: f.kind,
      verdict: f.verdict,
      speaker: f.speaker,
      ...(f.changes.length ? { changes: f.changes } : {}),
    },
  };
}

/** An engine fix as SARIF: replacements by character offset into the draft (UTF-16 code units, the run's `columnKind`). */
function sarifFix(fix: Fix, f: Finding, file: string, root: string) {
  return {
    description: { text: fix.title },
    artifactChanges: [
      {
        artifactLocation: artifact(file, root),
        replacements: fix.edits.map((e) => ({
          deletedRegion: { charOffset: f.span.start + e.at.start, charLength: e.at.end - e.at.start },
          insertedContent: { text: e.newText },
        })),
      },
    ],
  };
}

/** The SARIF log of one `verbatim check`: a JSON string. */
export function renderSarif(
  reports: FileReport[],
  corpus: { documents: number; statements: number; problems: CorpusProblem[] },
  summary: Record<Verdict, number>,
  version: string,
  root = process.cwd(),
): string {
  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'Verbatim',
            fullName: 'Verbatim quote checker',
            version,
            semanticVersion: version,
            informationUri: INFORMATION_URI,
            rules: REPORT_ORDER.map(rule),
          },
        },
        originalUriBaseIds: { SRCROOT: { uri: pathToFileURL(root.endsWith(path.sep) ? root : root + path.sep).toString() } },
        invocations: [
          {
            executionSuccessful: true,
            toolExecutionNotifications: corpus.problems.map((p) => ({
              level: 'warning',
              message: { text: `Corpus problem: ${p.message}` },
              locations: [{ physicalLocation: { artifactLocation: artifact(p.path, root) } }],
            })),
          },
        ],
        columnKind: 'utf16CodeUnits',
        results: reports.flatMap((r) => r.findings.map((f) => result(f, r.path, root))),
        properties: { corpus: { documents: corpus.documents, statements: corpus.statements }, summary },
      },
    ],
  };
  return JSON.stringify(log, null, 2);
}
