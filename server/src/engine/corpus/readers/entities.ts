// HTML character references (`&apos;`, `&#8217;`, `&gt;`) decoded with the `entities` library,
// keeping where each decoded character came from, so a statement's span stays on the raw text.

import { decodeHTML } from 'entities';
import { lastStartingAtOrBefore } from '../../text/spans';

const REFERENCE = /&(?:#\d{1,7}|#x[\da-f]{1,6}|[a-z][a-z\d]{1,31});/gi;

/** `raw` with its references decoded, and the offset in `raw` of an offset in the decoded text. */
export function decodeEntities(raw: string): { s: string; raw: (offset: number) => number } {
  if (!raw.includes('&')) return { s: raw, raw: (o) => o };
  // Decoded piece by piece: between references, the text is the same length in both.
  let s = '';
  const decodedAt: number[] = [0];
  const rawAt: number[] = [0];
  let last = 0;
  REFERENCE.lastIndex = 0;
  for (let m = REFERENCE.exec(raw); m; m = REFERENCE.exec(raw)) {
    s += raw.slice(last, m.index);
    decodedAt.push(s.length);
    rawAt.push(m.index);
    s += decodeHTML(m[0]);
    last = m.index + m[0].length;
    decodedAt.push(s.length);
    rawAt.push(last);
  }
  s += raw.slice(last);
  return {
    s,
    raw: (offset) => {
      const at = Math.max(
        lastStartingAtOrBefore(decodedAt, offset, (start) => start),
        0,
      );
      return rawAt[at] + (offset - decodedAt[at]);
    },
  };
}
