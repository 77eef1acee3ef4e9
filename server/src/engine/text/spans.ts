import type { Span } from '../types';

/**
 * Index of the last item starting at or before `offset` in items sorted by start, or -1: the
 * one binary search behind every "which sentence, paragraph, mention or quote is this in" lookup.
 */
export function lastStartingAtOrBefore<T>(items: readonly T[], offset: number, startOf: (item: T) => number = (item) => (item as unknown as Span).start): number {
  let lo = 0;
  let hi = items.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (startOf(items[mid]) <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}
