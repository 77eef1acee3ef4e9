// Every fact about a verdict that more than one place shows, in one table: its label, what it
// means in a line, whether it confirms, accuses or leaves a quote unconfirmed, its default
// severity, which findings can get it, its place in a report, and its SARIF rule. The CLI's
// formats, the report, the language server, the client and the eval scripts read it; the JSON
// files VS Code reads as they are (package.json, package.nls.json, schemas/verbatim.schema.json)
// are held to it by test/unit/engine/verdictFacts.test.ts.
import type { Severity, Verdict } from './types';

/**
 * - `confirmed`: nothing to fix (verified, supported);
 * - `accusing`: the draft misquotes a statement (SPEC §5: needs evidence of the same remark);
 * - `unconfirmed`: no statement or no speaker found, to check by hand.
 */
export type VerdictTone = 'confirmed' | 'accusing' | 'unconfirmed';

export interface VerdictFacts {
  /** As a heading, a hover's title, a CodeLens: "Altered". */
  label: string;
  /** What a finding with this verdict is, one sentence: the settings' and the schema's description. */
  summary: string;
  tone: VerdictTone;
  defaultSeverity: Severity;
  /** Which findings can get it: quotes, attributed claims (indirect speech), or both. */
  of: ReadonlyArray<'quote' | 'claim'>;
  /** Its place in a report, in the SARIF rules and the count chips: the problems a desk fixes first, first. */
  reportRank: number;
  /** The SARIF rule (`verbatim check --format sarif`): name, descriptions and help. */
  sarif: { name: string; short: string; full: string; help: string };
}

/** Where each verdict is explained (a diagnostic's codeDescription, a SARIF rule's helpUri). */
export const DOCS_URL = 'https://github.com/verbatim-editor/verbatim/blob/main/docs/verdicts.md';
export function verdictHref(verdict: Verdict): string {
  return `${DOCS_URL}#${verdict}`;
}

/** The table. Its key order is the order of the JSON summary and the CLI's counts. */
export const VERDICT_FACTS: { readonly [V in Verdict]: VerdictFacts } = {
  verified: {
    label: 'Verified',
    summary: 'A quote that matches a statement of the same speaker (editing conventions allowed).',
    tone: 'confirmed',
    defaultSeverity: 'none',
    of: ['quote'],
    reportRank: 6,
    sarif: {
      name: 'VerifiedQuote',
      short: 'The quote matches what the speaker said.',
      full: 'The quote matches a statement of the same speaker, allowing the usual editing conventions (typographic marks, an ellipsis, [brackets], [sic], a partial quote).',
      help: 'Nothing to do: the related location is the source statement.',
    },
  },
  altered: {
    label: 'Altered',
    summary: 'A quote whose words differ from the closest statement of that speaker.',
    tone: 'accusing',
    defaultSeverity: 'error',
    of: ['quote'],
    reportRank: 1,
    sarif: {
      name: 'AlteredQuote',
      short: 'A quote differs from what the speaker said.',
      full: 'The closest statement of the quoted speaker differs from the quote: words changed, added, dropped without an ellipsis, or reordered. A changed number, name or negation is always an error; a contraction, a spelling variant or a function word is a minor change.',
      help: "Compare the quote with the source statement (the related location) and use the source's exact words, or mark omissions with an ellipsis and insertions with [brackets].",
    },
  },
  misattributed: {
    label: 'Misattributed',
    summary: 'Words that match a statement of a different speaker.',
    tone: 'accusing',
    defaultSeverity: 'error',
    of: ['quote', 'claim'],
    reportRank: 2,
    sarif: {
      name: 'MisattributedQuote',
      short: 'The quoted words belong to a different speaker.',
      full: 'The words match a statement in the corpus, but of a different speaker than the one the draft names.',
      help: 'Attribute the quote to the speaker of the source statement (the related location), or find the statement of the speaker you name.',
    },
  },
  missing: {
    label: 'Missing',
    summary: 'A quote no statement in the corpus matches.',
    tone: 'unconfirmed',
    defaultSeverity: 'warning',
    of: ['quote', 'claim'],
    reportRank: 4,
    sarif: {
      name: 'MissingQuote',
      short: 'No source statement has these words.',
      full: 'No statement in the corpus matches the quote: the source may be missing from the corpus, or the words may not have been said.',
      help: 'Add the transcript, statement or notes the quote comes from to the corpus, or check the quote by hand and mark it with <!-- verbatim-ignore -->.',
    },
  },
  unattributed: {
    label: 'Unattributed',
    summary: 'A quote with a cue but no speaker that can be resolved.',
    tone: 'unconfirmed',
    defaultSeverity: 'information',
    of: ['quote', 'claim'],
    reportRank: 5,
    sarif: {
      name: 'UnattributedQuote',
      short: 'A quote has no speaker that could be resolved.',
      full: 'The quote has a cue ("he said") but no speaker Verbatim could resolve to a person or organisation.',
      help: 'Name who said it near the quote, or add the name the draft uses as an alias in the "speakers" table of verbatim.json.',
    },
  },
  stitched: {
    label: 'Stitched',
    summary: 'Fragments of different statements joined as one quote without an ellipsis.',
    tone: 'accusing',
    defaultSeverity: 'error',
    of: ['quote'],
    reportRank: 3,
    sarif: {
      name: 'StitchedQuote',
      short: 'Two separate statements are joined as one quote.',
      full: 'Fragments of different statements are joined as one quotation without an ellipsis, as if said together.',
      help: 'Split the quote into two quotations, or mark the omission between the statements with an ellipsis if they are from one passage.',
    },
  },
  supported: {
    label: 'Supported',
    summary: "An attributed claim (indirect speech) supported by the speaker's statements.",
    tone: 'confirmed',
    defaultSeverity: 'none',
    of: ['claim'],
    reportRank: 7,
    sarif: {
      name: 'SupportedClaim',
      short: "An attributed claim is borne out by the speaker's statements.",
      full: 'An attributed claim (indirect speech) whose content words, figures, names and negation agree with a statement of the speaker.',
      help: 'Nothing to do: the related location is the supporting statement.',
    },
  },
};

/** Every verdict, in the table's order (the JSON summary's). */
export const VERDICTS: readonly Verdict[] = Object.keys(VERDICT_FACTS) as Verdict[];

/** Every verdict in a report's order: the problems a desk must fix first, then the confirmed. */
export const REPORT_ORDER: readonly Verdict[] = [...VERDICTS].sort((a, b) => VERDICT_FACTS[a].reportRank - VERDICT_FACTS[b].reportRank);

/** The problems' order in a report: accusing, then unconfirmed. */
export const PROBLEM_ORDER: readonly Verdict[] = REPORT_ORDER.filter((v) => VERDICT_FACTS[v].tone !== 'confirmed');

export const DEFAULT_SEVERITIES: Readonly<Record<Verdict, Severity>> = Object.fromEntries(VERDICTS.map((v) => [v, VERDICT_FACTS[v].defaultSeverity])) as Record<Verdict, Severity>;

export const VERDICT_LABEL: Readonly<Record<Verdict, string>> = Object.fromEntries(VERDICTS.map((v) => [v, VERDICT_FACTS[v].label])) as Record<Verdict, string>;

const TONE_ICON: Record<VerdictTone, string> = { confirmed: '✓', accusing: '✗', unconfirmed: '?' };

/** ✓ confirmed, ✗ accusing, ? unconfirmed: the hover's and the report's mark. */
export function verdictIcon(verdict: Verdict): string {
  return TONE_ICON[VERDICT_FACTS[verdict].tone];
}

/** Whether a verdict confirms the quote or claim (verified, supported): nothing to fix. */
export function isConfirmed(verdict: Verdict): boolean {
  return VERDICT_FACTS[verdict].tone === 'confirmed';
}

/** Whether a verdict says the draft misquotes (altered, misattributed, stitched). */
export function isAccusing(verdict: Verdict): boolean {
  return VERDICT_FACTS[verdict].tone === 'accusing';
}

/** A count per verdict, every one zero, in the table's order. */
export function zeroCounts(): Record<Verdict, number> {
  return Object.fromEntries(VERDICTS.map((v) => [v, 0])) as Record<Verdict, number>;
}

/** The verdicts a quote (or a claim) can get, verified (or supported) first, then in a report's order. */
export function verdictsOf(kind: 'quote' | 'claim'): Verdict[] {
  const of = REPORT_ORDER.filter((v) => VERDICT_FACTS[v].of.includes(kind));
  return [...of.filter(isConfirmed), ...of.filter((v) => !isConfirmed(v))];
}
