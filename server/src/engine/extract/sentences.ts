import type { Span } from '../types';
import { workDone } from '../work';

export const ABBREVIATIONS = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'sen',
  'rep',
  'gov',
  'st',
  'jr',
  'sr',
  'gen',
  'col',
  'lt',
  'sgt',
  'capt',
  'prof',
  'jan',
  'feb',
  'mar',
  'apr',
  'aug',
  'sept',
  'sep',
  'oct',
  'nov',
  'dec',
  'vs',
  'no',
  'inc',
  'corp',
  'co',
  'ltd',
  'u.s',
  'u.k',
  'u.n',
  'e.g',
  'i.e',
  'mt',
  'ft',
  'pres',
  'atty',
  'supt',
  'rev',
  'hon',
  'd.c',
  'ariz',
  'calif',
  'fla',
  'ill',
  'mass',
  'mich',
  'minn',
  'penn',
  'tenn',
  'tex',
  'va',
  'wash',
  'wis',
  'conn',
  'del',
  'ga',
  'ky',
  'la',
  'md',
  'mo',
  'nev',
  'okla',
  'ore',
  'pa',
  'colo',
  'ala',
  'ark',
  'kan',
  'neb',
  'n.y',
  'n.j',
  'n.c',
  's.c',
]);

/**
 * Sentence spans of one paragraph of a skeleton (quote contents blanked, so their periods
 * do not count). A period ends a sentence unless it follows an abbreviation or an initial.
 */
export function sentencesOf(text: string, para: Span): Span[] {
  const spans: Span[] = [];
  let start = para.start;
  // Only at the start of a run of marks: "......" must not be tried from every dot.
  const end = /(?<![.!?])[.!?]+["”’'»)\]]*(?=\s+["“‘'«([]?[\p{Lu}\p{N}·])/gu;
  end.lastIndex = para.start;
  for (let m = end.exec(text); m && m.index < para.end; m = end.exec(text)) {
    workDone.steps++;
    if (m[0][0] === '.') {
      const wordBefore = /([\p{L}.]+)$/u.exec(text.slice(Math.max(para.start, m.index - 12), m.index));
      const w = wordBefore ? wordBefore[1].toLowerCase() : '';
      // An abbreviation, an initial ("J.") or initials ("G.K.") do not end a sentence.
      if (ABBREVIATIONS.has(w) || /^\p{L}$/u.test(w) || /^(?:\p{L}\.)+\p{L}$/u.test(w)) continue;
    }
    const stop = m.index + m[0].length;
    spans.push({ start, end: stop });
    start = stop;
    while (start < para.end && /\s/.test(text[start])) start++;
  }
  if (start < para.end) spans.push({ start, end: para.end });
  return spans;
}
