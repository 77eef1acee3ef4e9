// SARIF 2.1.0 for CI (`verbatim check --format sarif`): one run, one rule per verdict (help
// text and a link to its section of docs/verdicts.md), one result per quote or claim with the
// draft's location and the source statement as a related location. A quote an ignore comment
// covers is a result with an in-source suppression, so code-scanning views show it as dismissed.
import { createHash } from 'crypto';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { DEFAULT_SEVERITIES, type CorpusProblem, type FileReport, type Finding, type Fix, type Range, type Severity, type SourceRef, type Verdict } from '../engine';
import { verdictHref } from '../engine/verdicts';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const INFORMATION_URI = 'https://github.com/verbatim-editor/verbatim';

interface RuleText {
  name: string;
  short: string;
  full: string;
  help: string;
}

/** What each verdict means and what to do about it: the rule's descriptions and help. */
const RULES: Record<Verdict, RuleText> = {
  altered: {
    name: 'AlteredQuote',
    short: 'A quote differs from what the speaker said.',
    full: 'The closest statement of the quoted speaker differs from the quote: words changed, added, dropped without an ellipsis, or reordered. A changed number, name or negation is always an error; a contraction, a spelling variant or a function word is a minor change.',
    help: "Compare the quote with the source statement (the related location) and use the source's exact words, or mark omissions with an ellipsis and insertions with [brackets].",
  },
  misattributed: {
    name: 'MisattributedQuote',
    short: 'The quoted words belong to a different speaker.',
    full: 'The words match a statement in the corpus, but of a different speaker than the one the draft names.',
    help: 'Attribute the quote to the speaker of the source statement (the related location), or find the statement of the speaker you name.',
  },
  stitched: {
    name: 'StitchedQuote',
    short: 'Two separate statements are joined as one quote.',
    full: 'Fragments of different statements are joined as one quotation without an ellipsis, as if said together.',
    help: 'Split the quote into two quotations, or mark the omission between the statements with an ellipsis if they are from one passage.',
  },
  missing: {
    name: 'MissingQuote',
    short: 'No source statement has these words.',
    full: 'No statement in the corpus matches the quote: the source may be missing from the corpus, or the words may not have been said.',
    help: 'Add the transcript, statement or notes the quote comes from to the corpus, or check the quote by hand and mark it with <!-- verbatim-ignore -->.',
  },
  unattributed: {
    name: 'UnattributedQuote',
    short: 'A quote has no speaker that could be resolved.',
    full: 'The quote has a cue ("he said") but no speaker Verbatim could resolve to a person or organisation.',
    help: 'Name who said it near the quote, or add the name the draft uses as an alias in the "speakers" table of verbatim.json.',
  },
  verified: {
    name: 'VerifiedQuote',
    short: 'The quote matches what the speaker said.',
    full: 'The quote matches a statement of the same speaker, allowing the usual editing conventions (typographic marks, an ellipsis, [brackets], [sic], a partial quote).',
    help: 'Nothing to do: the related location is the source statement.',
  },
  supported: {
    name: 'SupportedClaim',
    short: "An attributed claim is borne out by the speaker's statements.",
    full: 'An attributed claim (indirect speech) whose content words, figures, names and negation agree with a statement of the speaker.',
    help: 'Nothing to do: the related location is the supporting statement.',
  },
};

const RULE_ORDER: Verdict[] = ['altered', 'misattributed', 'stitched', 'missing', 'unattributed', 'verified', 'supported'];

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
  const r = RULES[verdict];
  const href = verdictHref(verdict);
  return {
    id: verdict,
    name: r.name,
    shortDescription: { text: r.short },
    fullDescription: { text: r.full },
    help: { text: `${r.help} See ${href}`, markdown: `${r.help.replace(/</g, '&lt;')} [More about \`${verdict}\`](${href}).` },
    helpUri: href,
    defaultConfiguration: { level: level(DEFAULT_SEVERITIES[verdict]) },
    properties: { tags: verdict === 'verified' || verdict === 'supported' ? ['fact-checking'] : ['fact-checking', 'quotes'] },
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
  const sources = [...(f.source ? [{ ref: f.source, role: f.kind === 'claim' ? 'Closest statement' : 'Source statement' }] : []), ...f.otherSources.map((ref) => ({ ref, role: f.verdict === 'stitched' ? 'Second statement' : 'Closest statement' }))];
  const pass = f.verdict === 'verified' || f.verdict === 'supported';
  return {
    ruleId: f.verdict,
    ruleIndex: RULE_ORDER.indexOf(f.verdict),
    kind: pass ? 'pass' : f.severity === 'none' ? 'informational' : 'fail',
    level: pass ? 'none' : level(f.severity),
    message: { text: f.message },
    locations: [{ physicalLocation: { artifactLocation: artifact(file, root), region: region(f.range, f.text) } }],
    ...(sources.length ? { relatedLocations: sources.map((s, i) => sourceLocation(i + 1, s.ref, s.role, root)) } : {}),
    ...(f.fixes?.length ? { fixes: f.fixes.map((fix) => sarifFix(fix, f, file, root)) } : {}),
    partialFingerprints: { 'verbatimQuote/v1': createHash('sha1').update(`${f.kind}\u0000${f.speaker ?? ''}\u0000${f.text}`).digest('hex') },
    ...(f.ignored ? { suppressions: [{ kind: 'inSource', status: 'accepted', justification: 'Checked by hand: an ignore comment (verbatim-ignore, or a verbatim-disable passage) covers this quote.' }] } : {}),
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
            rules: RULE_ORDER.map(rule),
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
