// The claim checker's stemmer (engine/claims/stem.ts, the Snowball English stemmer from the
// porter2 package) against the hand-written one it replaced (issue #14), on the verbs attributed
// claims turn on: does every form of a verb meet at one stem, so that "agreed" in a draft finds
// "agrees" in a statement?
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { stem } from '../../../server/src/engine/claims/stem';

/**
 * Thirteen common verbs, each in its four forms: base, third person -s, past (-ed, or the
 * irregular past), -ing. Chosen to cover the English spelling patterns: a plain stem (support),
 * a silent e dropped before -ed/-ing (oppose, increase, raise, promise, approve, create), a
 * doubled consonant (plan, stop, cut), -ee (agree), y → ie (deny), an irregular past (say, cut).
 */
const VERBS: ReadonlyArray<readonly [string, string, string, string]> = [
  ['say', 'says', 'said', 'saying'],
  ['agree', 'agrees', 'agreed', 'agreeing'],
  ['plan', 'plans', 'planned', 'planning'],
  ['support', 'supports', 'supported', 'supporting'],
  ['oppose', 'opposes', 'opposed', 'opposing'],
  ['increase', 'increases', 'increased', 'increasing'],
  ['cut', 'cuts', 'cut', 'cutting'],
  ['raise', 'raises', 'raised', 'raising'],
  ['deny', 'denies', 'denied', 'denying'],
  ['promise', 'promises', 'promised', 'promising'],
  ['approve', 'approves', 'approved', 'approving'],
  ['create', 'creates', 'created', 'creating'],
  ['stop', 'stops', 'stopped', 'stopping'],
];

/** The hand stemmer claims used until issue #14 (kept here only to measure what changed). */
function handStem(word: string): string {
  let w = word.toLowerCase().replace(/'s$/, '');
  if (w.length <= 3) return w;
  if (/ies$/.test(w) && w.length > 4) return w.slice(0, -3) + 'y';
  if (/ied$/.test(w) && w.length > 4) return w.slice(0, -3) + 'y';
  if (/(ss|us|is)$/.test(w)) return w;
  if (/(ches|shes|sses|xes|zes)$/.test(w)) w = w.slice(0, -2);
  else if (/s$/.test(w)) w = w.slice(0, -1);
  if (/eed$/.test(w)) return w;
  if (/(ed|ing)$/.test(w)) {
    const base = w.replace(/(ed|ing)$/, '');
    if (base.length >= 3 && /[aeiouy]/.test(base)) {
      if (/(.)\1$/.test(base) && !/(ll|ss|zz)$/.test(base)) return base.slice(0, -1);
      if (/(at|bl|iz|is)$/.test(base)) return base + 'e';
      return base;
    }
  }
  if (/e$/.test(w) && w.length > 4) w = w.slice(0, -1);
  return w;
}

function measure(f: (w: string) => string): { verbs: number; forms: number; missed: string[] } {
  let verbs = 0;
  let forms = 0;
  const missed: string[] = [];
  for (const forms4 of VERBS) {
    const stems = forms4.map(f);
    const met = stems.slice(1).filter((s) => s === stems[0]).length;
    forms += met;
    if (met === 3) verbs++;
    else missed.push(forms4.map((w, i) => `${w}→${stems[i]}`).join(' '));
  }
  return { verbs, forms, missed };
}

test('every form of a verb meets at one stem: 12 of 13 verbs with the Snowball stemmer, 8 with the hand stemmer', () => {
  const before = measure(handStem);
  const after = measure(stem);
  console.log(`# hand stemmer: ${before.verbs}/13 verbs, ${before.forms}/39 forms meet their base; missed: ${before.missed.join('; ')}`);
  console.log(`# Snowball (porter2): ${after.verbs}/13 verbs, ${after.forms}/39 forms meet their base; missed: ${after.missed.join('; ')}`);
  assert.equal(before.verbs, 8);
  assert.equal(before.forms, 31);
  assert.ok(after.verbs >= 12, `${after.verbs}/13 verbs: ${after.missed.join('; ')}`);
  assert.equal(after.forms, 38);
  // The one left: an irregular past no suffix stripping reaches.
  assert.deepEqual(after.missed, ['say→say says→say said→said saying→say']);
});

test('the pairs a claim turned on meet now: agreed/agrees, created/creates, raised/raises, promised/promises', () => {
  for (const [a, b] of [
    ['agreed', 'agrees'],
    ['created', 'creates'],
    ['raised', 'raises'],
    ['promised', 'promises'],
    ['discussed', 'discussing'],
    ['inspectors', 'inspector'],
  ]) {
    assert.equal(stem(a), stem(b), `${a} / ${b}`);
  }
  // Case and a possessive do not matter; different words stay apart.
  assert.equal(stem('Agreed'), stem('agrees'));
  assert.equal(stem("president's"), stem('president'));
  for (const [a, b] of [
    ['new', 'news'],
    ['general', 'generous'],
    ['state', 'statement'],
    ['said', 'sad'],
  ])
    assert.notEqual(stem(a), stem(b), `${a} / ${b}`);
});
