// The fixes the engine offers never damage a quote: applied, the quote checks as verified
// against the same statement, keeps the draft's own punctuation at its edges and its
// attribution, and nothing outside the quote changes. Over generated quote edits and over every
// case of eval:verdicts.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import fc from 'fast-check';
import { checkText, Corpus, loadCorpus, type Finding, type Fix } from '../../../server/src/engine';
import { generateCases } from '../../../scripts/verdicts/generateCases';
import { inventedQuotes } from '../../../scripts/verdicts/inventions';
import { sharedDir } from '../readers/helpers';

function applyFix(text: string, f: Finding, fix: Fix): string {
  let out = text;
  for (const e of [...fix.edits].sort((a, b) => b.at.start - a.at.start)) {
    out = out.slice(0, f.span.start + e.at.start) + e.newText + out.slice(f.span.start + e.at.end);
  }
  return out;
}

const edge = (quote: string) => ({ lead: /^[^\p{L}\p{N}]*/u.exec(quote)![0], tail: /[^\p{L}\p{N}]*$/u.exec(quote)![0] });

/** Applies every fix of every finding in `draft` and asserts what a fix promises. Returns how many fixes were applied. */
function assertFixesHold(corpus: Corpus, draft: string, context: string): number {
  let applied = 0;
  for (const f of checkText(draft, '/drafts/draft.md', corpus).findings) {
    for (const fix of f.fixes ?? []) {
      applied++;
      const why = `${context}\n  ${fix.title}\n  draft: ${draft}`;
      const fixed = applyFix(draft, f, fix);
      // An attribution before the quote moves it by the change in length.
      const moved = fix.kind === 'attribution' && f.speakerSpan!.start < f.span.start ? fixed.length - draft.length : 0;
      const after = checkText(fixed, '/drafts/draft.md', corpus).findings.find((g) => g.span.start === f.span.start + moved && g.kind === 'quote');
      assert.ok(after, `the quote is still found after the fix: ${why}\n  fixed: ${fixed}`);
      assert.equal(after.verdict, 'verified', `verified after the fix: ${why}\n  fixed: ${fixed}\n  ${after.message}`);
      assert.equal(after.source?.path, f.source?.path, `the same source file: ${why}`);
      assert.deepEqual(after.source?.range, f.source?.range, `the same statement: ${why}\n  fixed: ${fixed}`);
      const tailLength = draft.length - f.span.end;
      if (fix.kind === 'sourceWords') {
        assert.equal(fixed.slice(0, f.span.start), draft.slice(0, f.span.start), `nothing before the quote changes: ${why}`);
        assert.equal(fixed.slice(fixed.length - tailLength), draft.slice(f.span.end), `nothing after the quote changes (attribution, closing mark): ${why}`);
        const quoteBefore = draft.slice(f.span.start, f.span.end);
        const quoteAfter = fixed.slice(f.span.start, fixed.length - tailLength);
        assert.deepEqual(edge(quoteAfter), edge(quoteBefore), `the draft's edge punctuation stays: ${why}\n  fixed: ${fixed}`);
        assert.equal(after.speaker, f.speaker, `the attribution stays: ${why}`);
      } else {
        const [e] = fix.edits;
        assert.equal(fix.edits.length, 1);
        assert.deepEqual({ start: f.span.start + e.at.start, end: f.span.start + e.at.end }, f.speakerSpan, `only the speaker's words change: ${why}`);
        assert.equal(after.text, f.text, `the quote's words stay: ${why}`);
        assert.equal(after.speaker, f.source?.speaker, `attributed to the source's speaker: ${why}\n  fixed: ${fixed}`);
      }
    }
  }
  return applied;
}

// Statements of our own, by speakers a draft can name.
const STATEMENTS = [
  { speaker: 'Dana Whitfield', text: 'We will not raise the fare this year, and the new buses will run on every route by the end of March.' },
  { speaker: 'Dana Whitfield', text: "The council can't keep asking riders to pay more for a service that still runs late three days out of five." },
  { speaker: 'Omar Castellanos', text: 'Our commitment to the harbor cleanup is unshakable, and we will continue to fund it with the port authority.' },
  { speaker: 'Omar Castellanos', text: 'Nobody on this board voted to close the library branches; the plan was to keep all 14 of them open until 2027.' },
  { speaker: 'Priya Ramaswamy', text: "I don't believe the bridge is unsafe, but we are going to inspect every cable before the winter storms arrive." },
  { speaker: 'Priya Ramaswamy', text: 'The inspection found 3 cables with minor corrosion, which is well within what the engineers expected to see.' },
];
const VOCABULARY = ['quickly', 'harbor', 'never', 'budget', 'eleven', 'riders', 'winter', 'council', 'promise', 'Tuesday'];

function statementCorpus(): Corpus {
  const corpus = new Corpus();
  corpus.addText('/sources/statements.jsonl', STATEMENTS.map((s) => JSON.stringify(s)).join('\n'));
  return corpus;
}

type Edit = { kind: 'replace' | 'drop' | 'insert' | 'swap'; at: number; word: number } | { kind: 'contract' } | { kind: 'case' };

const editArb: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constantFrom('replace' as const, 'drop' as const, 'insert' as const, 'swap' as const), at: fc.nat(40), word: fc.nat(VOCABULARY.length - 1) }),
  fc.constant({ kind: 'contract' as const }),
  fc.constant({ kind: 'case' as const }),
);

function edited(words: string[], edits: Edit[]): string {
  const out = [...words];
  for (const e of edits) {
    if (e.kind === 'contract') {
      const joined = out
        .join(' ')
        .replace(/\bwill not\b/, "won't")
        .replace(/\bdo not\b/, "don't")
        .replace(/\bcan't\b/, 'cannot')
        .replace(/\bdon't\b/, 'do not');
      out.splice(0, out.length, ...joined.split(' '));
      continue;
    }
    if (e.kind === 'case') {
      out[0] = (out[0][0] === out[0][0].toUpperCase() ? out[0][0].toLowerCase() : out[0][0].toUpperCase()) + out[0].slice(1);
      continue;
    }
    const at = e.at % out.length;
    if (e.kind === 'replace') out[at] = VOCABULARY[e.word];
    else if (e.kind === 'drop' && out.length > 4) out.splice(at, 1);
    else if (e.kind === 'insert') out.splice(at, 0, VOCABULARY[e.word]);
    else if (e.kind === 'swap' && at + 1 < out.length) [out[at], out[at + 1]] = [out[at + 1], out[at]];
  }
  return out.join(' ');
}

test('fixes hold over generated quote edits: verified against the same statement, edges and attribution kept', () => {
  const corpus = statementCorpus();
  let applied = 0;
  fc.assert(
    fc.property(
      fc.nat(STATEMENTS.length - 1),
      fc.nat(30),
      fc.integer({ min: 6, max: 20 }),
      fc.array(editArb, { minLength: 1, maxLength: 3 }),
      fc.constantFrom(0, 1, 2),
      fc.constantFrom('', ',', '.', '!', '?'),
      (which, from, length, edits, shape, punctuation) => {
        const statement = STATEMENTS[which];
        const words = statement.text.split(' ');
        const start = from % Math.max(1, words.length - 6);
        const quote = edited(words.slice(start, start + length), edits).replace(/[,.;:!?]+$/, '') + punctuation;
        const name = statement.speaker;
        const draft = [`${name} said: “${quote}”`, `“${quote}” ${name} said.`, `Last week, ${name.split(' ')[1]} told reporters that the plan would “${quote}” and left.`][shape];
        applied += assertFixesHold(corpus, `# Notes\n\n${draft}\n\nThe meeting ended at noon.\n`, `statement ${which}, edits ${JSON.stringify(edits)}`);
      },
    ),
    { numRuns: 400, seed: 13 },
  );
  assert.ok(applied >= 100, `fixes were offered and applied in the generated cases (${applied})`);
});

test('the README example: the changed last word of a partial quote is replaced, the draft’s comma kept', () => {
  const corpus = statementCorpus();
  const draft = '“Our commitment to the harbor cleanup is unbreakable,” Castellanos said on Friday.\n';
  const f = checkText(draft, '/drafts/d.md', corpus).findings[0];
  assert.equal(f.verdict, 'altered');
  assert.match(f.message, /^“unbreakable” where the source has “unshakable”/);
  const fix = f.fixes?.find((x) => x.kind === 'sourceWords');
  assert.ok(fix, 'a fix is offered');
  assert.equal(applyFix(draft, f, fix), '“Our commitment to the harbor cleanup is unshakable,” Castellanos said on Friday.\n');
  assert.equal(assertFixesHold(corpus, draft, 'README example'), 1);
  // The diff names the source word the draft changed, however late in the quote it stands.
  assert.deepEqual(
    f.diff?.filter((d) => d.op === 'removed' || d.op === 'added'),
    [
      { op: 'removed', text: 'unshakable' },
      { op: 'added', text: 'unbreakable' },
    ],
  );
});

test('a dropped negation before a partial quote is taken back in', () => {
  const corpus = statementCorpus();
  const draft = 'Whitfield said the council would “raise the fare this year.”\n';
  const f = checkText(draft, '/drafts/d.md', corpus).findings[0];
  assert.equal(f.verdict, 'altered');
  assert.equal(applyFix(draft, f, f.fixes![0]), 'Whitfield said the council would “not raise the fare this year.”\n');
  assert.equal(assertFixesHold(corpus, draft, 'negation'), 1);
});

test('no "Attribute to" on a second reference: a title or pronoun is house style, not an error', () => {
  const corpus = statementCorpus();
  const named = checkText('Whitfield said: “Nobody on this board voted to close the library branches.”\n', '/d.md', corpus).findings[0];
  assert.equal(named.verdict, 'misattributed');
  assert.equal(named.fixes?.[0]?.title, "Attribute to Omar Castellanos (the source's speaker)");
  for (const speaker of ['the Chairman', 'the spokesperson', 'she', 'a board member']) {
    const f = checkText(`Dana Whitfield spoke first. “Nobody on this board voted to close the library branches,” ${speaker} said.\n`, '/d.md', corpus).findings.find((x) => x.kind === 'quote');
    assert.ok(f);
    assert.equal(f.fixes?.some((x) => x.kind === 'attribution') ?? false, false, `${speaker}: ${f.verdict} ${JSON.stringify(f.fixes)}`);
  }
});

test('fixes hold over every eval:verdicts case', (t) => {
  const shared = sharedDir();
  if (!shared) {
    t.skip('../shared (the White House sample) is not here');
    return;
  }
  const corpus = loadCorpus([path.join(shared, 'data', 'whitehouse', 'sample')]);
  const cases = generateCases(corpus, inventedQuotes(shared), 1400, 7);
  let applied = 0;
  let altered = 0;
  let alteredFixed = 0;
  for (const c of cases) {
    const n = assertFixesHold(corpus, c.draft, c.kind);
    applied += n;
    const f = checkText(c.draft, '/drafts/draft.md', corpus).findings[0];
    if (f?.verdict === 'altered') {
      altered++;
      if (n > 0) alteredFixed++;
    }
  }
  console.log(`eval:verdicts cases: ${cases.length}; fixes applied ${applied}; altered quotes with a fix ${alteredFixed}/${altered}`);
  assert.ok(alteredFixed >= altered * 0.9, `most altered quotes get a fix (${alteredFixed}/${altered})`);
});
